// Maximally selected log-rank statistics against R's maxstat 0.7-25: every maxstat field
// of the reference cases, the corrected p-values (Lau92, Lau94, HL, condMC), and the
// degenerate inputs. Values computed with Rscript (R 4.2.2) are marked where they are used.

#include "common/error.h"
#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "cutpoint/permutation.h"
#include "support/referencecase.h"

#include <QJsonArray>
#include <QTest>

#include <atomic>
#include <cmath>
#include <limits>
#include <vector>

using namespace cutofflab;

namespace {

MarkerSurvival markerSurvival(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                              const std::vector<double>& marker)
{
    const SortedSurvival sorted = SortedSurvival::fromUnsorted(time, event);
    const std::vector<double> markerSorted = sorted.toSortedOrder(std::span<const double>(marker));
    return MarkerSurvival::fromSorted(sorted, markerSorted);
}

/// The analysed rows of a reference case with the marker of its maxstat block.
MarkerSurvival caseData(const test::ReferenceCase& reference)
{
    const QString markerColumn = reference.json[QStringLiteral("maxstat")][QStringLiteral("marker")].toString();
    std::vector<double> marker(reference.size());
    for (std::size_t i = 0; i < reference.size(); ++i)
        marker[i] = reference.number(markerColumn, i).value_or(std::numeric_limits<double>::quiet_NaN());
    return markerSurvival(reference.time, reference.event, marker);
}

/// Options that skip the exact HL p-value, which takes seconds at 300 rows in a debug build.
MaxstatOptions withoutHothornLausenPValue()
{
    MaxstatOptions options;
    options.hothornLausenCellLimit = 0;
    return options;
}

void addCaseRows()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("maxstat")))
        QTest::newRow(qPrintable(id)) << id;
}

/// Compares a profile (maxstat's cuts and stats) with the reference.
void compareProfile(const test::ReferenceCase& reference, const QString& block, const CandidateSplits& candidates,
                    const MaxstatProfile& profile)
{
    const QJsonObject expected = reference.json[QStringLiteral("maxstat")][block][QStringLiteral("profile")].toObject();
    const QJsonArray cuts = expected[QStringLiteral("cut")].toArray();
    const QJsonArray statistics = expected[QStringLiteral("statistic")].toArray();
    QCOMPARE(candidates.cutoffs.size(), static_cast<std::size_t>(cuts.size()));
    QCOMPARE(profile.statistics.size(), static_cast<std::size_t>(statistics.size()));
    const QString path = QStringLiteral("maxstat.%1.profile").arg(block);
    for (qsizetype k = 0; k < cuts.size(); ++k) {
        const auto index = static_cast<std::size_t>(k);
        CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("%1.cut[%2]").arg(path).arg(k), std::optional(candidates.cutoffs[index]),
                                 cuts[k], reference.tolerance(path + QStringLiteral(".cut")));
        CUTOFFLAB_COMPARE_NUMBER(QStringLiteral("%1.statistic[%2]").arg(path).arg(k),
                                 std::optional(profile.statistics[index]), statistics[k],
                                 reference.tolerance(path + QStringLiteral(".statistic")));
    }
}

void compareSummary(const test::ReferenceCase& reference, const QString& block, const MaxstatProfile& profile)
{
    const QJsonObject expected = reference.json[QStringLiteral("maxstat")][block].toObject();
    const QString path = QStringLiteral("maxstat.%1.").arg(block);
    CUTOFFLAB_COMPARE_NUMBER(path + QStringLiteral("statistic"), std::optional(profile.statistic),
                             expected[QStringLiteral("statistic")], reference.tolerance(path + QStringLiteral("statistic")));
    CUTOFFLAB_COMPARE_NUMBER(path + QStringLiteral("cutpoint"), std::optional(profile.cutoff),
                             expected[QStringLiteral("cutpoint")], reference.tolerance(path + QStringLiteral("cutpoint")));
    CUTOFFLAB_COMPARE_COUNT(path + QStringLiteral("n_at_or_below"), static_cast<long long>(profile.nAtOrBelow),
                            expected[QStringLiteral("n_at_or_below")]);
    CUTOFFLAB_COMPARE_COUNT(path + QStringLiteral("n_above"), static_cast<long long>(profile.nAbove),
                            expected[QStringLiteral("n_above")]);
}

/// The standardized statistics by their definition, one candidate at a time, in double.
std::vector<double> statisticsByDefinition(const std::vector<double>& scores, const std::vector<std::size_t>& sizes)
{
    const double n = static_cast<double>(scores.size());
    double a = 0.0, b = 0.0;
    for (const double s : scores) {
        a += s;
        b += s * s;
    }
    std::vector<double> result;
    for (const std::size_t m : sizes) {
        double sm = 0.0;
        for (std::size_t i = 0; i < m; ++i)
            sm += scores[i];
        const double md = static_cast<double>(m);
        result.push_back(std::fabs(sm - md / n * a) / std::sqrt(md * (n - md) / (n * n * (n - 1.0)) * (n * b - a * a)));
    }
    return result;
}

} // namespace

class TestMaxstat : public QObject {
    Q_OBJECT

private slots:
    void candidateCounts_data() { addCaseRows(); }
    void candidateCounts()
    {
        QFETCH(QString, caseId);
        const test::ReferenceCase reference = test::loadReferenceCase(caseId);
        const QJsonObject expected = reference.json[QStringLiteral("maxstat")].toObject();
        const MaxstatResult result = maxstatTest(caseData(reference), withoutHothornLausenPValue());
        QCOMPARE(result.status, CutoffStatus::Ok);
        CUTOFFLAB_COMPARE_COUNT("maxstat.n", static_cast<long long>(result.n), expected[QStringLiteral("n")]);
        CUTOFFLAB_COMPARE_COUNT("maxstat.lower_group_size_min",
                                static_cast<long long>(result.candidates.lowerGroupSizeMin),
                                expected[QStringLiteral("lower_group_size_min")]);
        CUTOFFLAB_COMPARE_COUNT("maxstat.lower_group_size_max",
                                static_cast<long long>(result.candidates.lowerGroupSizeMax),
                                expected[QStringLiteral("lower_group_size_max")]);
    }

    void rawScores_data() { addCaseRows(); }
    void rawScores()
    {
        QFETCH(QString, caseId);
        const test::ReferenceCase reference = test::loadReferenceCase(caseId);
        const MaxstatResult result = maxstatTest(caseData(reference), withoutHothornLausenPValue());
        QCOMPARE(result.status, CutoffStatus::Ok);
        compareSummary(reference, QStringLiteral("raw_scores"), result.logRank);
        compareProfile(reference, QStringLiteral("raw_scores"), result.candidates, result.logRank);
    }

    void lausenPValues_data() { addCaseRows(); }
    void lausenPValues()
    {
        QFETCH(QString, caseId);
        const test::ReferenceCase reference = test::loadReferenceCase(caseId);
        const QJsonObject expected = reference.json[QStringLiteral("maxstat")][QStringLiteral("raw_scores")].toObject();
        const MaxstatResult result = maxstatTest(caseData(reference), withoutHothornLausenPValue());
        CUTOFFLAB_COMPARE_NUMBER("maxstat.raw_scores.p_lau92", result.lausen92.value, expected[QStringLiteral("p_lau92")],
                                 reference.tolerance(QStringLiteral("maxstat.raw_scores.p_lau92")));
        CUTOFFLAB_COMPARE_NUMBER("maxstat.raw_scores.p_lau94", result.lausen94.value, expected[QStringLiteral("p_lau94")],
                                 reference.tolerance(QStringLiteral("maxstat.raw_scores.p_lau94")));
        QCOMPARE(result.lausen92.status, PValueStatus::Ok);
        QCOMPARE(result.lausen94.status, PValueStatus::Ok);
    }

    void integerScores_data() { addCaseRows(); }
    void integerScores()
    {
        QFETCH(QString, caseId);
        const test::ReferenceCase reference = test::loadReferenceCase(caseId);
        const MaxstatResult result = maxstatTest(caseData(reference), withoutHothornLausenPValue());
        QCOMPARE(result.integerScoreRule, IntegerScoreRule::ShiftedAndRounded);
        compareSummary(reference, QStringLiteral("integer_scores_hl"), result.integerScores);
        compareProfile(reference, QStringLiteral("integer_scores_hl"), result.candidates, result.integerScores);
    }

    void hothornLausen_data()
    {
        // Where R returns NaN (n > 170), the expected value is maxstat 0.7-25's pmaxstat
        // run in R 4.2.2 with its weights gamma(m + 1) gamma(n - m + 1) / gamma(n + 1)
        // replaced by exp(lgamma(m + 1) + lgamma(n - m + 1) - lgamma(n + 1)); for the
        // cases with n <= 170 that variant equals R's p_hl to 2e-14.
        QTest::addColumn<QString>("caseId");
        QTest::addColumn<double>("whereRReturnsNaN");
        for (const QString& id : test::referenceCaseIds(QStringLiteral("maxstat")))
            QTest::newRow(qPrintable(id)) << id << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("lung_age_ge65 computed") << QStringLiteral("lung_age_ge65") << 0.60141893349907671;
        QTest::newRow("lung_phkarno_ge80 computed") << QStringLiteral("lung_phkarno_ge80") << 0.014020958664198079;
        QTest::newRow("pbc312_bili_ge2 computed") << QStringLiteral("pbc312_bili_ge2") << 3.0495057587964171e-22;
    }
    void hothornLausen()
    {
        QFETCH(QString, caseId);
        QFETCH(double, whereRReturnsNaN);
        const test::ReferenceCase reference = test::loadReferenceCase(caseId);
        const QJsonValue expected = reference.json[QStringLiteral("maxstat")][QStringLiteral("integer_scores_hl")][QStringLiteral("p_hl")];
        const bool rReturnsNaN = expected.isString() && expected.toString() == QLatin1String("NaN");
        if (std::isnan(whereRReturnsNaN) && rReturnsNaN)
            QSKIP("R returns NaN here; the row tagged \"computed\" checks the value");
        if (!std::isnan(whereRReturnsNaN))
            QVERIFY(rReturnsNaN);

        const MaxstatResult result = maxstatTest(caseData(reference));
        QCOMPARE(result.hothornLausen.status, PValueStatus::Ok);
        QVERIFY(result.hothornLausen.value.has_value());
        if (rReturnsNaN) {
            QVERIFY2(test::fuzzyEqual(*result.hothornLausen.value, whereRReturnsNaN, 1e-6),
                     qPrintable(QStringLiteral("p_hl %1, expected %2").arg(*result.hothornLausen.value, 0, 'g', 17)
                                    .arg(whereRReturnsNaN, 0, 'g', 17)));
        } else {
            CUTOFFLAB_COMPARE_NUMBER("maxstat.integer_scores_hl.p_hl", result.hothornLausen.value, expected,
                                     reference.tolerance(QStringLiteral("maxstat.integer_scores_hl.p_hl")));
        }
    }

    void hothornLausenCellLimit()
    {
        const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("pbc312_bili_ge2"));
        MaxstatOptions options;
        options.hothornLausenCellLimit = 1000;
        const MaxstatResult result = maxstatTest(caseData(reference), options);
        QCOMPARE(result.hothornLausen.status, PValueStatus::NotComputed);
        QVERIFY(!result.hothornLausen.value.has_value());
        QVERIFY(result.lausen94.value.has_value());
    }

    void hothornLausenCancelled()
    {
        const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("sim_il8_ge57.9"));
        std::atomic<bool> cancel{true};
        MaxstatOptions options;
        options.cancel = &cancel;
        const MaxstatResult result = maxstatTest(caseData(reference), options);
        QCOMPARE(result.hothornLausen.status, PValueStatus::Cancelled);
        QCOMPARE(result.status, CutoffStatus::Ok);
    }

    void hothornLausenSingleCandidate()
    {
        // R: maxstat.test(Surv(time, event) ~ x, smethod = "LogRank", pmethod = "HL") on
        // time 1..10, event c(1,1,0,1,1,0,1,1,1,0), x = c(rep(1, 5), rep(2, 5)): one
        // candidate (cut-off 1); M = 2.2198202201878310, p = 0.023809523809523808 (R 4.2.2).
        const MarkerSurvival data = markerSurvival({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {1, 1, 0, 1, 1, 0, 1, 1, 1, 0},
                                                   {1, 1, 1, 1, 1, 2, 2, 2, 2, 2});
        const MaxstatResult result = maxstatTest(data);
        QCOMPARE(result.candidates.cutoffs.size(), std::size_t{1});
        QVERIFY(test::fuzzyEqual(result.integerScores.statistic, 2.2198202201878310, 1e-12));
        QVERIFY(result.hothornLausen.value.has_value());
        QVERIFY(test::fuzzyEqual(*result.hothornLausen.value, 0.023809523809523808, 1e-12));
    }

    void scoresWithTiedTimes()
    {
        // exactRankTests::cscores(Surv(c(1, 2, 2, 3, 4), c(1, 1, 0, 1, 0)), "LogRank"): the tie at
        // time 2 has rank 3 for both rows, so its event adds 1/(5 - 3 + 1) = 1/3, not 1/4.
        const std::vector<double> scores = maxstatLogRankScores(std::vector<double>{1, 2, 2, 3, 4},
                                                                std::vector<std::uint8_t>{1, 1, 0, 1, 0});
        const double first = 1.0 / 5.0, second = first + 1.0 / 3.0, third = second + 1.0 / 2.0;
        const std::vector<double> expected{1 - first, 1 - second, -second, 1 - third, -third};
        QCOMPARE(scores.size(), expected.size());
        for (std::size_t i = 0; i < scores.size(); ++i)
            QVERIFY2(test::fuzzyEqual(scores[i], expected[i], 1e-15), qPrintable(QString::number(i)));
    }

    void standardizedStatisticsDefinition()
    {
        const std::vector<double> scores{0.4, -1.2, 0.9, 0.1, -0.3, 1.7, -0.8, -0.6, 0.2, -0.4};
        const std::vector<std::size_t> sizes{1, 2, 4, 5, 9};
        const std::vector<double> actual = standardizedStatistics(scores, sizes);
        const std::vector<double> expected = statisticsByDefinition(scores, sizes);
        QCOMPARE(actual.size(), expected.size());
        for (std::size_t k = 0; k < actual.size(); ++k)
            QVERIFY(test::fuzzyEqual(actual[k], expected[k], 1e-13));
    }

    void integerScoreRules_data()
    {
        QTest::addColumn<std::vector<double>>("scores");
        QTest::addColumn<int>("rule");
        QTest::addColumn<std::vector<double>>("expected");
        QTest::newRow("integers kept") << std::vector<double>{3, -1, 2} << static_cast<int>(IntegerScoreRule::AlreadyIntegers)
                                       << std::vector<double>{3, -1, 2};
        QTest::newRow("halves doubled") << std::vector<double>{1.5, -0.5, 2} << static_cast<int>(IntegerScoreRule::Doubled)
                                        << std::vector<double>{3, -1, 4};
        // s - min = (0.8, 0, 0.25, 0.45); * 4 / 0.8 = (4, 0, 1.25, 2.25) -> round half even
        QTest::newRow("shifted and rounded") << std::vector<double>{0.3, -0.5, -0.25, -0.05}
                                             << static_cast<int>(IntegerScoreRule::ShiftedAndRounded)
                                             << std::vector<double>{4, 0, 1, 2};
    }
    void integerScoreRules()
    {
        QFETCH(std::vector<double>, scores);
        QFETCH(int, rule);
        QFETCH(std::vector<double>, expected);
        const IntegerScores integer = maxstatIntegerScores(scores);
        QCOMPARE(static_cast<int>(integer.rule), rule);
        QCOMPARE(integer.values, expected);
    }

    void lausenFormulas_data()
    {
        // Expected values from R 4.2.2, maxstat 0.7-25: pLausen92(M, minprop, maxprop) and
        // pLausen94(M, N, m = lowerGroupSizes).
        QTest::addColumn<double>("statistic");
        QTest::addColumn<double>("minProportion");
        QTest::addColumn<double>("maxProportion");
        QTest::addColumn<double>("expected92");
        QTest::addColumn<int>("n");
        QTest::addColumn<std::vector<std::size_t>>("sizes");
        QTest::addColumn<double>("expected94");
        QTest::newRow("statistic below 1") << 0.8 << 0.1 << 0.9 << 1.0 << 20 << std::vector<std::size_t>{5, 10, 15}
                                           << 0.83639025207232409;
        QTest::newRow("R help example") << 2.5 << 0.25 << 0.75 << 0.10892386734085678 << 20
                                        << std::vector<std::size_t>{5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
                                        << 0.073321154007368577;
        QTest::newRow("one candidate") << 2.0 << 0.1 << 0.9 << 0.46387276875711703 << 30
                                       << std::vector<std::size_t>{12} << 0.045500263896358417;
    }
    void lausenFormulas()
    {
        QFETCH(double, statistic);
        QFETCH(double, minProportion);
        QFETCH(double, maxProportion);
        QFETCH(double, expected92);
        QFETCH(int, n);
        QFETCH(std::vector<std::size_t>, sizes);
        QFETCH(double, expected94);
        const CorrectedPValue p92 = lausen92PValue(statistic, minProportion, maxProportion);
        const CorrectedPValue p94 = lausen94PValue(statistic, static_cast<std::size_t>(n), sizes);
        QVERIFY(p92.value.has_value());
        QVERIFY(p94.value.has_value());
        QVERIFY2(test::fuzzyEqual(*p92.value, expected92, 1e-9), qPrintable(QString::number(*p92.value, 'g', 17)));
        QVERIFY2(test::fuzzyEqual(*p94.value, expected94, 1e-9), qPrintable(QString::number(*p94.value, 'g', 17)));
    }

    void lausen94Negative()
    {
        // R: pLausen94(10, 100, m = c(20, 60)) = -1.3077122572335215e-22, because
        // 1 - (pnorm(10) - pnorm(-10)) cancels to 0 and the series term is negative; with
        // the normal tail 2 * pnorm(-10) = 2 * 7.6198530241605269e-24 kept, the sum is
        // still negative.
        const CorrectedPValue p = lausen94PValue(10.0, 100, std::vector<std::size_t>{20, 60});
        QCOMPARE(p.status, PValueStatus::BelowNumericalPrecision);
        QVERIFY(p.value.has_value());
        QVERIFY(*p.value < 0.0);
        QVERIFY(test::fuzzyEqual(*p.value, -1.3077122572335215e-22 + 2.0 * 7.6198530241605269e-24, 1e-6));
        QCOMPARE(p.displayValue, std::optional<double>(0.0));
    }

    void lausen92AboveOne()
    {
        // R: pLausen92(1.2, 0.01, 0.99) = 1.3016461935840147 (maxstat does not cap it)
        const CorrectedPValue p = lausen92PValue(1.2, 0.01, 0.99);
        QCOMPARE(p.status, PValueStatus::AboveOne);
        QVERIFY(test::fuzzyEqual(*p.value, 1.3016461935840147, 1e-12));
        QCOMPARE(p.displayValue, std::optional<double>(1.0));
    }

    void lausen92NeedsOpenProportions()
    {
        const CorrectedPValue p = lausen92PValue(2.0, 0.0, 1.0);
        QCOMPARE(p.status, PValueStatus::NotApplicable);
        QVERIFY(!p.value.has_value());
    }

    void degenerate_data()
    {
        QTest::addColumn<std::vector<double>>("time");
        QTest::addColumn<std::vector<std::uint8_t>>("event");
        QTest::addColumn<std::vector<double>>("marker");
        QTest::addColumn<int>("status");
        const std::vector<double> time{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        const std::vector<std::uint8_t> events{1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1};
        std::vector<double> constant(20, 3.0);
        std::vector<double> mostlyTied(20, 1.0);
        mostlyTied[19] = 2.0;   // m = 19 > floor(0.9 * 20): no candidate, R stops
        std::vector<double> increasing(time);
        QTest::newRow("constant marker") << time << events << constant << static_cast<int>(CutoffStatus::ConstantMarker);
        QTest::newRow("fewer distinct values than proportions allow")
            << time << events << mostlyTied << static_cast<int>(CutoffStatus::NoCandidateCutoff);
        QTest::newRow("no events") << time << std::vector<std::uint8_t>(20, 0) << increasing
                                   << static_cast<int>(CutoffStatus::NoEvents);
        QTest::newRow("every event at one time") << std::vector<double>(20, 5.0) << std::vector<std::uint8_t>(20, 1)
                                                 << increasing << static_cast<int>(CutoffStatus::ConstantScores);
        QTest::newRow("no rows") << std::vector<double>{} << std::vector<std::uint8_t>{} << std::vector<double>{}
                                 << static_cast<int>(CutoffStatus::NoRows);
        QTest::newRow("every marker missing")
            << std::vector<double>{1, 2} << std::vector<std::uint8_t>{1, 1}
            << std::vector<double>{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()}
            << static_cast<int>(CutoffStatus::NoRows);
    }
    void degenerate()
    {
        QFETCH(std::vector<double>, time);
        QFETCH(std::vector<std::uint8_t>, event);
        QFETCH(std::vector<double>, marker);
        QFETCH(int, status);
        const MaxstatResult result = maxstatTest(markerSurvival(time, event, marker));
        QCOMPARE(static_cast<int>(result.status), status);
        QCOMPARE(result.lausen92.status, PValueStatus::NotApplicable);
        QCOMPARE(result.lausen94.status, PValueStatus::NotApplicable);
        QCOMPARE(result.hothornLausen.status, PValueStatus::NotApplicable);
        QVERIFY(!result.lausen94.value.has_value());

        PermutationOptions options;
        options.permutations = 10;
        const PermutationResult permutation = conditionalMonteCarlo(markerSurvival(time, event, marker), options);
        QCOMPARE(static_cast<int>(permutation.status), status);
        QCOMPARE(permutation.pValue.status, PValueStatus::NotApplicable);
    }

    void missingMarkerLeftOut()
    {
        const double missing = std::numeric_limits<double>::quiet_NaN();
        const MarkerSurvival data = markerSurvival({5, 1, 3, 2}, {1, 1, 0, 1}, {0.5, missing, 2.0, 1.0});
        QCOMPARE(data.size(), std::size_t{3});
        QCOMPARE(data.rowsLeftOutMissingMarker, std::size_t{1});
        QCOMPARE(data.time, (std::vector<double>{2, 3, 5}));
        QCOMPARE(data.marker, (std::vector<double>{1.0, 2.0, 0.5}));
        QCOMPARE(data.markerOrder, (std::vector<std::uint32_t>{2, 0, 1}));
    }

    void infiniteMarkerRejected()
    {
        try {
            markerSurvival({1, 2}, {1, 0}, {1.0, std::numeric_limits<double>::infinity()});
            QFAIL("an infinite marker value was accepted");
        } catch (const InputError& error) {
            QVERIFY(QString::fromUtf8(error.what()).contains(QLatin1String("infinite")));
            QCOMPARE(error.location().row, std::optional<std::size_t>(2));
        }
    }

    void invalidProportionsRejected_data()
    {
        QTest::addColumn<double>("minProportion");
        QTest::addColumn<double>("maxProportion");
        QTest::newRow("minimum above maximum") << 0.9 << 0.1;
        QTest::newRow("negative minimum") << -0.1 << 0.9;
        QTest::newRow("maximum above 1") << 0.1 << 1.5;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << 0.9;
    }
    void invalidProportionsRejected()
    {
        QFETCH(double, minProportion);
        QFETCH(double, maxProportion);
        MaxstatOptions options;
        options.minProportion = minProportion;
        options.maxProportion = maxProportion;
        const MarkerSurvival data = markerSurvival({1, 2, 3}, {1, 0, 1}, {1, 2, 3});
        QVERIFY_THROWS_EXCEPTION(InputError, maxstatTest(data, options));
    }

    void fullRangeKeepsLastSplit()
    {
        // minProportion 0, maxProportion 1: every split between distinct values.
        MaxstatOptions options;
        options.minProportion = 0.0;
        options.maxProportion = 1.0;
        const MarkerSurvival data = markerSurvival({1, 2, 3, 4, 5}, {1, 0, 1, 1, 0}, {1, 2, 2, 3, 4});
        const MaxstatResult result = maxstatTest(data, options);
        QCOMPARE(result.candidates.lowerGroupSizes, (std::vector<std::size_t>{1, 3, 4}));
        QCOMPARE(result.candidates.cutoffs, (std::vector<double>{1, 2, 3}));
        QCOMPARE(result.lausen92.status, PValueStatus::NotApplicable);
    }

    void conditionalMonteCarloReproducible()
    {
        const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("DLBCL_IPI_ge3"));
        const MarkerSurvival data = caseData(reference);
        PermutationOptions options;
        options.permutations = 2000;
        ResamplingControl one;
        one.seed = 42;
        one.threads = 1;
        ResamplingControl two = one;
        two.threads = 2;
        const PermutationResult first = conditionalMonteCarlo(data, options, one);
        const PermutationResult second = conditionalMonteCarlo(data, options, two);
        const PermutationResult again = conditionalMonteCarlo(data, options, two);
        QCOMPARE(first.run, RunStatus::Completed);
        QCOMPARE(first.nullMaxima, second.nullMaxima);
        QCOMPARE(second.nullMaxima, again.nullMaxima);
        QCOMPARE(first.exceedances, second.exceedances);

        ResamplingControl other = one;
        other.seed = 43;
        QVERIFY(conditionalMonteCarlo(data, options, other).nullMaxima != first.nullMaxima);
    }

    void conditionalMonteCarloAgainstR_data()
    {
        // R 4.2.2: set.seed(20240607); maxstat.test(Surv(time, event) ~ marker,
        // smethod = "LogRank", pmethod = "condMC", B = 1e6)$p.value on the analysed rows.
        QTest::addColumn<QString>("caseId");
        QTest::addColumn<double>("rP");
        QTest::addColumn<double>("rPermutations");
        QTest::newRow("lung age") << QStringLiteral("lung_age_ge65") << 0.290352 << 1e6;
        QTest::newRow("lung ph.karno") << QStringLiteral("lung_phkarno_ge80") << 0.017521 << 1e6;
        QTest::newRow("DLBCL IPI") << QStringLiteral("DLBCL_IPI_ge3") << 0.006701 << 1e6;
        QTest::newRow("sim IL-8") << QStringLiteral("sim_il8_ge57.9") << 0.006221 << 1e6;
        QTest::newRow("veteran karno") << QStringLiteral("veteran_karno_ge60") << 2.5e-05 << 1e6;
    }
    void conditionalMonteCarloAgainstR()
    {
        QFETCH(QString, caseId);
        QFETCH(double, rP);
        QFETCH(double, rPermutations);
        const test::ReferenceCase reference = test::loadReferenceCase(caseId);
        PermutationOptions options;
        options.permutations = 100000;
        ResamplingControl control;
        control.seed = 7;
        const PermutationResult result = conditionalMonteCarlo(caseData(reference), options, control);
        QCOMPARE(result.run, RunStatus::Completed);
        QVERIFY(result.pValue.value.has_value());

        // Both estimates are binomial proportions around the same p, so their difference
        // has standard error sqrt(p (1 - p) (1/B + 1/B_R)). The bound allows 4 of them plus
        // one count of the smaller run, so that p near 0 is not judged on one permutation.
        const double p = *result.pValue.value;
        const double b = static_cast<double>(options.permutations);
        const double standardError = std::sqrt(rP * (1.0 - rP) * (1.0 / b + 1.0 / rPermutations));
        QVERIFY2(std::fabs(p - rP) <= 4.0 * standardError + 1.0 / b,
                 qPrintable(QStringLiteral("condMC p %1, R %2, standard error %3").arg(p).arg(rP).arg(standardError)));
        QVERIFY(test::fuzzyEqual(result.monteCarloStandardError, std::sqrt(p * (1.0 - p) / b), 1e-12));
    }

    void conditionalMonteCarloCancelled()
    {
        const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("DLBCL_IPI_ge3"));
        std::atomic<bool> cancel{true};
        ResamplingControl control;
        control.cancel = &cancel;
        const PermutationResult result = conditionalMonteCarlo(caseData(reference), {}, control);
        QCOMPARE(result.run, RunStatus::Cancelled);
        QCOMPARE(result.pValue.status, PValueStatus::Cancelled);
        QVERIFY(!result.pValue.value.has_value());
    }

    void conditionalMonteCarloProgress_data()
    {
        QTest::addColumn<unsigned>("threads");
        QTest::addColumn<std::size_t>("minimumCalls");
        // One thread reports after each of the 16 blocks of 64 permutations and at the end;
        // with two, the caller's thread reports what it sees, at least the end.
        QTest::newRow("one thread") << 1u << std::size_t{17};
        QTest::newRow("two threads") << 2u << std::size_t{1};
    }
    void conditionalMonteCarloProgress()
    {
        QFETCH(unsigned, threads);
        QFETCH(std::size_t, minimumCalls);
        const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("DLBCL_IPI_ge3"));
        PermutationOptions options;
        options.permutations = 1000;
        std::size_t lastDone = 0, calls = 0;
        bool increasing = true;
        ResamplingControl control;
        control.threads = threads;
        control.progress = [&](std::size_t done, std::size_t total) {
            increasing = increasing && done >= lastDone && total == 1000;
            lastDone = done;
            ++calls;
        };
        conditionalMonteCarlo(caseData(reference), options, control);
        QVERIFY(calls >= minimumCalls);
        QVERIFY(increasing);
        QCOMPARE(lastDone, std::size_t{1000});
    }

    void conditionalMonteCarloNoExceedance()
    {
        const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("pbc312_bili_ge2"));
        PermutationOptions options;
        options.permutations = 200;
        const PermutationResult result = conditionalMonteCarlo(caseData(reference), options);
        QCOMPARE(result.exceedances, std::size_t{0});
        QCOMPARE(result.pValue.status, PValueStatus::NoPermutationExceeded);
        QCOMPARE(result.pValue.value, std::optional<double>(0.0));
    }
};

QTEST_GUILESS_MAIN(TestMaxstat)
#include "tst_maxstat.moc"
