#include "common/error.h"
#include "data/cohort.h"
#include "data/grouping.h"
#include "support/referencecase.h"

#include <QTest>

using namespace cutofflab;

namespace {

io::Table readCase(const QString& name)
{
    return io::readTable(test::testDataPath(QStringLiteral("cases/%1/input.csv").arg(name)).toStdString());
}

int countEvents(const Cohort& cohort)
{
    int events = 0;
    for (auto e : cohort.event)
        events += e;
    return events;
}

} // namespace

class TestCohort : public QObject {
    Q_OBJECT

private slots:
    void readsFiveEventCodings_data();
    void readsFiveEventCodings();
    void rejectsCensoringFlagWithoutCode();
    void rejectsMultiValuedStatus();
    void rejectsNegativeTimeNamingRow();
    void keepsZeroTimesWithNote();
    void dropsZeroTimesByPolicy();
    void excludesMissingTimeWithReason();
    void replacesBelowLimitByHalf();
    void rejectsTextMarkerNamingRow();
    void matchesReferenceRowCounts_data();
    void matchesReferenceRowCounts();
    void groupsByCutoffRule();
    void groupsByScore();
    void groupsByQuartiles();
};

void TestCohort::readsFiveEventCodings_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("eventValue");
    QTest::addColumn<QString>("expectedEvent");
    QTest::newRow("0/1 detected") << "status_01" << "" << "1";
    QTest::newRow("1/2 detected as R reads it") << "status_12" << "" << "2";
    QTest::newRow("Dead/Alive with messy case") << "vital_status" << "Dead" << "Dead";
    QTest::newRow("Dead/Alive detected") << "vital_status" << "" << "Dead";
    QTest::newRow("TRUE/FALSE detected") << "deceased" << "" << "TRUE";
    QTest::newRow("CDISC CNSR with 0 = event") << "cnsr" << "0" << "0";
}

void TestCohort::readsFiveEventCodings()
{
    QFETCH(QString, column);
    QFETCH(QString, eventValue);
    QFETCH(QString, expectedEvent);
    ColumnRoles roles;
    roles.id = "patient_id";
    roles.time = "os_months";
    roles.event = column.toStdString();
    if (!eventValue.isEmpty())
        roles.eventValue = eventValue.toStdString();
    roles.covariates = {"marker_group"};
    const Cohort cohort = buildCohort(readCase("14-event-status-codings"), roles);
    QCOMPARE(cohort.size(), std::size_t{16});
    QCOMPARE(countEvents(cohort), 9);
    QCOMPARE(QString::fromStdString(cohort.eventCoding.eventValue), expectedEvent);
    QVERIFY(!cohort.notes.empty());
}

void TestCohort::rejectsCensoringFlagWithoutCode()
{
    // CNSR read like a 0/1 event flag would take 1 as the event, swapping events and
    // censorings, so it needs the event code.
    ColumnRoles roles;
    roles.time = "os_months";
    roles.event = "cnsr";
    try {
        buildCohort(readCase("14-event-status-codings"), roles);
        QFAIL("a CNSR column was read without an event code");
    } catch (const InputError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("0 means the event")), error.what());
        QCOMPARE(error.location().column, std::string("cnsr"));
    }
}

void TestCohort::rejectsMultiValuedStatus()
{
    const io::Table table = io::parseDelimited("time,status\n1,0\n2,1\n3,2\n", {});
    ColumnRoles roles;
    roles.time = "time";
    roles.event = "status";
    QVERIFY_THROWS_EXCEPTION(InputError, buildCohort(table, roles));
    roles.eventValue = "2";
    const Cohort cohort = buildCohort(table, roles);
    QCOMPARE(countEvents(cohort), 1);
}

void TestCohort::rejectsNegativeTimeNamingRow()
{
    ColumnRoles roles;
    roles.id = "patient_id";
    roles.time = "os_days";
    roles.event = "os_event";
    try {
        buildCohort(readCase("13-negative-and-zero-times"), roles);
        QFAIL("a negative time was accepted");
    } catch (const InputError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(QStringLiteral("os_days is negative (-14)")), error.what());
        QVERIFY2(message.contains(QStringLiteral("patient Z08")), error.what());
        QVERIFY2(message.contains(QStringLiteral("row 8")), error.what());
        QCOMPARE(error.location().row, std::optional<std::size_t>(8));
        QCOMPARE(error.location().column, std::string("os_days"));
    }
}

void TestCohort::keepsZeroTimesWithNote()
{
    io::Table table = readCase("13-negative-and-zero-times");
    table.rows.erase(table.rows.begin() + 7);   // Z08, the negative time
    ColumnRoles roles;
    roles.id = "patient_id";
    roles.time = "os_days";
    roles.event = "os_event";
    const Cohort cohort = buildCohort(table, roles);
    QCOMPARE(cohort.size(), std::size_t{13});
    bool noted = false;
    for (const auto& note : cohort.notes)
        noted = noted || QString::fromStdString(note).contains(QStringLiteral("follow-up time 0"));
    QVERIFY(noted);
}

void TestCohort::dropsZeroTimesByPolicy()
{
    io::Table table = readCase("13-negative-and-zero-times");
    table.rows.erase(table.rows.begin() + 7);
    ColumnRoles roles;
    roles.id = "patient_id";
    roles.time = "os_days";
    roles.event = "os_event";
    roles.zeroTimes = ZeroTimePolicy::Drop;
    const Cohort cohort = buildCohort(table, roles);
    QCOMPARE(cohort.size(), std::size_t{11});
    QCOMPARE(cohort.excluded.size(), std::size_t{2});
}

void TestCohort::excludesMissingTimeWithReason()
{
    const io::Table table = io::parseDelimited("id,time,status\nA,1,1\nB,,1\nC,abc,0\nD,4,\n", {});
    ColumnRoles roles;
    roles.id = "id";
    roles.time = "time";
    roles.event = "status";
    const Cohort cohort = buildCohort(table, roles);
    QCOMPARE(cohort.size(), std::size_t{1});
    QCOMPARE(cohort.excluded.size(), std::size_t{3});
    QCOMPARE(cohort.excluded[0].row, std::size_t{2});
    QCOMPARE(cohort.excluded[0].reason, std::string("missing follow-up time"));
    QCOMPARE(cohort.excluded[1].value, std::string("abc"));
    QCOMPARE(cohort.excluded[2].id, std::string("D"));
}

void TestCohort::replacesBelowLimitByHalf()
{
    const io::Table table = io::readTable(
        test::testDataPath(QStringLiteral("reference/datasets/SIMULATED_soramic_il6_il8_lod.csv")).toStdString());
    ColumnRoles roles;
    roles.time = "os_months";
    roles.event = "death";
    roles.markers = {"il6_pg_ml"};
    const Cohort cohort = buildCohort(table, roles);
    const CohortColumn& il6 = cohort.column("il6_pg_ml");
    QCOMPARE(il6.belowLimitCount, std::size_t{2});
    QCOMPARE(*il6.values[4], 0.75);
    QCOMPARE(*il6.values[24], 0.75);
}

void TestCohort::rejectsTextMarkerNamingRow()
{
    const io::Table table = io::parseDelimited("time,status,il6\n1,1,3.2\n2,0,high\n", {});
    ColumnRoles roles;
    roles.time = "time";
    roles.event = "status";
    roles.markers = {"il6"};
    try {
        buildCohort(table, roles);
        QFAIL("a text marker was accepted");
    } catch (const InputError& error) {
        QCOMPARE(error.location().row, std::optional<std::size_t>(2));
        QCOMPARE(error.location().value, std::string("high"));
    }
}

void TestCohort::matchesReferenceRowCounts_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("km")))
        QTest::newRow(qPrintable(id)) << id;
}

void TestCohort::matchesReferenceRowCounts()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonObject survival = reference.json.value(QStringLiteral("survival")).toObject();
    const QJsonObject grouping = reference.json.value(QStringLiteral("grouping")).toObject();

    ColumnRoles roles;
    roles.time = survival.value(QStringLiteral("time_column")).toString().toStdString();
    roles.event = survival.value(QStringLiteral("event_column")).toString().toStdString();
    roles.eventValue = QString::number(survival.value(QStringLiteral("event_value")).toDouble()).toStdString();
    if (grouping.value(QStringLiteral("type")).toString() == QLatin1String("score")) {
        for (const auto& component : grouping.value(QStringLiteral("components")).toArray())
            roles.markers.push_back(component.toObject().value(QStringLiteral("marker")).toString().toStdString());
    } else {
        roles.markers.push_back(grouping.value(QStringLiteral("marker")).toString().toStdString());
    }
    const Cohort cohort = buildCohort(reference.table, roles);

    Grouping groups;
    if (grouping.value(QStringLiteral("type")).toString() == QLatin1String("score")) {
        const QJsonArray components = grouping.value(QStringLiteral("components")).toArray();
        const auto part = [&](int k) { return components[k].toObject(); };
        const auto rule = [](const QJsonObject& c) {
            return c.value(QStringLiteral("rule")).toString() == QLatin1String(">") ? CutoffRule::Greater : CutoffRule::GreaterOrEqual;
        };
        groups = groupByScore(cohort.column(part(0).value(QStringLiteral("marker")).toString().toStdString()),
                              part(0).value(QStringLiteral("cutoff")).toDouble(), rule(part(0)),
                              cohort.column(part(1).value(QStringLiteral("marker")).toString().toStdString()),
                              part(1).value(QStringLiteral("cutoff")).toDouble(), rule(part(1)));
    } else {
        groups = groupByCutoff(cohort.column(roles.markers.front()), grouping.value(QStringLiteral("cutoff")).toDouble(),
                               grouping.value(QStringLiteral("high_rule")).toString() == QLatin1String(">")
                                   ? CutoffRule::Greater
                                   : CutoffRule::GreaterOrEqual);
    }

    const QJsonObject rows = reference.json.value(QStringLiteral("rows")).toObject();
    int analysed = 0;
    for (int g : groups.group)
        analysed += g >= 0 ? 1 : 0;
    CUTOFFLAB_COMPARE_COUNT("rows.analysed", analysed, rows.value(QStringLiteral("analysed")));
    // The case counts a row without marker and without survival once, as missing marker.
    CUTOFFLAB_COMPARE_COUNT("rows left out", static_cast<long long>(cohort.rowsInFile) - analysed,
                            rows.value(QStringLiteral("left_out_missing_marker")).toInt()
                                + rows.value(QStringLiteral("left_out_missing_survival")).toInt());

    const std::vector<int> sizes = groups.sizes();
    const QJsonArray expectedGroups = reference.json.value(QStringLiteral("groups")).toArray();
    for (int g = 0; g < groups.groupCount; ++g) {
        CUTOFFLAB_COMPARE_COUNT("groups.n", sizes[static_cast<std::size_t>(g)],
                                expectedGroups[g].toObject().value(QStringLiteral("n")));
    }
}

void TestCohort::groupsByCutoffRule()
{
    CohortColumn marker;
    marker.name = "m";
    marker.numeric = true;
    marker.values = {1.0, 5.0, 7.0, std::nullopt};
    const Grouping ge = groupByCutoff(marker, 5.0, CutoffRule::GreaterOrEqual);
    QCOMPARE(ge.group, (std::vector<int>{0, 1, 1, -1}));
    const Grouping gt = groupByCutoff(marker, 5.0, CutoffRule::Greater);
    QCOMPARE(gt.group, (std::vector<int>{0, 0, 1, -1}));
}

void TestCohort::groupsByScore()
{
    CohortColumn a;
    a.name = "a";
    a.numeric = true;
    a.values = {1.0, 9.0, 9.0, 1.0};
    CohortColumn b = a;
    b.name = "b";
    b.values = {10.0, 10.0, 90.0, 90.0};
    const Grouping score = groupByScore(a, 8.58, CutoffRule::GreaterOrEqual, b, 57.9, CutoffRule::GreaterOrEqual);
    QCOMPARE(score.group, (std::vector<int>{0, 1, 2, 1}));
}

void TestCohort::groupsByQuartiles()
{
    CohortColumn marker;
    marker.name = "m";
    marker.numeric = true;
    for (int i = 1; i <= 8; ++i)
        marker.values.emplace_back(double(i));
    const Grouping quartiles = groupByQuantiles(marker, 4, CutoffRule::GreaterOrEqual);
    QCOMPARE(quartiles.cutpoints.size(), std::size_t{3});
    QCOMPARE(quartiles.cutpoints[0], 2.75);   // R: quantile(1:8, 0.25) = 2.75
    QCOMPARE(quartiles.cutpoints[1], 4.5);
    QCOMPARE(quartiles.sizes(), (std::vector<int>{2, 2, 2, 2}));
}

QTEST_GUILESS_MAIN(TestCohort)
#include "tst_cohort.moc"
