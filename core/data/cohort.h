#pragma once

#include "io/table.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cutofflab {

/// Treatment of a value written as "<L" (below the detection limit L).
enum class BelowLimitPolicy {
    HalfLimit,   ///< use L/2, the usual substitution for cytokine assays
    Limit,       ///< use L itself
    Exclude      ///< leave the row out of analyses of that column, listed with the reason
};

/// Treatment of patients whose follow-up time is exactly 0.
enum class ZeroTimePolicy {
    Keep,   ///< R's convention: at risk at time 0, an event at 0 drops S(0) below 1
    Drop    ///< Stata and GraphPad's convention: left out, listed with the reason
};

/// The part each column of a table plays in the analysis, as the user confirmed it.
struct ColumnRoles {
    std::string id;                         ///< optional patient identifier, used in messages
    std::string time;                       ///< follow-up time; empty for a study without survival
    std::string event;                      ///< event status column
    std::optional<std::string> eventValue;  ///< the value that means "event"; empty = detect (see EventCoding)
    std::vector<std::string> markers;       ///< biomarkers (numeric; "<L" allowed)
    std::vector<std::string> covariates;    ///< numeric or categorical
    BelowLimitPolicy belowLimit = BelowLimitPolicy::HalfLimit;
    ZeroTimePolicy zeroTimes = ZeroTimePolicy::Keep;
};

/// The reading of an event column: the value that means the event, and the rule that chose it.
struct EventCoding {
    std::string eventValue;                 ///< as written in the file (first spelling seen)
    std::vector<std::string> censoredValues;
    std::string rule;                       ///< e.g. "1/2 coding as R's Surv reads it: 2 = event"
    bool detected = false;                  ///< true when chosen automatically
};

/// A row left out of the cohort or of one analysis, with the reason.
struct ExcludedRow {
    std::size_t row = 0;       ///< 1-based data row of the file (the header is row 0)
    std::string id;            ///< patient identifier when an id column was given
    std::string column;
    std::string value;         ///< the text found
    std::string reason;
};

/// One column of the cohort, read as numbers when every non-missing cell is a number
/// (or a "<L" / ">L" limit), else as category labels.
struct CohortColumn {
    std::string name;
    bool numeric = false;
    std::vector<std::optional<double>> values;        ///< numeric: per cohort row, empty when missing or excluded
    std::vector<std::optional<std::string>> labels;   ///< categorical: per cohort row, trimmed text
    std::vector<std::string> levels;                  ///< categorical: distinct labels, sorted as R's factor() sorts them
    std::vector<ExcludedRow> unusable;                ///< cells left out of analyses of this column, with the reason
    std::size_t belowLimitCount = 0;                  ///< numeric: cells written as "<L"
};

/// Validated per-patient arrays of one study. Rows are the file's rows that have a usable
/// time and event (all rows when the study has no survival columns), in file order.
struct Cohort {
    std::vector<std::size_t> sourceRow;   ///< 1-based data row of each cohort row
    std::vector<std::string> ids;         ///< patient id of each cohort row ("" without an id column)
    bool hasSurvival = false;
    std::string timeColumn;
    std::string eventColumn;
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    EventCoding eventCoding;
    std::vector<CohortColumn> columns;    ///< markers first, then covariates (each name once)
    std::vector<ExcludedRow> excluded;    ///< rows left out of every analysis, with the reason
    std::vector<std::string> notes;       ///< facts the user should see (zero times kept, coding used)
    std::size_t rowsInFile = 0;

    std::size_t size() const noexcept { return sourceRow.size(); }

    /// The named column; throws InputError when it was not loaded.
    const CohortColumn& column(const std::string& name) const;
    const CohortColumn* findColumn(const std::string& name) const;

    /// "patient P08, row 8" or "row 8": how messages name a cohort row.
    std::string describeRow(std::size_t cohortRow) const;
};

/// What a two-valued column records, which decides the words used to guess its coding.
enum class BinaryRole {
    Event,      ///< survival status: which value means the event happened
    Outcome     ///< a yes/no outcome such as objective response: which value is positive
};

/// Decides which of the distinct values of a two-valued column is the event (or the
/// positive outcome). values are the non-missing cell texts. With an explicit choice it
/// is matched after trimming spaces and ignoring case (and numerically for numbers).
/// Without one: 0/1 -> 1; 1/2 -> 2 (as R's Surv reads status); TRUE/FALSE -> TRUE;
/// yes/no -> yes; for events dead/alive (and deceased, died, death / alive, living,
/// censored) -> the death label; for outcomes responder/non-responder, positive/negative.
/// Throws InputError when the column has more than two distinct values and no choice
/// was given, when the choice does not occur, or when the coding cannot be guessed.
EventCoding detectBinaryCoding(const std::vector<std::string>& values, const std::optional<std::string>& chosen,
                               const std::string& columnName, BinaryRole role);

/// detectBinaryCoding() on the non-missing cells of an event column of a table.
EventCoding detectEventCoding(const io::Table& table, std::size_t eventColumn,
                              const std::optional<std::string>& eventValue);

/// The key under which a cell of a two-valued column is compared with
/// EventCoding::eventValue: trimmed, lower case, numbers in canonical form.
std::string binaryKey(std::string_view text);

/// Builds the cohort. Throws InputError for a missing column, a negative time (naming
/// the row, the patient and the value) and an event column that cannot be read.
/// Rows with a missing or non-numeric time or event are left out and listed in excluded.
Cohort buildCohort(const io::Table& table, const ColumnRoles& roles);

} // namespace cutofflab
