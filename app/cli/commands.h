#pragma once

#include <QStringList>

namespace cutofflab::cli {

/// Exit codes of cutofflab-cli.
inline constexpr int kExitUsage = 1;       ///< wrong options: the message says which
inline constexpr int kExitInput = 2;       ///< the data or the specification cannot be analysed
inline constexpr int kExitInternal = 3;    ///< an unexpected failure: please report it

/// `cutofflab-cli analyze DATA [options]`; arguments[0] is the program name.
int runAnalyze(const QStringList& arguments);

/// `cutofflab-cli scan DATA [options]`; arguments[0] is the program name.
int runScan(const QStringList& arguments);

} // namespace cutofflab::cli
