// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// vitrum::Error and its kinds become one small Python hierarchy whose classes also derive from
// the built-in exception a Python user would catch (ValueError for bad input, OSError for I/O).
#include <vitrum/core/error.hpp>

#include "bindings.hpp"

namespace vitrum::python {
namespace {

// Created once at import; referenced for the life of the interpreter.
PyObject* error_type = nullptr;
PyObject* parse_error_type = nullptr;
PyObject* unit_error_type = nullptr;
PyObject* invalid_argument_type = nullptr;
PyObject* analysis_error_type = nullptr;
PyObject* io_error_type = nullptr;
PyObject* format_error_type = nullptr;

PyObject* new_type(py::module_& m, const char* name, const char* doc, py::tuple bases) {
    const std::string qualified = std::string("vitrum.") + name;
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
    if (type == nullptr) throw py::error_already_set();
    m.add_object(name, py::handle(type));
    return type;
}

void raise(PyObject* type, const std::string& message) {
    py::object exc = py::reinterpret_borrow<py::object>(type)(message);
    PyErr_SetObject(type, exc.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
    const py::handle exception(PyExc_Exception);
    const py::handle value_error(PyExc_ValueError);
    const py::handle os_error(PyExc_OSError);
    error_type =
        new_type(m, "Error", "Base of every error vitrum raises.", py::make_tuple(exception));
    const py::handle base(error_type);
    parse_error_type = new_type(
        m, "ParseError",
        "Input that does not match its format. Attributes: file, sheet, line, column (0 when "
        "not known), expected, found.",
        py::make_tuple(base, value_error));
    unit_error_type = new_type(m, "UnitError", "A unit that cannot be parsed or converted.",
                               py::make_tuple(base, value_error));
    invalid_argument_type = new_type(
        m, "InvalidArgument", "An option outside its allowed range; the message names the option.",
        py::make_tuple(base, value_error));
    analysis_error_type =
        new_type(m, "AnalysisError", "An analysis that cannot give a trustworthy result.",
                 py::make_tuple(base));
    io_error_type = new_type(m, "IoError", "A file that cannot be opened, read or written.",
                             py::make_tuple(base, os_error));
    format_error_type =
        new_type(m, "FormatError", "A file whose format no reader recognises or accepts.",
                 py::make_tuple(base));

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const ParseError& e) {
            py::object exc = py::reinterpret_borrow<py::object>(parse_error_type)(e.what());
            exc.attr("file") = e.where().file;
            exc.attr("sheet") = e.where().sheet;
            exc.attr("line") = e.where().line;
            exc.attr("column") = e.where().column;
            exc.attr("expected") = e.expected();
            exc.attr("found") = e.found();
            PyErr_SetObject(parse_error_type, exc.ptr());
        } catch (const UnitError& e) {
            raise(unit_error_type, e.what());
        } catch (const InvalidArgument& e) {
            raise(invalid_argument_type, e.what());
        } catch (const AnalysisError& e) {
            raise(analysis_error_type, e.what());
        } catch (const IoError& e) {
            raise(io_error_type, e.what());
        } catch (const FormatError& e) {
            raise(format_error_type, e.what());
        } catch (const Error& e) {
            raise(error_type, e.what());
        }
    });
}

}  // namespace vitrum::python
