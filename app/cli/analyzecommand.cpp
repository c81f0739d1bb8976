#include "commands.h"

#include "analysis/analyze.h"
#include "common/error.h"
#include "io/table.h"
#include "jsonio/resultjson.h"
#include "jsonio/specjson.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

#include <cmath>
#include <exception>

namespace cutofflab::cli {

namespace {

std::vector<double> parseNumberList(const QString& text, const char* option)
{
    std::vector<double> values;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = part.trimmed().toDouble(&ok);
        if (!ok) {
            throw InputError(std::string("The option ") + option + " takes numbers separated by commas, such as 6,12; \""
                             + part.toStdString() + "\" is not a number.");
        }
        values.push_back(value);
    }
    return values;
}

double parseNumber(const QString& text, const char* option)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok)
        throw InputError(std::string("The option ") + option + " takes a number; \"" + text.toStdString() + "\" is not one.");
    return value;
}

QJsonObject readSpecFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError("The analysis file \"" + path.toStdString() + "\" could not be opened. Check the path.");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        throw InputError("The analysis file \"" + path.toStdString() + "\" is not valid JSON (" + error.errorString().toStdString()
                         + " at character " + std::to_string(error.offset) + ").");
    }
    return document.object();
}

} // namespace

int runAnalyze(const QStringList& arguments)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Analyse a biomarker cut-off: Kaplan-Meier, log-rank, Cox, ROC and response tables, equal to R's "
        "survival and pROC. Prints JSON on stdout (fields in docs/cli-json.md)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("DATA"), QStringLiteral("Cohort file (CSV or TSV, one row per patient)."));

    const QCommandLineOption spec(QStringLiteral("spec"), QStringLiteral("Analysis specification saved by the window (JSON); options below override it."), QStringLiteral("FILE"));
    const QCommandLineOption id(QStringLiteral("id"), QStringLiteral("Patient identifier column, used in messages."), QStringLiteral("COL"));
    const QCommandLineOption time(QStringLiteral("time"), QStringLiteral("Follow-up time column."), QStringLiteral("COL"));
    const QCommandLineOption event(QStringLiteral("event"), QStringLiteral("Event status column."), QStringLiteral("COL"));
    const QCommandLineOption eventCode(QStringLiteral("event-code"), QStringLiteral("Value of the event column that means the event (default: 1 for 0/1, 2 for 1/2 as R reads it, TRUE, yes, dead)."), QStringLiteral("VALUE"));
    const QCommandLineOption marker(QStringLiteral("marker"), QStringLiteral("Marker column to cut."), QStringLiteral("COL"));
    const QCommandLineOption cutoff(QStringLiteral("cutoff"), QStringLiteral("Cut-off of the marker."), QStringLiteral("X"));
    const QCommandLineOption rule(QStringLiteral("rule"), QStringLiteral("ge: high when marker >= cut-off (default); gt: high when marker > cut-off."), QStringLiteral("ge|gt"));
    const QCommandLineOption marker2(QStringLiteral("marker2"), QStringLiteral("Second marker for the 0/1/2 score."), QStringLiteral("COL"));
    const QCommandLineOption cutoff2(QStringLiteral("cutoff2"), QStringLiteral("Cut-off of the second marker."), QStringLiteral("X"));
    const QCommandLineOption rule2(QStringLiteral("rule2"), QStringLiteral("Rule of the second marker (ge or gt)."), QStringLiteral("ge|gt"));
    const QCommandLineOption quantiles(QStringLiteral("quantiles"), QStringLiteral("Quantile groups of the marker instead of a cut-off, 2 to 10: 2 (median split), 3 (tertiles), 4 (quartiles)."), QStringLiteral("N"));
    const QCommandLineOption groups(QStringLiteral("groups"), QStringLiteral("Compare the groups of an existing column instead of cutting a marker."), QStringLiteral("COL"));
    const QCommandLineOption covariates(QStringLiteral("covariates"), QStringLiteral("Covariates of the multivariable Cox model, comma-separated; a covariate may be dichotomised in place (albumin<36, tumor_mm>=65), compared with a level (child_pugh=B) or given a reference level (etiology:ref=HBV)."), QStringLiteral("A,B,..."));
    const QCommandLineOption ties(QStringLiteral("ties"), QStringLiteral("Tie handling of the Cox model: efron (R's default) or breslow (SPSS, SAS)."), QStringLiteral("efron|breslow"));
    const QCommandLineOption confType(QStringLiteral("conf-type"), QStringLiteral("Kaplan-Meier confidence interval: log (R's default), log-log or plain."), QStringLiteral("TYPE"));
    const QCommandLineOption confLevel(QStringLiteral("conf-level"), QStringLiteral("Confidence level (default 0.95)."), QStringLiteral("LEVEL"));
    const QCommandLineOption times(QStringLiteral("times"), QStringLiteral("Times at which to report survival, comma-separated, in the time column's unit."), QStringLiteral("T1,T2"));
    const QCommandLineOption rmst(QStringLiteral("rmst-horizon"), QStringLiteral("Restricted mean survival time up to this time."), QStringLiteral("T"));
    const QCommandLineOption rho(QStringLiteral("rho"), QStringLiteral("Fleming-Harrington rho of the log-rank test (0: log-rank, the default; 1: Peto-Peto)."), QStringLiteral("RHO"));
    const QCommandLineOption zeroTimes(QStringLiteral("zero-times"), QStringLiteral("Patients with follow-up time 0: keep (as R, the default) or drop (as Stata and GraphPad)."), QStringLiteral("keep|drop"));
    const QCommandLineOption belowLimit(QStringLiteral("below-limit"), QStringLiteral("Marker values written as <L: half (L/2, the default), limit (L) or exclude."), QStringLiteral("RULE"));
    const QCommandLineOption outcome(QStringLiteral("outcome"), QStringLiteral("Binary outcome column (for example objective response) for the ROC curve and the response table."), QStringLiteral("COL"));
    const QCommandLineOption outcomeCode(QStringLiteral("outcome-code"), QStringLiteral("Value of the outcome column that counts as positive (default: yes, 1, TRUE)."), QStringLiteral("VALUE"));
    const QCommandLineOption deathBy(QStringLiteral("death-by"), QStringLiteral("ROC against death by time T (censored at or before T: left out); 'median' for the cohort's Kaplan-Meier median."), QStringLiteral("T|median"));
    const QCommandLineOption direction(QStringLiteral("direction"), QStringLiteral("ROC direction: higher (higher marker = case, the default), lower, or auto (as pROC)."), QStringLiteral("DIR"));
    const QCommandLineOption baseline(QStringLiteral("baseline"), QStringLiteral("Covariates of the baseline table of the groups, comma-separated."), QStringLiteral("A,B,..."));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("Write the JSON to this file instead of stdout (never the data file)."), QStringLiteral("FILE"));
    const QCommandLineOption compact(QStringLiteral("compact"), QStringLiteral("Print the JSON on one line."));
    parser.addOptions({spec, id, time, event, eventCode, marker, cutoff, rule, marker2, cutoff2, rule2, quantiles, groups,
                       covariates, ties, confType, confLevel, times, rmst, rho, zeroTimes, belowLimit, outcome, outcomeCode,
                       deathBy, direction, baseline, output, compact});

    if (!parser.parse(arguments)) {
        err << "cutofflab-cli analyze: " << parser.errorText() << "\nSee cutofflab-cli analyze --help.\n";
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's usage line names the program path; name the command as users type it.
        QString help = parser.helpText();
        const qsizetype lineEnd = help.indexOf(QLatin1Char('\n'));
        help.replace(0, lineEnd, QStringLiteral("Usage: cutofflab-cli analyze DATA [options]"));
        QTextStream(stdout) << help;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << "cutofflab-cli analyze: give exactly one data file (got " << positional.size()
            << "). Example: cutofflab-cli analyze cohort.csv --time os_months --event death --marker il6 --cutoff 8.58\n";
        return kExitUsage;
    }
    const QString dataPath = positional.front();

    jsonio::SavedAnalysis saved;
    try {
        if (parser.isSet(spec))
            saved = jsonio::analysisFromJson(readSpecFile(parser.value(spec)));
    } catch (const InputError& error) {
        err << "cutofflab-cli analyze: " << QString::fromUtf8(error.what()) << "\n";
        return kExitInput;
    }
    ColumnRoles& roles = saved.roles;
    AnalysisSpec& analysis = saved.spec;

    // Option values: a wrong one is a usage error (exit 1), not a data error.
    try {
        const int groupingChoices = (parser.isSet(cutoff) ? 1 : 0) + (parser.isSet(quantiles) ? 1 : 0) + (parser.isSet(groups) ? 1 : 0);
        if (groupingChoices > 1)
            throw InputError("Choose one way to form the groups: --cutoff, --quantiles or --groups, not several.");
        if (parser.isSet(groups) && (parser.isSet(marker) || parser.isSet(marker2)))
            throw InputError("--groups compares the groups of an existing column, so --marker and --marker2 do not apply. Remove one of them.");

        if (parser.isSet(id))
            roles.id = parser.value(id).toStdString();
        if (parser.isSet(time))
            roles.time = parser.value(time).toStdString();
        if (parser.isSet(event))
            roles.event = parser.value(event).toStdString();
        if (parser.isSet(eventCode))
            roles.eventValue = parser.value(eventCode).toStdString();
        if (parser.isSet(zeroTimes))
            roles.zeroTimes = jsonio::parseZeroTimes(parser.value(zeroTimes));
        if (parser.isSet(belowLimit))
            roles.belowLimit = jsonio::parseBelowLimit(parser.value(belowLimit));

        GroupingSpec& grouping = analysis.grouping;
        if (parser.isSet(marker))
            grouping.marker = parser.value(marker).toStdString();
        if (parser.isSet(cutoff))
            grouping.cutoff = parseNumber(parser.value(cutoff), "--cutoff");
        if (parser.isSet(rule))
            grouping.rule = jsonio::parseRule(parser.value(rule));
        if (parser.isSet(marker2)) {
            grouping.kind = GroupingSpec::Kind::Score;
            grouping.marker2 = parser.value(marker2).toStdString();
            if (!parser.isSet(cutoff2))
                throw InputError("--marker2 needs --cutoff2, the cut-off of the second marker.");
        }
        if (parser.isSet(cutoff2))
            grouping.cutoff2 = parseNumber(parser.value(cutoff2), "--cutoff2");
        if (parser.isSet(rule2))
            grouping.rule2 = jsonio::parseRule(parser.value(rule2));
        if (parser.isSet(quantiles)) {
            grouping.kind = GroupingSpec::Kind::Quantiles;
            const double count = parseNumber(parser.value(quantiles), "--quantiles");
            if (count != std::floor(count) || count < 2 || count > 10)
                throw InputError("--quantiles takes a whole number of groups from 2 to 10, for example 3 for tertiles.");
            grouping.quantileGroups = static_cast<int>(count);
        }
        if (parser.isSet(groups)) {
            grouping.kind = GroupingSpec::Kind::Column;
            grouping.column = parser.value(groups).toStdString();
        }
        if (grouping.kind == GroupingSpec::Kind::Cutoff && !parser.isSet(spec)) {
            if (grouping.marker.empty())
                throw InputError("Choose how to form the groups: --marker COL --cutoff X, --marker COL --quantiles N, or --groups COL.");
            if (!parser.isSet(cutoff))
                throw InputError("--marker needs --cutoff X (or --quantiles N for quantile groups).");
        }

        if (parser.isSet(covariates)) {
            analysis.covariates.clear();
            for (const QString& text : parser.value(covariates).split(QLatin1Char(','), Qt::SkipEmptyParts))
                analysis.covariates.push_back(CovariateSpec::parse(text.toStdString()));
        }
        if (parser.isSet(ties))
            analysis.ties = jsonio::parseTies(parser.value(ties));
        if (parser.isSet(confType))
            analysis.confType = jsonio::parseConfType(parser.value(confType));
        if (parser.isSet(confLevel)) {
            analysis.confLevel = parseNumber(parser.value(confLevel), "--conf-level");
            if (!(analysis.confLevel > 0.0 && analysis.confLevel < 1.0))
                throw InputError("--conf-level must lie between 0 and 1, for example 0.95.");
        }
        if (parser.isSet(times))
            analysis.times = parseNumberList(parser.value(times), "--times");
        if (parser.isSet(rmst)) {
            analysis.rmstHorizon = parseNumber(parser.value(rmst), "--rmst-horizon");
            if (!(*analysis.rmstHorizon > 0))
                throw InputError("--rmst-horizon must be a positive time, in the unit of the time column.");
        }
        if (parser.isSet(rho))
            analysis.logRankRho = parseNumber(parser.value(rho), "--rho");
        if (parser.isSet(outcome))
            analysis.outcomeColumn = parser.value(outcome).toStdString();
        if (parser.isSet(outcomeCode))
            analysis.outcomeValue = parser.value(outcomeCode).toStdString();
        if (parser.isSet(deathBy)) {
            const QString value = parser.value(deathBy).trimmed();
            analysis.deathByMedian = value.compare(QLatin1String("median"), Qt::CaseInsensitive) == 0;
            if (!analysis.deathByMedian)
                analysis.deathByTime = parseNumber(value, "--death-by");
        }
        if (parser.isSet(direction))
            analysis.direction = jsonio::parseDirection(parser.value(direction));
        if (parser.isSet(baseline)) {
            analysis.baseline.clear();
            for (const QString& name : parser.value(baseline).split(QLatin1Char(','), Qt::SkipEmptyParts))
                analysis.baseline.push_back(name.trimmed().toStdString());
        }
        jsonio::addColumnsUsedBySpec(analysis, roles);
    } catch (const InputError& error) {
        err << "cutofflab-cli analyze: " << QString::fromUtf8(error.what()) << "\nSee cutofflab-cli analyze --help.\n";
        return kExitUsage;
    }

    try {
        const io::Table table = io::readTable(dataPath.toStdString());
        const PreparedCohort prepared(buildCohort(table, roles));
        const AnalysisResult result = analyze(prepared, analysis);
        const QJsonObject json = jsonio::resultToJson(prepared, analysis, result);
        if (!writeJson(json, parser.isSet(compact), parser.isSet(output) ? parser.value(output) : QString(), dataPath))
            return kExitInternal;
        return 0;
    } catch (const InputError& error) {
        err << "cutofflab-cli analyze: " << QString::fromUtf8(error.what()) << "\n";
        return kExitInput;
    } catch (const std::exception& error) {
        err << "cutofflab-cli analyze: internal error: " << QString::fromUtf8(error.what())
            << "\nPlease report this with the command you ran.\n";
        return kExitInternal;
    }
}

} // namespace cutofflab::cli
