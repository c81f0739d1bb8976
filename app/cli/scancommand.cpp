#include "commands.h"

#include <QTextStream>

namespace cutofflab::cli {

int runScan(const QStringList& arguments)
{
    Q_UNUSED(arguments);
    // TODO: wire the cut-off scan of core/cutpoint (landscape, maxstat p-values,
    // bootstrap, validation) to this command.
    QTextStream(stderr) << "cutofflab-cli scan: not available in this build yet.\n";
    return kExitUsage;
}

} // namespace cutofflab::cli
