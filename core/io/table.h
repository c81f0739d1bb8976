#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cutofflab::io {

/// A delimited text table as read: one header row of column names and the data rows as
/// text, each cell traceable to its 1-based data row and its column name.
struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;  ///< rows[r][c], every row as wide as columns
    char decimalMark = '.';   ///< the decimal mark of the file's numbers: pass it to parseNumericCell()

    std::size_t rowCount() const noexcept { return rows.size(); }
    std::size_t columnCount() const noexcept { return columns.size(); }

    /// Index of the column with exactly this name, or nullopt.
    std::optional<std::size_t> columnIndex(std::string_view name) const;

    /// Index of the named column; throws InputError listing the columns when absent.
    std::size_t requireColumn(std::string_view name) const;

    const std::string& cell(std::size_t row, std::size_t column) const { return rows[row][column]; }
};

/// Field delimiter and decimal mark of a delimited file.
struct Dialect {
    char delimiter = ',';
    char decimalMark = '.';   ///< ',' for files written with a European locale (";" delimited)
};

/// Guesses the dialect from the first lines. The delimiter is the first of tab,
/// semicolon and comma that splits the header and the next lines into the same number
/// of fields (more than one). A semicolon-delimited file whose numbers use a decimal
/// comma gets decimalMark ','.
Dialect detectDialect(std::string_view text);

/// Parses RFC 4180 text. Quoted fields may contain the delimiter, quotes ("" inside
/// quotes) and line breaks. Lines end with LF or CRLF. A UTF-8 byte-order mark and
/// blank lines are skipped. Throws InputError naming the line for an unterminated
/// quote, a row wider than the header, an empty or duplicate column name.
/// A row shorter than the header is padded with empty (missing) cells.
Table parseDelimited(std::string_view text, const Dialect& dialect);

/// Reads a CSV or TSV file (dialect detected). Throws InputError when the file cannot
/// be opened, is empty, is not UTF-8 text, or is malformed. Never writes to the file.
Table readTable(const std::filesystem::path& path);

/// The content of a cell read as a number.
struct NumericCell {
    enum class Kind {
        Number,       ///< value holds the number
        Missing,      ///< empty, NA, N/A, NaN, ".", "-" or similar placeholder
        BelowLimit,   ///< written as "<L": below the detection limit L, held in value
        AboveLimit,   ///< written as ">L": above the upper limit of quantification L
        Invalid       ///< text that is not a number
    };
    Kind kind = Kind::Missing;
    double value = 0.0;
};

/// Returns true for the texts that mean "missing" in clinical exports: empty, NA, N/A,
/// NaN, NULL, ".", "-", "?" (case-insensitive, surrounding spaces ignored).
bool isMissingText(std::string_view text);

/// Reads a number exactly as a correctly rounding parser does (std::from_chars), after
/// trimming spaces; accepts an exponent; with decimalMark ',' a decimal comma.
NumericCell parseNumericCell(std::string_view text, char decimalMark = '.');

/// Trims ASCII spaces and tabs at both ends.
std::string_view trim(std::string_view text) noexcept;

/// Lower-cases ASCII letters (labels such as "Dead", "DEAD " compare after trim and this).
std::string toLowerAscii(std::string_view text);

} // namespace cutofflab::io
