#pragma once

#include "analysis/analyze.h"

#include <QJsonObject>

namespace cutofflab::jsonio {

/// The JSON form of an analysis result, the output of `cutofflab-cli analyze`. Field
/// names follow the R reference files where the same quantity appears there; every
/// field is described in docs/cli-json.md. Numbers carry full double precision; a
/// value that does not exist (a median not reached, an undefined limit, a Wald test of
/// a diverging coefficient) is null, and non-finite values are "Inf", "-Inf".
QJsonObject resultToJson(const PreparedCohort& prepared, const AnalysisSpec& spec, const AnalysisResult& result);

/// The cohort part alone: rows read, rows excluded with reasons, event coding, notes.
QJsonObject cohortToJson(const Cohort& cohort);

/// Names used in JSON and on the command line.
QString confTypeName(ConfType type);
QString tiesName(CoxTies ties);
QString ruleName(CutoffRule rule);

} // namespace cutofflab::jsonio
