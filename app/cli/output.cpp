#include "commands.h"

#include "common/error.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

namespace cutofflab::cli {

bool writeJson(const QJsonObject& json, bool compact, const QString& outputPath, const QString& dataPath)
{
    const QByteArray text = QJsonDocument(json).toJson(compact ? QJsonDocument::Compact : QJsonDocument::Indented);
    if (outputPath.isEmpty()) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return false;
        stdoutFile.write(text);
        return true;
    }

    const QFileInfo target(outputPath);
    if (target.exists() && target.canonicalFilePath() == QFileInfo(dataPath).canonicalFilePath())
        throw InputError("--output names the data file itself; choose another file so that the data stay unchanged.");
    QFile file(target.filePath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw InputError("Cannot write \"" + target.filePath().toStdString() + "\": " + file.errorString().toStdString());
    file.write(text);
    return true;
}

} // namespace cutofflab::cli
