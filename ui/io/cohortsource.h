#pragma once

#include "data/cohort.h"
#include "io/table.h"

#include <QString>
#include <QStringList>

namespace cutofflab::ui {

/// A table as opened, with where it came from.
struct SourceTable {
    QString path;          ///< file path, or the Qt resource path of the bundled example
    QString displayName;   ///< file name shown in the title bar and messages
    bool simulated = false;   ///< the bundled example: simulated patients, labelled as such
    io::Table table;
};

/// A cohort ready for analysis: the table, the roles the user confirmed and the cohort built.
struct LoadedCohort {
    SourceTable source;
    ColumnRoles roles;
    QString responseColumn;   ///< yes/no outcome column, empty when none was chosen
    Cohort cohort;
};

/// The cells of one column that are left out of the analyses using that column (missing,
/// unreadable or below-limit values), as opposed to rows left out of the whole cohort.
struct ColumnLeftOut {
    QString column;
    QString scope;        ///< what the cells are left out of, in words ("analyses by this marker")
    std::size_t count = 0;
};

/// The columns of the cohort with cells left out, markers first, then covariates, each
/// in the order of the roles.
std::vector<ColumnLeftOut> leftOutByColumn(const ColumnRoles& roles, const Cohort& cohort);

/// One sentence that says how many rows are in the cohort, how many rows are left out of
/// every analysis, and how many cells are left out of the analyses of their column.
QString leftOutSummary(const ColumnRoles& roles, const Cohort& cohort, std::size_t rowsInFile);

/// Resource path of the bundled simulated IL-6/IL-8 cohort.
QString exampleCohortPath();

/// File name patterns of the tables the window opens ("*.csv *.tsv *.txt").
QStringList supportedFilePatterns();

/// True when the path names a file whose extension the window opens.
bool isSupportedFile(const QString& path);

/// Reads a CSV or TSV file, or the bundled example when given exampleCohortPath().
/// Never writes to the file. Throws InputError with the reason.
SourceTable readSourceTable(const QString& path);

/// The roles of the bundled example, so that it opens without the column dialog:
/// time os_months, event death (0/1), markers il6_pg_ml and il8_pg_ml, response
/// objective_response, and the clinical columns as covariates.
ColumnRoles exampleRoles();
QString exampleResponseColumn();

} // namespace cutofflab::ui
