// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once
// Internal header of vitrum::instruments: the in-memory spreadsheet model that the .xls (BIFF8)
// and .xlsx parsers produce and the NanoSuite/KLA readers consume. Not installed.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrum::sheet {

/// What a spreadsheet cell holds.
enum class CellKind : std::uint8_t { empty, number, text };

/// One cell: a number, an index into its sheet's string pool, or nothing (16 bytes).
struct Cell {
    double number = 0.0;           ///< value when kind == number [as in the file]
    std::uint32_t text_index = 0;  ///< index into Sheet::strings when kind == text
    CellKind kind = CellKind::empty;
};

/// One worksheet, stored dense and row-major: rows() × width cells in one block, so that reading
/// a test sheet row by row walks memory in order (one allocation per sheet, not one per row).
class Sheet {
public:
    /// Largest row and column index accepted (Excel 2007+ limits: 1048576 × 16384) [1].
    static constexpr std::size_t kMaxRows = 1048576;
    static constexpr std::size_t kMaxColumns = 16384;

    std::string name;  ///< sheet name as in the workbook

    /// Number of rows up to the last one that holds a cell [1].
    std::size_t rows() const { return filled_.size(); }
    /// Number of cells stored in `row` (its last non-empty column + 1) [1].
    std::size_t columns_in(std::size_t row) const;
    /// Cell at (row, col), zero-based; an empty cell outside the stored range.
    const Cell& at(std::size_t row, std::size_t col) const;
    /// The number at (row, col), or nullopt when the cell is empty or text [as in the file].
    std::optional<double> number(std::size_t row, std::size_t col) const;
    /// The text at (row, col); empty when the cell is empty or a number.
    std::string_view text(std::size_t row, std::size_t col) const;

    /// Stores a number; returns false when (row, col) is beyond kMaxRows/kMaxColumns.
    /// The set_* calls throw FormatError when the sheet would hold over 64 allocated cells per
    /// stored one (beyond 65536 cells, 1 MiB): a damaged file must not cost gigabytes.
    bool set_number(std::size_t row, std::size_t col, double value);
    /// Stores a UTF-8 text; returns false when (row, col) is beyond the limits.
    bool set_text(std::size_t row, std::size_t col, std::string value);
    /// Stores a reference to an already pooled string (see add_string).
    bool set_text_index(std::size_t row, std::size_t col, std::uint32_t index);
    /// Adds a string to the sheet's pool and returns its index.
    std::uint32_t add_string(std::string value);

private:
    Cell* slot(std::size_t row, std::size_t col);
    void set_width(std::size_t width);
    std::vector<Cell> cells_;            ///< rows() × width_ cells, row-major
    std::vector<std::uint32_t> filled_;  ///< per row: last non-empty column + 1
    std::vector<std::string> strings_;
    std::size_t width_ = 0;         ///< cells per stored row (≥ every filled_ value)
    std::size_t stored_cells_ = 0;  ///< distinct cells written
};

/// A whole workbook: sheets in workbook order.
struct Workbook {
    std::vector<Sheet> sheets;

    /// Sheet with exactly this name, or nullptr.
    const Sheet* find(std::string_view name) const;
};

/// Decodes a BIFF8 RK number: bit 0 divides by 100, bit 1 marks a signed 30-bit integer,
/// otherwise bits 2–31 are the high 30 bits of an IEEE double [as in the file].
double decode_rk(std::uint32_t rk);

/// Parses a BIFF8 `Workbook` stream (already taken out of its OLE2 container).
/// Reads BOF/EOF, BOUNDSHEET8, SST (+CONTINUE), LABELSST, LABEL, NUMBER, RK, MULRK, FORMULA
/// (cached number, or the STRING record after it), BOOLERR; skips charts and everything else.
/// @param path used in messages
/// @throws ParseError naming the file, the sheet and the record offset for any inconsistency
///         (lengths, indices, offsets); FormatError for BIFF5 or encrypted workbooks.
Workbook parse_biff8(std::string_view stream, const std::string& path);

}  // namespace vitrum::sheet
