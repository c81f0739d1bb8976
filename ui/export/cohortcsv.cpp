#include "export/cohortcsv.h"

#include "io/cohortsource.h"
#include "logging.h"
#include "survival/survdata.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace cutofflab::ui {

namespace {

struct CsvText {
    Q_DECLARE_TR_FUNCTIONS(CohortCsv)
};

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
QByteArray csvField(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

QString writeCohortCsv(const QString& path, const LoadedCohort& loaded, const std::vector<int>& groups,
                       const QStringList& names, const QString& groupColumn)
{
    const QFileInfo target(path);
    const QFileInfo source(loaded.source.path);
    if (source.exists() && target.exists() && target.canonicalFilePath() == source.canonicalFilePath())
        return CsvText::tr("\"%1\" is the file the cohort was read from. Choose another name: Cutoff Lab never writes to its input.")
            .arg(target.fileName());

    const io::Table& table = loaded.source.table;
    // Group of each file row: cohort rows carry their source row.
    std::vector<int> groupOfRow(table.rowCount(), kNoGroup);
    for (std::size_t i = 0; i < loaded.cohort.size() && i < groups.size(); ++i)
        groupOfRow[loaded.cohort.sourceRow[i] - 1] = groups[i];

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return CsvText::tr("Could not write \"%1\": %2").arg(path, file.errorString());
    QByteArray line;
    for (const std::string& name : table.columns)
        line += csvField(QString::fromStdString(name)) + ',';
    line += csvField(groupColumn) + '\n';
    file.write(line);
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        line.clear();
        for (std::size_t c = 0; c < table.columnCount(); ++c)
            line += csvField(QString::fromStdString(table.cell(r, c))) + ',';
        const int group = groupOfRow[r];
        if (group >= 0 && group < names.size())
            line += csvField(names[group]);
        line += '\n';
        file.write(line);
    }
    if (!file.commit())
        return CsvText::tr("Could not write \"%1\": %2").arg(path, file.errorString());
    qCInfo(lcExport) << "Saved the cohort with its groups," << table.rowCount() << "rows";
    return {};
}

} // namespace cutofflab::ui
