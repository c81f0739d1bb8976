#pragma once

#include "data/cohort.h"
#include "io/table.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cutofflab::ui {

/// The part a column plays in the analysis, as the column dialog offers it.
enum class ColumnRole { Ignore, Id, Time, Event, Marker, Response, Covariate };

/// What the reader found in one column of a table.
struct ColumnSummary {
    QString name;
    std::size_t numberCount = 0;     ///< cells read as numbers (including "<L" and ">L")
    std::size_t missingCount = 0;    ///< empty, NA and similar cells
    std::size_t textCount = 0;       ///< cells that are neither numbers nor missing
    std::size_t belowLimitCount = 0; ///< cells written as "<L"
    std::size_t distinctCount = 0;   ///< distinct non-missing texts (after trimming spaces)
    std::size_t integerCount = 0;    ///< numbers (not limits) that are whole numbers
    QStringList levels;              ///< distinct non-missing texts, at most kMaxLevels, in file order
    bool moreLevels = false;         ///< true when there were more than kMaxLevels distinct texts
    bool numeric() const { return numberCount > 0 && textCount == 0; }
    /// A numeric column of codes rather than measurements: each value repeats 4 times on
    /// average, and the values are whole numbers with at most 20 distinct values
    /// (institution codes, 1/2 sex, 0-4 performance scores) or there are at most 3 of
    /// them (0/0.5/1 codes).
    bool coded() const;

    static constexpr int kMaxLevels = 12;
};

/// Roles guessed from column names and contents, for the user to confirm.
struct RoleGuess {
    std::vector<ColumnSummary> columns;   ///< one per table column, in table order
    std::vector<ColumnRole> roles;        ///< one per table column
    QStringList reasons;                  ///< one sentence per guessed role, shown in the dialog
};

/// Summarises every column of the table (a pass over all cells).
std::vector<ColumnSummary> summarizeColumns(const io::Table& table);

/// Guesses the role of each column:
/// - id: a column named like id/patient/subject whose texts are all different;
/// - time: a numeric column named like time, os_months, pfs, futime, days, months;
/// - event: a column with two distinct values (three when named "status") named like
///   death, status, event, cens, vital, died;
/// - response: a column with two distinct values named like response, orr, outcome;
/// - markers: numeric columns with marker-like names (il6, crp, afp, _pg_ml, ...), or
///   when none has such a name, every other numeric column that is not coded();
/// - covariates: every remaining column with at most 20 distinct texts or numeric.
RoleGuess guessColumnRoles(const io::Table& table);

/// Turns the roles into the core's ColumnRoles (the response column becomes a
/// covariate of the cohort, so that it is read and validated with the others).
ColumnRoles toColumnRoles(const io::Table& table, const std::vector<ColumnRole>& roles,
                          const std::optional<std::string>& eventValue);

/// The name of the column with the role, or empty.
QString columnWithRole(const io::Table& table, const std::vector<ColumnRole>& roles, ColumnRole role);

} // namespace cutofflab::ui
