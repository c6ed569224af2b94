// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/core/version.hpp>

#include "bindings.hpp"

PYBIND11_MODULE(_vitrum, m) {
    m.doc() = "Compiled core of the vitrum package (use `import vitrum`).";
    m.attr("__version__") = vitrum::version();
    m.attr("git_commit") = vitrum::git_commit();
    vitrum::python::bind_errors(m);
    vitrum::python::bind_dataset(m);
    vitrum::python::bind_dsc(m);
    vitrum::python::bind_indent(m);
    vitrum::python::bind_cnt(m);
    vitrum::python::bind_report(m);
}
