// Log-rank tests against R's survival 3.5-3: every logrank field of the reference cases,
// the hard inputs under tests/data/cases, hand-computed cases, and values computed with
// Rscript where noted (survdiff with rho, the trend contrast built from survdiff).

#include "common/error.h"
#include "io/table.h"
#include "survival/logrank.h"
#include "support/referencecase.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace cutofflab;

Q_DECLARE_METATYPE(cutofflab::TestStatus)

namespace {

struct GroupedSurvival {
    SortedSurvival data;
    std::vector<int> group;
    int groupCount = 0;
};

GroupedSurvival groupedSurvival(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                                const std::vector<int>& group, int groupCount)
{
    GroupedSurvival grouped;
    grouped.data = SortedSurvival::fromUnsorted(time, event);
    grouped.group = grouped.data.toSortedOrder(std::span<const int>(group));
    grouped.groupCount = groupCount;
    return grouped;
}

/// Reads one of the hard inputs under tests/data/cases: time, 0/1 event and group label
/// columns; rows whose patient_id equals skipId are left out.
GroupedSurvival readHardCase(const QString& folder, const std::string& timeColumn,
                             const std::string& eventColumn, const std::string& groupColumn,
                             const std::vector<std::string>& groupNames, const std::string& skipId = {})
{
    const io::Table table =
        io::readTable(test::testDataPath(QStringLiteral("cases/%1/input.csv").arg(folder)).toStdString());
    const std::size_t timeIndex = table.requireColumn(timeColumn);
    const std::size_t eventIndex = table.requireColumn(eventColumn);
    const std::size_t groupIndex = table.requireColumn(groupColumn);
    const std::size_t idIndex = table.requireColumn("patient_id");

    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<int> group;
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        if (!skipId.empty() && table.cell(row, idIndex) == skipId)
            continue;
        time.push_back(io::parseNumericCell(table.cell(row, timeIndex)).value);
        event.push_back(io::parseNumericCell(table.cell(row, eventIndex)).value == 1.0 ? 1 : 0);
        const auto name = std::find(groupNames.begin(), groupNames.end(), table.cell(row, groupIndex));
        group.push_back(name == groupNames.end() ? kNoGroup : static_cast<int>(name - groupNames.begin()));
    }
    return groupedSurvival(time, event, group, static_cast<int>(groupNames.size()));
}

GroupedSurvival referenceData(const test::ReferenceCase& reference)
{
    return groupedSurvival(reference.time, reference.event, reference.group, reference.groupCount);
}

bool near(double actual, double expected, double relative = 1e-9)
{
    return test::fuzzyEqual(actual, expected, relative);
}

#define VERIFY_NEAR(actual, expected)                                                        \
    QVERIFY2(near((actual), (expected)),                                                     \
             qPrintable(QStringLiteral("%1 = %2, expected %3")                               \
                            .arg(QLatin1String(#actual))                                    \
                            .arg(static_cast<double>(actual), 0, 'g', 17)                   \
                            .arg(static_cast<double>(expected), 0, 'g', 17)))

} // namespace

class TestLogRank : public QObject {
    Q_OBJECT

private slots:
    void referenceCase_data();
    void referenceCase();

    void hardCases_data();
    void hardCases();
    void numberAtRiskCaseMatrix();

    void petoWeights_data();
    void petoWeights();
    void trendTest_data();
    void trendTest();
    void trendIgnoresShiftAndScale();

    void twoGroupsByHand();
    void groupWithoutRowsAtRiskAtEvents();
    void degenerateStatus_data();
    void degenerateStatus();
    void rowsInNoGroupLeftOut();
    void invalidArguments();
};

// ---------------------------------------------------------------------------------------
// Reference cases: every field of every logrank block.

void TestLogRank::referenceCase_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("logrank")))
        QTest::newRow(qPrintable(id)) << id;
}

void TestLogRank::referenceCase()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonObject expected = reference.json[QStringLiteral("logrank")].toObject();
    const GroupedSurvival grouped = referenceData(reference);
    const LogRankResult result = logRank(grouped.data, grouped.group, grouped.groupCount);

    // R refuses, for example "There is only 1 group".
    if (expected[QStringLiteral("status")].toString() == QLatin1String("error")) {
        QCOMPARE(expected[QStringLiteral("message")].toString(), QStringLiteral("There is only 1 group"));
        QCOMPARE(result.status, TestStatus::FewerThanTwoGroups);
        QCOMPARE(result.groups.size(), std::size_t{1});
        return;
    }
    QCOMPARE(result.status, TestStatus::Ok);

    const auto tolerance = [&](const char* field) { return reference.tolerance(QStringLiteral("logrank.") + field); };
    const QJsonArray groups = expected[QStringLiteral("groups")].toArray();
    QCOMPARE(result.groups.size(), static_cast<std::size_t>(groups.size()));
    for (qsizetype j = 0; j < groups.size(); ++j) {
        const auto position = static_cast<std::size_t>(j);
        const QString name = reference.groupNames[result.groups[position]];
        QCOMPARE(name, groups[j].toVariant().toString());
        const QString label = QStringLiteral("group %1 ").arg(name);
        CUTOFFLAB_COMPARE_COUNT(label + "n", result.n[position], expected[QStringLiteral("n")][j]);
        CUTOFFLAB_COMPARE_NUMBER(label + "observed", std::optional<double>(result.observed[position]),
                                 expected[QStringLiteral("observed")][j], tolerance("observed"));
        CUTOFFLAB_COMPARE_NUMBER(label + "expected", std::optional<double>(result.expected[position]),
                                 expected[QStringLiteral("expected")][j], tolerance("expected"));
        const QJsonArray varianceRow = expected[QStringLiteral("variance")][j].toArray();
        QCOMPARE(static_cast<qsizetype>(result.variance.cols()), varianceRow.size());
        for (qsizetype k = 0; k < varianceRow.size(); ++k) {
            CUTOFFLAB_COMPARE_NUMBER(label + QStringLiteral("variance[%1]").arg(k),
                                     std::optional<double>(result.variance(j, k)), varianceRow[k],
                                     tolerance("variance"));
        }
    }
    CUTOFFLAB_COMPARE_NUMBER("chisq", std::optional<double>(result.chisq), expected[QStringLiteral("chisq")],
                             tolerance("chisq"));
    CUTOFFLAB_COMPARE_COUNT("df", result.df, expected[QStringLiteral("df")]);
    CUTOFFLAB_COMPARE_NUMBER("p", std::optional<double>(result.p), expected[QStringLiteral("p")], tolerance("p"));
}

// ---------------------------------------------------------------------------------------
// Hard inputs under tests/data/cases; chi-square and p from survdiff, R survival 3.5-3.

void TestLogRank::hardCases_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("timeColumn");
    QTest::addColumn<QString>("eventColumn");
    QTest::addColumn<QString>("groupColumn");
    QTest::addColumn<QStringList>("groupNames");
    QTest::addColumn<QString>("skipId");
    QTest::addColumn<double>("chisq");
    QTest::addColumn<int>("df");
    QTest::addColumn<double>("p");

    QTest::newRow("three arms, times on break points")
        << QStringLiteral("04-number-at-risk-table") << QStringLiteral("os_months") << QStringLiteral("os_event")
        << QStringLiteral("arm") << QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")} << QString()
        << 0.14368641691934167 << 2 << 0.93067680662217533;
    QTest::newRow("median not reached, three groups")
        << QStringLiteral("12-km-median-not-reached-ci-na") << QStringLiteral("os_months") << QStringLiteral("os_event")
        << QStringLiteral("marker_group") << QStringList{QStringLiteral("high"), QStringLiteral("low"), QStringLiteral("mid")} << QString()
        << 0.91217039287671697 << 2 << 0.63375984071722813;
    // The negative time of Z08 is rejected by the cohort builder; with it R gives
    // chi-square 0.509, which must not be reproduced.
    QTest::newRow("zero times kept, negative time removed")
        << QStringLiteral("13-negative-and-zero-times") << QStringLiteral("os_days") << QStringLiteral("os_event")
        << QStringLiteral("marker_group") << QStringList{QStringLiteral("high"), QStringLiteral("low")} << QStringLiteral("Z08")
        << 1.4130255540614585 << 1 << 0.23455478272211783;
    QTest::newRow("event coded 0/1")
        << QStringLiteral("14-event-status-codings") << QStringLiteral("os_months") << QStringLiteral("status_01")
        << QStringLiteral("marker_group") << QStringList{QStringLiteral("high"), QStringLiteral("low")} << QString()
        << 0.016927188784745587 << 1 << 0.896483725987823;
}

void TestLogRank::hardCases()
{
    QFETCH(QString, folder);
    QFETCH(QString, timeColumn);
    QFETCH(QString, eventColumn);
    QFETCH(QString, groupColumn);
    QFETCH(QStringList, groupNames);
    QFETCH(QString, skipId);
    QFETCH(double, chisq);
    QFETCH(int, df);
    QFETCH(double, p);

    std::vector<std::string> names;
    for (const QString& name : groupNames)
        names.push_back(name.toStdString());
    const GroupedSurvival grouped = readHardCase(folder, timeColumn.toStdString(), eventColumn.toStdString(),
                                                 groupColumn.toStdString(), names, skipId.toStdString());
    const LogRankResult result = logRank(grouped.data, grouped.group, grouped.groupCount);
    QCOMPARE(result.status, TestStatus::Ok);
    VERIFY_NEAR(result.chisq, chisq);
    QCOMPARE(result.df, df);
    VERIFY_NEAR(result.p, p);
}

void TestLogRank::numberAtRiskCaseMatrix()
{
    // survdiff(Surv(os_months, os_event) ~ arm)$obs, $exp and $var, R survival 3.5-3.
    const GroupedSurvival grouped =
        readHardCase(QStringLiteral("04-number-at-risk-table"), "os_months", "os_event", "arm", {"A", "B", "C"});
    const LogRankResult result = logRank(grouped.data, grouped.group, grouped.groupCount);
    QCOMPARE(result.n, (std::vector<int>{6, 10, 4}));
    QCOMPARE(result.observed, (std::vector<double>{3, 5, 2}));
    VERIFY_NEAR(result.expected[0], 3.0496278575225944);
    VERIFY_NEAR(result.expected[1], 5.3691387559808614);
    VERIFY_NEAR(result.expected[2], 1.5812333864965442);
    const double variance[3][3] = {{2.08016976227198258, -1.61445592922424930, -0.46571383304773295},
                                   {-1.61445592922424930, 2.41918580796634197, -0.80472987874209212},
                                   {-0.46571383304773295, -0.80472987874209212, 1.27044371178982529}};
    for (int j = 0; j < 3; ++j)
        for (int k = 0; k < 3; ++k)
            VERIFY_NEAR(result.variance(j, k), variance[j][k]);
}

// ---------------------------------------------------------------------------------------
// The G-rho family and the test for trend.

void TestLogRank::petoWeights_data()
{
    // survdiff(Surv(time, status) ~ sex, lung, rho = ...), R survival 3.5-3. With rho > 0
    // R's observed counts are weighted too.
    QTest::addColumn<double>("rho");
    QTest::addColumn<std::vector<double>>("observed");
    QTest::addColumn<std::vector<double>>("expected");
    QTest::addColumn<double>("variance");
    QTest::addColumn<double>("chisq");
    QTest::addColumn<double>("p");

    QTest::newRow("rho 1 (Peto-Peto)") << 1.0 << std::vector<double>{70.377542294752203, 28.728653272189860}
                                       << std::vector<double>{55.571085471784251, 43.535110095157783}
                                       << 17.243082666960721 << 12.714151401157508 << 0.00036289892759891056;
    QTest::newRow("rho 0.5") << 0.5 << std::vector<double>{86.369992894958372, 37.680169003170541}
                             << std::vector<double>{69.131775550183193, 54.918386347945699}
                             << 24.256320475366586 << 12.250668337247729 << 0.00046509154636908821;
}

void TestLogRank::petoWeights()
{
    QFETCH(double, rho);
    QFETCH(std::vector<double>, observed);
    QFETCH(std::vector<double>, expected);
    QFETCH(double, variance);
    QFETCH(double, chisq);
    QFETCH(double, p);

    // Every analysed row of the lung reference case, grouped by the sex column.
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("lung_age_ge65"));
    std::vector<int> sex;
    for (std::size_t row = 0; row < reference.size(); ++row)
        sex.push_back(static_cast<int>(*reference.number(QStringLiteral("sex"), row)) - 1);
    const GroupedSurvival grouped = groupedSurvival(reference.time, reference.event, sex, 2);

    const LogRankResult result = logRank(grouped.data, grouped.group, 2, rho);
    QCOMPARE(result.status, TestStatus::Ok);
    QCOMPARE(result.rho, rho);
    for (std::size_t j = 0; j < 2; ++j) {
        VERIFY_NEAR(result.observed[j], observed[j]);
        VERIFY_NEAR(result.expected[j], expected[j]);
    }
    VERIFY_NEAR(result.variance(0, 0), variance);
    VERIFY_NEAR(result.variance(0, 1), -variance);
    VERIFY_NEAR(result.chisq, chisq);
    VERIFY_NEAR(result.p, p);
}

void TestLogRank::trendTest_data()
{
    // R: s <- survdiff(Surv(time, event) ~ group); U <- s$obs - s$exp;
    // statistic = sum(c * U)^2 / (t(c) %*% s$var %*% c), survival 3.5-3. The Breslow
    // score test of coxph(Surv ~ score) differs here because both data sets have tied
    // death times (14.6266 and 38.0805).
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<std::vector<double>>("scores");
    QTest::addColumn<double>("rho");
    QTest::addColumn<double>("statistic");
    QTest::addColumn<double>("z");
    QTest::addColumn<double>("p");

    QTest::newRow("IL-6/IL-8 score 0, 1, 2") << QStringLiteral("sim_il_score") << std::vector<double>{0, 1, 2} << 0.0
                                             << 14.6479491447309229102 << 3.8272639241017758494
                                             << 0.0001295755590241804;
    QTest::newRow("veteran karno bands 0, 1, 2") << QStringLiteral("veteran_karno_3groups") << std::vector<double>{0, 1, 2}
                                                 << 0.0 << 3.8378390929687647e+01 << -6.1950295342062454e+00
                                                 << 5.8274102126147813e-10;
    QTest::newRow("veteran karno bands 0, 1, 5") << QStringLiteral("veteran_karno_3groups") << std::vector<double>{0, 1, 5}
                                                 << 0.0 << 2.5520151733006383e+01 << -5.0517473940218336e+00
                                                 << 4.3778643116078276e-07;
    QTest::newRow("veteran karno bands, rho 1") << QStringLiteral("veteran_karno_3groups") << std::vector<double>{0, 1, 2}
                                                << 1.0 << 4.8496487324584422e+01 << -6.9639419386281807e+00
                                                << 3.3088102120826131e-12;
}

void TestLogRank::trendTest()
{
    QFETCH(QString, caseId);
    QFETCH(std::vector<double>, scores);
    QFETCH(double, rho);
    QFETCH(double, statistic);
    QFETCH(double, z);
    QFETCH(double, p);

    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const GroupedSurvival grouped = referenceData(reference);
    const TrendTestResult trend = logRankTrend(grouped.data, grouped.group, grouped.groupCount, scores, rho);
    QCOMPARE(trend.status, TestStatus::Ok);
    QCOMPARE(trend.scores, scores);
    VERIFY_NEAR(trend.statistic, statistic);
    VERIFY_NEAR(trend.z, z);
    VERIFY_NEAR(trend.p, p);
}

void TestLogRank::trendIgnoresShiftAndScale()
{
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("sim_il_score"));
    const GroupedSurvival grouped = referenceData(reference);
    const std::vector<double> base{0, 1, 2};
    const std::vector<double> shiftedAndScaled{10, 13, 16};
    const TrendTestResult a = logRankTrend(grouped.data, grouped.group, 3, base);
    const TrendTestResult b = logRankTrend(grouped.data, grouped.group, 3, shiftedAndScaled);
    VERIFY_NEAR(b.statistic, a.statistic);
    VERIFY_NEAR(b.z, a.z);

    // Equal scores carry no contrast.
    const std::vector<double> equal{1, 1, 1};
    QCOMPARE(logRankTrend(grouped.data, grouped.group, 3, equal).status, TestStatus::SingularVariance);
}

// ---------------------------------------------------------------------------------------
// Hand-computed and degenerate cases.

void TestLogRank::twoGroupsByHand()
{
    // Group 0: deaths at 1 and 3; group 1: death at 2, censored at 4.
    // t = 1: n = 4 (2 + 2), d = 1: E0 = 1/2, V = 1 * 3 / 3 * (1/2)(1/2) = 1/4.
    // t = 2: n = 3 (1 + 2), d = 1: E0 = 1/3, V = 2 / 2 * (1/3)(2/3) = 2/9.
    // t = 3: n = 2 (1 + 1), d = 1: E0 = 1/2, V = 1 / 1 * (1/2)(1/2) = 1/4.
    // O0 = 2, E0 = 4/3, V = 13/18; chi-square = (2/3)^2 / (13/18) = 8/13.
    const GroupedSurvival grouped = groupedSurvival({1, 3, 2, 4}, {1, 1, 1, 0}, {0, 0, 1, 1}, 2);
    const LogRankResult result = logRank(grouped.data, grouped.group, 2);
    QCOMPARE(result.status, TestStatus::Ok);
    QCOMPARE(result.groups, (std::vector<int>{0, 1}));
    QCOMPARE(result.observed, (std::vector<double>{2, 1}));
    VERIFY_NEAR(result.expected[0], 4.0 / 3);
    VERIFY_NEAR(result.expected[1], 5.0 / 3);
    VERIFY_NEAR(result.variance(0, 0), 13.0 / 18);
    VERIFY_NEAR(result.variance(1, 0), -13.0 / 18);
    VERIFY_NEAR(result.chisq, 8.0 / 13);
    QCOMPARE(result.df, 1);
}

void TestLogRank::groupWithoutRowsAtRiskAtEvents()
{
    // Group 2 has only rows censored before the first death, so its expected count is
    // 0 and R leaves it out of the chi-square: 1 degree of freedom, not 2. Values from
    // survdiff(Surv(t, e) ~ g), R survival 3.5-3.
    const GroupedSurvival grouped = groupedSurvival({1, 2, 3, 4, 5, 6, 7, 0.5, 0.7}, {1, 0, 1, 1, 0, 1, 0, 0, 0},
                                                    {0, 0, 0, 1, 1, 1, 1, 2, 2}, 3);
    const LogRankResult result = logRank(grouped.data, grouped.group, 3);
    QCOMPARE(result.status, TestStatus::Ok);
    QCOMPARE(result.groups.size(), std::size_t{3});
    QCOMPARE(result.observed, (std::vector<double>{2, 2, 0}));
    VERIFY_NEAR(result.expected[0], 0.62857142857142856);
    VERIFY_NEAR(result.expected[1], 3.37142857142857100);
    QCOMPARE(result.expected[2], 0.0);
    VERIFY_NEAR(result.variance(0, 0), 0.40489795918367344);
    QCOMPARE(result.variance(2, 2), 0.0);
    QCOMPARE(result.df, 1);
    VERIFY_NEAR(result.chisq, 4.6451612903225774);
    VERIFY_NEAR(result.p, 0.031141210595796762);
}

void TestLogRank::degenerateStatus_data()
{
    QTest::addColumn<std::vector<double>>("time");
    QTest::addColumn<std::vector<std::uint8_t>>("event");
    QTest::addColumn<std::vector<int>>("group");
    QTest::addColumn<int>("groupCount");
    QTest::addColumn<TestStatus>("status");

    using T = std::vector<double>;
    using E = std::vector<std::uint8_t>;
    using G = std::vector<int>;
    // R: "There is only 1 group".
    QTest::newRow("one group has rows") << T{1, 2, 3} << E{1, 0, 1} << G{1, 1, 1} << 2 << TestStatus::FewerThanTwoGroups;
    QTest::newRow("no rows at all") << T{} << E{} << G{} << 2 << TestStatus::FewerThanTwoGroups;
    QTest::newRow("every row in no group") << T{1, 2} << E{1, 1} << G{kNoGroup, kNoGroup} << 2
                                           << TestStatus::FewerThanTwoGroups;
    // R: chi-square 0 on -1 degrees of freedom, p NaN.
    QTest::newRow("all censored") << T{1, 2, 3, 4, 5, 6} << E{0, 0, 0, 0, 0, 0} << G{0, 0, 0, 1, 1, 1} << 2
                                  << TestStatus::NoEvents;
    // R: chi-square 0 on 0 degrees of freedom, p 1.
    QTest::newRow("other group censored before first death") << T{1, 2, 3, 4, 5, 6} << E{0, 0, 1, 1, 1, 0}
                                                             << G{0, 0, 1, 1, 1, 1} << 2
                                                             << TestStatus::FewerThanTwoGroupsAtRisk;
    // R: "Lapack routine dgesv: system is exactly singular".
    QTest::newRow("everyone at risk dies at once") << T{1, 1} << E{1, 1} << G{0, 1} << 2
                                                   << TestStatus::SingularVariance;
}

void TestLogRank::degenerateStatus()
{
    QFETCH(std::vector<double>, time);
    QFETCH(std::vector<std::uint8_t>, event);
    QFETCH(std::vector<int>, group);
    QFETCH(int, groupCount);
    QFETCH(TestStatus, status);

    const GroupedSurvival grouped = groupedSurvival(time, event, group, groupCount);
    const LogRankResult result = logRank(grouped.data, grouped.group, groupCount);
    QCOMPARE(result.status, status);
    QCOMPARE(result.chisq, 0.0);
    QCOMPARE(result.df, 0);
    QCOMPARE(result.p, 1.0);
    QVERIFY(std::isfinite(result.p));

    const std::vector<double> scores(static_cast<std::size_t>(groupCount), 0.0);
    std::vector<double> increasing(scores.size());
    for (std::size_t g = 0; g < increasing.size(); ++g)
        increasing[g] = static_cast<double>(g);
    const TrendTestResult trend = logRankTrend(grouped.data, grouped.group, groupCount, increasing);
    QCOMPARE(trend.status, status);
    QCOMPARE(trend.p, 1.0);
}

void TestLogRank::rowsInNoGroupLeftOut()
{
    // kNoGroup rows are not in any risk set: the result equals that of the grouped rows
    // alone, also when kNoGroup rows come last in time.
    const std::vector<double> time{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const std::vector<std::uint8_t> event{1, 1, 0, 1, 1, 0, 1, 1, 1, 1};
    const std::vector<int> group{0, kNoGroup, 1, 0, kNoGroup, 1, 1, 0, kNoGroup, kNoGroup};
    const GroupedSurvival withGaps = groupedSurvival(time, event, group, 2);

    std::vector<double> keptTime;
    std::vector<std::uint8_t> keptEvent;
    std::vector<int> keptGroup;
    for (std::size_t i = 0; i < time.size(); ++i) {
        if (group[i] != kNoGroup) {
            keptTime.push_back(time[i]);
            keptEvent.push_back(event[i]);
            keptGroup.push_back(group[i]);
        }
    }
    const GroupedSurvival kept = groupedSurvival(keptTime, keptEvent, keptGroup, 2);

    for (double rho : {0.0, 1.0}) {
        const LogRankResult a = logRank(withGaps.data, withGaps.group, 2, rho);
        const LogRankResult b = logRank(kept.data, kept.group, 2, rho);
        QCOMPARE(a.n, b.n);
        QCOMPARE(a.observed, b.observed);
        QCOMPARE(a.expected, b.expected);
        QCOMPARE(a.variance, b.variance);
        QCOMPARE(a.chisq, b.chisq);
        QVERIFY(std::isfinite(a.chisq));
    }
}

void TestLogRank::invalidArguments()
{
    const GroupedSurvival grouped = groupedSurvival({1, 2, 3}, {1, 0, 1}, {0, 1, 0}, 2);
    QVERIFY_THROWS_EXCEPTION(InputError, logRank(grouped.data, grouped.group, 2, -1.0));
    QVERIFY_THROWS_EXCEPTION(InputError, logRank(grouped.data, grouped.group, 2, std::numeric_limits<double>::quiet_NaN()));
    const std::vector<int> outOfRange{0, 2, 1};
    QVERIFY_THROWS_EXCEPTION(InputError, logRank(grouped.data, outOfRange, 2));
    const std::vector<int> tooShort{0, 1};
    QVERIFY_THROWS_EXCEPTION(InputError, logRank(grouped.data, tooShort, 2));

    const std::vector<double> twoScores{0, 1};
    QVERIFY_THROWS_EXCEPTION(InputError, logRankTrend(grouped.data, grouped.group, 3, twoScores));
    const std::vector<double> notFinite{0, std::numeric_limits<double>::infinity()};
    QVERIFY_THROWS_EXCEPTION(InputError, logRankTrend(grouped.data, grouped.group, 2, notFinite));
}

QTEST_GUILESS_MAIN(TestLogRank)
#include "tst_logrank.moc"
