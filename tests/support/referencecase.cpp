#include "support/referencecase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <stdexcept>

namespace cutofflab::test {

QString testDataPath(const QString& relativePath)
{
    return QDir(QStringLiteral(CUTOFFLAB_TEST_DATA_DIR)).filePath(relativePath);
}

namespace {

QJsonObject readJsonFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot open " + path.toStdString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw std::runtime_error("invalid JSON in " + path.toStdString() + ": " + error.errorString().toStdString());
    return document.object();
}

bool cellEmpty(const io::Table& table, std::size_t row, std::size_t column)
{
    return io::trim(table.cell(row, column)).empty();
}

bool meetsRule(double value, double cutoff, const QString& rule)
{
    return rule == QLatin1String(">") ? value > cutoff : value >= cutoff;
}

bool segmentsMatch(const QStringList& pattern, const QStringList& path)
{
    if (pattern.size() > path.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != QLatin1String("*") && pattern[i] != path[i])
            return false;
    }
    return true;
}

} // namespace

std::optional<double> ReferenceCase::number(const QString& column, std::size_t analysedRow) const
{
    const std::size_t columnIndex = table.requireColumn(column.toStdString());
    const std::string& text = table.cell(rows[analysedRow], columnIndex);
    const io::NumericCell cell = io::parseNumericCell(text);
    if (cell.kind == io::NumericCell::Kind::Number)
        return cell.value;
    const QJsonObject lod = json.value(QStringLiteral("below_detection_limit")).toObject();
    if (cell.kind == io::NumericCell::Kind::BelowLimit && lod.value(QStringLiteral("column")).toString() == column)
        return cell.value / 2.0;
    return std::nullopt;
}

QString ReferenceCase::text(const QString& column, std::size_t analysedRow) const
{
    const std::size_t columnIndex = table.requireColumn(column.toStdString());
    return QString::fromStdString(std::string(io::trim(table.cell(rows[analysedRow], columnIndex))));
}

Tolerance ReferenceCase::tolerance(const QString& fieldPath) const
{
    Tolerance result;
    const QJsonObject tolerances = json.value(QStringLiteral("tolerance")).toObject();
    const QJsonObject defaults = tolerances.value(QStringLiteral("default")).toObject();
    if (defaults.contains(QStringLiteral("relative")))
        result.relative = defaults.value(QStringLiteral("relative")).toDouble();

    const QStringList path = fieldPath.split(QLatin1Char('.'));
    for (const QJsonValue& value : tolerances.value(QStringLiteral("overrides")).toArray()) {
        const QJsonObject override = value.toObject();
        bool matches = false;
        for (const QString& pattern : override.value(QStringLiteral("field")).toString().split(QLatin1Char(','))) {
            if (segmentsMatch(pattern.trimmed().split(QLatin1Char('.')), path))
                matches = true;
        }
        if (!matches)
            continue;
        if (override.contains(QStringLiteral("compare")) && !override.value(QStringLiteral("compare")).toBool())
            result.compared = false;
        if (override.contains(QStringLiteral("relative")))
            result.relative = override.value(QStringLiteral("relative")).toDouble();
        if (override.contains(QStringLiteral("absolute")))
            result.absolute = override.value(QStringLiteral("absolute")).toDouble();
    }
    return result;
}

QStringList referenceCaseIds(const QString& block)
{
    QDir directory(testDataPath(QStringLiteral("reference/cases")));
    QStringList ids;
    for (const QString& fileName : directory.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        if (!block.isEmpty() && !readJsonFile(directory.filePath(fileName)).contains(block))
            continue;
        ids << fileName.chopped(5);
    }
    return ids;
}

ReferenceCase loadReferenceCase(const QString& id)
{
    ReferenceCase referenceCase;
    referenceCase.id = id;
    referenceCase.json = readJsonFile(testDataPath(QStringLiteral("reference/cases/%1.json").arg(id)));
    const QString datasetFile =
        referenceCase.json.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("file")).toString();
    referenceCase.table =
        io::readTable(testDataPath(QStringLiteral("reference/datasets/%1").arg(datasetFile)).toStdString());
    const io::Table& table = referenceCase.table;

    // The markers and rules that define the groups.
    struct Component {
        std::size_t column;
        QString name;
        double cutoff;
        QString rule;
    };
    std::vector<Component> components;
    const QJsonObject grouping = referenceCase.json.value(QStringLiteral("grouping")).toObject();
    if (grouping.value(QStringLiteral("type")).toString() == QLatin1String("score")) {
        for (const QJsonValue& value : grouping.value(QStringLiteral("components")).toArray()) {
            const QJsonObject component = value.toObject();
            const QString marker = component.value(QStringLiteral("marker")).toString();
            components.push_back({table.requireColumn(marker.toStdString()), marker,
                                  component.value(QStringLiteral("cutoff")).toDouble(),
                                  component.value(QStringLiteral("rule")).toString()});
        }
    } else {
        const QString marker = grouping.value(QStringLiteral("marker")).toString();
        components.push_back({table.requireColumn(marker.toStdString()), marker,
                              grouping.value(QStringLiteral("cutoff")).toDouble(),
                              grouping.value(QStringLiteral("high_rule")).toString()});
    }
    for (const QJsonValue& name : grouping.value(QStringLiteral("group_order")).toArray())
        referenceCase.groupNames << name.toVariant().toString();
    referenceCase.groupCount = static_cast<int>(referenceCase.groupNames.size());

    const QJsonObject survival = referenceCase.json.value(QStringLiteral("survival")).toObject();
    referenceCase.hasSurvival = survival.value(QStringLiteral("time_column")).isString();
    std::optional<std::size_t> timeColumn;
    std::optional<std::size_t> eventColumn;
    double eventValue = 1.0;
    if (referenceCase.hasSurvival) {
        timeColumn = table.requireColumn(survival.value(QStringLiteral("time_column")).toString().toStdString());
        eventColumn = table.requireColumn(survival.value(QStringLiteral("event_column")).toString().toStdString());
        eventValue = survival.value(QStringLiteral("event_value")).toDouble();
    }

    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        bool markerMissing = false;
        for (const Component& component : components)
            markerMissing = markerMissing || cellEmpty(table, row, component.column);
        if (markerMissing)
            continue;
        if (timeColumn && (cellEmpty(table, row, *timeColumn) || cellEmpty(table, row, *eventColumn)))
            continue;
        referenceCase.rows.push_back(row);
    }

    for (std::size_t i = 0; i < referenceCase.rows.size(); ++i) {
        int met = 0;
        double firstMarker = 0.0;
        for (std::size_t c = 0; c < components.size(); ++c) {
            const std::optional<double> value = referenceCase.number(components[c].name, i);
            if (!value) {
                throw std::runtime_error("case " + id.toStdString() + ": marker " + components[c].name.toStdString()
                                         + " is not a number on data row " + std::to_string(referenceCase.rows[i] + 1));
            }
            if (c == 0)
                firstMarker = *value;
            if (meetsRule(*value, components[c].cutoff, components[c].rule))
                ++met;
        }
        referenceCase.marker.push_back(firstMarker);
        referenceCase.group.push_back(met);
        if (timeColumn) {
            const std::optional<double> time =
                referenceCase.number(survival.value(QStringLiteral("time_column")).toString(), i);
            const std::optional<double> status =
                referenceCase.number(survival.value(QStringLiteral("event_column")).toString(), i);
            if (!time || !status)
                throw std::runtime_error("case " + id.toStdString() + ": time or status is not a number");
            referenceCase.time.push_back(*time);
            referenceCase.event.push_back(*status == eventValue ? 1 : 0);
        }
    }
    return referenceCase;
}

} // namespace cutofflab::test
