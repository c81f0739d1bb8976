#include "jsonio/specjson.h"

#include "common/error.h"
#include "jsonio/resultjson.h"

#include <QJsonArray>

#include <algorithm>

namespace cutofflab::jsonio {

namespace {

[[noreturn]] void invalidName(const char* what, const QString& text, const char* accepted)
{
    throw InputError(std::string("Unknown ") + what + " \"" + text.toStdString() + "\". Use one of: " + accepted + ".");
}

QString lower(const QString& text)
{
    return text.trimmed().toLower();
}

QString requireString(const QJsonObject& object, const char* key, const char* where)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isString()) {
        throw InputError(std::string("The analysis file has no text field \"") + where + "." + key
                         + "\" (or it is not text). Add it, for example \"" + key + "\": \"os_months\".");
    }
    return value.toString();
}

double requireNumber(const QJsonObject& object, const char* key, const char* where)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isDouble()) {
        throw InputError(std::string("The analysis file has no number \"") + where + "." + key
                         + "\" (or it is not a number). Add it, for example \"" + key + "\": 8.58.");
    }
    return value.toDouble();
}

std::vector<std::string> stringList(const QJsonValue& value, const char* key)
{
    std::vector<std::string> list;
    if (value.isUndefined() || value.isNull())
        return list;
    if (!value.isArray())
        throw InputError(std::string("The field \"") + key + "\" of the analysis file must be a list of names.");
    for (const QJsonValue& item : value.toArray()) {
        if (!item.isString())
            throw InputError(std::string("The field \"") + key + "\" of the analysis file must hold names (text) only.");
        list.push_back(item.toString().toStdString());
    }
    return list;
}

void addUnique(std::vector<std::string>& list, const std::string& name)
{
    if (!name.empty() && std::find(list.begin(), list.end(), name) == list.end())
        list.push_back(name);
}

} // namespace

CutoffRule parseRule(const QString& text)
{
    const QString t = lower(text);
    if (t == QLatin1String("ge") || t == QLatin1String(">="))
        return CutoffRule::GreaterOrEqual;
    if (t == QLatin1String("gt") || t == QLatin1String(">"))
        return CutoffRule::Greater;
    invalidName("cut-off rule", text, "ge (high when value >= cut-off), gt (high when value > cut-off)");
}

CoxTies parseTies(const QString& text)
{
    const QString t = lower(text);
    if (t == QLatin1String("efron"))
        return CoxTies::Efron;
    if (t == QLatin1String("breslow"))
        return CoxTies::Breslow;
    invalidName("tie method", text, "efron, breslow");
}

ConfType parseConfType(const QString& text)
{
    const QString t = lower(text);
    if (t == QLatin1String("log"))
        return ConfType::Log;
    if (t == QLatin1String("log-log") || t == QLatin1String("loglog"))
        return ConfType::LogLog;
    if (t == QLatin1String("plain"))
        return ConfType::Plain;
    invalidName("confidence interval type", text, "log, log-log, plain");
}

RocDirection parseDirection(const QString& text)
{
    const QString t = lower(text);
    if (t == QLatin1String("higher"))
        return RocDirection::Higher;
    if (t == QLatin1String("lower"))
        return RocDirection::Lower;
    if (t == QLatin1String("auto"))
        return RocDirection::Auto;
    invalidName("direction", text, "higher, lower, auto");
}

ZeroTimePolicy parseZeroTimes(const QString& text)
{
    const QString t = lower(text);
    if (t == QLatin1String("keep"))
        return ZeroTimePolicy::Keep;
    if (t == QLatin1String("drop"))
        return ZeroTimePolicy::Drop;
    invalidName("zero-time rule", text, "keep (as R), drop (as Stata and GraphPad)");
}

BelowLimitPolicy parseBelowLimit(const QString& text)
{
    const QString t = lower(text);
    if (t == QLatin1String("half"))
        return BelowLimitPolicy::HalfLimit;
    if (t == QLatin1String("limit"))
        return BelowLimitPolicy::Limit;
    if (t == QLatin1String("exclude"))
        return BelowLimitPolicy::Exclude;
    invalidName("below-detection-limit rule", text, "half, limit, exclude");
}

SavedAnalysis analysisFromJson(const QJsonObject& object)
{
    SavedAnalysis saved;
    const QJsonObject data = object.value(QStringLiteral("data")).toObject();
    saved.dataFile = data.value(QStringLiteral("file")).toString();
    saved.dataSha256 = data.value(QStringLiteral("sha256")).toString();

    const QJsonObject columns = object.value(QStringLiteral("columns")).toObject();
    ColumnRoles& roles = saved.roles;
    roles.id = columns.value(QStringLiteral("id")).toString().toStdString();
    roles.time = columns.value(QStringLiteral("time")).toString().toStdString();
    roles.event = columns.value(QStringLiteral("event")).toString().toStdString();
    const QJsonValue eventCode = columns.value(QStringLiteral("event_code"));
    if (eventCode.isString())
        roles.eventValue = eventCode.toString().toStdString();
    else if (eventCode.isDouble())
        roles.eventValue = QString::number(eventCode.toDouble(), 'g', 17).toStdString();
    if (columns.contains(QStringLiteral("zero_times")))
        roles.zeroTimes = parseZeroTimes(columns.value(QStringLiteral("zero_times")).toString());
    if (columns.contains(QStringLiteral("below_limit")))
        roles.belowLimit = parseBelowLimit(columns.value(QStringLiteral("below_limit")).toString());
    roles.markers = stringList(columns.value(QStringLiteral("markers")), "columns.markers");
    roles.covariates = stringList(columns.value(QStringLiteral("covariates")), "columns.covariates");

    AnalysisSpec& spec = saved.spec;
    const QJsonObject grouping = object.value(QStringLiteral("grouping")).toObject();
    const QString type = grouping.value(QStringLiteral("type")).toString(QStringLiteral("cutoff"));
    if (type == QLatin1String("cutoff")) {
        spec.grouping.kind = GroupingSpec::Kind::Cutoff;
        spec.grouping.marker = requireString(grouping, "marker", "grouping").toStdString();
        spec.grouping.cutoff = requireNumber(grouping, "cutoff", "grouping");
        spec.grouping.rule = parseRule(grouping.value(QStringLiteral("rule")).toString(QStringLiteral(">=")));
    } else if (type == QLatin1String("score")) {
        spec.grouping.kind = GroupingSpec::Kind::Score;
        spec.grouping.marker = requireString(grouping, "marker", "grouping").toStdString();
        spec.grouping.cutoff = requireNumber(grouping, "cutoff", "grouping");
        spec.grouping.rule = parseRule(grouping.value(QStringLiteral("rule")).toString(QStringLiteral(">=")));
        spec.grouping.marker2 = requireString(grouping, "marker2", "grouping").toStdString();
        spec.grouping.cutoff2 = requireNumber(grouping, "cutoff2", "grouping");
        spec.grouping.rule2 = parseRule(grouping.value(QStringLiteral("rule2")).toString(QStringLiteral(">=")));
    } else if (type == QLatin1String("quantiles")) {
        spec.grouping.kind = GroupingSpec::Kind::Quantiles;
        spec.grouping.marker = requireString(grouping, "marker", "grouping").toStdString();
        spec.grouping.quantileGroups = static_cast<int>(requireNumber(grouping, "groups", "grouping"));
        spec.grouping.rule = parseRule(grouping.value(QStringLiteral("rule")).toString(QStringLiteral(">=")));
    } else if (type == QLatin1String("column")) {
        spec.grouping.kind = GroupingSpec::Kind::Column;
        spec.grouping.column = requireString(grouping, "column", "grouping").toStdString();
    } else {
        invalidName("grouping type", type, "cutoff, score, quantiles, column");
    }

    for (const std::string& covariate : stringList(object.value(QStringLiteral("covariates")), "covariates"))
        spec.covariates.push_back(CovariateSpec::parse(covariate));
    if (object.contains(QStringLiteral("ties")))
        spec.ties = parseTies(object.value(QStringLiteral("ties")).toString());
    if (object.contains(QStringLiteral("conf_type")))
        spec.confType = parseConfType(object.value(QStringLiteral("conf_type")).toString());
    if (object.contains(QStringLiteral("conf_level")))
        spec.confLevel = requireNumber(object, "conf_level", "analysis");
    for (const QJsonValue& time : object.value(QStringLiteral("times")).toArray())
        spec.times.push_back(time.toDouble());
    if (object.value(QStringLiteral("rmst_horizon")).isDouble())
        spec.rmstHorizon = object.value(QStringLiteral("rmst_horizon")).toDouble();
    if (object.value(QStringLiteral("rho")).isDouble())
        spec.logRankRho = object.value(QStringLiteral("rho")).toDouble();

    const QJsonObject outcome = object.value(QStringLiteral("outcome")).toObject();
    spec.outcomeColumn = outcome.value(QStringLiteral("column")).toString().toStdString();
    if (outcome.value(QStringLiteral("code")).isString())
        spec.outcomeValue = outcome.value(QStringLiteral("code")).toString().toStdString();
    else if (outcome.value(QStringLiteral("code")).isDouble())
        spec.outcomeValue = QString::number(outcome.value(QStringLiteral("code")).toDouble(), 'g', 17).toStdString();
    const QJsonValue deathBy = object.value(QStringLiteral("death_by"));
    if (deathBy.isDouble())
        spec.deathByTime = deathBy.toDouble();
    else if (deathBy.toString() == QLatin1String("median"))
        spec.deathByMedian = true;
    if (object.contains(QStringLiteral("direction")))
        spec.direction = parseDirection(object.value(QStringLiteral("direction")).toString());
    spec.baseline = stringList(object.value(QStringLiteral("baseline")), "baseline");

    addColumnsUsedBySpec(spec, roles);
    return saved;
}

QJsonObject analysisToJson(const SavedAnalysis& saved)
{
    const ColumnRoles& roles = saved.roles;
    const AnalysisSpec& spec = saved.spec;
    QJsonObject object;
    object[QStringLiteral("format")] = QStringLiteral("cutofflab-analysis");
    object[QStringLiteral("format_version")] = 1;
    if (!saved.dataFile.isEmpty()) {
        QJsonObject data;
        data[QStringLiteral("file")] = saved.dataFile;
        if (!saved.dataSha256.isEmpty())
            data[QStringLiteral("sha256")] = saved.dataSha256;
        object[QStringLiteral("data")] = data;
    }
    QJsonObject columns;
    if (!roles.id.empty())
        columns[QStringLiteral("id")] = QString::fromStdString(roles.id);
    columns[QStringLiteral("time")] = QString::fromStdString(roles.time);
    columns[QStringLiteral("event")] = QString::fromStdString(roles.event);
    if (roles.eventValue)
        columns[QStringLiteral("event_code")] = QString::fromStdString(*roles.eventValue);
    columns[QStringLiteral("zero_times")] = roles.zeroTimes == ZeroTimePolicy::Drop ? QStringLiteral("drop") : QStringLiteral("keep");
    columns[QStringLiteral("below_limit")] = roles.belowLimit == BelowLimitPolicy::Limit     ? QStringLiteral("limit")
                                           : roles.belowLimit == BelowLimitPolicy::Exclude ? QStringLiteral("exclude")
                                                                                             : QStringLiteral("half");
    QJsonArray markers, covariates;
    for (const auto& name : roles.markers)
        markers.append(QString::fromStdString(name));
    for (const auto& name : roles.covariates)
        covariates.append(QString::fromStdString(name));
    columns[QStringLiteral("markers")] = markers;
    columns[QStringLiteral("covariates")] = covariates;
    object[QStringLiteral("columns")] = columns;

    QJsonObject grouping;
    const GroupingSpec& g = spec.grouping;
    switch (g.kind) {
    case GroupingSpec::Kind::Cutoff:
        grouping = {{QStringLiteral("type"), QStringLiteral("cutoff")}, {QStringLiteral("marker"), QString::fromStdString(g.marker)},
                    {QStringLiteral("cutoff"), g.cutoff}, {QStringLiteral("rule"), ruleName(g.rule)}};
        break;
    case GroupingSpec::Kind::Score:
        grouping = {{QStringLiteral("type"), QStringLiteral("score")},
                    {QStringLiteral("marker"), QString::fromStdString(g.marker)}, {QStringLiteral("cutoff"), g.cutoff},
                    {QStringLiteral("rule"), ruleName(g.rule)}, {QStringLiteral("marker2"), QString::fromStdString(g.marker2)},
                    {QStringLiteral("cutoff2"), g.cutoff2}, {QStringLiteral("rule2"), ruleName(g.rule2)}};
        break;
    case GroupingSpec::Kind::Quantiles:
        grouping = {{QStringLiteral("type"), QStringLiteral("quantiles")}, {QStringLiteral("marker"), QString::fromStdString(g.marker)},
                    {QStringLiteral("groups"), g.quantileGroups}, {QStringLiteral("rule"), ruleName(g.rule)}};
        break;
    case GroupingSpec::Kind::Column:
        grouping = {{QStringLiteral("type"), QStringLiteral("column")}, {QStringLiteral("column"), QString::fromStdString(g.column)}};
        break;
    }
    object[QStringLiteral("grouping")] = grouping;

    QJsonArray covariateTexts;
    for (const CovariateSpec& covariate : spec.covariates)
        covariateTexts.append(QString::fromStdString(covariate.label()
                                                     + (covariate.referenceLevel ? ":ref=" + *covariate.referenceLevel : std::string())));
    object[QStringLiteral("covariates")] = covariateTexts;
    object[QStringLiteral("ties")] = tiesName(spec.ties);
    object[QStringLiteral("conf_type")] = confTypeName(spec.confType);
    object[QStringLiteral("conf_level")] = spec.confLevel;
    QJsonArray times;
    for (double time : spec.times)
        times.append(time);
    object[QStringLiteral("times")] = times;
    if (spec.rmstHorizon)
        object[QStringLiteral("rmst_horizon")] = *spec.rmstHorizon;
    object[QStringLiteral("rho")] = spec.logRankRho;
    if (!spec.outcomeColumn.empty()) {
        QJsonObject outcome{{QStringLiteral("column"), QString::fromStdString(spec.outcomeColumn)}};
        if (spec.outcomeValue)
            outcome[QStringLiteral("code")] = QString::fromStdString(*spec.outcomeValue);
        object[QStringLiteral("outcome")] = outcome;
    }
    if (spec.deathByMedian)
        object[QStringLiteral("death_by")] = QStringLiteral("median");
    else if (spec.deathByTime)
        object[QStringLiteral("death_by")] = *spec.deathByTime;
    object[QStringLiteral("direction")] = spec.direction == RocDirection::Lower ? QStringLiteral("lower")
                                        : spec.direction == RocDirection::Auto  ? QStringLiteral("auto")
                                                                                : QStringLiteral("higher");
    QJsonArray baseline;
    for (const auto& name : spec.baseline)
        baseline.append(QString::fromStdString(name));
    object[QStringLiteral("baseline")] = baseline;
    return object;
}

void addColumnsUsedBySpec(const AnalysisSpec& spec, ColumnRoles& roles)
{
    const GroupingSpec& g = spec.grouping;
    if (g.kind != GroupingSpec::Kind::Column)
        addUnique(roles.markers, g.marker);
    if (g.kind == GroupingSpec::Kind::Score)
        addUnique(roles.markers, g.marker2);
    if (g.kind == GroupingSpec::Kind::Column)
        addUnique(roles.covariates, g.column);
    for (const CovariateSpec& covariate : spec.covariates)
        addUnique(roles.covariates, covariate.column);
    addUnique(roles.covariates, spec.outcomeColumn);
    for (const auto& name : spec.baseline)
        addUnique(roles.covariates, name);
}

} // namespace cutofflab::jsonio
