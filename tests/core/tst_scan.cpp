// The cut-off landscape, bootstrap, validation and two-cut-off scan. The one-pass
// log-rank and Cox values are checked against R's survdiff and coxph (survival 3.5-3)
// through the logrank and cox_univariate blocks of the reference cases, and against
// direct per-cut-off computation. The resampling routines are checked for
// reproducibility and their statuses.
// Values computed with Rscript (R 4.2.2) are marked where they are used.

#include "common/error.h"
#include "io/table.h"
#include "cutpoint/bootstrap.h"
#include "cutpoint/eventtimes.h"
#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "cutpoint/scan.h"
#include "cutpoint/twocutoffs.h"
#include "cutpoint/validation.h"
#include "support/referencecase.h"

#include <Eigen/Dense>
#include <QJsonArray>
#include <QTest>

#include <algorithm>
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

/// The analysed rows of a reference case with its grouping marker.
MarkerSurvival caseData(const test::ReferenceCase& reference)
{
    const QString markerColumn = reference.json[QStringLiteral("grouping")][QStringLiteral("marker")].toString();
    std::vector<double> marker(reference.size());
    for (std::size_t i = 0; i < reference.size(); ++i)
        marker[i] = reference.number(markerColumn, i).value_or(std::numeric_limits<double>::quiet_NaN());
    return markerSurvival(reference.time, reference.event, marker);
}

/// A cohort with many tied times and tied marker values, drawn with a fixed generator.
MarkerSurvival tiedCohort(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    std::vector<double> time(n), marker(n);
    std::vector<std::uint8_t> event(n);
    for (std::size_t i = 0; i < n; ++i) {
        marker[i] = static_cast<double>(uniformBelow(generator, 40));
        // Higher markers die sooner; times on a grid of 60 values give many ties.
        const double rate = 1.0 + marker[i] / 20.0;
        time[i] = 1.0 + static_cast<double>(uniformBelow(generator, static_cast<std::uint32_t>(60.0 / rate)));
        event[i] = uniformBelow(generator, 10) < 7 ? 1 : 0;
    }
    return markerSurvival(time, event, marker);
}

ScanOptions everySplit()
{
    ScanOptions options;
    options.minProportion = 0.0;
    options.maxProportion = 1.0;
    options.hazardRatios = HazardRatioMode::CoxEfron;
    return options;
}

std::vector<int> splitAt(const MarkerSurvival& data, double cutoff)
{
    std::vector<int> group(data.size());
    for (std::size_t i = 0; i < data.size(); ++i)
        group[i] = data.marker[i] > cutoff ? 1 : 0;
    return group;
}

/// survdiff for any number of groups, straight from its definition, for the identity tests.
double survdiffChiSquare(const MarkerSurvival& data, const std::vector<int>& group, int groups)
{
    const std::size_t n = data.size();
    Eigen::VectorXd observedMinusExpected = Eigen::VectorXd::Zero(groups);
    Eigen::MatrixXd variance = Eigen::MatrixXd::Zero(groups, groups);
    std::vector<double> atRisk(static_cast<std::size_t>(groups), 0.0);
    for (const int g : group)
        atRisk[static_cast<std::size_t>(g)] += 1.0;
    std::size_t begin = 0;
    while (begin < n) {
        std::size_t end = begin + 1;
        while (end < n && data.time[end] == data.time[begin])
            ++end;
        double deaths = 0.0, total = 0.0;
        std::vector<double> deathsIn(static_cast<std::size_t>(groups), 0.0), leaving(static_cast<std::size_t>(groups), 0.0);
        for (std::size_t k = begin; k < end; ++k) {
            deaths += data.event[k];
            deathsIn[static_cast<std::size_t>(group[k])] += data.event[k];
            leaving[static_cast<std::size_t>(group[k])] += 1.0;
        }
        for (const double r : atRisk)
            total += r;
        if (deaths > 0.0) {
            for (int g = 0; g < groups; ++g) {
                const double ng = atRisk[static_cast<std::size_t>(g)];
                observedMinusExpected(g) += deathsIn[static_cast<std::size_t>(g)] - deaths * ng / total;
                if (total > 1.0) {
                    const double factor = deaths * (total - deaths) / (total * total * (total - 1.0));
                    for (int h = 0; h < groups; ++h) {
                        const double nh = atRisk[static_cast<std::size_t>(h)];
                        variance(g, h) += factor * ((g == h ? ng * total : 0.0) - ng * nh);
                    }
                }
            }
        }
        for (int g = 0; g < groups; ++g)
            atRisk[static_cast<std::size_t>(g)] -= leaving[static_cast<std::size_t>(g)];
        begin = end;
    }
    const Eigen::VectorXd z = observedMinusExpected.head(groups - 1);
    const Eigen::MatrixXd v = variance.topLeftCorner(groups - 1, groups - 1);
    return z.dot(v.ldlt().solve(z));
}

bool near(double actual, double expected, double relative)
{
    return test::fuzzyEqual(actual, expected, relative);
}

} // namespace

class TestScan : public QObject {
    Q_OBJECT

private slots:
    void logRankAndCoxBlocks_data()
    {
        QTest::addColumn<QString>("caseId");
        for (const QString& id : test::referenceCaseIds(QStringLiteral("logrank"))) {
            const test::ReferenceCase reference = test::loadReferenceCase(id);
            if (reference.json[QStringLiteral("grouping")][QStringLiteral("type")].toString() == QLatin1String("cutoff"))
                QTest::newRow(qPrintable(id)) << id;
        }
    }
    void logRankAndCoxBlocks()
    {
        // The case's split (marker >= c or marker > c) is the scan's split at the largest
        // marker value below c, or at c itself.
        QFETCH(QString, caseId);
        const test::ReferenceCase reference = test::loadReferenceCase(caseId);
        const QJsonObject grouping = reference.json[QStringLiteral("grouping")].toObject();
        const double cutoff = grouping[QStringLiteral("cutoff")].toDouble();
        const bool greater = grouping[QStringLiteral("high_rule")].toString() == QLatin1String(">");
        const MarkerSurvival data = caseData(reference);

        double equivalent = -std::numeric_limits<double>::infinity();
        for (const double value : data.marker) {
            if (greater ? value <= cutoff : value < cutoff)
                equivalent = std::max(equivalent, value);
        }
        const CutoffScan scan = scanCutoffs(data, everySplit());
        const auto found = std::find(scan.candidates.cutoffs.begin(), scan.candidates.cutoffs.end(), equivalent);
        const QJsonObject logrank = reference.json[QStringLiteral("logrank")].toObject();
        if (logrank[QStringLiteral("status")].toString() == QLatin1String("error")) {
            // R refuses a split with an empty group; the scan has no such candidate.
            QVERIFY(found == scan.candidates.cutoffs.end());
            return;
        }
        QCOMPARE(scan.status, CutoffStatus::Ok);
        QVERIFY2(found != scan.candidates.cutoffs.end(), qPrintable(QString::number(equivalent)));
        const CutoffPoint point = scan.point(static_cast<std::size_t>(found - scan.candidates.cutoffs.begin()));

        const QJsonArray n = logrank[QStringLiteral("n")].toArray();
        const QJsonArray observed = logrank[QStringLiteral("observed")].toArray();
        const QJsonArray expected = logrank[QStringLiteral("expected")].toArray();
        CUTOFFLAB_COMPARE_COUNT("logrank.n[low]", static_cast<long long>(point.nLow), n[0]);
        CUTOFFLAB_COMPARE_COUNT("logrank.n[high]", static_cast<long long>(point.nHigh), n[1]);
        CUTOFFLAB_COMPARE_COUNT("logrank.observed[low]", static_cast<long long>(point.eventsLow), observed[0]);
        CUTOFFLAB_COMPARE_COUNT("logrank.observed[high]", static_cast<long long>(point.eventsHigh), observed[1]);
        CUTOFFLAB_COMPARE_NUMBER("logrank.expected[low]", std::optional(point.expectedLow), expected[0],
                                 reference.tolerance(QStringLiteral("logrank.expected")));
        CUTOFFLAB_COMPARE_NUMBER("logrank.expected[high]", std::optional(point.expectedHigh), expected[1],
                                 reference.tolerance(QStringLiteral("logrank.expected")));
        CUTOFFLAB_COMPARE_NUMBER("logrank.chisq", std::optional(point.logRankChiSquare), logrank[QStringLiteral("chisq")],
                                 reference.tolerance(QStringLiteral("logrank.chisq")));
        CUTOFFLAB_COMPARE_NUMBER("logrank.p", std::optional(point.logRankP), logrank[QStringLiteral("p")],
                                 reference.tolerance(QStringLiteral("logrank.p")));
        QVERIFY(point.logRankDefined);

        const QJsonObject term =
            reference.json[QStringLiteral("cox_univariate")][QStringLiteral("efron")][QStringLiteral("terms")][0].toObject();
        const test::Tolerance tolerance = reference.tolerance(QStringLiteral("cox_univariate.efron.terms.coef"));
        QCOMPARE(point.hazardRatio.method, HazardRatioMethod::CoxEfron);
        if (!tolerance.compared) {
            // R stops at a large negative coefficient where the estimate is 0 (HR) or at a
            // large positive one where it is infinite.
            QCOMPARE(point.hazardRatio.status, term[QStringLiteral("coef")].toDouble() < 0 ? HazardRatioStatus::InfiniteLow
                                                                                          : HazardRatioStatus::InfiniteHigh);
            return;
        }
        QCOMPARE(point.hazardRatio.status, HazardRatioStatus::Ok);
        const auto path = [](const char* field) { return QStringLiteral("cox_univariate.efron.terms.%1").arg(field); };
        CUTOFFLAB_COMPARE_NUMBER(path("coef"), std::optional(point.hazardRatio.logHazardRatio), term[QStringLiteral("coef")],
                                 reference.tolerance(path("coef")));
        CUTOFFLAB_COMPARE_NUMBER(path("se"), std::optional(point.hazardRatio.standardError), term[QStringLiteral("se")],
                                 reference.tolerance(path("se")));
        CUTOFFLAB_COMPARE_NUMBER(path("hr"), std::optional(point.hazardRatio.hazardRatio), term[QStringLiteral("hr")],
                                 reference.tolerance(path("hr")));
        CUTOFFLAB_COMPARE_NUMBER(path("hr_lower"), std::optional(point.hazardRatio.lower), term[QStringLiteral("hr_lower")],
                                 reference.tolerance(path("hr_lower")));
        CUTOFFLAB_COMPARE_NUMBER(path("hr_upper"), std::optional(point.hazardRatio.upper), term[QStringLiteral("hr_upper")],
                                 reference.tolerance(path("hr_upper")));
    }

    void heavilyTiedTimes()
    {
        // tests/data/cases/11-tied-event-times-efron-breslow: 24 patients, whole months.
        // R 4.2.2: coxph(Surv(pfs_months, pfs_event) ~ high) (Efron) gives coef
        // 1.15892828824971827, se 0.53819825428406931, HR interval 1.10968822035980330 to
        // 9.15021597824670607; survdiff gives chi-square 5.137213387770399819,
        // p 0.023418208544663966. Breslow's estimate (HR 2.877) would differ by far more.
        const io::Table table =
            io::readTable(test::testDataPath(QStringLiteral("cases/11-tied-event-times-efron-breslow/input.csv")).toStdString());
        const std::size_t timeColumn = table.requireColumn("pfs_months");
        const std::size_t eventColumn = table.requireColumn("pfs_event");
        const std::size_t groupColumn = table.requireColumn("marker_group");
        std::vector<double> time, marker;
        std::vector<std::uint8_t> event;
        for (std::size_t row = 0; row < table.rowCount(); ++row) {
            time.push_back(io::parseNumericCell(table.cell(row, timeColumn)).value);
            event.push_back(io::parseNumericCell(table.cell(row, eventColumn)).value == 1.0 ? 1 : 0);
            marker.push_back(table.cell(row, groupColumn) == "high" ? 1.0 : 0.0);
        }
        const MarkerSurvival data = markerSurvival(time, event, marker);
        const CutoffScan scan = scanCutoffs(data, everySplit());
        QCOMPARE(scan.size(), std::size_t{1});
        const CutoffPoint point = scan.point(0);
        QCOMPARE(point.cutoff, 0.0);
        QVERIFY(near(point.logRankChiSquare, 5.137213387770399819, 1e-9));
        QVERIFY(near(point.logRankP, 0.023418208544663966, 1e-9));
        QCOMPARE(point.hazardRatio.method, HazardRatioMethod::CoxEfron);
        QVERIFY(near(point.hazardRatio.logHazardRatio, 1.15892828824971827, 1e-7));
        QVERIFY(near(point.hazardRatio.standardError, 0.53819825428406931, 1e-7));
        QVERIFY(near(point.hazardRatio.lower, 1.10968822035980330, 1e-7));
        QVERIFY(near(point.hazardRatio.upper, 9.15021597824670607, 1e-7));
    }

    void rSpotValues_data()
    {
        // R 4.2.2 on SIMULATED_soramic_il6_il8.csv, g = il6_pg_ml > cut:
        // survdiff(Surv(os_months, death) ~ g)$chisq and coxph(Surv(os_months, death) ~ g).
        QTest::addColumn<double>("cutoff");
        QTest::addColumn<double>("chiSquare");
        QTest::addColumn<double>("coefficient");
        QTest::addColumn<double>("standardError");
        QTest::addColumn<double>("lower");
        QTest::addColumn<double>("upper");
        QTest::newRow("2.4") << 2.4 << 3.5920358485683037 << 1.2908062209584721 << 0.72885633182287779
                             << 0.87133745836382537 << 15.170281980682123;
        QTest::newRow("5.3") << 5.3 << 15.658941435744483 << 1.5572239577626441 << 0.42874940995036603
                             << 2.0480549868550058 << 10.996283583406054;
        QTest::newRow("9.7") << 9.7 << 10.556450079383429 << 1.0731696002470139 << 0.34500929036968475
                             << 1.487302113714031 << 5.7510093797258985;
        QTest::newRow("24.1") << 24.1 << 7.7439221058724792 << 1.0914887970362179 << 0.41002901741726316
                              << 1.3335528418406846 << 6.6534193054357225;
    }
    void rSpotValues()
    {
        QFETCH(double, cutoff);
        QFETCH(double, chiSquare);
        QFETCH(double, coefficient);
        QFETCH(double, standardError);
        QFETCH(double, lower);
        QFETCH(double, upper);
        const CutoffScan scan = scanCutoffs(caseData(test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58"))));
        const auto found = std::find(scan.candidates.cutoffs.begin(), scan.candidates.cutoffs.end(), cutoff);
        QVERIFY(found != scan.candidates.cutoffs.end());
        const CutoffPoint point = scan.point(static_cast<std::size_t>(found - scan.candidates.cutoffs.begin()));
        QVERIFY(near(point.logRankChiSquare, chiSquare, 1e-9));
        QCOMPARE(point.hazardRatio.method, HazardRatioMethod::CoxEfron);
        QVERIFY(near(point.hazardRatio.logHazardRatio, coefficient, 1e-6));
        QVERIFY(near(point.hazardRatio.standardError, standardError, 1e-6));
        QVERIFY(near(point.hazardRatio.lower, lower, 1e-6));
        QVERIFY(near(point.hazardRatio.upper, upper, 1e-6));
    }

    void onePassEqualsDirect_data()
    {
        QTest::addColumn<QString>("caseId");
        QTest::addColumn<quint64>("seed");
        for (const QString& id : test::referenceCaseIds(QStringLiteral("maxstat")))
            QTest::newRow(qPrintable(id)) << id << quint64{0};
        QTest::newRow("tied times and markers, 300 rows") << QString() << quint64{11};
        QTest::newRow("tied times and markers, 1000 rows") << QString() << quint64{12};
    }
    void onePassEqualsDirect()
    {
        // The one-pass landscape against survdiff's and coxph's formulas applied to each
        // split separately (logRankTwoGroups and a cold-started Cox fit).
        QFETCH(QString, caseId);
        QFETCH(quint64, seed);
        const MarkerSurvival data = caseId.isEmpty() ? tiedCohort(seed == 11 ? 300 : 1000, seed)
                                                     : caseData(test::loadReferenceCase(caseId));
        ScanOptions options;
        options.hazardRatios = HazardRatioMode::CoxEfron;
        const CutoffScan scan = scanCutoffs(data, options);
        QCOMPARE(scan.status, CutoffStatus::Ok);
        QVERIFY(scan.size() > 0);
        for (std::size_t k = 0; k < scan.size(); ++k) {
            const CutoffPoint point = scan.point(k);
            const std::vector<int> group = splitAt(data, point.cutoff);
            const TwoGroupLogRank direct = logRankTwoGroups(data.time, data.event, group);
            const QByteArray where = QByteArray::number(point.cutoff);
            QCOMPARE(point.nLow, direct.nLow);
            QCOMPARE(point.nHigh, direct.nHigh);
            QCOMPARE(point.eventsLow, direct.eventsLow);
            QCOMPARE(point.eventsHigh, direct.eventsHigh);
            QVERIFY2(near(point.expectedLow, direct.expectedLow, 1e-12), where);
            QVERIFY2(near(point.logRankChiSquare, direct.chiSquare, 1e-9), where);
            QVERIFY2(near(point.logRankChiSquare, survdiffChiSquare(data, group, 2), 1e-9), where);
            QVERIFY2(near(point.logRankP, direct.p, 1e-8), where);

            const TwoGroupCoxFit fit = fitTwoGroupCoxEfron(twoGroupEventTimes(data.time, data.event, group));
            const HazardRatio expected = hazardRatioFromFit(fit, 0.95);
            QCOMPARE(point.hazardRatio.status, expected.status);
            if (expected.status == HazardRatioStatus::Ok) {
                const QByteArray values = where + ": " + QByteArray::number(point.hazardRatio.logHazardRatio, 'g', 17)
                                        + " vs " + QByteArray::number(expected.logHazardRatio, 'g', 17);
                QVERIFY2(near(point.hazardRatio.logHazardRatio, expected.logHazardRatio, 1e-8), values);
                QVERIFY2(near(point.hazardRatio.standardError, expected.standardError, 1e-8), where);
            }
        }
    }

    void statisticEqualsMaxstat_data()
    {
        QTest::addColumn<QString>("caseId");
        for (const QString& id : test::referenceCaseIds(QStringLiteral("maxstat")))
            QTest::newRow(qPrintable(id)) << id;
    }
    void statisticEqualsMaxstat()
    {
        QFETCH(QString, caseId);
        const test::ReferenceCase reference = test::loadReferenceCase(caseId);
        const CutoffScan scan = scanCutoffs(caseData(reference));
        const QJsonObject raw = reference.json[QStringLiteral("maxstat")][QStringLiteral("raw_scores")].toObject();
        const QJsonArray statistics = raw[QStringLiteral("profile")][QStringLiteral("statistic")].toArray();
        QCOMPARE(scan.size(), static_cast<std::size_t>(statistics.size()));
        for (std::size_t k = 0; k < scan.size(); ++k)
            QVERIFY(near(scan.standardizedStatistic[k], statistics[static_cast<qsizetype>(k)].toDouble(), 1e-6));

        QVERIFY(scan.byStandardizedStatistic.found);
        CUTOFFLAB_COMPARE_NUMBER("maxstat.raw_scores.cutpoint", std::optional(scan.byStandardizedStatistic.cutoff),
                                 raw[QStringLiteral("cutpoint")], reference.tolerance(QStringLiteral("maxstat.raw_scores.cutpoint")));
        CUTOFFLAB_COMPARE_NUMBER("maxstat.raw_scores.statistic", std::optional(scan.byStandardizedStatistic.value),
                                 raw[QStringLiteral("statistic")], reference.tolerance(QStringLiteral("maxstat.raw_scores.statistic")));
        // The optimal cut-offs always get the exact Cox estimate.
        QCOMPARE(scan.point(scan.byStandardizedStatistic.index).hazardRatio.method, HazardRatioMethod::CoxEfron);

        QVERIFY(scan.byLogRankP.found);
        const auto largest = std::max_element(scan.logRankChiSquare.begin(), scan.logRankChiSquare.end());
        QCOMPARE(scan.byLogRankP.index, static_cast<std::size_t>(largest - scan.logRankChiSquare.begin()));
        QCOMPARE(scan.byLogRankP.value, scan.logRankP[scan.byLogRankP.index]);
    }

    void largeScanSameOnTwoThreads()
    {
        // From 10^5 rows maxstat's statistics run on a second thread.
        const MarkerSurvival data = tiedCohort(120000, 31);
        ScanOptions options;
        options.threads = 1;
        const CutoffScan one = scanCutoffs(data, options);
        options.threads = 2;
        const CutoffScan two = scanCutoffs(data, options);
        QCOMPARE(one.status, CutoffStatus::Ok);
        QCOMPARE(one.standardizedStatistic, two.standardizedStatistic);
        QCOMPARE(one.logRankChiSquare, two.logRankChiSquare);
        QCOMPARE(one.byStandardizedStatistic.index, two.byStandardizedStatistic.index);
        QCOMPARE(one.standardizedStatistic, standardizedStatistics(inMarkerOrder(data, maxstatLogRankScores(data.time, data.event)),
                                                                   one.candidates.lowerGroupSizes));
    }

    void selectOptimalTies_data()
    {
        QTest::addColumn<std::vector<double>>("criterion");
        QTest::addColumn<bool>("minimize");
        QTest::addColumn<std::size_t>("index");
        QTest::addColumn<std::vector<std::size_t>>("ties");
        QTest::newRow("single maximum") << std::vector<double>{1, 3, 2} << false << std::size_t{1}
                                        << std::vector<std::size_t>{1};
        QTest::newRow("tied maxima") << std::vector<double>{1, 3, 2, 3} << false << std::size_t{1}
                                     << std::vector<std::size_t>{1, 3};
        QTest::newRow("maxima tied within rounding") << std::vector<double>{3.0 * (1 + 1e-13), 2, 3} << false
                                                     << std::size_t{0} << std::vector<std::size_t>{0, 2};
        QTest::newRow("minimum") << std::vector<double>{0.5, 0.01, 0.2} << true << std::size_t{1}
                                 << std::vector<std::size_t>{1};
        QTest::newRow("NaN skipped") << std::vector<double>{std::numeric_limits<double>::quiet_NaN(), 2, 1} << false
                                     << std::size_t{1} << std::vector<std::size_t>{1};
    }
    void selectOptimalTies()
    {
        QFETCH(std::vector<double>, criterion);
        QFETCH(bool, minimize);
        QFETCH(std::size_t, index);
        QFETCH(std::vector<std::size_t>, ties);
        std::vector<double> cutoffs(criterion.size());
        for (std::size_t k = 0; k < cutoffs.size(); ++k)
            cutoffs[k] = 10.0 * static_cast<double>(k);
        const OptimalCutoff best = selectOptimalCutoff(criterion, cutoffs, minimize);
        QVERIFY(best.found);
        QCOMPARE(best.index, index);
        QCOMPARE(best.ties, ties);
        QCOMPARE(best.cutoff, cutoffs[index]);
    }

    void selectOptimalNothingFinite()
    {
        const std::vector<double> criterion{std::numeric_limits<double>::quiet_NaN()};
        QVERIFY(!selectOptimalCutoff(criterion, criterion).found);
    }

    void petoOneStep()
    {
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("lung_age_ge65")));
        ScanOptions options;
        options.hazardRatios = HazardRatioMode::PetoOneStep;
        const CutoffScan scan = scanCutoffs(data, options);
        std::size_t peto = 0;
        for (std::size_t k = 0; k < scan.size(); ++k) {
            const CutoffPoint point = scan.point(k);
            const bool optimal = std::count(scan.byStandardizedStatistic.ties.begin(), scan.byStandardizedStatistic.ties.end(), k)
                              || std::count(scan.byLogRankP.ties.begin(), scan.byLogRankP.ties.end(), k);
            if (optimal) {
                QCOMPARE(point.hazardRatio.method, HazardRatioMethod::CoxEfron);
                continue;
            }
            ++peto;
            QCOMPARE(point.hazardRatio.method, HazardRatioMethod::PetoOneStep);
            QCOMPARE(point.hazardRatio.status, HazardRatioStatus::Ok);
            // log HR = (O - E)_high / V and chi-square = (O - E)^2 / V, so log HR^2 = chi-square / V
            // and SE = 1 / sqrt(V).
            const double variance = 1.0 / (point.hazardRatio.standardError * point.hazardRatio.standardError);
            const double observedMinusExpected = static_cast<double>(point.eventsHigh) - point.expectedHigh;
            QVERIFY(near(point.hazardRatio.logHazardRatio, observedMinusExpected / variance, 1e-12));
            QVERIFY(near(observedMinusExpected * observedMinusExpected / variance, point.logRankChiSquare, 1e-12));
        }
        QVERIFY(peto > 0);
    }

    void automaticModeFallsBackToPeto()
    {
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58")));
        ScanOptions options;
        QCOMPARE(scanCutoffs(data, options).hazardRatioMethod.front(), HazardRatioMethod::CoxEfron);
        options.exactCoxWorkLimit = 10.0;
        const CutoffScan scan = scanCutoffs(data, options);
        QCOMPARE(scan.hazardRatioMethod.front(), HazardRatioMethod::PetoOneStep);
        QCOMPARE(scan.hazardRatioMethod[scan.byStandardizedStatistic.index], HazardRatioMethod::CoxEfron);
    }

    void zeroEventGroupIsInfinite()
    {
        // DLBCL, MGE > 0.186: the high group has no events, so the Cox estimate is HR = 0.
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("DLBCL_MGE_gt_maxstat_zero_events")));
        const CutoffScan scan = scanCutoffs(data);
        const CutoffPoint point = scan.point(scan.byStandardizedStatistic.index);
        QCOMPARE(point.eventsHigh, std::size_t{0});
        QCOMPARE(point.hazardRatio.status, HazardRatioStatus::InfiniteLow);
        QVERIFY(point.logRankDefined);
    }

    void degenerateStatuses_data()
    {
        QTest::addColumn<std::vector<double>>("time");
        QTest::addColumn<std::vector<std::uint8_t>>("event");
        QTest::addColumn<std::vector<double>>("marker");
        QTest::addColumn<int>("status");
        const std::vector<double> time{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        const std::vector<std::uint8_t> events{1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0};
        QTest::newRow("constant marker") << time << events << std::vector<double>(12, 1.0)
                                         << static_cast<int>(CutoffStatus::ConstantMarker);
        QTest::newRow("two values, one row apart") << time << events
                                                   << std::vector<double>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2}
                                                   << static_cast<int>(CutoffStatus::NoCandidateCutoff);
        QTest::newRow("no events") << time << std::vector<std::uint8_t>(12, 0) << time
                                   << static_cast<int>(CutoffStatus::NoEvents);
        QTest::newRow("no rows") << std::vector<double>{} << std::vector<std::uint8_t>{} << std::vector<double>{}
                                 << static_cast<int>(CutoffStatus::NoRows);
    }
    void degenerateStatuses()
    {
        QFETCH(std::vector<double>, time);
        QFETCH(std::vector<std::uint8_t>, event);
        QFETCH(std::vector<double>, marker);
        QFETCH(int, status);
        const MarkerSurvival data = markerSurvival(time, event, marker);
        const CutoffScan scan = scanCutoffs(data);
        QCOMPARE(static_cast<int>(scan.status), status);
        QVERIFY(!scan.byStandardizedStatistic.found);
        QVERIFY(scan.standardizedStatistic.empty() || scan.status == CutoffStatus::Ok);

        BootstrapOptions bootstrap;
        bootstrap.replicates = 5;
        QCOMPARE(static_cast<int>(bootstrapCutoff(data, bootstrap).status), status);
        QCOMPARE(static_cast<int>(scanTwoCutoffs(data).status), status);
    }

    void invalidOptionsRejected()
    {
        const MarkerSurvival data = markerSurvival({1, 2, 3}, {1, 0, 1}, {1, 2, 3});
        ScanOptions scan;
        scan.confidenceLevel = 1.0;
        QVERIFY_THROWS_EXCEPTION(InputError, scanCutoffs(data, scan));
        BootstrapOptions bootstrap;
        bootstrap.replicates = 0;
        QVERIFY_THROWS_EXCEPTION(InputError, bootstrapCutoff(data, bootstrap));
        SplitSampleOptions split;
        split.trainingFraction = 1.0;
        QVERIFY_THROWS_EXCEPTION(InputError, validateSplitSample(data, split, 1));
        CrossValidationOptions folds;
        folds.folds = 4;
        QVERIFY_THROWS_EXCEPTION(InputError, crossValidateCutoff(data, folds));
        TwoCutoffOptions two;
        two.maxGridSize = 1;
        QVERIFY_THROWS_EXCEPTION(InputError, scanTwoCutoffs(data, two));
    }

    void bootstrapReproducible()
    {
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58")));
        BootstrapOptions options;
        options.replicates = 200;
        ResamplingControl one;
        one.seed = 2024;
        one.threads = 1;
        ResamplingControl two = one;
        two.threads = 2;
        const BootstrapResult first = bootstrapCutoff(data, options, one);
        const BootstrapResult second = bootstrapCutoff(data, options, two);
        QCOMPARE(first.run, RunStatus::Completed);
        QCOMPARE(first.status, CutoffStatus::Ok);
        QCOMPARE(first.replicateCutoffs, second.replicateCutoffs);
        QCOMPARE(first.optimism, second.optimism);
        QCOMPARE(first.replicateCutoffs.size() + first.failedReplicates, std::size_t{200});

        // The data's own optimum, maxstat's estimate for this case.
        QCOMPARE(first.cutoff, 5.3);
        QVERIFY(first.intervalAvailable);
        QVERIFY(first.lower <= first.median);
        QVERIFY(first.median <= first.upper);
        for (const double cutoff : first.replicateCutoffs)
            QVERIFY(std::find(data.marker.begin(), data.marker.end(), cutoff) != data.marker.end());
    }

    void bootstrapOptimism()
    {
        // A cut-off chosen for its strength looks stronger where it was chosen: the
        // optimism is positive and the corrected hazard ratio is closer to 1.
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("lung_age_ge65")));
        BootstrapOptions options;
        options.replicates = 200;
        const BootstrapResult result = bootstrapCutoff(data, options);
        QCOMPARE(result.optimismStatus, OptimismStatus::Ok);
        QCOMPARE(result.apparent.status, HazardRatioStatus::Ok);
        QVERIFY(result.optimismReplicates > 150);
        QVERIFY(result.optimism > 0.0);
        QVERIFY(std::fabs(result.correctedLogHazardRatio) < std::fabs(result.apparent.logHazardRatio));
        QVERIFY(near(result.correctedHazardRatio, std::exp(result.correctedLogHazardRatio), 1e-15));
        QCOMPARE(std::signbit(result.correctedLogHazardRatio), std::signbit(result.apparent.logHazardRatio));
    }

    void bootstrapApparentInfinite()
    {
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("DLBCL_MGE_gt_maxstat_zero_events")));
        BootstrapOptions options;
        options.replicates = 20;
        const BootstrapResult result = bootstrapCutoff(data, options);
        QCOMPARE(result.optimismStatus, OptimismStatus::ApparentNotFinite);
        QCOMPARE(result.apparent.status, HazardRatioStatus::InfiniteLow);
        QVERIFY(!result.replicateCutoffs.empty());
    }

    void bootstrapCancelledAndProgress()
    {
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58")));
        BootstrapOptions options;
        options.replicates = 64;
        std::atomic<bool> cancel{false};
        std::size_t lastDone = 0;
        ResamplingControl control;
        control.cancel = &cancel;
        control.threads = 1;
        control.progress = [&](std::size_t done, std::size_t total) {
            QCOMPARE(total, std::size_t{64});
            lastDone = done;
            if (done >= 16)
                cancel = true;
        };
        const BootstrapResult result = bootstrapCutoff(data, options, control);
        QCOMPARE(result.run, RunStatus::Cancelled);
        QVERIFY(result.replicateCutoffs.empty());
        QVERIFY(lastDone >= 16 && lastDone < 64);
    }

    void splitSample()
    {
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("veteran_karno_ge60")));
        SplitSampleOptions options;
        const SplitSampleResult first = validateSplitSample(data, options, 99);
        const SplitSampleResult again = validateSplitSample(data, options, 99);
        QCOMPARE(first.status, ValidationStatus::Ok);
        QCOMPARE(first.inTraining, again.inTraining);
        QCOMPARE(first.cutoff, again.cutoff);
        QCOMPARE(first.trainingRows, std::size_t{69});   // round(0.5 * 137), half to away from zero
        QCOMPARE(first.validationRows, std::size_t{68});
        QCOMPARE(static_cast<std::size_t>(std::count(first.inTraining.begin(), first.inTraining.end(), 1)), first.trainingRows);

        // The cut-off is the training part's own optimum, and the validation test is the
        // log-rank test of that split on the other rows.
        std::vector<std::uint32_t> copies(first.inTraining.begin(), first.inTraining.end());
        QCOMPARE(first.cutoff, selectCutoffByMaxstat(data.withCopies(copies), 0.1, 0.9).cutoff);
        std::vector<int> group(data.size(), kNoGroup);
        for (std::size_t i = 0; i < data.size(); ++i) {
            if (first.inTraining[i] == 0)
                group[i] = data.marker[i] > first.cutoff ? 1 : 0;
        }
        const TwoGroupLogRank expected = logRankTwoGroups(data.time, data.event, group);
        QCOMPARE(first.validation.nLow + first.validation.nHigh, first.validationRows);
        QCOMPARE(first.validation.chiSquare, expected.chiSquare);
        QCOMPARE(first.validation.p, expected.p);
        QCOMPARE(first.validationHazardRatio.status, HazardRatioStatus::Ok);

        QVERIFY(validateSplitSample(data, options, 100).inTraining != first.inTraining);
    }

    void crossValidation()
    {
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("lung_phkarno_ge80")));
        CrossValidationOptions options;
        options.folds = 5;
        ResamplingControl one;
        one.seed = 5;
        one.threads = 1;
        ResamplingControl two = one;
        two.threads = 2;
        const CrossValidationResult first = crossValidateCutoff(data, options, one);
        const CrossValidationResult second = crossValidateCutoff(data, options, two);
        QCOMPARE(first.status, ValidationStatus::Ok);
        QCOMPARE(first.fold, second.fold);
        QCOMPARE(first.foldCutoffs, second.foldCutoffs);
        QCOMPARE(first.assignedGroup, second.assignedGroup);
        QCOMPARE(first.logRank.chiSquare, second.logRank.chiSquare);

        std::vector<std::size_t> foldSizes(5, 0);
        for (const std::uint32_t f : first.fold)
            ++foldSizes[f];
        QVERIFY(*std::max_element(foldSizes.begin(), foldSizes.end()) - *std::min_element(foldSizes.begin(), foldSizes.end()) <= 1);
        QCOMPARE(first.unassignedRows, std::size_t{0});
        for (std::size_t i = 0; i < data.size(); ++i)
            QCOMPARE(first.assignedGroup[i], data.marker[i] > first.foldCutoffs[first.fold[i]] ? 1 : 0);
        const TwoGroupLogRank expected = logRankTwoGroups(data.time, data.event, first.assignedGroup);
        QCOMPARE(first.logRank.chiSquare, expected.chiSquare);
        QCOMPARE(first.hazardRatio.status, HazardRatioStatus::Ok);
    }

    void crossValidationCancelled()
    {
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("lung_phkarno_ge80")));
        std::atomic<bool> cancel{true};
        ResamplingControl control;
        control.cancel = &cancel;
        QCOMPARE(crossValidateCutoff(data, {}, control).status, ValidationStatus::Cancelled);
    }

    void twoCutoffsAgainstR_data()
    {
        // R 4.2.2: g <- ifelse(x <= low, 0, ifelse(x <= high, 1, 2));
        // survdiff(Surv(time, event) ~ g)$chisq, on the case's analysed rows.
        QTest::addColumn<QString>("caseId");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<double>("chiSquare");
        QTest::addColumn<double>("p");
        QTest::newRow("IL-6 3.1, 11.2") << QStringLiteral("sim_il6_ge8.58") << 3.1 << 11.2 << 9.3878194917011104
                                        << 0.0091508386711071175;
        QTest::newRow("IL-6 2, 36.4") << QStringLiteral("sim_il6_ge8.58") << 2.0 << 36.4 << 4.2387875593881414
                                      << 0.12010441618246709;
        QTest::newRow("IL-6 5.3, 16.9") << QStringLiteral("sim_il6_ge8.58") << 5.3 << 16.9 << 16.513876674433039
                                        << 0.00025945213137338241;
        QTest::newRow("karno 30, 60") << QStringLiteral("veteran_karno_ge60") << 30.0 << 60.0 << 51.042131326303704
                                      << 8.2478738565643045e-12;
        QTest::newRow("karno 40, 75") << QStringLiteral("veteran_karno_ge60") << 40.0 << 75.0 << 46.612368475643883
                                      << 7.5553187475491008e-11;
    }
    void twoCutoffsAgainstR()
    {
        QFETCH(QString, caseId);
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(double, chiSquare);
        QFETCH(double, p);
        const TwoCutoffScan scan = scanTwoCutoffs(caseData(test::loadReferenceCase(caseId)));
        QCOMPARE(scan.status, CutoffStatus::Ok);
        const auto lowAt = std::find(scan.grid.begin(), scan.grid.end(), low);
        const auto highAt = std::find(scan.grid.begin(), scan.grid.end(), high);
        QVERIFY(lowAt != scan.grid.end() && highAt != scan.grid.end());
        const TwoCutoffCell& cell = scan.cells[scan.cellIndex(static_cast<std::size_t>(lowAt - scan.grid.begin()),
                                                              static_cast<std::size_t>(highAt - scan.grid.begin()))];
        QCOMPARE(scan.grid[cell.lowIndex], low);
        QCOMPARE(scan.grid[cell.highIndex], high);
        QVERIFY(cell.defined);
        QVERIFY2(near(cell.chiSquare, chiSquare, 1e-9), qPrintable(QString::number(cell.chiSquare, 'g', 17)));
        QVERIFY(near(cell.p, p, 1e-8));
    }

    void twoCutoffsEqualDirect()
    {
        const MarkerSurvival data = tiedCohort(400, 21);
        TwoCutoffOptions options;
        options.maxGridSize = 12;
        const TwoCutoffScan scan = scanTwoCutoffs(data, options);
        QCOMPARE(scan.status, CutoffStatus::Ok);
        QCOMPARE(scan.grid.size(), std::size_t{12});
        QCOMPARE(scan.cells.size(), std::size_t{66});
        for (const TwoCutoffCell& cell : scan.cells) {
            std::vector<int> group(data.size());
            for (std::size_t i = 0; i < data.size(); ++i) {
                if (data.marker[i] <= scan.grid[cell.lowIndex])
                    group[i] = 0;
                else if (data.marker[i] <= scan.grid[cell.highIndex])
                    group[i] = 1;
                else
                    group[i] = 2;
            }
            QVERIFY(cell.lowIndex < cell.highIndex);
            QCOMPARE(cell.nLow + cell.nMiddle + cell.nHigh, data.size());
            QCOMPARE(static_cast<std::size_t>(std::count(group.begin(), group.end(), 1)), cell.nMiddle);
            QVERIFY(cell.defined);
            QVERIFY2(near(cell.chiSquare, survdiffChiSquare(data, group, 3), 1e-9),
                     qPrintable(QStringLiteral("%1 %2").arg(cell.lowIndex).arg(cell.highIndex)));
        }
        QVERIFY(scan.best.found);
        for (const TwoCutoffCell& cell : scan.cells)
            QVERIFY(cell.chiSquare <= scan.cells[scan.best.index].chiSquare * (1 + 1e-10));
    }

    void twoCutoffGridThinned()
    {
        const MarkerSurvival data = caseData(test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58")));
        const CandidateSplits candidates = candidateSplits(data, 0.1, 0.9);
        TwoCutoffOptions options;
        options.maxGridSize = 10;
        ResamplingControl control;
        control.threads = 1;
        const TwoCutoffScan one = scanTwoCutoffs(data, options, control);
        control.threads = 2;
        const TwoCutoffScan two = scanTwoCutoffs(data, options, control);
        QCOMPARE(one.candidateCount, candidates.cutoffs.size());
        QCOMPARE(one.grid.size(), std::size_t{10});
        QCOMPARE(one.grid.front(), candidates.cutoffs.front());
        QCOMPARE(one.grid.back(), candidates.cutoffs.back());
        QVERIFY(std::is_sorted(one.grid.begin(), one.grid.end()));
        QCOMPARE(one.cells.size(), two.cells.size());
        for (std::size_t k = 0; k < one.cells.size(); ++k)
            QCOMPARE(one.cells[k].chiSquare, two.cells[k].chiSquare);
    }
};

QTEST_GUILESS_MAIN(TestScan)
#include "tst_scan.moc"
