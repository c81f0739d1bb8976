#include "data/cohort.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace cutofflab {

namespace {

std::string formatNumber(double value)
{
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

std::string joinQuoted(const std::vector<std::string>& values, std::size_t limit = 8)
{
    std::string text;
    for (std::size_t i = 0; i < values.size() && i < limit; ++i)
        text += (i ? ", \"" : "\"") + values[i] + "\"";
    if (values.size() > limit)
        text += " and " + std::to_string(values.size() - limit) + " more";
    return text;
}

bool isOneOf(const std::string& lower, std::initializer_list<const char*> words)
{
    return std::any_of(words.begin(), words.end(), [&](const char* word) { return lower == word; });
}

// Case-insensitive order, then byte order, close to the order R's factor() gives labels
// in an English locale.
bool levelLess(const std::string& a, const std::string& b)
{
    const std::string la = io::toLowerAscii(a);
    const std::string lb = io::toLowerAscii(b);
    return la != lb ? la < lb : a < b;
}

// A distinct value of an event column: the cleaned key and the first spelling seen.
struct EventLevel {
    std::string key;        // lower-case, trimmed; numbers in canonical form
    std::string spelling;
};

} // namespace

std::string binaryKey(std::string_view text)
{
    const io::NumericCell cell = io::parseNumericCell(text);
    if (cell.kind == io::NumericCell::Kind::Number)
        return formatNumber(cell.value);
    return io::toLowerAscii(io::trim(text));
}

const CohortColumn* Cohort::findColumn(const std::string& name) const
{
    const auto it = std::find_if(columns.begin(), columns.end(),
                                 [&](const CohortColumn& column) { return column.name == name; });
    return it == columns.end() ? nullptr : &*it;
}

const CohortColumn& Cohort::column(const std::string& name) const
{
    if (const CohortColumn* found = findColumn(name))
        return *found;
    throw InputError("The column \"" + name
                         + "\" is not part of the loaded cohort. Add it as a marker or covariate when you load the file.",
                     {std::nullopt, name, {}});
}

std::string Cohort::describeRow(std::size_t cohortRow) const
{
    const std::string row = "row " + std::to_string(sourceRow[cohortRow]);
    if (!ids.empty() && !ids[cohortRow].empty())
        return "patient " + ids[cohortRow] + ", " + row;
    return row;
}

EventCoding detectEventCoding(const io::Table& table, std::size_t eventColumn,
                              const std::optional<std::string>& eventValue)
{
    std::vector<std::string> values;
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        if (!io::isMissingText(table.cell(row, eventColumn)))
            values.push_back(table.cell(row, eventColumn));
    }
    return detectBinaryCoding(values, eventValue, table.columns[eventColumn], BinaryRole::Event);
}

EventCoding detectBinaryCoding(const std::vector<std::string>& values, const std::optional<std::string>& eventValue,
                               const std::string& columnName, BinaryRole role)
{
    const char* const what = role == BinaryRole::Event ? "event" : "outcome";
    const char* const meaning = role == BinaryRole::Event ? "means the event" : "is the positive outcome";
    const char* const codeName = role == BinaryRole::Event ? "event code" : "outcome code";
    const char* const positive = role == BinaryRole::Event ? "event" : "positive";
    std::vector<EventLevel> levels;
    for (const std::string& text : values) {
        const std::string key = binaryKey(text);
        if (std::none_of(levels.begin(), levels.end(), [&](const EventLevel& l) { return l.key == key; }))
            levels.push_back({key, std::string(io::trim(text))});
    }
    std::sort(levels.begin(), levels.end(), [](const EventLevel& a, const EventLevel& b) { return levelLess(a.key, b.key); });

    std::vector<std::string> spellings;
    for (const EventLevel& level : levels)
        spellings.push_back(level.spelling);

    if (levels.empty()) {
        throw InputError(std::string("The ") + what + " column \"" + columnName + "\" has no values. Choose another column.",
                         {std::nullopt, columnName, {}});
    }

    EventCoding coding;
    const auto finish = [&](const std::string& eventKeyChosen, std::string rule, bool detected) {
        for (const EventLevel& level : levels) {
            if (level.key == eventKeyChosen)
                coding.eventValue = level.spelling;
            else
                coding.censoredValues.push_back(level.spelling);
        }
        coding.rule = std::move(rule);
        coding.detected = detected;
        return coding;
    };

    if (eventValue) {
        const std::string wanted = binaryKey(*eventValue);
        if (std::none_of(levels.begin(), levels.end(), [&](const EventLevel& l) { return l.key == wanted; })) {
            throw InputError("The " + std::string(what) + " code \"" + *eventValue + "\" does not occur in the column \"" + columnName
                                 + "\", whose values are " + joinQuoted(spellings) + ". Choose one of them.",
                             {std::nullopt, columnName, *eventValue});
        }
        std::string rule = "\"" + std::string(io::trim(*eventValue)) + "\" = " + positive + ", as chosen";
        if (levels.size() > 2) {
            std::vector<std::string> others;
            for (const EventLevel& level : levels) {
                if (level.key != wanted)
                    others.push_back(level.spelling);
            }
            rule += "; every other value (" + joinQuoted(others) + ") counts as "
                  + (role == BinaryRole::Event ? "censored" : "negative");
        }
        return finish(wanted, rule, false);
    }

    if (levels.size() > 2) {
        throw InputError(std::string("The ") + what + " column \"" + columnName + "\" has " + std::to_string(levels.size())
                             + " different values (" + joinQuoted(spellings)
                             + ") after ignoring case and spaces, so it is not a yes/no flag. Choose the value that "
                             + meaning + " as the " + codeName + ", or clean the column"
                             + (role == BinaryRole::Event ? "; competing risks and multi-state data are not analysed as survival." : "."),
                         {std::nullopt, columnName, {}});
    }

    std::set<std::string> keys;
    for (const EventLevel& level : levels)
        keys.insert(level.key);
    const auto has = [&](const char* key) { return keys.count(key) > 0; };
    const auto subsetOf = [&](std::initializer_list<const char*> allowed) {
        return std::all_of(keys.begin(), keys.end(), [&](const std::string& key) { return isOneOf(key, allowed); });
    };

    const std::string other = role == BinaryRole::Event ? "censored" : "negative";
    if (subsetOf({"0", "1"}))
        return finish("1", "0/1 coding: 1 = " + std::string(positive) + ", 0 = " + other, true);
    if (subsetOf({"1", "2"}) && role == BinaryRole::Event)
        return finish("2", "1/2 coding as R's Surv() reads it: 2 = event, 1 = censored", true);
    if (subsetOf({"true", "false", "t", "f"}))
        return finish(has("true") ? "true" : "t", "TRUE = " + std::string(positive) + ", FALSE = " + other, true);
    if (subsetOf({"yes", "no", "y", "n"}))
        return finish(has("yes") ? "yes" : "y", "yes = " + std::string(positive) + ", no = " + other, true);
    if (role == BinaryRole::Event) {
        for (const char* death : {"dead", "died", "deceased", "death", "event"}) {
            if (has(death) && subsetOf({"dead", "died", "deceased", "death", "event", "alive", "living", "censored", "censor"}))
                return finish(death, std::string("\"") + death + "\" = event, the other value = censored", true);
        }
    } else {
        for (const char* positiveWord : {"responder", "response", "positive", "pos", "case"}) {
            if (has(positiveWord) && subsetOf({"responder", "non-responder", "nonresponder", "response", "no response",
                                           "positive", "negative", "pos", "neg", "case", "control"}))
                return finish(positiveWord, std::string("\"") + positiveWord + "\" = positive, the other value = negative", true);
        }
    }
    throw InputError("Cannot tell which value of the " + std::string(what) + " column \"" + columnName + "\" " + meaning
                         + " (values: " + joinQuoted(spellings) + "). Choose the " + codeName + " explicitly, for example \""
                         + spellings.back() + "\".",
                     {std::nullopt, columnName, {}});
}

namespace {

CohortColumn readColumn(const io::Table& table, std::size_t tableColumn, const std::vector<std::size_t>& rows,
                        const Cohort& cohort, BelowLimitPolicy belowLimit)
{
    CohortColumn column;
    column.name = table.columns[tableColumn];

    // Parse every cell once; the column is numeric when no non-missing cell is text.
    std::vector<io::NumericCell> cells(rows.size());
    bool allNumeric = true;
    bool anyValue = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        cells[i] = io::parseNumericCell(table.cell(rows[i], tableColumn), table.decimalMark);
        allNumeric = allNumeric && cells[i].kind != io::NumericCell::Kind::Invalid;
        anyValue = anyValue || cells[i].kind != io::NumericCell::Kind::Missing;
    }
    column.numeric = allNumeric && anyValue;
    if (column.numeric)
        column.values.reserve(rows.size());
    else
        column.labels.reserve(rows.size());

    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string& text = table.cell(rows[i], tableColumn);
        const auto exclude = [&](std::string reason) {
            column.unusable.push_back({cohort.sourceRow[i], cohort.ids[i], column.name, text, std::move(reason)});
        };
        if (!column.numeric) {
            if (cells[i].kind == io::NumericCell::Kind::Missing) {
                column.labels.emplace_back();
                exclude("missing value");
            } else {
                column.labels.emplace_back(std::string(io::trim(text)));
            }
            continue;
        }
        const io::NumericCell& cell = cells[i];
        switch (cell.kind) {
        case io::NumericCell::Kind::Number:
            column.values.emplace_back(cell.value);
            break;
        case io::NumericCell::Kind::Missing:
            column.values.emplace_back();
            exclude("missing value");
            break;
        case io::NumericCell::Kind::BelowLimit:
            ++column.belowLimitCount;
            if (belowLimit == BelowLimitPolicy::HalfLimit) {
                column.values.emplace_back(cell.value / 2.0);
            } else if (belowLimit == BelowLimitPolicy::Limit) {
                column.values.emplace_back(cell.value);
            } else {
                column.values.emplace_back();
                exclude("below the detection limit");
            }
            break;
        case io::NumericCell::Kind::AboveLimit:
            column.values.emplace_back();
            exclude("above the upper limit of quantification; enter a number to use it");
            break;
        case io::NumericCell::Kind::Invalid:
            column.values.emplace_back();
            exclude("not a number");
            break;
        }
    }

    if (!column.numeric) {
        std::set<std::string> distinct;
        for (const auto& label : column.labels) {
            if (label)
                distinct.insert(*label);
        }
        column.levels.assign(distinct.begin(), distinct.end());
        std::sort(column.levels.begin(), column.levels.end(), levelLess);
    }
    return column;
}

} // namespace

Cohort buildCohort(const io::Table& table, const ColumnRoles& roles)
{
    Cohort cohort;
    cohort.rowsInFile = table.rowCount();

    const std::optional<std::size_t> idColumn =
        roles.id.empty() ? std::nullopt : std::optional<std::size_t>(table.requireColumn(roles.id));
    const auto idOf = [&](std::size_t row) {
        return idColumn ? std::string(io::trim(table.cell(row, *idColumn))) : std::string();
    };

    if (table.rowCount() == 0)
        throw InputError("The file has a header row but no data rows. Add one row per patient below the column names.");

    cohort.hasSurvival = !roles.time.empty();
    if (cohort.hasSurvival && roles.event.empty())
        throw InputError("A time column was chosen without an event column. Choose the column that records whether the event happened.");

    std::vector<std::size_t> keptRows;
    if (!cohort.hasSurvival) {
        for (std::size_t row = 0; row < table.rowCount(); ++row)
            keptRows.push_back(row);
    } else {
        cohort.timeColumn = roles.time;
        cohort.eventColumn = roles.event;
        const std::size_t timeColumn = table.requireColumn(roles.time);
        const std::size_t eventColumn = table.requireColumn(roles.event);
        // A CDISC ADaM censoring flag codes the event as 0; reading it like a 0/1 event
        // flag would swap events and censorings, so the code must be given.
        if (!roles.eventValue && io::toLowerAscii(roles.event) == "cnsr") {
            throw InputError("The column \"" + roles.event + "\" looks like a CDISC censoring flag (CNSR), where 0 means the event "
                             "and 1 means censored. Choose the event code explicitly: 0.",
                             {std::nullopt, roles.event, {}});
        }
        cohort.eventCoding = detectEventCoding(table, eventColumn, roles.eventValue);
        const std::string eventKeyChosen = binaryKey(cohort.eventCoding.eventValue);

        std::vector<std::string> zeroTimeRows;
        for (std::size_t row = 0; row < table.rowCount(); ++row) {
            const std::size_t dataRow = row + 1;
            const std::string& timeText = table.cell(row, timeColumn);
            const std::string& eventText = table.cell(row, eventColumn);
            const io::NumericCell time = io::parseNumericCell(timeText, table.decimalMark);
            const auto exclude = [&](const std::string& column, const std::string& value, std::string reason) {
                cohort.excluded.push_back({dataRow, idOf(row), column, value, std::move(reason)});
            };

            if (time.kind == io::NumericCell::Kind::Missing) {
                exclude(roles.time, timeText, "missing follow-up time");
                continue;
            }
            if (time.kind != io::NumericCell::Kind::Number) {
                exclude(roles.time, timeText, "follow-up time is not a number");
                continue;
            }
            if (time.value < 0) {
                const std::string id = idOf(row);
                throw InputError(roles.time + " is negative (" + std::string(io::trim(timeText)) + ") for "
                                     + (id.empty() ? std::string() : "patient " + id + ", ") + "row "
                                     + std::to_string(dataRow)
                                     + ". Follow-up time cannot be negative: check the dates this time was computed from, "
                                       "correct the row and load the file again.",
                                 {dataRow, roles.time, std::string(io::trim(timeText))});
            }
            if (io::isMissingText(eventText)) {
                exclude(roles.event, eventText, "missing event status");
                continue;
            }
            if (time.value == 0.0) {
                const std::string label = idOf(row).empty() ? "row " + std::to_string(dataRow) : idOf(row);
                if (roles.zeroTimes == ZeroTimePolicy::Drop) {
                    exclude(roles.time, timeText, "follow-up time 0, left out under the chosen rule");
                    continue;
                }
                zeroTimeRows.push_back(label);
            }
            keptRows.push_back(row);
            cohort.time.push_back(time.value);
            cohort.event.push_back(binaryKey(eventText) == eventKeyChosen ? 1 : 0);
        }
        cohort.notes.push_back("Event coding of " + roles.event + ": " + cohort.eventCoding.rule + ".");
        if (!cohort.excluded.empty()) {
            std::string examples;
            for (std::size_t i = 0; i < cohort.excluded.size() && i < 5; ++i) {
                const ExcludedRow& row = cohort.excluded[i];
                examples += (i ? "; row " : "row ") + std::to_string(row.row) + " (" + row.column + " \"" + row.value + "\": " + row.reason + ")";
            }
            if (cohort.excluded.size() > 5)
                examples += "; and " + std::to_string(cohort.excluded.size() - 5) + " more";
            cohort.notes.push_back(std::to_string(cohort.excluded.size()) + " of " + std::to_string(table.rowCount())
                                   + " rows are left out of every analysis: " + examples
                                   + ". Correct these cells in the file to include the patients.");
        }
        if (!zeroTimeRows.empty()) {
            cohort.notes.push_back(std::to_string(zeroTimeRows.size()) + " patient(s) have follow-up time 0 ("
                                   + joinQuoted(zeroTimeRows)
                                   + "); they are kept and counted at risk at time 0, as R's survival package does.");
        }
    }

    for (std::size_t row : keptRows) {
        cohort.sourceRow.push_back(row + 1);
        cohort.ids.push_back(idOf(row));
    }

    std::vector<std::string> names;
    for (const auto& name : roles.markers)
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    for (const auto& name : roles.covariates)
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    for (const auto& name : names) {
        CohortColumn column = readColumn(table, table.requireColumn(name), keptRows, cohort, roles.belowLimit);
        const bool isMarker = std::find(roles.markers.begin(), roles.markers.end(), name) != roles.markers.end();
        if (isMarker && !column.numeric) {
            const auto firstText = std::find_if(column.labels.begin(), column.labels.end(), [&table](const auto& label) {
                return label && io::parseNumericCell(*label, table.decimalMark).kind == io::NumericCell::Kind::Invalid;
            });
            if (firstText == column.labels.end()) {
                throw InputError("The marker column \"" + name + "\" has no values. Choose a column that contains the marker's measurements.",
                                 {std::nullopt, name, {}});
            }
            const auto badRow = static_cast<std::size_t>(firstText - column.labels.begin());
            throw InputError("The marker column \"" + name + "\" is not numeric: \"" + **firstText + "\" on "
                                 + cohort.describeRow(badRow)
                                 + " is not a number. Correct that cell (values below a detection limit may be written as <L) or choose another column.",
                             {cohort.sourceRow[badRow], name, **firstText});
        }
        if (column.belowLimitCount > 0) {
            const char* rule = roles.belowLimit == BelowLimitPolicy::HalfLimit ? "replaced by half the limit"
                             : roles.belowLimit == BelowLimitPolicy::Limit     ? "replaced by the limit"
                                                                               : "left out";
            cohort.notes.push_back(std::to_string(column.belowLimitCount) + " value(s) of " + name
                                   + " are below the detection limit (written as <L) and were " + rule + ".");
        }
        cohort.columns.push_back(std::move(column));
    }
    return cohort;
}

} // namespace cutofflab
