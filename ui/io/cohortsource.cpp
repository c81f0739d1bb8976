#include "io/cohortsource.h"

#include "common/error.h"
#include "logging.h"

#include <QFile>
#include <QFileInfo>

namespace cutofflab::ui {

QString exampleCohortPath()
{
    return QStringLiteral(":/cutofflab/example_cohort_SIMULATED.csv");
}

QStringList supportedFilePatterns()
{
    return {QStringLiteral("*.csv"), QStringLiteral("*.tsv"), QStringLiteral("*.txt")};
}

bool isSupportedFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("txt");
}

SourceTable readSourceTable(const QString& path)
{
    SourceTable source;
    source.path = path;
    source.displayName = QFileInfo(path).fileName();
    if (path == exampleCohortPath()) {
        // A resource is not a file the core's reader can open, so its text is parsed here.
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw InputError("The bundled example cohort is missing from this build of Cutoff Lab.");
        const QByteArray bytes = file.readAll();
        const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        source.table = io::parseDelimited(text, io::detectDialect(text));
        source.simulated = true;
    } else {
        source.table = io::readTable(QFile::encodeName(path).toStdString());
    }
    qCInfo(lcIo) << "Read" << source.displayName << "with" << source.table.rowCount() << "rows and"
                 << source.table.columnCount() << "columns";
    return source;
}

ColumnRoles exampleRoles()
{
    ColumnRoles roles;
    roles.id = "patient_id";
    roles.time = "os_months";
    roles.event = "death";
    roles.markers = {"il6_pg_ml", "il8_pg_ml"};
    roles.covariates = {"objective_response", "age", "sex", "etiology", "child_pugh", "ecog_ps", "bclc",
                        "portal_vein_infiltration", "extrahepatic_spread", "target_lesion_mm", "albumin_g_l",
                        "bilirubin_umol_l", "afp_ng_ml"};
    return roles;
}

QString exampleResponseColumn()
{
    return QStringLiteral("objective_response");
}

} // namespace cutofflab::ui
