// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// The parts of the _vitrum extension module, one function per binding file.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vitrum/core/series.hpp>

#include "convert.hpp"

namespace vitrum::python {

void bind_errors(py::module_& m);   ///< errors.cpp
void bind_dataset(py::module_& m);  ///< dataset.cpp
void bind_dsc(py::module_& m);      ///< dsc.cpp
void bind_indent(py::module_& m);   ///< indent.cpp
void bind_cnt(py::module_& m);      ///< cnt.cpp
void bind_report(py::module_& m);   ///< report.cpp

/// A dataset given as a vitrum.Dataset or read from a path (technique "dsc" or "indentation"
/// guides format detection; `format` forces a reader). Reads without the GIL.
std::shared_ptr<const Dataset> dataset_from(py::handle source, const std::string& format,
                                            const char* technique);

}  // namespace vitrum::python
