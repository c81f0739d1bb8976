#pragma once

#include "analysis/spec.h"
#include "data/cohort.h"

#include <QJsonObject>
#include <QString>

namespace cutofflab::jsonio {

/// An analysis as saved by the window and read by `cutofflab-cli analyze --spec`: the
/// columns and their roles, and the analysis specification.
struct SavedAnalysis {
    ColumnRoles roles;
    AnalysisSpec spec;
    QString dataFile;      ///< the data file it was made on (informational)
    QString dataSha256;    ///< checksum of that file, empty when unknown
};

/// Reads the JSON form described in docs/cli-json.md. Throws InputError naming the
/// field for a value of the wrong type or an unknown name.
SavedAnalysis analysisFromJson(const QJsonObject& object);

/// Writes the JSON form that analysisFromJson() reads.
QJsonObject analysisToJson(const SavedAnalysis& analysis);

/// Adds to roles.markers and roles.covariates every column that the spec uses (markers
/// of the grouping, covariates, the outcome column, baseline columns, a group column),
/// so that buildCohort() loads them.
void addColumnsUsedBySpec(const AnalysisSpec& spec, ColumnRoles& roles);

/// Parses the names used on the command line and in JSON; throw InputError listing the
/// accepted names.
CutoffRule parseRule(const QString& text);
CoxTies parseTies(const QString& text);
ConfType parseConfType(const QString& text);
RocDirection parseDirection(const QString& text);
ZeroTimePolicy parseZeroTimes(const QString& text);
BelowLimitPolicy parseBelowLimit(const QString& text);

} // namespace cutofflab::jsonio
