// cutofflab-cli: the command-line face of Cutoff Lab. The same core and the same
// analysis specification as the window; results as JSON on stdout, errors on stderr.

#include "commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

void printUsage(QTextStream& out)
{
    out << "Usage: cutofflab-cli COMMAND [options]\n"
           "\n"
           "Commands:\n"
           "  analyze DATA   Survival, ROC and response analysis of a biomarker cut-off; JSON on stdout.\n"
           "  scan DATA      Every cut-off of a marker: the log-rank landscape, the optimal cut-off\n"
           "                 and its corrected p-values; JSON on stdout.\n"
           "\n"
           "Options:\n"
           "  -h, --help     Show this help, or a command's help with COMMAND --help.\n"
           "  -v, --version  Show the version.\n"
           "\n"
           "Example:\n"
           "  cutofflab-cli analyze cohort.csv --time os_months --event death --marker il6 --cutoff 8.58\n";
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cutofflab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUTOFFLAB_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.size() < 2) {
        printUsage(err);
        return cutofflab::cli::kExitUsage;
    }
    const QString command = arguments.at(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printUsage(out);
        return 0;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out << "cutofflab-cli " << CUTOFFLAB_VERSION << "\n";
        return 0;
    }
    arguments.removeAt(1);
    if (command == QLatin1String("analyze"))
        return cutofflab::cli::runAnalyze(arguments);
    if (command == QLatin1String("scan"))
        return cutofflab::cli::runScan(arguments);

    err << "cutofflab-cli: unknown command \"" << command << "\". Use analyze or scan; see cutofflab-cli --help.\n";
    return cutofflab::cli::kExitUsage;
}
