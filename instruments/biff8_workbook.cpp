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
    return row < filled_.size() ? filled_[row] : 0;
}

const Cell& Sheet::at(std::size_t row, std::size_t col) const {
    if (row >= filled_.size() || col >= width_) return kEmptyCell;
    return cells_[row * width_ + col];
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

void Sheet::set_width(std::size_t width) {
    std::vector<Cell> wider(filled_.size() * width);
    for (std::size_t r = 0; r < filled_.size(); ++r) {
        std::copy_n(cells_.begin() + static_cast<std::ptrdiff_t>(r * width_), filled_[r],
                    wider.begin() + static_cast<std::ptrdiff_t>(r * width));
    }
    cells_ = std::move(wider);
    width_ = width;
}

Cell* Sheet::slot(std::size_t row, std::size_t col) {
    if (row >= kMaxRows || col >= kMaxColumns) return nullptr;
    // A wider sheet grows by half at least, so that a row written left to right (or a damaged
    // file with ever wider rows) re-lays the block O(log n) times, not once per column.
    const std::size_t width =
        col < width_ ? width_ : std::min(kMaxColumns, std::max(col + 1, width_ + width_ / 2));
    const std::size_t rows = std::max(filled_.size(), row + 1);
    // Real sheets are dense; a damaged file with a few cells in far rows or columns would
    // otherwise cost gigabytes. Allow 64 allocated cells per stored one, plus 1 MiB.
    constexpr std::size_t kSlackCells = 65536;
    if (rows * width > filled_.size() * width_ &&
        rows * width > 64 * (stored_cells_ + 1) + kSlackCells) {
        throw FormatError(fmt::format(
            "sheet '{}': a cell at row {}, column {} makes {} cells for {} values (the sheet "
            "is too sparse to be real data)",
            name, row + 1, col + 1, rows * width, stored_cells_ + 1));
    }
    if (width != width_) set_width(width);
    if (rows > filled_.size()) {
        filled_.resize(rows, 0);
        cells_.resize(rows * width_);  // geometric capacity growth: amortised O(1) per row
    }
    filled_[row] = std::max<std::uint32_t>(filled_[row], static_cast<std::uint32_t>(col + 1));
    Cell* cell = &cells_[row * width_ + col];
    // Distinct cells only: records rewriting one cell must not buy room for a sparse layout.
    if (cell->kind == CellKind::empty) ++stored_cells_;
    return cell;
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
