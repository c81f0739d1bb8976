#include "io/cohortsource.h"

#include "common/error.h"
#include "logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace cutofflab::ui {

namespace {
struct CohortSourceText {
    Q_DECLARE_TR_FUNCTIONS(CohortSource)
};
} // namespace

std::vector<ColumnLeftOut> leftOutByColumn(const ColumnRoles& roles, const Cohort& cohort)
{
    std::vector<ColumnLeftOut> result;
    const auto add = [&](const std::string& name, const QString& scope) {
        const CohortColumn* column = cohort.findColumn(name);
        if (column && !column->unusable.empty())
            result.push_back({QString::fromStdString(name), scope, column->unusable.size()});
    };
    for (const std::string& marker : roles.markers)
        add(marker, CohortSourceText::tr("analyses by this marker"));
    for (const std::string& covariate : roles.covariates) {
        if (std::find(roles.markers.begin(), roles.markers.end(), covariate) == roles.markers.end())
            add(covariate, CohortSourceText::tr("models and tables with this covariate"));
    }
    return result;
}

QString leftOutSummary(const ColumnRoles& roles, const Cohort& cohort, std::size_t rowsInFile)
{
    QString text = CohortSourceText::tr("%1 of %2 rows are in the cohort; %n row(s) left out of every analysis.", nullptr,
                                        static_cast<int>(cohort.excluded.size()))
                       .arg(cohort.size())
                       .arg(rowsInFile);
    const std::vector<ColumnLeftOut> columns = leftOutByColumn(roles, cohort);
    std::size_t cells = 0;
    QStringList parts;
    for (const ColumnLeftOut& column : columns) {
        cells += column.count;
        parts << CohortSourceText::tr("%1 %2").arg(column.column).arg(column.count);
    }
    if (cells > 0)
        text += QLatin1Char(' ')
                + CohortSourceText::tr("%n missing or unusable cell(s) leave their row out only of the analyses that use that column (%1).",
                                       nullptr, static_cast<int>(cells))
                      .arg(parts.join(QStringLiteral(", ")));
    return text;
}

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
