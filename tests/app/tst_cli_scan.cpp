// End-to-end tests of `cutofflab-cli scan`: the real executable on the reference datasets.
// Every field of each case's maxstat block is compared with R's maxstat 0.7-25, the
// landscape at each case's own cut-off with survdiff and coxph, the Youden optimum with
// pROC; then reproducibility with a seed, degenerate data and bad input.

#include "support/referencecase.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

using namespace cutofflab;

namespace {

struct CliRun {
    int exitCode = -1;
    QJsonObject json;
    QString errorText;
};

CliRun runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CUTOFFLAB_CLI_PATH), arguments);
    process.waitForFinished(300000);
    CliRun run;
    run.exitCode = process.exitCode();
    run.errorText = QString::fromUtf8(process.readAllStandardError());
    run.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    return run;
}

QString numberText(const QJsonValue& value)
{
    return value.isString() ? value.toString() : QString::number(value.toDouble(), 'g', 17);
}

std::optional<double> optionalNumber(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (value.isString()) {
        const QString text = value.toString();
        if (text == QLatin1String("Inf"))
            return std::numeric_limits<double>::infinity();
        if (text == QLatin1String("-Inf"))
            return -std::numeric_limits<double>::infinity();
        return std::numeric_limits<double>::quiet_NaN();
    }
    return value.toDouble();
}

QString datasetPath(const test::ReferenceCase& reference)
{
    return test::testDataPath(QStringLiteral("reference/datasets/")
                              + reference.json[QStringLiteral("dataset")][QStringLiteral("file")].toString());
}

/// `scan DATA --time --event --event-code --marker` for a reference case's survival data.
QStringList scanArguments(const test::ReferenceCase& reference, const QString& marker)
{
    const QJsonObject survival = reference.json[QStringLiteral("survival")].toObject();
    return {QStringLiteral("scan"), datasetPath(reference), QStringLiteral("--compact"),
            QStringLiteral("--time"), survival[QStringLiteral("time_column")].toString(),
            QStringLiteral("--event"), survival[QStringLiteral("event_column")].toString(),
            QStringLiteral("--event-code"), numberText(survival[QStringLiteral("event_value")]),
            QStringLiteral("--marker"), marker};
}

/// The entry of a named corrected p-value, or an empty object.
QJsonObject correctedPValue(const QJsonObject& json, const QString& method)
{
    for (const QJsonValue& entry : json[QStringLiteral("corrected_p_values")].toArray()) {
        if (entry[QStringLiteral("method")].toString() == method)
            return entry.toObject();
    }
    return {};
}

QString writeFile(const QTemporaryDir& directory, const QString& name, const QByteArray& content)
{
    const QString path = directory.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

/// A CSV of n rows with time = row, every row an event, and the marker given per row.
QByteArray survivalCsv(int n, const std::function<double(int)>& marker, const std::function<int(int)>& event)
{
    QByteArray csv("time,status,marker\n");
    for (int i = 1; i <= n; ++i)
        csv += QByteArray::number(i) + ',' + QByteArray::number(event(i)) + ',' + QByteArray::number(marker(i), 'g', 17) + '\n';
    return csv;
}

} // namespace

class TestCliScan : public QObject {
    Q_OBJECT

private slots:
    void maxstatBlockMatchesR_data();
    void maxstatBlockMatchesR();
    void landscapeMatchesSurvdiffAndCox_data();
    void landscapeMatchesSurvdiffAndCox();
    void youdenMatchesPROC_data();
    void youdenMatchesPROC();
    void youdenWithoutMedianExplained();
    void twoCutoffsMatchThreeGroupLogRank();
    void conditionalMonteCarloReproducible();
    void conditionalMonteCarloAgainstR_data();
    void conditionalMonteCarloAgainstR();
    void bootstrapAndValidationReproducible_data();
    void bootstrapAndValidationReproducible();
    void degenerateDataReportStatus_data();
    void degenerateDataReportStatus();
    void extremeStatisticExplainsPValues();
    void hothornLausenTooLargeExplained();
    void underflowToZeroExplained();
    void tiedPermutationsExplained();
    void lausen92NeedsOpenProportions();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void helpAndQuietStderr();
};

void TestCliScan::maxstatBlockMatchesR_data()
{
    // Where R returns NaN for p_hl (n > 170), the expected value is maxstat 0.7-25's
    // pmaxstat run in R 4.2.2 with its weights gamma(m + 1) gamma(n - m + 1) / gamma(n + 1)
    // replaced by exp(lgamma(m + 1) + lgamma(n - m + 1) - lgamma(n + 1)); for the cases
    // with n <= 170 that variant equals R's p_hl to 2e-14.
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<double>("hothornLausenWhereRReturnsNaN");
    const double none = std::numeric_limits<double>::quiet_NaN();
    for (const QString& id : test::referenceCaseIds(QStringLiteral("maxstat"))) {
        double computed = none;
        if (id == QLatin1String("lung_age_ge65"))
            computed = 0.60141893349907671;
        else if (id == QLatin1String("lung_phkarno_ge80"))
            computed = 0.014020958664198079;
        else if (id == QLatin1String("pbc312_bili_ge2"))
            computed = 3.0495057587964171e-22;
        QTest::newRow(qPrintable(id)) << id << computed;
    }
}

void TestCliScan::maxstatBlockMatchesR()
{
    QFETCH(QString, caseId);
    QFETCH(double, hothornLausenWhereRReturnsNaN);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonObject expected = reference.json[QStringLiteral("maxstat")].toObject();
    const CliRun run = runCli(scanArguments(reference, expected[QStringLiteral("marker")].toString())
                              << QStringLiteral("--pmethod") << QStringLiteral("Lau92,Lau94,HL"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    const QJsonObject& json = run.json;
    QCOMPARE(json[QStringLiteral("status")].toString(), QStringLiteral("ok"));

    // The settings and counts of the block.
    const QJsonObject maxstat = json[QStringLiteral("maxstat")].toObject();
    const QJsonObject candidates = json[QStringLiteral("candidates")].toObject();
    QCOMPARE(maxstat[QStringLiteral("smethod")].toString(), expected[QStringLiteral("smethod")].toString());
    QCOMPARE(json[QStringLiteral("settings")][QStringLiteral("min_prop")].toDouble(), expected[QStringLiteral("minprop")].toDouble());
    QCOMPARE(json[QStringLiteral("settings")][QStringLiteral("max_prop")].toDouble(), expected[QStringLiteral("maxprop")].toDouble());
    QCOMPARE(candidates[QStringLiteral("split_rule")].toString(), QStringLiteral("low: marker <= cutoff; high: marker > cutoff"));
    CUTOFFLAB_COMPARE_COUNT("maxstat.n", maxstat[QStringLiteral("n")].toInteger(), expected[QStringLiteral("n")]);
    CUTOFFLAB_COMPARE_COUNT("rows.analysed", json[QStringLiteral("rows")][QStringLiteral("analysed")].toInteger(), expected[QStringLiteral("n")]);
    CUTOFFLAB_COMPARE_COUNT("maxstat.lower_group_size_min", candidates[QStringLiteral("lower_group_size_min")].toInteger(),
                            expected[QStringLiteral("lower_group_size_min")]);
    CUTOFFLAB_COMPARE_COUNT("maxstat.lower_group_size_max", candidates[QStringLiteral("lower_group_size_max")].toInteger(),
                            expected[QStringLiteral("lower_group_size_max")]);

    // raw_scores: the log-rank scores, Lau92 and Lau94.
    const QJsonObject raw = expected[QStringLiteral("raw_scores")].toObject();
    const auto tolerance = [&](const QString& field) { return reference.tolerance(QStringLiteral("maxstat.") + field); };
    CUTOFFLAB_COMPARE_NUMBER("maxstat.raw_scores.statistic", optionalNumber(maxstat[QStringLiteral("statistic")]),
                             raw[QStringLiteral("statistic")], tolerance(QStringLiteral("raw_scores.statistic")));
    CUTOFFLAB_COMPARE_NUMBER("maxstat.raw_scores.cutpoint", optionalNumber(maxstat[QStringLiteral("cutoff")]),
                             raw[QStringLiteral("cutpoint")], tolerance(QStringLiteral("raw_scores.cutpoint")));
    CUTOFFLAB_COMPARE_COUNT("maxstat.raw_scores.n_at_or_below", maxstat[QStringLiteral("n_at_or_below")].toInteger(),
                            raw[QStringLiteral("n_at_or_below")]);
    CUTOFFLAB_COMPARE_COUNT("maxstat.raw_scores.n_above", maxstat[QStringLiteral("n_above")].toInteger(), raw[QStringLiteral("n_above")]);
    for (const auto& [method, field] : {std::pair{QStringLiteral("Lau92"), QStringLiteral("p_lau92")},
                                        std::pair{QStringLiteral("Lau94"), QStringLiteral("p_lau94")}}) {
        const QJsonObject p = correctedPValue(json, method);
        QCOMPARE(p[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        QVERIFY(p[QStringLiteral("note")].isNull());
        CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("maxstat.raw_scores.") + field, optionalNumber(p[QStringLiteral("value")]),
                                 raw[field], tolerance(QStringLiteral("raw_scores.") + field));
        CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("maxstat.raw_scores.") + field + QStringLiteral(" display"),
                                 optionalNumber(p[QStringLiteral("display_value")]), raw[field], tolerance(QStringLiteral("raw_scores.") + field));
        CUTOFFLAB_COMPARE_NUMBER(method + QStringLiteral(".statistic"), optionalNumber(p[QStringLiteral("statistic")]),
                                 raw[QStringLiteral("statistic")], tolerance(QStringLiteral("raw_scores.statistic")));
    }

    // raw_scores.profile: one landscape entry per candidate, in order.
    const QJsonArray landscape = json[QStringLiteral("landscape")].toArray();
    const QJsonArray cuts = raw[QStringLiteral("profile")][QStringLiteral("cut")].toArray();
    const QJsonArray statistics = raw[QStringLiteral("profile")][QStringLiteral("statistic")].toArray();
    QCOMPARE(landscape.size(), cuts.size());
    QCOMPARE(candidates[QStringLiteral("count")].toInteger(), cuts.size());
    for (qsizetype k = 0; k < cuts.size(); ++k) {
        const QJsonObject entry = landscape[k].toObject();
        QCOMPARE(entry[QStringLiteral("index")].toInteger(), k);
        QCOMPARE(entry[QStringLiteral("high_rule")].toString(), QStringLiteral(">"));
        CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("maxstat.raw_scores.profile.cut[%1]").arg(k), optionalNumber(entry[QStringLiteral("cutoff")]),
                                 cuts[k], tolerance(QStringLiteral("raw_scores.profile.cut")));
        CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("maxstat.raw_scores.profile.statistic[%1]").arg(k),
                                 optionalNumber(entry[QStringLiteral("statistic")]), statistics[k],
                                 tolerance(QStringLiteral("raw_scores.profile.statistic")));
    }

    // integer_scores_hl: maxstat's integer scores and the HL p-value.
    const QJsonObject hl = expected[QStringLiteral("integer_scores_hl")].toObject();
    const QJsonObject integer = maxstat[QStringLiteral("integer_scores")].toObject();
    QCOMPARE(integer[QStringLiteral("rule")].toString(), QStringLiteral("shifted_and_rounded"));
    CUTOFFLAB_COMPARE_NUMBER("maxstat.integer_scores_hl.statistic", optionalNumber(integer[QStringLiteral("statistic")]),
                             hl[QStringLiteral("statistic")], tolerance(QStringLiteral("integer_scores_hl.statistic")));
    CUTOFFLAB_COMPARE_NUMBER("maxstat.integer_scores_hl.cutpoint", optionalNumber(integer[QStringLiteral("cutoff")]),
                             hl[QStringLiteral("cutpoint")], tolerance(QStringLiteral("integer_scores_hl.cutpoint")));
    CUTOFFLAB_COMPARE_COUNT("maxstat.integer_scores_hl.n_at_or_below", integer[QStringLiteral("n_at_or_below")].toInteger(),
                            hl[QStringLiteral("n_at_or_below")]);
    CUTOFFLAB_COMPARE_COUNT("maxstat.integer_scores_hl.n_above", integer[QStringLiteral("n_above")].toInteger(), hl[QStringLiteral("n_above")]);
    const QJsonArray hlCuts = hl[QStringLiteral("profile")][QStringLiteral("cut")].toArray();
    const QJsonArray hlStatistics = hl[QStringLiteral("profile")][QStringLiteral("statistic")].toArray();
    const QJsonArray integerStatistics = integer[QStringLiteral("statistics")].toArray();
    QCOMPARE(integerStatistics.size(), hlStatistics.size());
    for (qsizetype k = 0; k < hlCuts.size(); ++k) {
        CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("maxstat.integer_scores_hl.profile.cut[%1]").arg(k),
                                 optionalNumber(landscape[k][QStringLiteral("cutoff")]), hlCuts[k],
                                 tolerance(QStringLiteral("integer_scores_hl.profile.cut")));
        CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("maxstat.integer_scores_hl.profile.statistic[%1]").arg(k),
                                 optionalNumber(integerStatistics[k]), hlStatistics[k],
                                 tolerance(QStringLiteral("integer_scores_hl.profile.statistic")));
    }

    const QJsonObject p = correctedPValue(json, QStringLiteral("HL"));
    QCOMPARE(p[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    QCOMPARE(p[QStringLiteral("scores")].toString(), QStringLiteral("integer"));
    const QJsonValue expectedP = hl[QStringLiteral("p_hl")];
    const bool rReturnsNaN = expectedP.isString() && expectedP.toString() == QLatin1String("NaN");
    QCOMPARE(rReturnsNaN, !std::isnan(hothornLausenWhereRReturnsNaN));
    if (rReturnsNaN) {
        // Computed where R gives NaN, and the note states that.
        QVERIFY2(test::fuzzyEqual(p[QStringLiteral("value")].toDouble(), hothornLausenWhereRReturnsNaN),
                 qPrintable(QStringLiteral("p_hl %1, expected %2").arg(p[QStringLiteral("value")].toDouble(), 0, 'g', 17)
                                .arg(hothornLausenWhereRReturnsNaN, 0, 'g', 17)));
        QVERIFY(p[QStringLiteral("note")].toString().contains(QLatin1String("returns NaN")));
    } else {
        CUTOFFLAB_COMPARE_NUMBER("maxstat.integer_scores_hl.p_hl", optionalNumber(p[QStringLiteral("value")]), expectedP,
                                 tolerance(QStringLiteral("integer_scores_hl.p_hl")));
        QVERIFY(p[QStringLiteral("note")].isNull());
    }
}

void TestCliScan::landscapeMatchesSurvdiffAndCox_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QString>("ties");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("cox_univariate"))) {
        const test::ReferenceCase reference = test::loadReferenceCase(id);
        if (reference.json[QStringLiteral("grouping")][QStringLiteral("type")].toString() != QLatin1String("cutoff"))
            continue;
        // A split with an empty group is no candidate cut-off.
        if (reference.json[QStringLiteral("groups")][0][QStringLiteral("n")].toInt() == 0)
            continue;
        QTest::newRow(qPrintable(id + QStringLiteral(" efron"))) << id << QStringLiteral("efron");
        QTest::newRow(qPrintable(id + QStringLiteral(" breslow"))) << id << QStringLiteral("breslow");
    }
}

void TestCliScan::landscapeMatchesSurvdiffAndCox()
{
    QFETCH(QString, caseId);
    QFETCH(QString, ties);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonObject grouping = reference.json[QStringLiteral("grouping")].toObject();
    const CliRun run = runCli(scanArguments(reference, grouping[QStringLiteral("marker")].toString())
                              << QStringLiteral("--min-prop") << QStringLiteral("0") << QStringLiteral("--max-prop")
                              << QStringLiteral("1") << QStringLiteral("--ties") << ties << QStringLiteral("--pmethod")
                              << QStringLiteral("Lau94"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));

    // The case's split as a landscape entry: "> c" is the entry at c, ">= c" the entry at
    // the largest candidate below c.
    const double cutoff = grouping[QStringLiteral("cutoff")].toDouble();
    const bool greater = grouping[QStringLiteral("high_rule")].toString() == QLatin1String(">");
    QJsonObject entry;
    for (const QJsonValue& value : run.json[QStringLiteral("landscape")].toArray()) {
        const double candidate = value[QStringLiteral("cutoff")].toDouble();
        if (greater ? candidate == cutoff : candidate < cutoff)
            entry = value.toObject();
    }
    QVERIFY2(!entry.isEmpty(), "the case's split is not in the landscape");

    const QJsonArray groups = reference.json[QStringLiteral("groups")].toArray();
    CUTOFFLAB_COMPARE_COUNT("groups.low.n", entry[QStringLiteral("n_low")].toInteger(), groups[0][QStringLiteral("n")]);
    CUTOFFLAB_COMPARE_COUNT("groups.high.n", entry[QStringLiteral("n_high")].toInteger(), groups[1][QStringLiteral("n")]);
    CUTOFFLAB_COMPARE_COUNT("groups.low.events", entry[QStringLiteral("events_low")].toInteger(), groups[0][QStringLiteral("events")]);
    CUTOFFLAB_COMPARE_COUNT("groups.high.events", entry[QStringLiteral("events_high")].toInteger(), groups[1][QStringLiteral("events")]);

    const QJsonObject logRank = reference.json[QStringLiteral("logrank")].toObject();
    QCOMPARE(entry[QStringLiteral("logrank_status")].toString(), QStringLiteral("ok"));
    CUTOFFLAB_COMPARE_NUMBER("logrank.chisq", optionalNumber(entry[QStringLiteral("logrank_chisq")]), logRank[QStringLiteral("chisq")],
                             reference.tolerance(QStringLiteral("logrank.chisq")));
    CUTOFFLAB_COMPARE_NUMBER("logrank.p", optionalNumber(entry[QStringLiteral("logrank_p")]), logRank[QStringLiteral("p")],
                             reference.tolerance(QStringLiteral("logrank.p")));
    CUTOFFLAB_COMPARE_NUMBER("logrank.expected[low]", optionalNumber(entry[QStringLiteral("expected_low")]),
                             logRank[QStringLiteral("expected")][0], reference.tolerance(QStringLiteral("logrank.expected")));
    CUTOFFLAB_COMPARE_NUMBER("logrank.expected[high]", optionalNumber(entry[QStringLiteral("expected_high")]),
                             logRank[QStringLiteral("expected")][1], reference.tolerance(QStringLiteral("logrank.expected")));

    const QJsonObject ratio = entry[QStringLiteral("hazard_ratio")].toObject();
    QCOMPARE(ratio[QStringLiteral("method")].toString(), QStringLiteral("cox_") + ties);
    const QString path = QStringLiteral("cox_univariate.") + ties;
    if (!reference.tolerance(path + QStringLiteral(".terms")).compared) {
        // R stops at an arbitrary large coefficient; the estimate is 0 (no high-group event).
        QCOMPARE(groups[1][QStringLiteral("events")].toInt(), 0);
        QCOMPARE(ratio[QStringLiteral("status")].toString(), QStringLiteral("infinite_low"));
        QVERIFY(ratio[QStringLiteral("hr")].isNull());
        return;
    }
    QCOMPARE(ratio[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    const QJsonObject term = reference.json[QStringLiteral("cox_univariate")][ties][QStringLiteral("terms")][0].toObject();
    for (const auto& [ours, theirs] : {std::pair{"log_hr", "coef"}, std::pair{"se", "se"}, std::pair{"hr", "hr"},
                                       std::pair{"lower", "hr_lower"}, std::pair{"upper", "hr_upper"}}) {
        CUTOFFLAB_COMPARE_NUMBER(path + QStringLiteral(".terms.") + QLatin1String(theirs), optionalNumber(ratio[QLatin1String(ours)]),
                                 term[QLatin1String(theirs)], reference.tolerance(path + QStringLiteral(".terms.") + QLatin1String(theirs)));
    }
}

void TestCliScan::youdenMatchesPROC_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("roc"))) {
        const test::ReferenceCase reference = test::loadReferenceCase(id);
        const QString type = reference.json[QStringLiteral("roc")][QStringLiteral("outcome")][QStringLiteral("type")].toString();
        if (reference.hasSurvival && type.startsWith(QLatin1String("death_by")))
            QTest::newRow(qPrintable(id)) << id;
    }
}

void TestCliScan::youdenMatchesPROC()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonObject expected = reference.json[QStringLiteral("roc")].toObject();
    const QJsonObject outcome = expected[QStringLiteral("outcome")].toObject();
    const QString deathBy = outcome[QStringLiteral("type")].toString() == QLatin1String("death_by_km_median")
        ? QStringLiteral("median")
        : numberText(outcome[QStringLiteral("landmark_time")]);
    const CliRun run = runCli(scanArguments(reference, expected[QStringLiteral("marker")].toString())
                              << QStringLiteral("--pmethod") << QStringLiteral("Lau94") << QStringLiteral("--death-by") << deathBy
                              << QStringLiteral("--direction") << QStringLiteral("auto"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));

    const QJsonObject youden = run.json[QStringLiteral("optimal_cutoffs")][QStringLiteral("by_youden")].toObject();
    QCOMPARE(youden[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    QCOMPARE(youden[QStringLiteral("direction")].toString(),
             expected[QStringLiteral("direction")].toString() == QLatin1String(">") ? QStringLiteral("lower") : QStringLiteral("higher"));
    CUTOFFLAB_COMPARE_COUNT("roc.n_cases", youden[QStringLiteral("n_cases")].toInteger(), expected[QStringLiteral("n_cases")]);
    CUTOFFLAB_COMPARE_COUNT("roc.n_controls", youden[QStringLiteral("n_controls")].toInteger(), expected[QStringLiteral("n_controls")]);
    CUTOFFLAB_COMPARE_NUMBER("roc.auc", optionalNumber(youden[QStringLiteral("auc")]), expected[QStringLiteral("auc")],
                             reference.tolerance(QStringLiteral("roc.auc")));

    const QJsonArray best = expected[QStringLiteral("youden_best")].toArray();
    const QJsonArray optima = youden[QStringLiteral("optima")].toArray();
    QCOMPARE(optima.size(), best.size());
    const QJsonArray landscape = run.json[QStringLiteral("landscape")].toArray();
    for (qsizetype i = 0; i < best.size(); ++i) {
        const QJsonObject optimum = optima[i].toObject();
        for (const char* key : {"threshold", "sensitivity", "specificity", "youden_index"}) {
            CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("roc.youden_best.") + key, optionalNumber(optimum[QLatin1String(key)]),
                                     best[i][QLatin1String(key)], reference.tolerance(QStringLiteral("roc.youden_best")));
        }
        // The landscape's cut-off of the same split: the largest marker value below the threshold.
        const double threshold = optimum[QStringLiteral("threshold")].toDouble();
        const double cutoff = optimum[QStringLiteral("cutoff")].toDouble();
        QVERIFY(cutoff < threshold);
        QVERIFY(optimum[QStringLiteral("high_group_from")].toDouble() > threshold);
        if (!optimum[QStringLiteral("index")].isNull()) {
            const QJsonObject entry = landscape[optimum[QStringLiteral("index")].toInt()].toObject();
            QCOMPARE(entry[QStringLiteral("cutoff")].toDouble(), cutoff);
        } else {
            QVERIFY(!optimum[QStringLiteral("note")].toString().isEmpty());
        }
    }
}

void TestCliScan::youdenWithoutMedianExplained()
{
    // Events at times 1 to 3 of 20 rows: survival never falls to 0.5.
    QTemporaryDir directory;
    const QString path = writeFile(directory, QStringLiteral("few-events.csv"),
                                   survivalCsv(20, [](int i) { return static_cast<double>((i * 7) % 20); }, [](int i) { return i <= 3 ? 1 : 0; }));
    const CliRun run = runCli({QStringLiteral("scan"), path, QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"),
                               QStringLiteral("status"), QStringLiteral("--marker"), QStringLiteral("marker"), QStringLiteral("--death-by"),
                               QStringLiteral("median")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    QVERIFY(!run.json[QStringLiteral("optimal_cutoffs")].toObject().contains(QStringLiteral("by_youden")));
    QStringList codes;
    for (const QJsonValue& message : run.json[QStringLiteral("messages")].toArray())
        codes << message[QStringLiteral("code")].toString();
    QVERIFY2(codes.contains(QStringLiteral("median_not_reached")), qPrintable(codes.join(QLatin1Char(','))));
    QVERIFY(codes.contains(QStringLiteral("no_youden_optimum")));
}

void TestCliScan::twoCutoffsMatchThreeGroupLogRank()
{
    // karno >= 40 and karno >= 70 give the groups karno <= 30, 40 .. 60, >= 70 (karno
    // takes multiples of 10), so the grid pair (30, 60) is the case's 3-group split.
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("veteran_karno_3groups"));
    const CliRun run = runCli(scanArguments(reference, QStringLiteral("karno"))
                              << QStringLiteral("--pmethod") << QStringLiteral("Lau94") << QStringLiteral("--two-cutoffs")
                              << QStringLiteral("--min-prop") << QStringLiteral("0") << QStringLiteral("--max-prop") << QStringLiteral("1"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    const QJsonObject two = run.json[QStringLiteral("two_cutoffs")].toObject();
    QCOMPARE(two[QStringLiteral("status")].toString(), QStringLiteral("ok"));

    QJsonObject cell;
    double largest = -1.0;
    for (const QJsonValue& value : two[QStringLiteral("cells")].toArray()) {
        if (value[QStringLiteral("low_cutoff")].toDouble() == 30.0 && value[QStringLiteral("high_cutoff")].toDouble() == 60.0)
            cell = value.toObject();
        if (value[QStringLiteral("defined")].toBool())
            largest = std::max(largest, value[QStringLiteral("chisq")].toDouble());
    }
    QVERIFY2(!cell.isEmpty(), "the pair (30, 60) is not in the grid");
    const QJsonObject logRank = reference.json[QStringLiteral("logrank")].toObject();
    const QJsonArray n = logRank[QStringLiteral("n")].toArray();
    CUTOFFLAB_COMPARE_COUNT("logrank.n[0]", cell[QStringLiteral("n_low")].toInteger(), n[0]);
    CUTOFFLAB_COMPARE_COUNT("logrank.n[1]", cell[QStringLiteral("n_middle")].toInteger(), n[1]);
    CUTOFFLAB_COMPARE_COUNT("logrank.n[2]", cell[QStringLiteral("n_high")].toInteger(), n[2]);
    CUTOFFLAB_COMPARE_NUMBER("logrank.chisq", optionalNumber(cell[QStringLiteral("chisq")]), logRank[QStringLiteral("chisq")], {});
    CUTOFFLAB_COMPARE_NUMBER("logrank.p", optionalNumber(cell[QStringLiteral("p")]), logRank[QStringLiteral("p")], {});

    const QJsonObject best = two[QStringLiteral("best")].toObject();
    QVERIFY(best[QStringLiteral("found")].toBool());
    QCOMPARE(best[QStringLiteral("chisq")].toDouble(), largest);
}

void TestCliScan::conditionalMonteCarloReproducible()
{
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("DLBCL_IPI_ge3"));
    const QStringList common = scanArguments(reference, QStringLiteral("IPI"))
                             << QStringLiteral("--pmethod") << QStringLiteral("condMC") << QStringLiteral("--permutations")
                             << QStringLiteral("5000");
    const CliRun one = runCli(QStringList(common) << QStringLiteral("--seed") << QStringLiteral("42") << QStringLiteral("--threads") << QStringLiteral("1"));
    const CliRun two = runCli(QStringList(common) << QStringLiteral("--seed") << QStringLiteral("42") << QStringLiteral("--threads") << QStringLiteral("2"));
    const CliRun other = runCli(QStringList(common) << QStringLiteral("--seed") << QStringLiteral("43"));
    QVERIFY2(one.exitCode == 0, qPrintable(one.errorText));
    QVERIFY2(two.exitCode == 0, qPrintable(two.errorText));
    QVERIFY2(other.exitCode == 0, qPrintable(other.errorText));

    const QJsonObject first = correctedPValue(one.json, QStringLiteral("condMC"));
    const QJsonObject second = correctedPValue(two.json, QStringLiteral("condMC"));
    QCOMPARE(first[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    QCOMPARE(first[QStringLiteral("seed")].toInteger(), 42);
    QCOMPARE(first[QStringLiteral("permutations")].toInteger(), 5000);
    QCOMPARE(second[QStringLiteral("exceedances")].toInteger(), first[QStringLiteral("exceedances")].toInteger());
    QCOMPARE(second[QStringLiteral("value")].toDouble(), first[QStringLiteral("value")].toDouble());
    QCOMPARE(first[QStringLiteral("value")].toDouble(), first[QStringLiteral("exceedances")].toDouble() / 5000.0);
    QCOMPARE(correctedPValue(other.json, QStringLiteral("condMC"))[QStringLiteral("seed")].toInteger(), 43);
    // Only condMC was requested.
    QCOMPARE(one.json[QStringLiteral("corrected_p_values")].toArray().size(), 1);
}

void TestCliScan::conditionalMonteCarloAgainstR_data()
{
    // R 4.2.2, maxstat 0.7-25: set.seed(20240607); maxstat.test(Surv(time, event) ~ marker,
    // smethod = "LogRank", pmethod = "condMC", B = 1e6)$p.value on the analysed rows.
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QString>("marker");
    QTest::addColumn<double>("rP");
    QTest::newRow("DLBCL IPI") << QStringLiteral("DLBCL_IPI_ge3") << QStringLiteral("IPI") << 0.006701;
    QTest::newRow("sim IL-8") << QStringLiteral("sim_il8_ge57.9") << QStringLiteral("il8_pg_ml") << 0.006221;
}

void TestCliScan::conditionalMonteCarloAgainstR()
{
    QFETCH(QString, caseId);
    QFETCH(QString, marker);
    QFETCH(double, rP);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const CliRun run = runCli(scanArguments(reference, marker) << QStringLiteral("--pmethod") << QStringLiteral("condMC")
                                                               << QStringLiteral("--permutations") << QStringLiteral("100000"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    const QJsonObject p = correctedPValue(run.json, QStringLiteral("condMC"));
    QCOMPARE(p[QStringLiteral("status")].toString(), QStringLiteral("ok"));

    // Both are binomial proportions around the same p: their difference has standard error
    // sqrt(p (1 - p) (1/B + 1/B_R)). Allow 4 of them plus one count of the smaller run.
    const double value = p[QStringLiteral("value")].toDouble();
    const double standardError = std::sqrt(rP * (1.0 - rP) * (1.0 / 1e5 + 1.0 / 1e6));
    QVERIFY2(std::fabs(value - rP) <= 4.0 * standardError + 1e-5,
             qPrintable(QStringLiteral("condMC p %1, R %2").arg(value).arg(rP)));
    QVERIFY(test::fuzzyEqual(p[QStringLiteral("monte_carlo_standard_error")].toDouble(), std::sqrt(value * (1.0 - value) / 1e5), 1e-12));
}

void TestCliScan::bootstrapAndValidationReproducible_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("block");
    QTest::newRow("bootstrap") << QStringList{QStringLiteral("--bootstrap"), QStringLiteral("200")} << QStringLiteral("bootstrap");
    QTest::newRow("split sample") << QStringList{QStringLiteral("--validation"), QStringLiteral("split")} << QStringLiteral("validation");
    QTest::newRow("cross-validation") << QStringList{QStringLiteral("--validation"), QStringLiteral("cv"), QStringLiteral("--folds"), QStringLiteral("4")}
                                      << QStringLiteral("validation");
}

void TestCliScan::bootstrapAndValidationReproducible()
{
    QFETCH(QStringList, options);
    QFETCH(QString, block);
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("veteran_karno_ge60"));
    const QStringList common = scanArguments(reference, QStringLiteral("karno")) << QStringLiteral("--pmethod")
                                                                                 << QStringLiteral("Lau94") << options
                                                                                 << QStringLiteral("--seed") << QStringLiteral("11");
    const CliRun one = runCli(QStringList(common) << QStringLiteral("--threads") << QStringLiteral("1"));
    const CliRun two = runCli(QStringList(common) << QStringLiteral("--threads") << QStringLiteral("2"));
    QVERIFY2(one.exitCode == 0, qPrintable(one.errorText));
    QVERIFY2(two.exitCode == 0, qPrintable(two.errorText));
    const QJsonObject result = one.json[block].toObject();
    QCOMPARE(result, two.json[block].toObject());
    QCOMPARE(result[QStringLiteral("seed")].toInteger(), 11);
    QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("ok"));

    if (block == QLatin1String("bootstrap")) {
        const QJsonObject interval = result[QStringLiteral("interval")].toObject();
        QVERIFY(interval[QStringLiteral("available")].toBool());
        QVERIFY(interval[QStringLiteral("lower")].toDouble() <= interval[QStringLiteral("median")].toDouble());
        QVERIFY(interval[QStringLiteral("median")].toDouble() <= interval[QStringLiteral("upper")].toDouble());
        QCOMPARE(result[QStringLiteral("samples_with_cutoff")].toInteger() + result[QStringLiteral("failed_replicates")].toInteger(), 200);
        QCOMPARE(result[QStringLiteral("replicate_cutoffs")].toArray().size(), result[QStringLiteral("samples_with_cutoff")].toInteger());
        QCOMPARE(result[QStringLiteral("cutoff")].toDouble(), one.json[QStringLiteral("maxstat")][QStringLiteral("cutoff")].toDouble());
        const QJsonObject optimism = result[QStringLiteral("optimism")].toObject();
        QCOMPARE(optimism[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        // Shrinking towards 1: |log HR| corrected <= apparent.
        QVERIFY(std::fabs(optimism[QStringLiteral("corrected_log_hr")].toDouble())
                <= std::fabs(optimism[QStringLiteral("apparent")][QStringLiteral("log_hr")].toDouble()));
    } else {
        QVERIFY(result[QStringLiteral("logrank")][QStringLiteral("defined")].toBool());
        const QJsonObject logRank = result[QStringLiteral("logrank")].toObject();
        QVERIFY(logRank[QStringLiteral("p")].toDouble() > 0.0 && logRank[QStringLiteral("p")].toDouble() <= 1.0);
        QCOMPARE(result[QStringLiteral("hazard_ratio")][QStringLiteral("method")].toString(), QStringLiteral("cox_efron"));
    }
    if (options.contains(QStringLiteral("cv"))) {
        QCOMPARE(result[QStringLiteral("fold_results")].toArray().size(), 4);
        QCOMPARE(result[QStringLiteral("logrank")][QStringLiteral("n_low")].toInteger()
                     + result[QStringLiteral("logrank")][QStringLiteral("n_high")].toInteger()
                     + result[QStringLiteral("unassigned_rows")].toInteger(),
                 137);
    }
    if (options.contains(QStringLiteral("split"))) {
        QCOMPARE(result[QStringLiteral("training_rows")].toInteger() + result[QStringLiteral("validation_rows")].toInteger(), 137);
        QCOMPARE(result[QStringLiteral("logrank")][QStringLiteral("n_low")].toInteger()
                     + result[QStringLiteral("logrank")][QStringLiteral("n_high")].toInteger(),
                 result[QStringLiteral("validation_rows")].toInteger());
    }
}

void TestCliScan::degenerateDataReportStatus_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("textPart");
    const auto alternate = [](int i) { return i % 3 == 0 ? 0 : 1; };
    QTest::newRow("constant marker") << survivalCsv(20, [](int) { return 3.0; }, alternate) << QStringLiteral("constant_marker")
                                     << QStringLiteral("same value");
    // 19 of 20 rows at the lowest value: the only split leaves 19 > floor(0.9 * 20) rows below.
    QTest::newRow("fewer distinct values than the proportions allow")
        << survivalCsv(20, [](int i) { return i == 20 ? 2.0 : 1.0; }, alternate) << QStringLiteral("no_candidate_cutoff")
        << QStringLiteral("too few distinct values");
    QTest::newRow("no events") << survivalCsv(20, [](int i) { return static_cast<double>(i); }, [](int) { return 0; })
                               << QStringLiteral("no_events") << QStringLiteral("no analysed row has an event");
}

void TestCliScan::degenerateDataReportStatus()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, status);
    QFETCH(QString, textPart);
    QTemporaryDir directory;
    const QString path = writeFile(directory, QStringLiteral("degenerate.csv"), csv);
    const CliRun run = runCli({QStringLiteral("scan"), path, QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"),
                               QStringLiteral("status"), QStringLiteral("--marker"), QStringLiteral("marker"), QStringLiteral("--pmethod"),
                               QStringLiteral("Lau92,Lau94,HL,condMC"), QStringLiteral("--bootstrap"), QStringLiteral("10"),
                               QStringLiteral("--two-cutoffs")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    QCOMPARE(run.json[QStringLiteral("status")].toString(), status);
    QVERIFY2(run.json[QStringLiteral("status_text")].toString().contains(textPart, Qt::CaseInsensitive),
             qPrintable(run.json[QStringLiteral("status_text")].toString()));
    QCOMPARE(run.json[QStringLiteral("landscape")].toArray().size(), 0);
    QVERIFY(!run.json[QStringLiteral("optimal_cutoffs")][QStringLiteral("by_statistic")][QStringLiteral("found")].toBool());

    // No p-value is missing without a sentence that gives the reason.
    const QJsonArray pValues = run.json[QStringLiteral("corrected_p_values")].toArray();
    QCOMPARE(pValues.size(), 4);
    for (const QJsonValue& p : pValues) {
        QCOMPARE(p[QStringLiteral("status")].toString(), QStringLiteral("not_applicable"));
        QVERIFY(p[QStringLiteral("value")].isNull());
        QVERIFY(p[QStringLiteral("display_value")].isNull());
        QVERIFY(!p[QStringLiteral("note")].toString().isEmpty());
    }
    QCOMPARE(run.json[QStringLiteral("bootstrap")][QStringLiteral("status")].toString(), status);
    QVERIFY(!run.json[QStringLiteral("bootstrap")][QStringLiteral("interval")][QStringLiteral("available")].toBool());
    QVERIFY(!run.json[QStringLiteral("two_cutoffs")][QStringLiteral("status_text")].toString().isEmpty());
}

void TestCliScan::extremeStatisticExplainsPValues()
{
    // Three marker levels (60, 80, 60 rows) in the order of the event times: M = 11.23, where
    // Lau94's correction term outweighs the normal tail. R 4.2.2, maxstat 0.7-25:
    // maxstat.test(Surv(time, status) ~ marker, smethod = "LogRank", pmethod = "Lau94")
    // gives -3.6830380224532587e-28; Cutoff Lab's upper-tail form adds 2 (1 - Phi(M)).
    QTemporaryDir directory;
    const QString path = writeFile(directory, QStringLiteral("extreme.csv"),
                                   survivalCsv(200, [](int i) { return i <= 60 ? 1.0 : (i <= 140 ? 2.0 : 3.0); }, [](int) { return 1; }));
    const CliRun run = runCli({QStringLiteral("scan"), path, QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"),
                               QStringLiteral("status"), QStringLiteral("--marker"), QStringLiteral("marker")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));

    const QJsonObject lau94 = correctedPValue(run.json, QStringLiteral("Lau94"));
    QCOMPARE(lau94[QStringLiteral("status")].toString(), QStringLiteral("below_numerical_precision"));
    QVERIFY(lau94[QStringLiteral("value")].toDouble() < 0.0);
    QVERIFY(lau94[QStringLiteral("value")].toDouble() > -3.6830380224532587e-28 * 0.999);
    QCOMPARE(lau94[QStringLiteral("display_value")].toDouble(), 0.0);
    QVERIFY(lau94[QStringLiteral("note")].toString().contains(QLatin1String("smaller than the formula resolves")));

    // HL is the probability of exceeding the statistic, and nothing exceeds the most
    // extreme split: R's pmaxstat (with the lgamma weights above) also gives 0.
    const QJsonObject hl = correctedPValue(run.json, QStringLiteral("HL"));
    QCOMPARE(hl[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    QCOMPARE(hl[QStringLiteral("value")].toDouble(), 0.0);
    QVERIFY(hl[QStringLiteral("note")].toString().contains(QLatin1String("no permutation")));

    const QJsonObject lau92 = correctedPValue(run.json, QStringLiteral("Lau92"));
    QCOMPARE(lau92[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    QVERIFY(lau92[QStringLiteral("value")].toDouble() > 0.0);
}

void TestCliScan::hothornLausenTooLargeExplained()
{
    // 418 rows: the exact table exceeds 2^24 cells.
    const CliRun run = runCli({QStringLiteral("scan"), test::testDataPath(QStringLiteral("reference/datasets/pbc.csv")),
                               QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"), QStringLiteral("status"),
                               QStringLiteral("--event-code"), QStringLiteral("2"), QStringLiteral("--marker"), QStringLiteral("bili"),
                               QStringLiteral("--pmethod"), QStringLiteral("HL")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    const QJsonObject hl = correctedPValue(run.json, QStringLiteral("HL"));
    QCOMPARE(hl[QStringLiteral("status")].toString(), QStringLiteral("not_computed"));
    QVERIFY(hl[QStringLiteral("value")].isNull());
    QVERIFY(hl[QStringLiteral("note")].toString().contains(QLatin1String("418 rows")));
    // The integer-score statistic itself is still reported.
    QVERIFY(hl[QStringLiteral("statistic")].toDouble() > 0.0);
}

void TestCliScan::underflowToZeroExplained()
{
    // 4,000 rows whose marker orders the event times exactly: M = 50.9, and both bounds
    // are below 1e-308.
    QTemporaryDir directory;
    const QString path = writeFile(directory, QStringLiteral("ordered.csv"),
                                   survivalCsv(4000, [](int i) { return static_cast<double>(i); }, [](int) { return 1; }));
    const CliRun run = runCli({QStringLiteral("scan"), path, QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"),
                               QStringLiteral("status"), QStringLiteral("--marker"), QStringLiteral("marker"), QStringLiteral("--pmethod"),
                               QStringLiteral("Lau92,Lau94")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    QVERIFY(run.json[QStringLiteral("maxstat")][QStringLiteral("statistic")].toDouble() > 50.0);
    for (const QString& method : {QStringLiteral("Lau92"), QStringLiteral("Lau94")}) {
        const QJsonObject p = correctedPValue(run.json, method);
        QCOMPARE(p[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        QCOMPARE(p[QStringLiteral("value")].toDouble(), 0.0);
        QVERIFY2(p[QStringLiteral("note")].toString().contains(QLatin1String("too small for double precision")), qPrintable(method));
    }
}

void TestCliScan::tiedPermutationsExplained()
{
    // With two patients every permutation gives the observed maximal statistic: none
    // exceeds it (maxstat's p is 0), but the p counting ties is 1, not "below 1/B".
    QTemporaryDir directory;
    const QString path = writeFile(directory, QStringLiteral("two.csv"), "time,status,marker\n5,1,1.0\n6,0,2.0\n");
    const CliRun run = runCli({QStringLiteral("scan"), path, QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"),
                               QStringLiteral("status"), QStringLiteral("--marker"), QStringLiteral("marker"), QStringLiteral("--min-prop"),
                               QStringLiteral("0"), QStringLiteral("--max-prop"), QStringLiteral("1"), QStringLiteral("--permutations"),
                               QStringLiteral("200"), QStringLiteral("--quiet")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    const QJsonObject p = correctedPValue(run.json, QStringLiteral("condMC"));
    QCOMPARE(p[QStringLiteral("status")].toString(), QStringLiteral("no_permutation_exceeded"));
    const QString note = p[QStringLiteral("note")].toString();
    QVERIFY2(note.contains(QLatin1String("200 of 200 permutations reached exactly")), qPrintable(note));
    QVERIFY2(!note.contains(QLatin1String("below 1/")), qPrintable(note));
}

void TestCliScan::lausen92NeedsOpenProportions()
{
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58"));
    const CliRun run = runCli(scanArguments(reference, QStringLiteral("il6_pg_ml"))
                              << QStringLiteral("--min-prop") << QStringLiteral("0") << QStringLiteral("--pmethod") << QStringLiteral("Lau92,Lau94"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    const QJsonObject lau92 = correctedPValue(run.json, QStringLiteral("Lau92"));
    QCOMPARE(lau92[QStringLiteral("status")].toString(), QStringLiteral("not_applicable"));
    QVERIFY(lau92[QStringLiteral("value")].isNull());
    QVERIFY(lau92[QStringLiteral("note")].toString().contains(QLatin1String("--min-prop")));
    QCOMPARE(correctedPValue(run.json, QStringLiteral("Lau94"))[QStringLiteral("status")].toString(), QStringLiteral("ok"));
}

void TestCliScan::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("messagePart");
    const QByteArray good("time,status,il6\n3,1,2\n4,0,8\n5,1,9\n6,1,1\n");
    const QStringList usual{QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"), QStringLiteral("status"),
                            QStringLiteral("--marker"), QStringLiteral("il6")};
    const auto with = [&](const QStringList& more) { return usual + more; };

    QTest::newRow("no marker") << good << QStringList{QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"), QStringLiteral("status")}
                               << 1 << "missing --marker";
    QTest::newRow("unknown option") << good << with({QStringLiteral("--bogus")}) << 1 << "Unknown option";
    QTest::newRow("negative time") << QByteArray("time,status,il6\n3,1,2\n-4,1,8\n") << usual << 2 << "negative (-4)";
    QTest::newRow("missing column") << QByteArray("time,status,il8\n3,1,2\n") << usual << 2 << "\"il6\" was not found";
    // The only marker value belongs to a row without a time, which is left out.
    QTest::newRow("no marker value") << QByteArray("time,status,il6\n1,1,\n2,0,\n,1,5\n") << usual << 2 << "has no values";
    QTest::newRow("text marker") << QByteArray("time,status,il6\n3,1,2\n4,0,high\n") << usual << 2 << "\"high\"";
    QTest::newRow("unknown p-value method") << good << with({QStringLiteral("--pmethod"), QStringLiteral("Lau94,exact")}) << 2
                                            << "Unknown p-value method \"exact\"";
    QTest::newRow("proportions reversed") << good << with({QStringLiteral("--min-prop"), QStringLiteral("0.9"), QStringLiteral("--max-prop"), QStringLiteral("0.2")})
                                          << 2 << "0 <= --min-prop < --max-prop <= 1";
    QTest::newRow("proportion not a number") << good << with({QStringLiteral("--min-prop"), QStringLiteral("tenth")}) << 2
                                             << "--min-prop takes a number";
    QTest::newRow("zero permutations") << good << with({QStringLiteral("--permutations"), QStringLiteral("0")}) << 2
                                       << "--permutations takes a whole number from 1";
    QTest::newRow("fractional bootstrap") << good << with({QStringLiteral("--bootstrap"), QStringLiteral("10.5")}) << 2
                                          << "--bootstrap takes a whole number";
    QTest::newRow("permutations without condMC") << good << with({QStringLiteral("--pmethod"), QStringLiteral("Lau94"), QStringLiteral("--permutations"), QStringLiteral("100")})
                                                 << 2 << "add condMC to --pmethod";
    QTest::newRow("negative seed") << good << with({QStringLiteral("--seed"), QStringLiteral("-1")}) << 2 << "--seed takes a whole number";
    QTest::newRow("unknown validation") << good << with({QStringLiteral("--validation"), QStringLiteral("bootstrap")}) << 2
                                        << "Unknown validation \"bootstrap\"";
    QTest::newRow("folds without cv") << good << with({QStringLiteral("--folds"), QStringLiteral("5")}) << 2 << "add --validation cv";
    QTest::newRow("more folds than rows") << good << with({QStringLiteral("--validation"), QStringLiteral("cv"), QStringLiteral("--folds"), QStringLiteral("9")})
                                          << 2 << "between 2 and 4 folds";
    QTest::newRow("grid too large") << good << with({QStringLiteral("--two-cutoffs"), QStringLiteral("--grid-size"), QStringLiteral("5000")}) << 2
                                    << "from 2 to 1000";
    QTest::newRow("unknown ties") << good << with({QStringLiteral("--ties"), QStringLiteral("exact")}) << 2 << "Unknown tie method";
    QTest::newRow("confidence level above 1") << good << with({QStringLiteral("--conf-level"), QStringLiteral("95")}) << 2
                                              << "--conf-level must lie between 0 and 1";
    QTest::newRow("outcome and death-by") << good << with({QStringLiteral("--outcome"), QStringLiteral("status"), QStringLiteral("--death-by"), QStringLiteral("5")})
                                          << 2 << "either --outcome or --death-by";
    QTest::newRow("direction without outcome") << good << with({QStringLiteral("--direction"), QStringLiteral("lower")}) << 2
                                               << "add --outcome COL or --death-by T";
}

void TestCliScan::rejectsBadInput()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, messagePart);
    QTemporaryDir directory;
    const QString path = writeFile(directory, QStringLiteral("bad.csv"), csv);
    const CliRun run = runCli(QStringList{QStringLiteral("scan"), path} + options);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.errorText.contains(messagePart), qPrintable(run.errorText));
    QVERIFY(run.errorText.startsWith(QLatin1String("cutofflab-cli scan: ")));
    QVERIFY(run.json.isEmpty());
}

void TestCliScan::helpAndQuietStderr()
{
    QProcess process;
    process.start(QStringLiteral(CUTOFFLAB_CLI_PATH), {QStringLiteral("scan"), QStringLiteral("--help")});
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    for (const char* option : {"--pmethod", "--permutations", "--bootstrap", "--seed", "--validation", "--two-cutoffs", "--threads",
                               "--min-prop", "--max-prop", "--ties", "--outcome"}) {
        QVERIFY2(help.contains(option), option);
    }

    // A short run prints nothing on stderr: progress appears only after a second of work.
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58"));
    const CliRun run = runCli(scanArguments(reference, QStringLiteral("il6_pg_ml")) << QStringLiteral("--permutations") << QStringLiteral("1000"));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.errorText, QString());
}

QTEST_GUILESS_MAIN(TestCliScan)
#include "tst_cli_scan.moc"
