// `cutofflab-cli scan`: every cut-off of one marker against survival, with maxstat's
// corrected p-values and, on request, the bootstrap of the cut-off, its validation,
// the two-cut-off grid and the Youden optimum. JSON on stdout, progress on stderr.

#include "commands.h"

#include "analysis/analyze.h"
#include "common/error.h"
#include "io/table.h"
#include "jsonio/resultjson.h"
#include "jsonio/scanjson.h"
#include "jsonio/specjson.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <memory>
#include <thread>

namespace cutofflab::cli {

namespace {

/// Largest seed that a JSON number carries exactly (2^53 - 1).
constexpr double kMaxSeed = 9007199254740991.0;

double parseNumber(const QString& text, const char* option)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        throw InputError(std::string("The option ") + option + " takes a number; \"" + text.toStdString() + "\" is not one.");
    return value;
}

/// A whole number in [minimum, maximum]; the message names the option and the range.
std::size_t parseWholeNumber(const QString& text, const char* option, double minimum, double maximum, const char* example)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || value != std::floor(value) || value < minimum || value > maximum) {
        const std::string range = "from " + std::to_string(static_cast<long long>(minimum)) + " to "
                                + std::to_string(static_cast<long long>(maximum));
        throw InputError(std::string("The option ") + option + " takes a whole number " + range + ", such as " + example + "; got \""
                         + text.toStdString() + "\".");
    }
    return static_cast<std::size_t>(value);
}

jsonio::PValueMethods parsePValueMethods(const QString& text)
{
    jsonio::PValueMethods methods{false, false, false, false};
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        throw InputError("The option --pmethod needs at least one method: Lau92, Lau94, HL or condMC, separated by commas.");
    for (const QString& part : parts) {
        const QString name = part.trimmed().toLower();
        if (name == QLatin1String("lau92"))
            methods.lausen92 = true;
        else if (name == QLatin1String("lau94"))
            methods.lausen94 = true;
        else if (name == QLatin1String("hl"))
            methods.hothornLausen = true;
        else if (name == QLatin1String("condmc"))
            methods.conditionalMonteCarlo = true;
        else
            throw InputError("Unknown p-value method \"" + part.trimmed().toStdString()
                             + "\" in --pmethod. Use one or more of Lau92, Lau94, HL, condMC, separated by commas.");
    }
    return methods;
}

HazardRatioMode parseHazardRatioMode(const QString& text)
{
    const QString name = text.trimmed().toLower();
    if (name == QLatin1String("auto"))
        return HazardRatioMode::Automatic;
    if (name == QLatin1String("cox"))
        return HazardRatioMode::CoxEfron;
    if (name == QLatin1String("peto"))
        return HazardRatioMode::PetoOneStep;
    throw InputError("Unknown hazard ratio method \"" + text.toStdString()
                     + "\" in --hazard-ratios. Use auto (Cox where it is affordable), cox (Cox at every cut-off) or peto.");
}

/// Prints "<what> done of total (percent)" on stderr at most once a second, and once more
/// at the end when anything was printed, so that short runs stay silent.
std::function<void(std::size_t, std::size_t)> progressPrinter(const QString& what, bool quiet)
{
    if (quiet)
        return {};
    struct State {
        std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
        bool printed = false;
    };
    auto state = std::make_shared<State>();
    return [state, what](std::size_t done, std::size_t total) {
        const auto now = std::chrono::steady_clock::now();
        const bool finished = done >= total;
        if (finished ? !state->printed : now - state->last < std::chrono::seconds(1))
            return;
        state->last = now;
        state->printed = true;
        const int percent = total > 0 ? static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total)) : 100;
        QTextStream(stderr) << "cutofflab-cli scan: " << what << ' ' << done << " of " << total << " (" << percent << "%)\n";
    };
}

/// The marker values of the analysed rows in the time order of prepared.survival(), NaN
/// where the marker is missing or was left out.
std::vector<double> markerInSortedOrder(const PreparedCohort& prepared, const std::string& marker)
{
    const Cohort& cohort = prepared.cohort();
    const CohortColumn& column = cohort.column(marker);
    if (!column.numeric) {
        throw InputError("The marker column \"" + marker + "\" contains text, not numbers. Choose a numeric column.",
                         {std::nullopt, marker, {}});
    }
    const SortedSurvival& survival = prepared.survival();
    std::vector<double> values(survival.size());
    for (std::size_t k = 0; k < survival.size(); ++k) {
        const auto& value = column.values[survival.index[k]];
        values[k] = value ? *value : std::numeric_limits<double>::quiet_NaN();
    }
    return values;
}

/// Runs every part of the scan that the settings request.
jsonio::ScanReport computeScan(const PreparedCohort& prepared, const MarkerSurvival& data,
                               const jsonio::ScanSettings& settings, const std::optional<AnalysisSpec>& rocSpec,
                               bool quiet)
{
    jsonio::ScanReport report;
    report.settings = settings;

    ScanOptions scanOptions;
    scanOptions.minProportion = settings.minProportion;
    scanOptions.maxProportion = settings.maxProportion;
    scanOptions.hazardRatios = settings.hazardRatios;
    scanOptions.confidenceLevel = settings.confidenceLevel;
    scanOptions.ties = settings.ties;
    scanOptions.threads = settings.threads;
    report.landscape = scanCutoffs(data, scanOptions);
    const auto& methods = report.landscape.hazardRatioMethod;
    if (std::find(methods.begin(), methods.end(), HazardRatioMethod::PetoOneStep) != methods.end()) {
        report.messages.push_back(
            {"landscape", "peto_hazard_ratios",
             "The landscape's hazard ratios are Peto's one-step estimates (method peto_one_step), because a Cox fit at each of the "
                 + std::to_string(report.landscape.size())
                 + " cut-offs would take long; the optimal cut-offs have Cox estimates. --hazard-ratios cox fits Cox everywhere."});
    }

    MaxstatOptions maxstatOptions;
    maxstatOptions.minProportion = settings.minProportion;
    maxstatOptions.maxProportion = settings.maxProportion;
    maxstatOptions.hothornLausen = settings.pMethods.hothornLausen;
    report.maxstat = maxstatTest(data, maxstatOptions);

    ResamplingControl control;
    control.seed = settings.seed;
    control.threads = settings.threads;

    if (settings.pMethods.conditionalMonteCarlo) {
        PermutationOptions options;
        options.minProportion = settings.minProportion;
        options.maxProportion = settings.maxProportion;
        options.permutations = settings.permutations;
        control.progress = progressPrinter(QStringLiteral("condMC permutations"), quiet);
        report.conditionalMonteCarlo = conditionalMonteCarlo(data, options, control);
    }
    if (settings.bootstrapReplicates > 0) {
        BootstrapOptions options;
        options.minProportion = settings.minProportion;
        options.maxProportion = settings.maxProportion;
        options.replicates = settings.bootstrapReplicates;
        options.confidenceLevel = settings.confidenceLevel;
        control.progress = progressPrinter(QStringLiteral("bootstrap samples"), quiet);
        report.bootstrap = bootstrapCutoff(data, options, control);
    }
    if (settings.validation == jsonio::ValidationKind::SplitSample) {
        SplitSampleOptions options;
        options.trainingFraction = settings.trainingFraction;
        options.minProportion = settings.minProportion;
        options.maxProportion = settings.maxProportion;
        options.confidenceLevel = settings.confidenceLevel;
        report.splitSample = validateSplitSample(data, options, settings.seed);
    } else if (settings.validation == jsonio::ValidationKind::CrossValidation) {
        CrossValidationOptions options;
        options.folds = settings.folds;
        options.minProportion = settings.minProportion;
        options.maxProportion = settings.maxProportion;
        options.confidenceLevel = settings.confidenceLevel;
        control.progress = progressPrinter(QStringLiteral("cross-validation folds"), quiet);
        report.crossValidation = crossValidateCutoff(data, options, control);
    }
    if (settings.twoCutoffs) {
        TwoCutoffOptions options;
        options.minProportion = settings.minProportion;
        options.maxProportion = settings.maxProportion;
        options.maxGridSize = settings.gridSize;
        control.progress = progressPrinter(QStringLiteral("two-cut-off grid rows"), quiet);
        report.twoCutoffs = scanTwoCutoffs(data, options, control);
    }

    if (rocSpec) {
        // analyze() computes the ROC curve exactly as `cutofflab-cli analyze` does (the
        // outcome coding, death by a time or by the median). The curve does not depend on
        // the cut-off of the grouping, which only has to keep every analysed row.
        AnalysisSpec spec = *rocSpec;
        spec.grouping.cutoff = report.landscape.byStandardizedStatistic.found ? report.landscape.byStandardizedStatistic.cutoff
                             : data.sortedMarker.empty()                         ? 0.0
                                                                                 : data.sortedMarker[data.size() / 2];
        AnalysisResult result = analyze(prepared, spec);
        report.roc = std::move(result.roc);
        for (AnalysisMessage& message : result.messages) {
            if (message.part == "roc")
                report.messages.push_back(std::move(message));
        }
        if (!report.roc) {
            // analyze() leaves the curve out only with a message that gives the reason,
            // such as a median survival that is not reached.
            report.messages.push_back({"roc", "no_youden_optimum", "No ROC curve was formed, so there is no Youden optimum."});
        }
    }
    return report;
}

} // namespace

int runScan(const QStringList& arguments)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Scan every cut-off of a marker against survival: the standardized log-rank statistic, the log-rank test and the "
        "hazard ratio at each cut-off, the optimal cut-offs, and p-values corrected for the search, equal to R's maxstat. "
        "Prints JSON on stdout (fields in docs/cli-scan-json.md); progress of long runs goes to stderr."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("DATA"), QStringLiteral("Cohort file (CSV or TSV, one row per patient)."));

    const QCommandLineOption id(QStringLiteral("id"), QStringLiteral("Patient identifier column, used in messages."), QStringLiteral("COL"));
    const QCommandLineOption time(QStringLiteral("time"), QStringLiteral("Follow-up time column (required)."), QStringLiteral("COL"));
    const QCommandLineOption event(QStringLiteral("event"), QStringLiteral("Event status column (required)."), QStringLiteral("COL"));
    const QCommandLineOption eventCode(QStringLiteral("event-code"), QStringLiteral("Value of the event column that means the event (default: 1 for 0/1, 2 for 1/2 as R reads it, TRUE, yes, dead)."), QStringLiteral("VALUE"));
    const QCommandLineOption marker(QStringLiteral("marker"), QStringLiteral("Marker column to scan (required)."), QStringLiteral("COL"));
    const QCommandLineOption minProp(QStringLiteral("min-prop"), QStringLiteral("Smallest share of rows at or below a cut-off (default 0.1, as maxstat)."), QStringLiteral("P"));
    const QCommandLineOption maxProp(QStringLiteral("max-prop"), QStringLiteral("Largest share of rows at or below a cut-off (default 0.9, as maxstat)."), QStringLiteral("P"));
    const QCommandLineOption pmethod(QStringLiteral("pmethod"), QStringLiteral("Corrected p-values to compute, comma-separated: Lau92, Lau94, HL, condMC (default Lau92,Lau94,HL; condMC is added when --permutations is given)."), QStringLiteral("LIST"));
    const QCommandLineOption permutations(QStringLiteral("permutations"), QStringLiteral("Number of permutations of condMC (default 10000, at most 10000000)."), QStringLiteral("B"));
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap"), QStringLiteral("Bootstrap the optimal cut-off with B samples: percentile interval and hazard ratio optimism."), QStringLiteral("B"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of every random draw (permutations, bootstrap, validation); the same seed gives the same result with any number of threads (default 1)."), QStringLiteral("S"));
    const QCommandLineOption validation(QStringLiteral("validation"), QStringLiteral("Validate the cut-off on rows that did not choose it: split (training and validation halves) or cv (k-fold cross-validated assignment)."), QStringLiteral("split|cv"));
    const QCommandLineOption folds(QStringLiteral("folds"), QStringLiteral("Number of folds of --validation cv (default 5)."), QStringLiteral("K"));
    const QCommandLineOption trainingFraction(QStringLiteral("training-fraction"), QStringLiteral("Share of rows in the training part of --validation split (default 0.5)."), QStringLiteral("F"));
    const QCommandLineOption twoCutoffs(QStringLiteral("two-cutoffs"), QStringLiteral("Also scan every pair of cut-offs (three groups, 2-df log-rank test)."));
    const QCommandLineOption gridSize(QStringLiteral("grid-size"), QStringLiteral("Largest number of cut-offs on each axis of the two-cut-off grid, 2 to 1000 (default 100); more candidates are thinned evenly."), QStringLiteral("N"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Worker threads for permutations, bootstrap, cross-validation and the grid (default: the number of processor cores)."), QStringLiteral("N"));
    const QCommandLineOption hazardRatios(QStringLiteral("hazard-ratios"), QStringLiteral("Hazard ratios of the landscape: auto (Cox at every cut-off when affordable, else Peto's one-step estimate with Cox at the optima; the default), cox or peto."), QStringLiteral("auto|cox|peto"));
    const QCommandLineOption ties(QStringLiteral("ties"), QStringLiteral("Tie handling of the landscape's Cox fits: efron (R's default) or breslow (SPSS, SAS). Bootstrap and validation fit Efron."), QStringLiteral("efron|breslow"));
    const QCommandLineOption confLevel(QStringLiteral("conf-level"), QStringLiteral("Confidence level of hazard ratio and bootstrap intervals (default 0.95)."), QStringLiteral("LEVEL"));
    const QCommandLineOption zeroTimes(QStringLiteral("zero-times"), QStringLiteral("Patients with follow-up time 0: keep (as R, the default) or drop (as Stata and GraphPad)."), QStringLiteral("keep|drop"));
    const QCommandLineOption belowLimit(QStringLiteral("below-limit"), QStringLiteral("Marker values written as <L: half (L/2, the default), limit (L) or exclude."), QStringLiteral("RULE"));
    const QCommandLineOption outcome(QStringLiteral("outcome"), QStringLiteral("Binary outcome column for the Youden-optimal cut-off (ROC of the marker against it)."), QStringLiteral("COL"));
    const QCommandLineOption outcomeCode(QStringLiteral("outcome-code"), QStringLiteral("Value of the outcome column that counts as positive (default: yes, 1, TRUE)."), QStringLiteral("VALUE"));
    const QCommandLineOption deathBy(QStringLiteral("death-by"), QStringLiteral("Youden optimum against death by time T (censored at or before T: left out); 'median' for the cohort's Kaplan-Meier median."), QStringLiteral("T|median"));
    const QCommandLineOption direction(QStringLiteral("direction"), QStringLiteral("ROC direction for the Youden optimum: higher (higher marker = case, the default), lower, or auto (as pROC)."), QStringLiteral("DIR"));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("Write the JSON to this file instead of stdout (never the data file)."), QStringLiteral("FILE"));
    const QCommandLineOption compact(QStringLiteral("compact"), QStringLiteral("Print the JSON on one line."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Print no progress on stderr."));
    parser.addOptions({id, time, event, eventCode, marker, minProp, maxProp, pmethod, permutations, bootstrap, seed, validation,
                       folds, trainingFraction, twoCutoffs, gridSize, threads, hazardRatios, ties, confLevel, zeroTimes,
                       belowLimit, outcome, outcomeCode, deathBy, direction, output, compact, quiet});

    if (!parser.parse(arguments)) {
        err << "cutofflab-cli scan: " << parser.errorText() << "\nSee cutofflab-cli scan --help.\n";
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << "cutofflab-cli scan: give exactly one data file (got " << positional.size()
            << "). Example: cutofflab-cli scan cohort.csv --time os_months --event death --marker il6\n";
        return kExitUsage;
    }
    QStringList missing;
    for (const QCommandLineOption* required : {&time, &event, &marker}) {
        if (!parser.isSet(*required))
            missing << QStringLiteral("--") + required->names().front();
    }
    if (!missing.isEmpty()) {
        err << "cutofflab-cli scan: missing " << missing.join(QStringLiteral(", "))
            << ". The scan needs the time, event and marker columns, for example: "
               "cutofflab-cli scan cohort.csv --time os_months --event death --marker il6\n";
        return kExitUsage;
    }
    const QString dataPath = positional.front();

    try {
        ColumnRoles roles;
        if (parser.isSet(id))
            roles.id = parser.value(id).toStdString();
        roles.time = parser.value(time).toStdString();
        roles.event = parser.value(event).toStdString();
        if (parser.isSet(eventCode))
            roles.eventValue = parser.value(eventCode).toStdString();
        if (parser.isSet(zeroTimes))
            roles.zeroTimes = jsonio::parseZeroTimes(parser.value(zeroTimes));
        if (parser.isSet(belowLimit))
            roles.belowLimit = jsonio::parseBelowLimit(parser.value(belowLimit));

        jsonio::ScanSettings settings;
        settings.marker = parser.value(marker).toStdString();
        settings.threads = std::max(1u, std::thread::hardware_concurrency());
        if (parser.isSet(minProp))
            settings.minProportion = parseNumber(parser.value(minProp), "--min-prop");
        if (parser.isSet(maxProp))
            settings.maxProportion = parseNumber(parser.value(maxProp), "--max-prop");
        if (!(settings.minProportion >= 0.0 && settings.minProportion < settings.maxProportion && settings.maxProportion <= 1.0)) {
            throw InputError("The proportions must satisfy 0 <= --min-prop < --max-prop <= 1; got --min-prop "
                             + QString::number(settings.minProportion, 'g', 6).toStdString() + " and --max-prop "
                             + QString::number(settings.maxProportion, 'g', 6).toStdString()
                             + ". maxstat's defaults are 0.1 and 0.9.");
        }
        if (parser.isSet(confLevel)) {
            settings.confidenceLevel = parseNumber(parser.value(confLevel), "--conf-level");
            if (!(settings.confidenceLevel > 0.0 && settings.confidenceLevel < 1.0))
                throw InputError("--conf-level must lie between 0 and 1, for example 0.95.");
        }
        if (parser.isSet(ties))
            settings.ties = jsonio::parseTies(parser.value(ties));
        if (parser.isSet(hazardRatios))
            settings.hazardRatios = parseHazardRatioMode(parser.value(hazardRatios));
        if (parser.isSet(pmethod))
            settings.pMethods = parsePValueMethods(parser.value(pmethod));
        if (parser.isSet(permutations)) {
            // The core keeps every permutation's maximum (8 bytes each), so 10^7 permutations
            // hold 80 MB; a Monte Carlo standard error below 1e-4 needs far fewer.
            settings.permutations = parseWholeNumber(parser.value(permutations), "--permutations", 1, 1e7, "10000");
            if (!parser.isSet(pmethod))
                settings.pMethods.conditionalMonteCarlo = true;
            else if (!settings.pMethods.conditionalMonteCarlo)
                throw InputError("--permutations sets the number of permutations of condMC; add condMC to --pmethod or leave --permutations out.");
        }
        if (parser.isSet(bootstrap))
            settings.bootstrapReplicates = parseWholeNumber(parser.value(bootstrap), "--bootstrap", 1, 1e8, "1000");
        if (parser.isSet(seed))
            settings.seed = parseWholeNumber(parser.value(seed), "--seed", 0, kMaxSeed, "20240101");
        if (parser.isSet(validation)) {
            const QString kind = parser.value(validation).trimmed().toLower();
            if (kind == QLatin1String("split"))
                settings.validation = jsonio::ValidationKind::SplitSample;
            else if (kind == QLatin1String("cv"))
                settings.validation = jsonio::ValidationKind::CrossValidation;
            else
                throw InputError("Unknown validation \"" + parser.value(validation).toStdString()
                                 + "\". Use split (training and validation parts) or cv (k-fold cross-validation).");
        }
        if (parser.isSet(folds)) {
            if (settings.validation != jsonio::ValidationKind::CrossValidation)
                throw InputError("--folds sets the folds of cross-validation; add --validation cv.");
            settings.folds = parseWholeNumber(parser.value(folds), "--folds", 2, 1e9, "5");
        }
        if (parser.isSet(trainingFraction)) {
            if (settings.validation != jsonio::ValidationKind::SplitSample)
                throw InputError("--training-fraction sets the training part of split-sample validation; add --validation split.");
            settings.trainingFraction = parseNumber(parser.value(trainingFraction), "--training-fraction");
            if (!(settings.trainingFraction > 0.0 && settings.trainingFraction < 1.0))
                throw InputError("--training-fraction must lie strictly between 0 and 1, for example 0.5.");
        }
        settings.twoCutoffs = parser.isSet(twoCutoffs);
        if (parser.isSet(gridSize)) {
            if (!settings.twoCutoffs)
                throw InputError("--grid-size sets the grid of the two-cut-off scan; add --two-cutoffs.");
            settings.gridSize = parseWholeNumber(parser.value(gridSize), "--grid-size", 2, static_cast<double>(kMaxTwoCutoffGrid), "100");
        }
        if (parser.isSet(threads))
            settings.threads = static_cast<unsigned>(parseWholeNumber(parser.value(threads), "--threads", 1, 1024, "2"));

        std::optional<AnalysisSpec> rocSpec;
        if (parser.isSet(outcome) || parser.isSet(deathBy)) {
            if (parser.isSet(outcome) && parser.isSet(deathBy))
                throw InputError("Give either --outcome or --death-by for the Youden optimum, not both.");
            AnalysisSpec spec;
            spec.grouping.marker = settings.marker;
            spec.grouping.rule = CutoffRule::Greater;
            spec.confLevel = settings.confidenceLevel;
            spec.ties = settings.ties;
            if (parser.isSet(outcome))
                spec.outcomeColumn = parser.value(outcome).toStdString();
            if (parser.isSet(outcomeCode))
                spec.outcomeValue = parser.value(outcomeCode).toStdString();
            if (parser.isSet(deathBy)) {
                const QString value = parser.value(deathBy).trimmed();
                spec.deathByMedian = value.compare(QLatin1String("median"), Qt::CaseInsensitive) == 0;
                if (!spec.deathByMedian)
                    spec.deathByTime = parseNumber(value, "--death-by");
            }
            if (parser.isSet(direction))
                spec.direction = jsonio::parseDirection(parser.value(direction));
            rocSpec = spec;
        } else if (parser.isSet(outcomeCode) || parser.isSet(direction)) {
            throw InputError("--outcome-code and --direction apply to the Youden optimum; add --outcome COL or --death-by T.");
        }

        AnalysisSpec columnsSpec = rocSpec.value_or(AnalysisSpec{});
        columnsSpec.grouping.marker = settings.marker;
        jsonio::addColumnsUsedBySpec(columnsSpec, roles);

        const io::Table table = io::readTable(dataPath.toStdString());
        const PreparedCohort prepared(buildCohort(table, roles));
        const MarkerSurvival data =
            MarkerSurvival::fromSorted(prepared.survival(), markerInSortedOrder(prepared, settings.marker));
        const jsonio::ScanReport report = computeScan(prepared, data, settings, rocSpec, parser.isSet(quiet));
        const QJsonObject json = jsonio::scanToJson(prepared.cohort(), data, report);
        if (!writeJson(json, parser.isSet(compact), parser.isSet(output) ? parser.value(output) : QString(), dataPath))
            return kExitInternal;
        return 0;
    } catch (const InputError& error) {
        err << "cutofflab-cli scan: " << QString::fromUtf8(error.what()) << "\n";
        return kExitInput;
    } catch (const std::exception& error) {
        err << "cutofflab-cli scan: internal error: " << QString::fromUtf8(error.what())
            << "\nPlease report this with the command you ran.\n";
        return kExitInternal;
    }
}

} // namespace cutofflab::cli
