#include "io/table.h"

#include "common/error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace cutofflab::io {

std::string_view trim(std::string_view text) noexcept
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string toLowerAscii(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

std::optional<std::size_t> Table::columnIndex(std::string_view name) const
{
    const auto it = std::find(columns.begin(), columns.end(), name);
    if (it == columns.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - columns.begin());
}

std::size_t Table::requireColumn(std::string_view name) const
{
    if (const auto index = columnIndex(name))
        return *index;
    std::string available;
    for (const auto& column : columns)
        available += (available.empty() ? "" : ", ") + column;
    throw InputError("Column \"" + std::string(name) + "\" was not found. The file has the columns: "
                         + available + ". Check the spelling, including upper and lower case.",
                     {std::nullopt, std::string(name), {}});
}

namespace {

// Splits one logical record starting at pos; advances pos past its line end.
// lineNumber counts physical lines (1-based) for messages and is advanced past
// line breaks inside quoted fields.
std::vector<std::string> splitRecord(std::string_view text, std::size_t& pos, char delimiter,
                                     std::size_t& lineNumber)
{
    std::vector<std::string> fields;
    std::string field;
    const std::size_t startLine = lineNumber;
    bool inQuotes = false;
    bool fieldWasQuoted = false;

    while (pos < text.size()) {
        const char c = text[pos];
        if (inQuotes) {
            if (c == '"') {
                if (pos + 1 < text.size() && text[pos + 1] == '"') {
                    field += '"';
                    pos += 2;
                    continue;
                }
                inQuotes = false;
                ++pos;
                continue;
            }
            if (c == '\n')
                ++lineNumber;
            field += c;
            ++pos;
            continue;
        }
        if (c == '"' && trim(field).empty()) {
            inQuotes = true;
            fieldWasQuoted = true;
            field.clear();
            ++pos;
            continue;
        }
        if (c == delimiter) {
            fields.push_back(fieldWasQuoted ? field : std::string(trim(field)));
            field.clear();
            fieldWasQuoted = false;
            ++pos;
            continue;
        }
        if (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
            pos += 2;
            ++lineNumber;
            fields.push_back(fieldWasQuoted ? field : std::string(trim(field)));
            return fields;
        }
        if (c == '\n' || c == '\r') {
            ++pos;
            ++lineNumber;
            fields.push_back(fieldWasQuoted ? field : std::string(trim(field)));
            return fields;
        }
        field += c;
        ++pos;
    }
    if (inQuotes) {
        throw InputError("A quoted field that starts on line " + std::to_string(startLine)
                             + " is never closed. Check that every opening quote (\") has a closing quote.",
                         {std::nullopt, {}, {}});
    }
    fields.push_back(fieldWasQuoted ? field : std::string(trim(field)));
    ++lineNumber;
    return fields;
}

bool isBlankRecord(const std::vector<std::string>& fields)
{
    return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); });
}

std::size_t countOutsideQuotes(std::string_view line, char delimiter)
{
    std::size_t count = 0;
    bool inQuotes = false;
    for (char c : line) {
        if (c == '"')
            inQuotes = !inQuotes;
        else if (c == delimiter && !inQuotes)
            ++count;
    }
    return count;
}

bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        if (byte < 0x80)
            extra = 0;
        else if ((byte & 0xE0) == 0xC0 && byte >= 0xC2)
            extra = 1;
        else if ((byte & 0xF0) == 0xE0)
            extra = 2;
        else if ((byte & 0xF8) == 0xF0 && byte <= 0xF4)
            extra = 3;
        else
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += extra + 1;
    }
    return true;
}

} // namespace

Dialect detectDialect(std::string_view text)
{
    // Look at the first few physical lines only.
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size() && lines.size() < 20) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!trim(line).empty())
            lines.push_back(line);
        start = end + 1;
    }

    Dialect dialect;
    if (lines.empty())
        return dialect;

    // The delimiter that gives the same number (> 0) of separators on the header and on
    // every following sampled line wins; tab first, then semicolon, then comma, because
    // a comma is also a decimal mark in semicolon-delimited European exports.
    constexpr std::array<char, 3> candidates{'\t', ';', ','};
    for (char candidate : candidates) {
        const std::size_t headerCount = countOutsideQuotes(lines.front(), candidate);
        if (headerCount == 0)
            continue;
        const bool consistent = std::all_of(lines.begin() + 1, lines.end(), [&](std::string_view line) {
            return countOutsideQuotes(line, candidate) == headerCount;
        });
        if (consistent || lines.size() == 1) {
            dialect.delimiter = candidate;
            break;
        }
    }
    if (dialect.delimiter == ';') {
        // A decimal comma shows as digits on both sides of a comma, with no decimal points.
        bool sawDecimalComma = false;
        bool sawDecimalPoint = false;
        for (std::size_t l = 1; l < lines.size(); ++l) {
            const std::string_view line = lines[l];
            for (std::size_t i = 1; i + 1 < line.size(); ++i) {
                const bool digitsAround = std::isdigit(static_cast<unsigned char>(line[i - 1]))
                    && std::isdigit(static_cast<unsigned char>(line[i + 1]));
                if (digitsAround && line[i] == ',')
                    sawDecimalComma = true;
                if (digitsAround && line[i] == '.')
                    sawDecimalPoint = true;
            }
        }
        if (sawDecimalComma && !sawDecimalPoint)
            dialect.decimalMark = ',';
    }
    return dialect;
}

Table parseDelimited(std::string_view text, const Dialect& dialect)
{
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF
        && static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
        text.remove_prefix(3);

    Table table;
    table.decimalMark = dialect.decimalMark;
    std::size_t pos = 0;
    std::size_t lineNumber = 1;

    // Header: the first non-blank record.
    while (pos < text.size()) {
        auto header = splitRecord(text, pos, dialect.delimiter, lineNumber);
        if (isBlankRecord(header))
            continue;
        table.columns = std::move(header);
        break;
    }
    if (table.columns.empty())
        throw InputError("The file is empty: it has no header row with column names.");

    std::set<std::string> seen;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const std::string& name = table.columns[c];
        if (name.empty()) {
            throw InputError("Column " + std::to_string(c + 1)
                                 + " of the header row has no name. Give every column a name in the first row.",
                             {0, {}, {}});
        }
        if (!seen.insert(name).second) {
            throw InputError("The column name \"" + name
                                 + "\" appears twice in the header row. Rename one of them so that each name is unique.",
                             {0, name, {}});
        }
    }

    while (pos < text.size()) {
        const std::size_t recordLine = lineNumber;
        auto fields = splitRecord(text, pos, dialect.delimiter, lineNumber);
        if (isBlankRecord(fields))
            continue;
        const std::size_t dataRow = table.rows.size() + 1;
        if (fields.size() > table.columns.size()) {
            throw InputError("Data row " + std::to_string(dataRow) + " (line " + std::to_string(recordLine)
                                 + ") has " + std::to_string(fields.size()) + " fields but the header has "
                                 + std::to_string(table.columns.size())
                                 + ". Check for an unquoted delimiter inside a value on that line.",
                             {dataRow, {}, {}});
        }
        fields.resize(table.columns.size());
        table.rows.push_back(std::move(fields));
    }
    return table;
}

Table readTable(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw InputError("The file \"" + path.string()
                         + "\" could not be opened. Check that it exists and that you may read it.");
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    const std::string text = buffer.str();
    if (trim(text).empty())
        throw InputError("The file \"" + path.string() + "\" is empty.");
    if (text.find('\0') != std::string::npos || !isValidUtf8(text)) {
        throw InputError("The file \"" + path.string()
                         + "\" is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\" and open it again.");
    }
    return parseDelimited(text, detectDialect(text));
}

bool isMissingText(std::string_view text)
{
    text = trim(text);
    if (text.size() > 7)
        return false;
    static constexpr std::array<std::string_view, 10> placeholders{
        "", "na", "n/a", "nan", "null", ".", "-", "?", "missing", "#n/a"};
    const auto equalsIgnoringCase = [&](std::string_view placeholder) {
        if (placeholder.size() != text.size())
            return false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            if (c != placeholder[i])
                return false;
        }
        return true;
    };
    return std::any_of(placeholders.begin(), placeholders.end(), equalsIgnoringCase);
}

NumericCell parseNumericCell(std::string_view text, char decimalMark)
{
    text = trim(text);
    if (isMissingText(text))
        return {NumericCell::Kind::Missing, 0.0};

    NumericCell::Kind kind = NumericCell::Kind::Number;
    if (text.front() == '<' || text.front() == '>') {
        kind = text.front() == '<' ? NumericCell::Kind::BelowLimit : NumericCell::Kind::AboveLimit;
        text.remove_prefix(1);
        if (!text.empty() && text.front() == '=')
            text.remove_prefix(1);
        text = trim(text);
    }
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return {NumericCell::Kind::Invalid, 0.0};

    // Most cells are plain numbers with a decimal point: parse them in place. A decimal
    // comma is turned into a point in a copy first.
    std::string normalised;
    if (decimalMark == ',' && text.find(',') != std::string_view::npos) {
        normalised.assign(text);
        std::replace(normalised.begin(), normalised.end(), ',', '.');
        text = normalised;
    }

    double value = 0.0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(first, last, value, std::chars_format::general);
    if (error != std::errc() || end != last || !std::isfinite(value))
        return {NumericCell::Kind::Invalid, 0.0};
    return {kind, value};
}

} // namespace cutofflab::io
