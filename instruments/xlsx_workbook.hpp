// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: Office Open XML workbooks (.xlsx) via libzip + pugixml.

#include <cstddef>
#include <string>
#include <string_view>

#include "biff8_workbook.hpp"

namespace vitrum::sheet {

/// True when `bytes` start with a zip local file header ("PK\3\4").
bool has_zip_signature(std::string_view bytes) noexcept;

/// Zero-based (row, column) of an A1-style cell reference such as "AB12".
struct CellRef {
    std::size_t row = 0;
    std::size_t col = 0;
};
/// Parses "A1" … "XFD1048576"; false on anything else or beyond Sheet::kMaxRows/kMaxColumns.
bool parse_cell_ref(std::string_view ref, CellRef& out) noexcept;

/// Reads an .xlsx workbook from memory: xl/workbook.xml, its relationships, the shared strings
/// and every worksheet (cells by reference, so omitted empty cells stay empty; shared, inline and
/// formula strings; cached numbers). Charts and other parts are ignored.
/// @param path used in messages
/// @throws FormatError when the zip is not a workbook (no xl/workbook.xml); ParseError naming the
///         file and the part (member or sheet) for a damaged zip or malformed XML.
Workbook read_xlsx(std::string_view bytes, const std::string& path);

}  // namespace vitrum::sheet
