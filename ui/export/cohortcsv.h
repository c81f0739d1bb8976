#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace cutofflab::ui {

struct LoadedCohort;

/// Writes every row of the opened table with its columns as read, plus a column with
/// the row's group (empty for rows in no group) named `groupColumn`. Refuses to write to
/// the file the cohort was read from. Returns an empty string on success, else the reason.
/// groups has one entry per cohort row (kNoGroup for none), and names the group labels.
QString writeCohortCsv(const QString& path, const LoadedCohort& cohort, const std::vector<int>& groups,
                       const QStringList& names, const QString& groupColumn);

} // namespace cutofflab::ui
