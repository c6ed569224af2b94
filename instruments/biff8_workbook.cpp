// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "biff8_workbook.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vitrum/core/error.hpp>

namespace vitrum::sheet {

namespace {
const Cell kEmptyCell{};
}  // namespace

std::size_t Sheet::columns_in(std::size_t row) const {
    return row < rows_.size() ? rows_[row].size() : 0;
}

const Cell& Sheet::at(std::size_t row, std::size_t col) const {
    if (row >= rows_.size() || col >= rows_[row].size()) return kEmptyCell;
    return rows_[row][col];
}

std::optional<double> Sheet::number(std::size_t row, std::size_t col) const {
    const Cell& cell = at(row, col);
    if (cell.kind != CellKind::number) return std::nullopt;
    return cell.number;
}

std::string_view Sheet::text(std::size_t row, std::size_t col) const {
    const Cell& cell = at(row, col);
    if (cell.kind != CellKind::text || cell.text_index >= strings_.size()) return {};
    return strings_[cell.text_index];
}

Cell* Sheet::slot(std::size_t row, std::size_t col) {
    if (row >= kMaxRows || col >= kMaxColumns) return nullptr;
    if (row >= rows_.size()) rows_.resize(row + 1);
    auto& cells = rows_[row];
    if (col >= cells.size()) {
        // Rows are padded up to their last cell; a damaged file with a few cells in far columns
        // of many rows would otherwise cost gigabytes. Allow 64 padding cells per stored cell
        // plus one full row — real sheets are dense.
        padded_cells_ += col + 1 - cells.size();
        if (padded_cells_ > 64 * (stored_cells_ + 1) + kMaxColumns) {
            throw FormatError(fmt::format(
                "sheet '{}': a cell at row {}, column {} makes {} cells for {} values (the sheet "
                "is too sparse to be real data)",
                name, row + 1, col + 1, padded_cells_, stored_cells_ + 1));
        }
        // Rows of a sheet are alike: give a new row the previous row's width at once instead of
        // growing it cell by cell (one allocation per row).
        if (cells.empty() && row > 0) cells.reserve(std::max(col + 1, rows_[row - 1].size()));
        cells.resize(col + 1);
    }
    ++stored_cells_;
    return &cells[col];
}

bool Sheet::set_number(std::size_t row, std::size_t col, double value) {
    Cell* cell = slot(row, col);
    if (cell == nullptr) return false;
    cell->kind = CellKind::number;
    cell->number = value;
    return true;
}

std::uint32_t Sheet::add_string(std::string value) {
    strings_.push_back(std::move(value));
    return static_cast<std::uint32_t>(strings_.size() - 1);
}

bool Sheet::set_text_index(std::size_t row, std::size_t col, std::uint32_t index) {
    Cell* cell = slot(row, col);
    if (cell == nullptr) return false;
    cell->kind = CellKind::text;
    cell->text_index = index;
    return true;
}

bool Sheet::set_text(std::size_t row, std::size_t col, std::string value) {
    if (row >= kMaxRows || col >= kMaxColumns) return false;
    return set_text_index(row, col, add_string(std::move(value)));
}

const Sheet* Workbook::find(std::string_view name) const {
    for (const Sheet& s : sheets) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

double decode_rk(std::uint32_t rk) {
    double value = 0.0;
    if ((rk & 0x2u) != 0) {
        // Signed 30-bit integer in bits 2..31: shift as signed to keep the sign.
        std::int32_t as_signed = 0;
        const std::uint32_t bits = rk & 0xFFFFFFFCu;
        std::memcpy(&as_signed, &bits, sizeof as_signed);
        value = static_cast<double>(as_signed / 4);
    } else {
        const std::uint64_t bits = static_cast<std::uint64_t>(rk & 0xFFFFFFFCu) << 32;
        std::memcpy(&value, &bits, sizeof value);
    }
    return (rk & 0x1u) != 0 ? value / 100.0 : value;
}

}  // namespace vitrum::sheet
