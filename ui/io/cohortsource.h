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
