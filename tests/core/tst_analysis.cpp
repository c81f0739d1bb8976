// Tests of analyze(): the degenerate analyses a user meets by moving the cut-off, and
// the hard inputs whose correct results are written here (computed with R 4.2.2,
// survival 3.5-3).

#include "analysis/analyze.h"
#include "common/error.h"
#include "support/referencecase.h"

#include <QTest>

#include <algorithm>

using namespace cutofflab;

namespace {

io::Table readCase(const QString& name)
{
    return io::readTable(test::testDataPath(QStringLiteral("cases/%1/input.csv").arg(name)).toStdString());
}

bool hasMessage(const AnalysisResult& result, const std::string& code)
{
    return std::any_of(result.messages.begin(), result.messages.end(),
                       [&](const AnalysisMessage& message) { return message.code == code; });
}

PreparedCohort prepare(const io::Table& table, const std::string& time, const std::string& event,
                       std::vector<std::string> markers, std::vector<std::string> covariates = {})
{
    ColumnRoles roles;
    roles.time = time;
    roles.event = event;
    roles.markers = std::move(markers);
    roles.covariates = std::move(covariates);
    return PreparedCohort(buildCohort(table, roles));
}

AnalysisSpec cutoffSpec(const std::string& marker, double cutoff)
{
    AnalysisSpec spec;
    spec.grouping.marker = marker;
    spec.grouping.cutoff = cutoff;
    return spec;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private slots:
    void reportsInfiniteHazardRatio();
    void reportsCutoffOutsideData_data();
    void reportsCutoffOutsideData();
    void reportsConstantMarker();
    void reportsAllCensored();
    void readsHeavyTiesWithBothMethods();
    void comparesExistingGroups();
    void derivesDeathByMedianOutcome();
    void leavesOutMissingCovariates();
    void rejectsUnknownColumns();
};

void TestAnalysis::reportsInfiniteHazardRatio()
{
    // Case 01: 8 low (6 deaths), 8 high (0 deaths).
    const PreparedCohort prepared = prepare(readCase("01-no-events-in-one-group"), "os_months", "os_event", {"marker"});
    const AnalysisResult result = analyze(prepared, cutoffSpec("marker", 5.0));

    QCOMPARE(result.groups[0].n, 8);
    QCOMPARE(result.groups[0].events, 6);
    QCOMPARE(result.groups[1].events, 0);
    QVERIFY(hasMessage(result, "no_events_in_group"));
    QVERIFY(hasMessage(result, "hr_not_estimable"));

    const CoxFit& fit = result.coxUnivariate->fit;
    QCOMPARE(fit.status, CoxStatus::Diverged);
    QVERIFY(fit.terms[0].infinite);
    QVERIFY(!fit.waldTest.valid);
    QVERIFY(test::fuzzyEqual(fit.lrTest.chisq, 10.77, 1e-3));
    QVERIFY(test::fuzzyEqual(fit.lrTest.p, 0.00103, 5e-3));
    QVERIFY(test::fuzzyEqual(result.logRank->chisq, 8.653, 1e-3));
    QVERIFY(test::fuzzyEqual(result.logRank->p, 0.00326, 5e-3));
    QVERIFY(test::fuzzyEqual(result.logRank->expected[0], 2.4972527472527473));

    // The low group's median is 9.5 under R's rule (S is 0.5 from 8 to 11); high: not reached.
    QCOMPARE(result.km[0].median.estimate, std::optional<double>(9.5));
    QCOMPARE(result.km[0].median.lower, std::optional<double>(6.0));
    QVERIFY(!result.km[0].median.upper);
    QVERIFY(!result.km[1].median.estimate);
}

void TestAnalysis::reportsCutoffOutsideData_data()
{
    QTest::addColumn<double>("cutoff");
    QTest::addColumn<int>("lowCount");
    QTest::newRow("above every value") << 1e6 << 16;
    QTest::newRow("below every value") << -1e6 << 0;
}

void TestAnalysis::reportsCutoffOutsideData()
{
    QFETCH(double, cutoff);
    QFETCH(int, lowCount);
    const PreparedCohort prepared = prepare(readCase("01-no-events-in-one-group"), "os_months", "os_event", {"marker"});
    const AnalysisResult result = analyze(prepared, cutoffSpec("marker", cutoff));
    QCOMPARE(result.groups[0].n, lowCount);
    QVERIFY(hasMessage(result, "empty_group"));
    QCOMPARE(result.logRank->status, TestStatus::FewerThanTwoGroups);
    QVERIFY(hasMessage(result, "fewer_than_two_groups"));
    QVERIFY(result.coxUnivariate->fit.status != CoxStatus::Converged);
}

void TestAnalysis::reportsConstantMarker()
{
    const io::Table table = io::parseDelimited("time,status,m\n1,1,5\n2,0,5\n3,1,5\n4,1,5\n", {});
    const PreparedCohort prepared = prepare(table, "time", "status", {"m"});
    const AnalysisResult result = analyze(prepared, cutoffSpec("m", 5.0));
    QCOMPARE(result.groups[0].n, 0);
    QCOMPARE(result.groups[1].n, 4);
    QVERIFY(hasMessage(result, "empty_group"));
    QCOMPARE(result.logRank->status, TestStatus::FewerThanTwoGroups);
}

void TestAnalysis::reportsAllCensored()
{
    const io::Table table = io::parseDelimited("time,status,m\n1,0,1\n2,0,2\n3,0,3\n4,0,4\n", {});
    const PreparedCohort prepared = prepare(table, "time", "status", {"m"});
    const AnalysisResult result = analyze(prepared, cutoffSpec("m", 2.5));
    QCOMPARE(result.logRank->status, TestStatus::NoEvents);
    QCOMPARE(result.coxUnivariate->fit.status, CoxStatus::NoEvents);
    QVERIFY(hasMessage(result, "no_events"));
    QCOMPARE(result.km[0].curve.back().surv, 1.0);
}

void TestAnalysis::readsHeavyTiesWithBothMethods()
{
    // Case 11: log-HR 1.1589 (Efron) and 1.0566 (Breslow); log-rank chi-square 5.137.
    const PreparedCohort prepared =
        prepare(readCase("11-tied-event-times-efron-breslow"), "pfs_months", "pfs_event", {}, {"marker_group"});
    AnalysisSpec spec;
    spec.grouping.kind = GroupingSpec::Kind::Column;
    spec.grouping.column = "marker_group";
    const AnalysisResult efron = analyze(prepared, spec);
    spec.ties = CoxTies::Breslow;
    const AnalysisResult breslow = analyze(prepared, spec);

    // Groups in factor order: high, low; the term compares low with high.
    QVERIFY(test::fuzzyEqual(-efron.coxUnivariate->fit.terms[0].coef, 1.1589, 1e-4));
    QVERIFY(test::fuzzyEqual(-breslow.coxUnivariate->fit.terms[0].coef, 1.0566, 1e-4));
    QVERIFY(test::fuzzyEqual(efron.logRank->chisq, 5.137, 1e-3));
}

void TestAnalysis::comparesExistingGroups()
{
    // Case 04: three arms, log-rank chi-square 0.144 on 2 df, p 0.931.
    const PreparedCohort prepared = prepare(readCase("04-number-at-risk-table"), "os_months", "os_event", {}, {"arm"});
    AnalysisSpec spec;
    spec.grouping.kind = GroupingSpec::Kind::Column;
    spec.grouping.column = "arm";
    spec.times = {0, 6, 12, 18, 24, 30};
    const AnalysisResult result = analyze(prepared, spec);
    QCOMPARE(result.grouping.names, (std::vector<std::string>{"A", "B", "C"}));
    QCOMPARE(result.logRank->df, 2);
    QVERIFY(test::fuzzyEqual(result.logRank->chisq, 0.144, 5e-3));
    QVERIFY(result.trend.has_value());

    const std::vector<std::vector<int>> atRisk{{6, 5, 3, 2, 1, 0}, {10, 8, 6, 3, 2, 1}, {4, 3, 1, 0, 0, 0}};
    for (std::size_t g = 0; g < 3; ++g) {
        for (std::size_t t = 0; t < 6; ++t)
            QCOMPARE(result.km[g].atTimes[t].nRisk, atRisk[g][t]);
    }
}

void TestAnalysis::derivesDeathByMedianOutcome()
{
    const io::Table table = io::readTable(
        test::testDataPath(QStringLiteral("reference/datasets/SIMULATED_soramic_il6_il8.csv")).toStdString());
    const PreparedCohort prepared = prepare(table, "os_months", "death", {"il6_pg_ml"}, {"objective_response"});
    AnalysisSpec spec = cutoffSpec("il6_pg_ml", 8.58);
    spec.deathByMedian = true;
    spec.outcomeColumn = "objective_response";
    const AnalysisResult result = analyze(prepared, spec);

    // ROC against death before the median survival of 13.8 months: 24 cases, 23 controls.
    QVERIFY(result.roc.has_value());
    QCOMPARE(result.roc->outcome.landmarkTime, std::optional<double>(13.8));
    QCOMPARE(result.roc->roc.nCases, std::size_t{24});
    QCOMPARE(result.roc->roc.nControls, std::size_t{23});
    QVERIFY(test::fuzzyEqual(result.roc->roc.auc, 0.6820652173913043));
    // The response table uses the response column: 6/22 high and 10/20 low respond.
    QVERIFY(result.response.has_value());
    QCOMPARE(result.response->rowGroups, (std::vector<std::string>{"high", "low"}));
    QCOMPARE(result.response->table.table.at(0, 0), std::int64_t{6});
    QCOMPARE(result.response->table.table.at(1, 0), std::int64_t{10});
}

void TestAnalysis::leavesOutMissingCovariates()
{
    const io::Table table = io::parseDelimited(
        "time,status,m,age\n1,1,1,60\n2,1,2,\n3,0,3,70\n4,1,4,65\n5,1,5,NA\n6,0,6,50\n7,1,7,55\n8,1,8,62\n", {});
    const PreparedCohort prepared = prepare(table, "time", "status", {"m"}, {"age"});
    AnalysisSpec spec = cutoffSpec("m", 4.5);
    spec.covariates = {CovariateSpec::parse("age")};
    const AnalysisResult result = analyze(prepared, spec);
    QCOMPARE(result.coxMultivariate->fit.n, 6);
    QCOMPARE(result.coxMultivariate->excluded.size(), std::size_t{2});
    QCOMPARE(result.coxMultivariate->excluded[0].row, std::size_t{2});
    QVERIFY(hasMessage(result, "rows_left_out"));
}

void TestAnalysis::rejectsUnknownColumns()
{
    const io::Table table = io::parseDelimited("time,status,m\n1,1,1\n2,0,2\n", {});
    const PreparedCohort prepared = prepare(table, "time", "status", {"m"});
    QVERIFY_THROWS_EXCEPTION(InputError, analyze(prepared, cutoffSpec("il6", 1.0)));
    AnalysisSpec spec = cutoffSpec("m", 1.5);
    spec.covariates = {CovariateSpec::parse("age<60")};
    QVERIFY_THROWS_EXCEPTION(InputError, analyze(prepared, spec));
}

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
