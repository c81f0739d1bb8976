// End-to-end tests of cutofflab-cli: the real executable on the reference datasets,
// every field of its JSON compared with what R computed for the same analysis.

#include "support/referencecase.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
    process.waitForFinished(120000);
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
            return INFINITY;
        if (text == QLatin1String("-Inf"))
            return -INFINITY;
        return NAN;
    }
    return value.toDouble();
}

/// The command line that reproduces a reference case's analysis.
QStringList argumentsFor(const test::ReferenceCase& reference, const QString& confType, const QString& ties)
{
    const QJsonObject& json = reference.json;
    const QJsonObject survival = json.value(QStringLiteral("survival")).toObject();
    const QJsonObject grouping = json.value(QStringLiteral("grouping")).toObject();
    const QString dataset = test::testDataPath(QStringLiteral("reference/datasets/")
                                               + json.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("file")).toString());
    QStringList arguments{QStringLiteral("analyze"), dataset, QStringLiteral("--compact"),
                          QStringLiteral("--conf-type"), confType, QStringLiteral("--ties"), ties};
    if (survival.value(QStringLiteral("time_column")).isString()) {
        arguments << QStringLiteral("--time") << survival.value(QStringLiteral("time_column")).toString()
                  << QStringLiteral("--event") << survival.value(QStringLiteral("event_column")).toString()
                  << QStringLiteral("--event-code") << numberText(survival.value(QStringLiteral("event_value")));
    }
    const auto ruleOf = [](const QString& rule) { return rule == QLatin1String(">") ? QStringLiteral("gt") : QStringLiteral("ge"); };
    if (grouping.value(QStringLiteral("type")).toString() == QLatin1String("score")) {
        const QJsonArray components = grouping.value(QStringLiteral("components")).toArray();
        const QJsonObject first = components[0].toObject();
        const QJsonObject second = components[1].toObject();
        arguments << QStringLiteral("--marker") << first.value(QStringLiteral("marker")).toString()
                  << QStringLiteral("--cutoff") << numberText(first.value(QStringLiteral("cutoff")))
                  << QStringLiteral("--rule") << ruleOf(first.value(QStringLiteral("rule")).toString())
                  << QStringLiteral("--marker2") << second.value(QStringLiteral("marker")).toString()
                  << QStringLiteral("--cutoff2") << numberText(second.value(QStringLiteral("cutoff")))
                  << QStringLiteral("--rule2") << ruleOf(second.value(QStringLiteral("rule")).toString());
    } else {
        arguments << QStringLiteral("--marker") << grouping.value(QStringLiteral("marker")).toString()
                  << QStringLiteral("--cutoff") << numberText(grouping.value(QStringLiteral("cutoff")))
                  << QStringLiteral("--rule") << ruleOf(grouping.value(QStringLiteral("high_rule")).toString());
    }

    const QJsonObject km = json.value(QStringLiteral("km")).toObject();
    if (!km.isEmpty()) {
        QStringList times;
        for (const QJsonValue& time : km.value(QStringLiteral("times")).toArray())
            times << numberText(time);
        arguments << QStringLiteral("--times") << times.join(QLatin1Char(','));
    }

    const QJsonObject multivariate = json.value(QStringLiteral("cox_multivariate")).toObject();
    QStringList covariates;
    for (const QJsonValue& value : multivariate.value(QStringLiteral("covariates")).toArray()) {
        const QJsonObject covariate = value.toObject();
        const QString type = covariate.value(QStringLiteral("type")).toString();
        const QString column = covariate.value(QStringLiteral("column")).toString();
        if (type == QLatin1String("numeric"))
            covariates << column;
        else if (covariate.contains(QStringLiteral("equals")))
            covariates << column + QLatin1Char('=') + numberText(covariate.value(QStringLiteral("equals")));
        else if (covariate.contains(QStringLiteral("cutoff")))
            covariates << column + QStringLiteral(">=") + numberText(covariate.value(QStringLiteral("cutoff")));
    }
    if (!covariates.isEmpty())
        arguments << QStringLiteral("--covariates") << covariates.join(QLatin1Char(','));

    const QJsonObject roc = json.value(QStringLiteral("roc")).toObject();
    const QJsonObject rocOutcome = roc.value(QStringLiteral("outcome")).toObject();
    const QString rocType = rocOutcome.value(QStringLiteral("type")).toString();
    if (rocType == QLatin1String("death_by_time"))
        arguments << QStringLiteral("--death-by") << numberText(rocOutcome.value(QStringLiteral("landmark_time")));
    else if (rocType == QLatin1String("death_by_km_median"))
        arguments << QStringLiteral("--death-by") << QStringLiteral("median");
    if (!roc.isEmpty())
        arguments << QStringLiteral("--direction") << QStringLiteral("auto");

    const QJsonObject binary = json.value(QStringLiteral("binary_by_group")).toObject().value(QStringLiteral("outcome")).toObject();
    if (!binary.isEmpty()) {
        arguments << QStringLiteral("--outcome") << binary.value(QStringLiteral("column")).toString()
                  << QStringLiteral("--outcome-code") << numberText(binary.value(QStringLiteral("positive_value")));
    } else if (rocType == QLatin1String("column")) {
        arguments << QStringLiteral("--outcome") << rocOutcome.value(QStringLiteral("column")).toString()
                  << QStringLiteral("--outcome-code") << numberText(rocOutcome.value(QStringLiteral("case_value")));
    }
    return arguments;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void matchesReferenceSurvival_data();
    void matchesReferenceSurvival();
    void matchesReferenceCox_data();
    void matchesReferenceCox();
    void matchesReferenceRocAndResponse_data();
    void matchesReferenceRocAndResponse();
    void printsVersionAndHelp();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void reportsDivergenceAfterIterationLimit();
    void readsDecimalCommas();
    void readsSavedSpecification();
    void neverWritesOverTheDataFile();
};

void TestCli::matchesReferenceSurvival_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QString>("confType");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("km"))) {
        QTest::newRow(qPrintable(id + QStringLiteral(" log"))) << id << QStringLiteral("log");
        QTest::newRow(qPrintable(id + QStringLiteral(" log-log"))) << id << QStringLiteral("log-log");
    }
}

void TestCli::matchesReferenceSurvival()
{
    QFETCH(QString, caseId);
    QFETCH(QString, confType);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const CliRun run = runCli(argumentsFor(reference, confType, QStringLiteral("efron")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));

    const QString suffix = confType == QLatin1String("log") ? QStringLiteral("log") : QStringLiteral("log_log");
    const QJsonObject expectedKm = reference.json.value(QStringLiteral("km")).toObject();
    const QJsonObject actualKm = run.json.value(QStringLiteral("km")).toObject();

    const auto compareCurve = [&](const QString& where, const QJsonObject& expected, const QJsonObject& actual) {
        CUTOFFLAB_COMPARE_COUNT(where + ".n", actual.value(QStringLiteral("n")).toInt(), expected.value(QStringLiteral("n")));
        CUTOFFLAB_COMPARE_COUNT(where + ".events", actual.value(QStringLiteral("events")).toInt(), expected.value(QStringLiteral("events")));
        if (expected.value(QStringLiteral("empty")).toBool())
            return;
        const QJsonObject median = expected.value(QStringLiteral("median")).toObject().value(suffix).toObject();
        const QJsonObject actualMedian = actual.value(QStringLiteral("median")).toObject();
        for (const char* key : {"estimate", "lower", "upper"}) {
            CUTOFFLAB_COMPARE_NUMBER(where + ".median." + key, optionalNumber(actualMedian.value(QLatin1String(key))),
                                     median.value(QLatin1String(key)), reference.tolerance(QStringLiteral("km")));
        }

        const QJsonArray expectedTimes = expected.value(QStringLiteral("at_times")).toArray();
        const QJsonArray actualTimes = actual.value(QStringLiteral("at_times")).toArray();
        QCOMPARE(actualTimes.size(), expectedTimes.size());
        for (qsizetype t = 0; t < expectedTimes.size(); ++t) {
            const QJsonObject e = expectedTimes[t].toObject();
            const QJsonObject a = actualTimes[t].toObject();
            const QString at = where + ".at_times[" + QString::number(t) + "]";
            CUTOFFLAB_COMPARE_COUNT(at + ".n_risk", a.value(QStringLiteral("n_risk")).toInt(), e.value(QStringLiteral("n_risk")));
            CUTOFFLAB_COMPARE_COUNT(at + ".events_up_to_time", a.value(QStringLiteral("events_up_to_time")).toInt(),
                                    e.value(QStringLiteral("events_up_to_time")));
            QCOMPARE(a.value(QStringLiteral("beyond_last_follow_up")).toBool(), e.value(QStringLiteral("beyond_last_follow_up")).toBool());
            CUTOFFLAB_COMPARE_NUMBER(at + ".surv", optionalNumber(a.value(QStringLiteral("surv"))), e.value(QStringLiteral("surv")), {});
            CUTOFFLAB_COMPARE_NUMBER(at + ".std_err", optionalNumber(a.value(QStringLiteral("std_err"))), e.value(QStringLiteral("std_err")), {});
            const QJsonObject limits = e.value(suffix).toObject();
            CUTOFFLAB_COMPARE_NUMBER(at + ".lower", optionalNumber(a.value(QStringLiteral("lower"))), limits.value(QStringLiteral("lower")), {});
            CUTOFFLAB_COMPARE_NUMBER(at + ".upper", optionalNumber(a.value(QStringLiteral("upper"))), limits.value(QStringLiteral("upper")), {});
        }

        const QJsonObject expectedCurve = expected.value(QStringLiteral("curve")).toObject();
        const QJsonObject actualCurve = actual.value(QStringLiteral("curve")).toObject();
        const QJsonArray time = expectedCurve.value(QStringLiteral("time")).toArray();
        QCOMPARE(actualCurve.value(QStringLiteral("time")).toArray().size(), time.size());
        const QList<QPair<QString, QString>> columns{
            {QStringLiteral("time"), QStringLiteral("time")},         {QStringLiteral("surv"), QStringLiteral("surv")},
            {QStringLiteral("std_err"), QStringLiteral("std_err")},   {QStringLiteral("lower_") + suffix, QStringLiteral("lower")},
            {QStringLiteral("upper_") + suffix, QStringLiteral("upper")}};
        for (qsizetype i = 0; i < time.size(); ++i) {
            for (const auto& [expectedKey, actualKey] : columns) {
                CUTOFFLAB_COMPARE_NUMBER(where + ".curve." + expectedKey + "[" + QString::number(i) + "]",
                                         optionalNumber(actualCurve.value(actualKey).toArray()[i]),
                                         expectedCurve.value(expectedKey).toArray()[i], {});
            }
            for (const char* key : {"n_risk", "n_event", "n_censor"}) {
                CUTOFFLAB_COMPARE_COUNT(where + ".curve." + key + "[" + QString::number(i) + "]",
                                        actualCurve.value(QLatin1String(key)).toArray()[i].toInt(),
                                        expectedCurve.value(QLatin1String(key)).toArray()[i]);
            }
        }
    };

    compareCurve(QStringLiteral("km.overall"), expectedKm.value(QStringLiteral("overall")).toObject(),
                 actualKm.value(QStringLiteral("overall")).toObject());
    const QJsonArray expectedGroups = expectedKm.value(QStringLiteral("groups")).toArray();
    const QJsonArray actualGroups = actualKm.value(QStringLiteral("groups")).toArray();
    QCOMPARE(actualGroups.size(), expectedGroups.size());
    for (qsizetype g = 0; g < expectedGroups.size(); ++g) {
        compareCurve(QStringLiteral("km.groups[") + QString::number(g) + "]", expectedGroups[g].toObject(),
                     actualGroups[g].toObject());
    }

    const QJsonObject expectedLogRank = reference.json.value(QStringLiteral("logrank")).toObject();
    const QJsonObject actualLogRank = run.json.value(QStringLiteral("logrank")).toObject();
    if (expectedLogRank.value(QStringLiteral("status")).toString() == QLatin1String("error")) {
        QCOMPARE(actualLogRank.value(QStringLiteral("status")).toString(), QStringLiteral("fewer_than_two_groups"));
        return;
    }
    for (const char* key : {"chisq", "p"}) {
        CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("logrank.") + key, optionalNumber(actualLogRank.value(QLatin1String(key))),
                                 expectedLogRank.value(QLatin1String(key)), reference.tolerance(QStringLiteral("logrank")));
    }
    CUTOFFLAB_COMPARE_COUNT("logrank.df", actualLogRank.value(QStringLiteral("df")).toInt(), expectedLogRank.value(QStringLiteral("df")));
    for (const char* key : {"observed", "expected"}) {
        const QJsonArray expected = expectedLogRank.value(QLatin1String(key)).toArray();
        const QJsonArray actual = actualLogRank.value(QLatin1String(key)).toArray();
        QCOMPARE(actual.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("logrank.") + key, optionalNumber(actual[i]), expected[i], {});
    }
    const QJsonArray expectedVariance = expectedLogRank.value(QStringLiteral("variance")).toArray();
    const QJsonArray actualVariance = actualLogRank.value(QStringLiteral("variance")).toArray();
    QCOMPARE(actualVariance.size(), expectedVariance.size());
    for (qsizetype r = 0; r < expectedVariance.size(); ++r) {
        for (qsizetype c = 0; c < expectedVariance[r].toArray().size(); ++c) {
            CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("logrank.variance"), optionalNumber(actualVariance[r].toArray()[c]),
                                     expectedVariance[r].toArray()[c], {});
        }
    }
}

void TestCli::matchesReferenceCox_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QString>("ties");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("cox_univariate"))) {
        QTest::newRow(qPrintable(id + QStringLiteral(" efron"))) << id << QStringLiteral("efron");
        QTest::newRow(qPrintable(id + QStringLiteral(" breslow"))) << id << QStringLiteral("breslow");
    }
}

void TestCli::matchesReferenceCox()
{
    QFETCH(QString, caseId);
    QFETCH(QString, ties);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const CliRun run = runCli(argumentsFor(reference, QStringLiteral("log"), ties));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));

    const auto compareFit = [&](const QString& path, const QJsonObject& expected, const QJsonObject& actual) {
        CUTOFFLAB_COMPARE_COUNT(path + ".n", actual.value(QStringLiteral("n")).toInt(), expected.value(QStringLiteral("n")));
        CUTOFFLAB_COMPARE_COUNT(path + ".events", actual.value(QStringLiteral("events")).toInt(), expected.value(QStringLiteral("events")));
        if (!reference.tolerance(path).compared)
            return;
        const QJsonArray expectedTerms = expected.value(QStringLiteral("terms")).toArray();
        const QJsonArray actualTerms = actual.value(QStringLiteral("terms")).toArray();
        QCOMPARE(actualTerms.size(), expectedTerms.size());
        for (qsizetype t = 0; t < expectedTerms.size(); ++t) {
            for (const char* key : {"coef", "hr", "se", "z", "p", "coef_lower", "coef_upper", "hr_lower", "hr_upper"}) {
                CUTOFFLAB_COMPARE_NUMBER(path + ".terms." + key, optionalNumber(actualTerms[t].toObject().value(QLatin1String(key))),
                                         expectedTerms[t].toObject().value(QLatin1String(key)),
                                         reference.tolerance(path + QStringLiteral(".terms.") + key));
            }
        }
        for (const char* key : {"loglik_null", "loglik"}) {
            CUTOFFLAB_COMPARE_NUMBER(path + "." + key, optionalNumber(actual.value(QLatin1String(key))),
                                     expected.value(QLatin1String(key)), reference.tolerance(path + "." + key));
        }
        for (const char* test : {"lr_test", "score_test", "wald_test"}) {
            const QJsonObject e = expected.value(QLatin1String(test)).toObject();
            const QJsonObject a = actual.value(QLatin1String(test)).toObject();
            const test::Tolerance tolerance = reference.tolerance(path + "." + test);
            CUTOFFLAB_COMPARE_NUMBER(path + "." + test + ".chisq", optionalNumber(a.value(QStringLiteral("chisq"))),
                                     e.value(QStringLiteral("chisq")), tolerance);
            CUTOFFLAB_COMPARE_NUMBER(path + "." + test + ".p", optionalNumber(a.value(QStringLiteral("p"))),
                                     e.value(QStringLiteral("p")), tolerance);
        }
        const QJsonObject e = expected.value(QStringLiteral("concordance")).toObject();
        const QJsonObject a = actual.value(QStringLiteral("concordance")).toObject();
        for (const char* key : {"concordance", "se", "concordant", "discordant", "tied_risk", "tied_time", "tied_both"}) {
            CUTOFFLAB_COMPARE_NUMBER(path + ".concordance." + key, optionalNumber(a.value(QLatin1String(key))),
                                     e.value(QLatin1String(key)), reference.tolerance(path + ".concordance"));
        }
    };

    const QJsonObject univariate = reference.json.value(QStringLiteral("cox_univariate")).toObject();
    compareFit(QStringLiteral("cox_univariate.") + ties, univariate.value(ties).toObject(),
               run.json.value(QStringLiteral("cox_univariate")).toObject());

    const QJsonObject scoreNumeric = reference.json.value(QStringLiteral("cox_score_numeric")).toObject();
    if (!scoreNumeric.isEmpty()) {
        compareFit(QStringLiteral("cox_score_numeric.") + ties, scoreNumeric.value(ties).toObject(),
                   run.json.value(QStringLiteral("cox_score_numeric")).toObject());
    }
    const QJsonObject multivariate = reference.json.value(QStringLiteral("cox_multivariate")).toObject();
    if (!multivariate.isEmpty() && ties == QLatin1String("efron")) {
        compareFit(QStringLiteral("cox_multivariate.fit"), multivariate.value(QStringLiteral("fit")).toObject(),
                   run.json.value(QStringLiteral("cox_multivariate")).toObject());
        CUTOFFLAB_COMPARE_COUNT("cox_multivariate.rows_left_out",
                                run.json.value(QStringLiteral("cox_multivariate")).toObject().value(QStringLiteral("rows_left_out")).toArray().size(),
                                multivariate.value(QStringLiteral("rows_left_out_missing_covariate")));
    }
}

void TestCli::matchesReferenceRocAndResponse_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds()) {
        const test::ReferenceCase reference = test::loadReferenceCase(id);
        if (reference.json.contains(QStringLiteral("roc")) || reference.json.contains(QStringLiteral("binary_by_group")))
            QTest::newRow(qPrintable(id)) << id;
    }
}

void TestCli::matchesReferenceRocAndResponse()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const CliRun run = runCli(argumentsFor(reference, QStringLiteral("log"), QStringLiteral("efron")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));

    const QJsonObject expectedRoc = reference.json.value(QStringLiteral("roc")).toObject();
    if (!expectedRoc.isEmpty()) {
        const QJsonObject roc = run.json.value(QStringLiteral("roc")).toObject();
        QVERIFY2(!roc.isEmpty(), "the output has no roc block");
        CUTOFFLAB_COMPARE_COUNT("roc.n_cases", roc.value(QStringLiteral("n_cases")).toInt(), expectedRoc.value(QStringLiteral("n_cases")));
        CUTOFFLAB_COMPARE_COUNT("roc.n_controls", roc.value(QStringLiteral("n_controls")).toInt(), expectedRoc.value(QStringLiteral("n_controls")));
        QCOMPARE(roc.value(QStringLiteral("direction")).toString(), expectedRoc.value(QStringLiteral("direction")).toString());
        const test::Tolerance tolerance = reference.tolerance(QStringLiteral("roc"));
        CUTOFFLAB_COMPARE_NUMBER("roc.auc", optionalNumber(roc.value(QStringLiteral("auc"))), expectedRoc.value(QStringLiteral("auc")), tolerance);
        CUTOFFLAB_COMPARE_NUMBER("roc.auc_var_delong", optionalNumber(roc.value(QStringLiteral("auc_var_delong"))),
                                 expectedRoc.value(QStringLiteral("auc_var_delong")), tolerance);
        for (const char* key : {"lower", "upper"}) {
            CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("roc.auc_ci_delong.") + key,
                                     optionalNumber(roc.value(QStringLiteral("auc_ci_delong")).toObject().value(QLatin1String(key))),
                                     expectedRoc.value(QStringLiteral("auc_ci_delong")).toObject().value(QLatin1String(key)), tolerance);
        }
        const QJsonArray expectedBest = expectedRoc.value(QStringLiteral("youden_best")).toArray();
        const QJsonArray best = roc.value(QStringLiteral("youden_best")).toArray();
        QCOMPARE(best.size(), expectedBest.size());
        for (qsizetype i = 0; i < expectedBest.size(); ++i) {
            for (const char* key : {"threshold", "sensitivity", "specificity", "youden_index"}) {
                CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("roc.youden_best.") + key, optionalNumber(best[i].toObject().value(QLatin1String(key))),
                                         expectedBest[i].toObject().value(QLatin1String(key)), tolerance);
            }
        }
        const QJsonObject expectedAt = expectedRoc.value(QStringLiteral("at_cutoff")).toObject();
        const QJsonObject at = roc.value(QStringLiteral("at_cutoff")).toObject();
        for (const char* key : {"true_pos", "false_neg", "false_pos", "true_neg"})
            CUTOFFLAB_COMPARE_COUNT(QStringLiteral("roc.at_cutoff.") + key, at.value(QLatin1String(key)).toInt(), expectedAt.value(QLatin1String(key)));
        for (const char* key : {"sensitivity", "specificity"}) {
            CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("roc.at_cutoff.") + key,
                                     optionalNumber(at.value(QLatin1String(key)).toObject().value(QStringLiteral("estimate"))),
                                     expectedAt.value(QLatin1String(key)), tolerance);
        }
        const QJsonObject expectedCoords = expectedRoc.value(QStringLiteral("proc_coords_at_cutoff")).toObject();
        const QJsonObject coords = roc.value(QStringLiteral("proc_coords_at_cutoff")).toObject();
        for (const char* key : {"sensitivity", "specificity"}) {
            CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("roc.proc_coords_at_cutoff.") + key, optionalNumber(coords.value(QLatin1String(key))),
                                     expectedCoords.value(QLatin1String(key)), tolerance);
        }
        const QJsonObject expectedCurve = expectedRoc.value(QStringLiteral("curve")).toObject();
        const QJsonObject curve = roc.value(QStringLiteral("curve")).toObject();
        for (const char* key : {"threshold", "sensitivity", "specificity"}) {
            const QJsonArray expected = expectedCurve.value(QLatin1String(key)).toArray();
            const QJsonArray actual = curve.value(QLatin1String(key)).toArray();
            QCOMPARE(actual.size(), expected.size());
            for (qsizetype i = 0; i < expected.size(); ++i)
                CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("roc.curve.") + key, optionalNumber(actual[i]), expected[i], tolerance);
        }
    }

    const QJsonObject expectedBinary = reference.json.value(QStringLiteral("binary_by_group")).toObject();
    if (!expectedBinary.isEmpty()) {
        const QJsonObject binary = run.json.value(QStringLiteral("binary_by_group")).toObject();
        QVERIFY2(!binary.isEmpty(), "the output has no binary_by_group block");
        const QJsonArray expectedCounts = expectedBinary.value(QStringLiteral("table")).toObject().value(QStringLiteral("counts")).toArray();
        const QJsonArray counts = binary.value(QStringLiteral("table")).toObject().value(QStringLiteral("counts")).toArray();
        QCOMPARE(counts.size(), expectedCounts.size());
        for (qsizetype r = 0; r < expectedCounts.size(); ++r) {
            for (qsizetype c = 0; c < 2; ++c)
                CUTOFFLAB_COMPARE_COUNT("binary_by_group.table.counts", counts[r].toArray()[c].toInt(), expectedCounts[r].toArray()[c]);
        }
        for (const char* test : {"chisq", "chisq_yates"}) {
            const QJsonObject e = expectedBinary.value(QLatin1String(test)).toObject();
            if (e.isEmpty())
                continue;
            const QJsonObject a = binary.value(QLatin1String(test)).toObject();
            CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("binary_by_group.") + test + ".statistic", optionalNumber(a.value(QStringLiteral("statistic"))),
                                     e.value(QStringLiteral("statistic")), {});
            CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("binary_by_group.") + test + ".p", optionalNumber(a.value(QStringLiteral("p"))),
                                     e.value(QStringLiteral("p")), {});
            const QJsonArray expectedExpected = e.value(QStringLiteral("expected")).toArray();
            const QJsonArray actualExpected = a.value(QStringLiteral("expected")).toArray();
            qsizetype k = 0;
            for (const QJsonValue& row : expectedExpected) {
                for (const QJsonValue& cell : row.toArray())
                    CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("binary_by_group.") + test + ".expected", optionalNumber(actualExpected[k++]), cell, {});
            }
        }
        const QJsonObject expectedFisher = expectedBinary.value(QStringLiteral("fisher")).toObject();
        const QJsonObject fisher = binary.value(QStringLiteral("fisher")).toObject();
        CUTOFFLAB_COMPARE_NUMBER("binary_by_group.fisher.p", optionalNumber(fisher.value(QStringLiteral("p"))),
                                 expectedFisher.value(QStringLiteral("p")), {});
        if (expectedFisher.contains(QStringLiteral("odds_ratio_precise"))) {
            CUTOFFLAB_COMPARE_NUMBER("binary_by_group.fisher.odds_ratio", optionalNumber(fisher.value(QStringLiteral("odds_ratio"))),
                                     expectedFisher.value(QStringLiteral("odds_ratio_precise")), {});
            for (const char* key : {"lower", "upper"}) {
                CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("binary_by_group.fisher.ci.") + key,
                                         optionalNumber(fisher.value(QStringLiteral("ci")).toObject().value(QLatin1String(key))),
                                         expectedFisher.value(QStringLiteral("ci_precise")).toObject().value(QLatin1String(key)), {});
            }
        }
        if (expectedBinary.contains(QStringLiteral("sample_odds_ratio"))) {
            CUTOFFLAB_COMPARE_NUMBER("binary_by_group.sample_odds_ratio", optionalNumber(binary.value(QStringLiteral("sample_odds_ratio"))),
                                     expectedBinary.value(QStringLiteral("sample_odds_ratio")), {});
        }
    }
}

void TestCli::printsVersionAndHelp()
{
    QProcess process;
    process.start(QStringLiteral(CUTOFFLAB_CLI_PATH), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().startsWith("cutofflab-cli "));

    process.start(QStringLiteral(CUTOFFLAB_CLI_PATH), {QStringLiteral("analyze"), QStringLiteral("--help")});
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    QVERIFY(help.contains("--event-code"));
    QVERIFY(help.contains("--rmst-horizon"));
}

void TestCli::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("exitCode");
    const QStringList usual{QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"), QStringLiteral("status"),
                            QStringLiteral("--marker"), QStringLiteral("il6"), QStringLiteral("--cutoff"), QStringLiteral("5")};
    QTest::newRow("negative time") << QByteArray("time,status,il6\n3,1,2\n-4,1,8\n") << usual << "negative (-4)" << 2;
    QTest::newRow("missing column") << QByteArray("time,status,il8\n3,1,2\n") << usual << "\"il6\" was not found" << 2;
    QTest::newRow("text marker") << QByteArray("time,status,il6\n3,1,2\n4,0,high\n") << usual << "\"high\"" << 2;
    QTest::newRow("three-valued status") << QByteArray("time,status,il6\n3,0,2\n4,1,8\n5,2,9\n") << usual << "3 different values" << 2;
    QTest::newRow("unclosed quote") << QByteArray("time,status,il6\n3,1,\"2\n") << usual << "never closed" << 2;
    QTest::newRow("bad cut-off") << QByteArray("time,status,il6\n3,1,2\n")
                                 << QStringList{QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"),
                                                QStringLiteral("status"), QStringLiteral("--marker"), QStringLiteral("il6"),
                                                QStringLiteral("--cutoff"), QStringLiteral("abc")}
                                 << "--cutoff takes a number" << 1;
    QTest::newRow("decimal commas") << QByteArray("time;status;il6\n2,5;1;1,2\n7,25;0;6,5\n3;1;8,1\n")
                                    << usual << "" << 0;
    QTest::newRow("header only") << QByteArray("time,status,il6\n") << usual << "no data rows" << 2;
    QTest::newRow("CDISC censoring flag") << QByteArray("time,cnsr,il6\n3,0,2\n4,1,8\n")
                                          << QStringList{QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"),
                                                         QStringLiteral("cnsr"), QStringLiteral("--marker"), QStringLiteral("il6"),
                                                         QStringLiteral("--cutoff"), QStringLiteral("5")}
                                          << "event code explicitly: 0" << 2;
    QTest::newRow("two groupings") << QByteArray("time,status,il6\n3,1,2\n")
                                   << (usual + QStringList{QStringLiteral("--quantiles"), QStringLiteral("3")})
                                   << "Choose one way" << 1;
    QTest::newRow("bad rule") << QByteArray("time,status,il6\n3,1,2\n")
                              << (usual + QStringList{QStringLiteral("--rule"), QStringLiteral("lt")})
                              << "Unknown cut-off rule" << 1;
}

void TestCli::rejectsBadInput()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, options);
    QFETCH(QString, messagePart);
    QFETCH(int, exitCode);
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("bad.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();

    const CliRun run = runCli(QStringList{QStringLiteral("analyze"), path} + options);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.errorText));
    QVERIFY2(run.errorText.contains(messagePart), qPrintable(run.errorText));
}

void TestCli::reportsDivergenceAfterIterationLimit()
{
    // Low: 3 of 3 die; high: 0 of 5. R's coxph runs out of iterations here and prints a
    // finite hazard ratio near 4e-10; the coefficient in truth diverges to minus infinity.
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("no_events.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("time,status,marker\n1,1,1\n2,1,2\n3,1,3\n4,0,5\n5,0,6\n6,0,7\n7,0,8\n8,0,9\n");
    file.close();

    const CliRun run = runCli({QStringLiteral("analyze"), path, QStringLiteral("--time"), QStringLiteral("time"),
                               QStringLiteral("--event"), QStringLiteral("status"), QStringLiteral("--marker"),
                               QStringLiteral("marker"), QStringLiteral("--cutoff"), QStringLiteral("4"),
                               QStringLiteral("--covariates"), QStringLiteral("marker")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    for (const char* model : {"cox_univariate", "cox_multivariate"}) {
        const QJsonObject fit = run.json.value(QLatin1String(model)).toObject();
        const QJsonObject term = fit.value(QStringLiteral("terms")).toArray()[0].toObject();
        QCOMPARE(fit.value(QStringLiteral("status")).toString(), QStringLiteral("diverged"));
        QVERIFY(term.value(QStringLiteral("infinite")).toBool());
        QCOMPARE(term.value(QStringLiteral("coef")).toString(), QStringLiteral("-Inf"));
        QVERIFY(term.value(QStringLiteral("p")).isNull());
        QVERIFY(!fit.value(QStringLiteral("wald_test")).toObject().value(QStringLiteral("valid")).toBool());
    }
    int notEstimable = 0;
    for (const QJsonValue& message : run.json.value(QStringLiteral("messages")).toArray())
        notEstimable += message.toObject().value(QStringLiteral("code")).toString() == QLatin1String("hr_not_estimable") ? 1 : 0;
    QCOMPARE(notEstimable, 2);
}

void TestCli::readsDecimalCommas()
{
    // The same data with decimal points gives the same log-rank statistic.
    QTemporaryDir directory;
    const auto write = [&](const QString& name, const QByteArray& text) {
        QFile file(directory.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return file.fileName();
    };
    const QString commas = write(QStringLiteral("commas.csv"),
                                 "time;status;m\n2,5;1;1,2\n7,25;0;6,5\n3;1;8,1\n9,5;1;2,2\n4,75;1;7\n12;0;3,3\n");
    const QString points = write(QStringLiteral("points.csv"),
                                 "time,status,m\n2.5,1,1.2\n7.25,0,6.5\n3,1,8.1\n9.5,1,2.2\n4.75,1,7\n12,0,3.3\n");
    const QStringList options{QStringLiteral("--time"), QStringLiteral("time"), QStringLiteral("--event"), QStringLiteral("status"),
                              QStringLiteral("--marker"), QStringLiteral("m"), QStringLiteral("--cutoff"), QStringLiteral("5")};
    const CliRun fromCommas = runCli(QStringList{QStringLiteral("analyze"), commas} + options);
    const CliRun fromPoints = runCli(QStringList{QStringLiteral("analyze"), points} + options);
    QVERIFY2(fromCommas.exitCode == 0, qPrintable(fromCommas.errorText));
    QCOMPARE(fromCommas.json.value(QStringLiteral("rows")).toObject().value(QStringLiteral("analysed")).toInt(), 6);
    QCOMPARE(fromCommas.json.value(QStringLiteral("logrank")).toObject().value(QStringLiteral("chisq")).toDouble(),
             fromPoints.json.value(QStringLiteral("logrank")).toObject().value(QStringLiteral("chisq")).toDouble());
}

void TestCli::readsSavedSpecification()
{
    QTemporaryDir directory;
    const QString specPath = directory.filePath(QStringLiteral("analysis.json"));
    QFile file(specPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "cutofflab-analysis", "format_version": 1,
                   "columns": {"time": "os_months", "event": "death"},
                   "grouping": {"type": "cutoff", "marker": "il6_pg_ml", "cutoff": 8.58, "rule": ">="},
                   "times": [6, 12]})");
    file.close();

    const CliRun run = runCli({QStringLiteral("analyze"), test::testDataPath(QStringLiteral("reference/datasets/SIMULATED_soramic_il6_il8.csv")),
                               QStringLiteral("--spec"), specPath});
    QVERIFY2(run.exitCode == 0, qPrintable(run.errorText));
    const QJsonArray groups = run.json.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups[0].toObject().value(QStringLiteral("n")).toInt(), 21);
    QCOMPARE(groups[1].toObject().value(QStringLiteral("n")).toInt(), 26);
    const QJsonObject term = run.json.value(QStringLiteral("cox_univariate")).toObject().value(QStringLiteral("terms")).toArray()[0].toObject();
    QVERIFY(test::fuzzyEqual(term.value(QStringLiteral("hr")).toDouble(), 3.985748098231799));
}

void TestCli::neverWritesOverTheDataFile()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("cohort.csv"));
    QVERIFY(QFile::copy(test::testDataPath(QStringLiteral("reference/datasets/SIMULATED_soramic_il6_il8.csv")), path));
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();

    const CliRun run = runCli({QStringLiteral("analyze"), path, QStringLiteral("--time"), QStringLiteral("os_months"),
                               QStringLiteral("--event"), QStringLiteral("death"), QStringLiteral("--marker"), QStringLiteral("il6_pg_ml"),
                               QStringLiteral("--cutoff"), QStringLiteral("8.58"), QStringLiteral("--output"), path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
