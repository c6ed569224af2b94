// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

// Factories of the indentation readers outside NanoSuite; registered in indentation_readers.cpp.

#include <memory>
#include <string>
#include <string_view>
#include <vitrum/core/series.hpp>
#include <vitrum/instruments/reader.hpp>

namespace vitrum::indentation_io {

std::unique_ptr<Reader> make_hysitron_hld_reader();        ///< hysitron_hld.cpp
std::unique_ptr<Reader> make_hysitron_txt_reader();        ///< hysitron_txt.cpp
std::unique_ptr<Reader> make_hysitron_results_reader();    ///< hysitron_results.cpp
std::unique_ptr<Reader> make_micromaterials_txt_reader();  ///< micromaterials_txt.cpp
std::unique_ptr<Reader> make_micromaterials_zip_reader();  ///< micromaterials_zip.cpp
std::unique_ptr<Reader> make_fischer_txt_reader();         ///< fischer_txt.cpp
std::unique_ptr<Reader> make_hdf5_common_reader();         ///< hdf5_common.cpp
std::unique_ptr<Reader> make_femtotools_txt_reader();      ///< femtotools_txt.cpp

/// One Micro Materials NanoTest indent (headerless "time [s] TAB depth [nm] TAB load [mN]") as a
/// curve named `curve_name`; `path` is used in messages.
/// @throws ParseError with line and column for any cell that is not a number or a row that has
///         not three fields; FormatError when there are no rows.
Curve parse_micromaterials_indent(std::string_view bytes, const std::string& path,
                                  const std::string& curve_name);

/// True when `head` looks like a Micro Materials indent: every complete line of the sample has
/// three tab-separated numbers with a '.' decimal and the time (first field) starts at 0.
bool looks_like_micromaterials_indent(std::string_view head) noexcept;

}  // namespace vitrum::indentation_io
