#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cutofflab::cli {

/// Exit codes of cutofflab-cli.
inline constexpr int kExitUsage = 1;       ///< wrong options: the message says which
inline constexpr int kExitInput = 2;       ///< the data or the specification cannot be analysed
inline constexpr int kExitInternal = 3;    ///< an unexpected failure: please report it

/// Writes json (indented, or on one line when compact) to outputPath, or to stdout when
/// outputPath is empty. Throws InputError when outputPath is the data file itself (the
/// data stay unchanged) or cannot be written; returns false when stdout cannot be opened.
bool writeJson(const QJsonObject& json, bool compact, const QString& outputPath, const QString& dataPath);

/// `cutofflab-cli analyze DATA [options]`; arguments[0] is the program name.
int runAnalyze(const QStringList& arguments);

/// `cutofflab-cli scan DATA [options]`; arguments[0] is the program name.
int runScan(const QStringList& arguments);

} // namespace cutofflab::cli
