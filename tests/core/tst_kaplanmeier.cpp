// Kaplan-Meier estimates against R's survival 3.5-3: every km field of the reference
// cases, the hard inputs under tests/data/cases, hand-computed textbook cases, and
// values computed with Rscript where noted (survfit, summary, quantile, print(rmean)).

#include "common/error.h"
#include "io/table.h"
#include "survival/km.h"
#include "support/referencecase.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

using namespace cutofflab;

namespace {

/// Sorted survival data with the group of each sorted row.
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

SortedSurvival sortedSurvival(const std::vector<double>& time, const std::vector<std::uint8_t>& event)
{
    return SortedSurvival::fromUnsorted(time, event);
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

KmOptions optionsWith(ConfType type, std::vector<double> times = {})
{
    KmOptions options;
    options.confType = type;
    options.times = std::move(times);
    return options;
}

bool near(double actual, double expected, double relative = 1e-12)
{
    return test::fuzzyEqual(actual, expected, relative);
}

QString describe(const std::optional<double>& value)
{
    return value ? QString::number(*value, 'g', 17) : QStringLiteral("empty");
}

/// Empty when value equals expected (both empty, or within 1e-12 relative).
QString mismatch(const std::optional<double>& value, const std::optional<double>& expected)
{
    if (!value && !expected)
        return {};
    if (value && expected && near(*value, *expected))
        return {};
    return QStringLiteral("got %1, expected %2").arg(describe(value), describe(expected));
}

#define COMPARE_OPTIONAL(label, actual, expected)                                           \
    do {                                                                                    \
        const QString problem_ = mismatch((actual), (expected));                            \
        QVERIFY2(problem_.isEmpty(), qPrintable(QString(label) + QStringLiteral(": ") + problem_)); \
    } while (false)

constexpr std::optional<double> kNotReached = std::nullopt;

} // namespace

class TestKaplanMeier : public QObject {
    Q_OBJECT

private slots:
    void referenceCurve_data();
    void referenceCurve();
    void referenceStrataReturned_data();
    void referenceStrataReturned();

    void numberAtRiskAtBreakPoints_data();
    void numberAtRiskAtBreakPoints();
    void medianNotReachedAndFlatHalf_data();
    void medianNotReachedAndFlatHalf();
    void quartilesOnFlatSegments();
    void zeroTimesKept();
    void zeroTimeBeforeFirstTimeOfOtherGroup();
    void eventCodingZeroOne();

    void noCensoringIsEmpiricalSurvival();
    void allCensored_data();
    void allCensored();
    void oneEvent();
    void heavyTies();
    void survivalReachesZero_data();
    void survivalReachesZero();
    void plainIntervalClipped();
    void confidenceLevelNinety();
    void medianRuleWhenCurveEndsAtHalf();
    void quartileOfNonMonotoneLimit();
    void restrictedMean_data();
    void restrictedMean();
    void restrictedMeanBeforeFirstTime();
    void requestedTimesKeepCallerOrder();
    void groupsEqualSubsets();
    void reusedResultsMatchFresh();
    void emptyGroupAndEmptyData();
    void invalidArguments_data();
    void invalidArguments();
};

// ---------------------------------------------------------------------------------------
// Reference cases: every field of every km block.

void TestKaplanMeier::referenceCurve_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QString>("curveName");   // "overall" or a group name

    for (const QString& id : test::referenceCaseIds(QStringLiteral("km"))) {
        const test::ReferenceCase reference = test::loadReferenceCase(id);
        QTest::newRow(qPrintable(id + QStringLiteral("/overall"))) << id << QStringLiteral("overall");
        for (const QString& name : reference.groupNames)
            QTest::newRow(qPrintable(id + QLatin1Char('/') + name)) << id << name;
    }
}

void TestKaplanMeier::referenceCurve()
{
    QFETCH(QString, caseId);
    QFETCH(QString, curveName);

    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonObject km = reference.json[QStringLiteral("km")].toObject();
    QVERIFY(near(km[QStringLiteral("conf_level")].toDouble(), 0.95));

    std::vector<double> times;
    for (const QJsonValue& t : km[QStringLiteral("times")].toArray())
        times.push_back(t.toDouble());

    const GroupedSurvival grouped =
        groupedSurvival(reference.time, reference.event, reference.group, reference.groupCount);

    // The expected block, and our estimates with the log and the log-log interval.
    QJsonObject expected;
    KaplanMeier withLog;
    KaplanMeier withLogLog;
    if (curveName == QLatin1String("overall")) {
        expected = km[QStringLiteral("overall")].toObject();
        withLog = kaplanMeier(grouped.data, optionsWith(ConfType::Log, times));
        withLogLog = kaplanMeier(grouped.data, optionsWith(ConfType::LogLog, times));
    } else {
        for (const QJsonValue& entry : km[QStringLiteral("groups")].toArray()) {
            if (entry[QStringLiteral("group")].toVariant().toString() == curveName)
                expected = entry.toObject();
        }
        QVERIFY2(!expected.isEmpty(), "group missing from the km block");
        const auto index = static_cast<std::size_t>(reference.groupNames.indexOf(curveName));
        withLog = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount,
                                     optionsWith(ConfType::Log, times))[index];
        withLogLog = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount,
                                        optionsWith(ConfType::LogLog, times))[index];
    }

    CUTOFFLAB_COMPARE_COUNT("n", withLog.n, expected[QStringLiteral("n")]);
    CUTOFFLAB_COMPARE_COUNT("events", withLog.events, expected[QStringLiteral("events")]);

    if (expected[QStringLiteral("empty")].toBool()) {
        QVERIFY(withLog.curve.empty());
        QVERIFY(withLog.atTimes.empty());
        QVERIFY(!withLog.median.estimate);
        return;
    }

    // Median with both interval types.
    const auto tolerance = [&](const char* field) { return reference.tolerance(QStringLiteral("km.") + field); };
    const QJsonObject median = expected[QStringLiteral("median")].toObject();
    const QJsonObject medianLog = median[QStringLiteral("log")].toObject();
    const QJsonObject medianLogLog = median[QStringLiteral("log_log")].toObject();
    CUTOFFLAB_COMPARE_NUMBER("median.log.estimate", withLog.median.estimate, medianLog[QStringLiteral("estimate")], tolerance("median"));
    CUTOFFLAB_COMPARE_NUMBER("median.log.lower", withLog.median.lower, medianLog[QStringLiteral("lower")], tolerance("median"));
    CUTOFFLAB_COMPARE_NUMBER("median.log.upper", withLog.median.upper, medianLog[QStringLiteral("upper")], tolerance("median"));
    CUTOFFLAB_COMPARE_NUMBER("median.log_log.estimate", withLogLog.median.estimate, medianLogLog[QStringLiteral("estimate")], tolerance("median"));
    CUTOFFLAB_COMPARE_NUMBER("median.log_log.lower", withLogLog.median.lower, medianLogLog[QStringLiteral("lower")], tolerance("median"));
    CUTOFFLAB_COMPARE_NUMBER("median.log_log.upper", withLogLog.median.upper, medianLogLog[QStringLiteral("upper")], tolerance("median"));

    // Survival at the named times.
    const QJsonArray atTimes = expected[QStringLiteral("at_times")].toArray();
    QCOMPARE(withLog.atTimes.size(), static_cast<std::size_t>(atTimes.size()));
    for (qsizetype i = 0; i < atTimes.size(); ++i) {
        const QJsonObject want = atTimes[i].toObject();
        const KmAtTime& log = withLog.atTimes[static_cast<std::size_t>(i)];
        const KmAtTime& logLog = withLogLog.atTimes[static_cast<std::size_t>(i)];
        const QString at = QStringLiteral("at_times[%1] ").arg(i);
        CUTOFFLAB_COMPARE_NUMBER(at + "time", std::optional<double>(log.time), want[QStringLiteral("time")], tolerance("at_times"));
        CUTOFFLAB_COMPARE_COUNT(at + "n_risk", log.nRisk, want[QStringLiteral("n_risk")]);
        CUTOFFLAB_COMPARE_COUNT(at + "events_up_to_time", log.eventsUpToTime, want[QStringLiteral("events_up_to_time")]);
        QCOMPARE(log.beyondLastFollowUp, want[QStringLiteral("beyond_last_follow_up")].toBool());
        CUTOFFLAB_COMPARE_NUMBER(at + "surv", std::optional<double>(log.surv), want[QStringLiteral("surv")], tolerance("at_times"));
        CUTOFFLAB_COMPARE_NUMBER(at + "std_err", log.stdErr, want[QStringLiteral("std_err")], tolerance("at_times"));
        CUTOFFLAB_COMPARE_NUMBER(at + "log.lower", log.lower, want[QStringLiteral("log")][QStringLiteral("lower")], tolerance("at_times"));
        CUTOFFLAB_COMPARE_NUMBER(at + "log.upper", log.upper, want[QStringLiteral("log")][QStringLiteral("upper")], tolerance("at_times"));
        CUTOFFLAB_COMPARE_NUMBER(at + "log_log.lower", logLog.lower, want[QStringLiteral("log_log")][QStringLiteral("lower")], tolerance("at_times"));
        CUTOFFLAB_COMPARE_NUMBER(at + "log_log.upper", logLog.upper, want[QStringLiteral("log_log")][QStringLiteral("upper")], tolerance("at_times"));
    }

    // The whole curve, every column.
    const QJsonObject curve = expected[QStringLiteral("curve")].toObject();
    const QJsonArray time = curve[QStringLiteral("time")].toArray();
    QCOMPARE(withLog.curve.size(), static_cast<std::size_t>(time.size()));
    for (qsizetype i = 0; i < time.size(); ++i) {
        const KmPoint& log = withLog.curve[static_cast<std::size_t>(i)];
        const KmPoint& logLog = withLogLog.curve[static_cast<std::size_t>(i)];
        const auto column = [&](const char* name) { return curve[QLatin1String(name)].toArray()[i]; };
        const QString at = QStringLiteral("curve[%1] ").arg(i);
        CUTOFFLAB_COMPARE_NUMBER(at + "time", std::optional<double>(log.time), column("time"), tolerance("curve"));
        CUTOFFLAB_COMPARE_COUNT(at + "n_risk", log.nRisk, column("n_risk"));
        CUTOFFLAB_COMPARE_COUNT(at + "n_event", log.nEvent, column("n_event"));
        CUTOFFLAB_COMPARE_COUNT(at + "n_censor", log.nCensor, column("n_censor"));
        CUTOFFLAB_COMPARE_NUMBER(at + "surv", std::optional<double>(log.surv), column("surv"), tolerance("curve"));
        CUTOFFLAB_COMPARE_NUMBER(at + "std_err", log.stdErr, column("std_err"), tolerance("curve"));
        CUTOFFLAB_COMPARE_NUMBER(at + "lower_log", log.lower, column("lower_log"), tolerance("curve"));
        CUTOFFLAB_COMPARE_NUMBER(at + "upper_log", log.upper, column("upper_log"), tolerance("curve"));
        CUTOFFLAB_COMPARE_NUMBER(at + "lower_log_log", logLog.lower, column("lower_log_log"), tolerance("curve"));
        CUTOFFLAB_COMPARE_NUMBER(at + "upper_log_log", logLog.upper, column("upper_log_log"), tolerance("curve"));
    }
}

void TestKaplanMeier::referenceStrataReturned_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("km")))
        QTest::newRow(qPrintable(id)) << id;
}

// survfit returns a curve exactly for the groups with rows; here those are the groups
// with n > 0. (With one non-empty group survfit returns it unlabelled, and the case
// lists no strata.)
void TestKaplanMeier::referenceStrataReturned()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const GroupedSurvival grouped =
        groupedSurvival(reference.time, reference.event, reference.group, reference.groupCount);
    const auto estimates = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount, KmOptions{});

    QStringList nonEmpty;
    for (std::size_t g = 0; g < estimates.size(); ++g) {
        QCOMPARE(estimates[g].n > 0, !estimates[g].curve.empty());
        if (estimates[g].n > 0)
            nonEmpty << reference.groupNames[static_cast<qsizetype>(g)];
    }
    QStringList returned;
    for (const QJsonValue& name : reference.json[QStringLiteral("km")][QStringLiteral("strata_returned_by_survfit")].toArray())
        returned << name.toVariant().toString();
    if (nonEmpty.size() > 1)
        QCOMPARE(nonEmpty, returned);
    else
        QVERIFY(returned.isEmpty());
}

// ---------------------------------------------------------------------------------------
// Hard inputs under tests/data/cases.

void TestKaplanMeier::numberAtRiskAtBreakPoints_data()
{
    // Number at risk = rows with follow-up >= t, so a row that dies or is censored
    // exactly on a break point still counts there. Expected values from
    // summary(survfit(Surv(os_months, os_event) ~ arm), times = c(0, 6, 12, 18, 24, 30),
    // extend = TRUE), R survival 3.5-3.
    QTest::addColumn<int>("arm");
    QTest::addColumn<std::vector<int>>("nRisk");
    QTest::addColumn<std::vector<int>>("eventsUpTo");
    QTest::addColumn<std::vector<double>>("surv");
    QTest::addColumn<std::vector<double>>("stdErr");
    QTest::addColumn<std::vector<double>>("lowerLog");
    QTest::addColumn<std::vector<double>>("upperLog");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("medianLower");

    QTest::newRow("arm A") << 0 << std::vector<int>{6, 5, 3, 2, 1, 0} << std::vector<int>{0, 2, 2, 3, 3, 3}
                           << std::vector<double>{1, 2.0 / 3, 2.0 / 3, 4.0 / 9, 4.0 / 9, 4.0 / 9}
                           << std::vector<double>{0, 0.19245008972987529, 0.19245008972987529, 0.22222222222222224,
                                                  0.22222222222222224, 0.22222222222222224}
                           << std::vector<double>{1, 0.378606460887095098, 0.378606460887095098, 0.166807936628078524,
                                                  0.166807936628078524, 0.166807936628078524}
                           << std::vector<double>(6, 1.0) << 13.0 << 6.0;
    QTest::newRow("arm B") << 1 << std::vector<int>{10, 8, 6, 3, 2, 1} << std::vector<int>{0, 2, 4, 5, 5, 5}
                           << std::vector<double>{1, 0.7875, 0.5625, 0.421875, 0.421875, 0.421875}
                           << std::vector<double>{0, 0.13403299500496135, 0.16506390807805321, 0.17365906455790034,
                                                  0.17365906455790034, 0.17365906455790034}
                           << std::vector<double>{1, 0.564125231513673331, 0.316475454363994269, 0.188277462014563274,
                                                  0.188277462014563274, 0.188277462014563274}
                           << std::vector<double>{1, 1, 0.99978132786274598, 0.94529910123407834, 0.94529910123407834,
                                                  0.94529910123407834}
                           << 15.0 << 9.0;
    QTest::newRow("arm C") << 2 << std::vector<int>{4, 3, 1, 0, 0, 0} << std::vector<int>{0, 1, 2, 2, 2, 2}
                           << std::vector<double>{1, 0.75, 0.375, 0.375, 0.375, 0.375}
                           << std::vector<double>{0, 0.21650635094610965, 0.28641098093474004, 0.28641098093474004,
                                                  0.28641098093474004, 0.28641098093474004}
                           << std::vector<double>{1, 0.425932268497982047, 0.083929638104579832, 0.083929638104579832,
                                                  0.083929638104579832, 0.083929638104579832}
                           << std::vector<double>(6, 1.0) << 11.0 << 3.0;
}

void TestKaplanMeier::numberAtRiskAtBreakPoints()
{
    QFETCH(int, arm);
    QFETCH(std::vector<int>, nRisk);
    QFETCH(std::vector<int>, eventsUpTo);
    QFETCH(std::vector<double>, surv);
    QFETCH(std::vector<double>, stdErr);
    QFETCH(std::vector<double>, lowerLog);
    QFETCH(std::vector<double>, upperLog);
    QFETCH(double, median);
    QFETCH(double, medianLower);

    const GroupedSurvival grouped =
        readHardCase(QStringLiteral("04-number-at-risk-table"), "os_months", "os_event", "arm", {"A", "B", "C"});
    const std::vector<double> breaks{0, 6, 12, 18, 24, 30};
    const auto estimates =
        kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount, optionsWith(ConfType::Log, breaks));
    const KaplanMeier& km = estimates[static_cast<std::size_t>(arm)];

    QCOMPARE(km.atTimes.size(), breaks.size());
    const double lastFollowUp = km.curve.back().time;
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        const KmAtTime& at = km.atTimes[i];
        const QByteArray where = "t = " + QByteArray::number(breaks[i]);
        QCOMPARE(at.time, breaks[i]);
        QVERIFY2(at.nRisk == nRisk[i], where);
        QVERIFY2(at.eventsUpToTime == eventsUpTo[i], where);
        QVERIFY2(near(at.surv, surv[i]), where);
        QVERIFY2(at.stdErr && near(*at.stdErr, stdErr[i]), where);
        QVERIFY2(at.lower && near(*at.lower, lowerLog[i]), where);
        QVERIFY2(at.upper && near(*at.upper, upperLog[i]), where);
        QCOMPARE(at.beyondLastFollowUp, breaks[i] > lastFollowUp);
    }
    QCOMPARE(km.median.estimate, std::optional<double>(median));
    QCOMPARE(km.median.lower, std::optional<double>(medianLower));
    QCOMPARE(km.median.upper, kNotReached);
}

void TestKaplanMeier::medianNotReachedAndFlatHalf_data()
{
    // quantile(survfit(Surv(os_months, os_event) ~ marker_group, conf.type = ...)) and
    // summary(fit)$table, R survival 3.5-3. Groups: 0 high, 1 low, 2 mid. A value of
    // -1 stands for "not reached". The median of "low" is 11.5 because S is exactly 0.5
    // from month 8 to month 15; the 25th percentile of "high" is 7 because S is 0.75
    // from month 5 to month 9.
    QTest::addColumn<ConfType>("type");
    QTest::addColumn<int>("group");
    QTest::addColumn<std::vector<double>>("quantile");   // 25, 50, 75
    QTest::addColumn<std::vector<double>>("lower");
    QTest::addColumn<std::vector<double>>("upper");

    using V = std::vector<double>;
    QTest::newRow("log high") << ConfType::Log << 0 << V{7, -1, -1} << V{3, 9, -1} << V{-1, -1, -1};
    QTest::newRow("log low") << ConfType::Log << 1 << V{5, 11.5, -1} << V{2, 6, 15} << V{-1, -1, -1};
    QTest::newRow("log mid") << ConfType::Log << 2 << V{11, 16, -1} << V{9, 11, 16} << V{-1, -1, -1};
    QTest::newRow("log-log high") << ConfType::LogLog << 0 << V{7, -1, -1} << V{3, 3, 9} << V{-1, -1, -1};
    QTest::newRow("log-log low") << ConfType::LogLog << 1 << V{5, 11.5, -1} << V{2, 2, 6} << V{15, -1, -1};
    QTest::newRow("log-log mid") << ConfType::LogLog << 2 << V{11, 16, -1} << V{9, 9, 9} << V{-1, -1, -1};
    QTest::newRow("plain high") << ConfType::Plain << 0 << V{7, -1, -1} << V{3, 5, 9} << V{-1, -1, -1};
    QTest::newRow("plain low") << ConfType::Plain << 1 << V{5, 11.5, -1} << V{2, 4, 8} << V{15, -1, -1};
    QTest::newRow("plain mid") << ConfType::Plain << 2 << V{11, 16, -1} << V{9, 9, 11} << V{-1, -1, -1};
}

void TestKaplanMeier::medianNotReachedAndFlatHalf()
{
    QFETCH(ConfType, type);
    QFETCH(int, group);
    QFETCH(std::vector<double>, quantile);
    QFETCH(std::vector<double>, lower);
    QFETCH(std::vector<double>, upper);

    const GroupedSurvival grouped = readHardCase(QStringLiteral("12-km-median-not-reached-ci-na"), "os_months",
                                                 "os_event", "marker_group", {"high", "low", "mid"});
    const auto estimates = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount, optionsWith(type));
    const KaplanMeier& km = estimates[static_cast<std::size_t>(group)];

    const auto value = [](double v) { return v < 0 ? kNotReached : std::optional<double>(v); };
    QCOMPARE(km.quartiles.size(), std::size_t{3});
    for (std::size_t j = 0; j < 3; ++j) {
        const QString label = QStringLiteral("quantile %1 ").arg(km.quartiles[j].probability);
        COMPARE_OPTIONAL(label + "estimate", km.quartiles[j].estimate, value(quantile[j]));
        COMPARE_OPTIONAL(label + "lower", km.quartiles[j].lower, value(lower[j]));
        COMPARE_OPTIONAL(label + "upper", km.quartiles[j].upper, value(upper[j]));
    }
    // The summary table gives the same median here: no curve ends exactly at 0.5.
    COMPARE_OPTIONAL("median", km.median.estimate, value(quantile[1]));
    COMPARE_OPTIONAL("median lower", km.median.lower, value(lower[1]));
    COMPARE_OPTIONAL("median upper", km.median.upper, value(upper[1]));
}

void TestKaplanMeier::quartilesOnFlatSegments()
{
    // The curve values of case 12 with the log interval, from
    // summary(survfit(...), censored = TRUE), R survival 3.5-3.
    const GroupedSurvival grouped = readHardCase(QStringLiteral("12-km-median-not-reached-ci-na"), "os_months",
                                                 "os_event", "marker_group", {"high", "low", "mid"});
    const auto estimates = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount, KmOptions{});

    const KaplanMeier& high = estimates[0];
    QCOMPARE(high.curve.size(), std::size_t{8});
    QVERIFY(near(high.curve[3].surv, 0.6));
    QVERIFY(near(*high.curve[3].stdErr, 0.18165902124584954));
    QVERIFY(near(*high.curve[3].lower, 0.33146462434329693));
    QCOMPARE(*high.curve[3].upper, 1.0);
    QCOMPARE(high.curve.back().time, 26.0);

    const KaplanMeier& low = estimates[1];
    QCOMPARE(low.curve[3].time, 8.0);
    QCOMPARE(low.curve[3].surv, 0.5);
    QVERIFY(near(*low.curve[3].upper, 0.99980475067852370));
    QVERIFY(near(low.curve[5].surv, 1.0 / 3));
    QVERIFY(near(*low.curve[5].lower, 0.11565845102404050));
    QVERIFY(near(*low.curve[5].upper, 0.96068302944862882));

    const KaplanMeier& mid = estimates[2];
    QCOMPARE(mid.curve[0].nEvent, 0);
    QCOMPARE(mid.curve[0].surv, 1.0);
    QCOMPARE(mid.curve[0].stdErr, std::optional<double>(0.0));
    QVERIFY(near(mid.curve[3].surv, 0.4));
    QVERIFY(near(*mid.curve[3].lower, 0.13672178038905075));
}

void TestKaplanMeier::zeroTimesKept()
{
    // Case 13 without the row of negative time (the cohort builder rejects that row).
    // Times of 0 are kept as R keeps them: the death at day 0 is the first point of
    // "high", and the number at risk at day 0 is 7. Values from survfit, summary(fit,
    // censored = TRUE) and summary(fit, times = c(0, 45, 100), extend = TRUE).
    const GroupedSurvival grouped = readHardCase(QStringLiteral("13-negative-and-zero-times"), "os_days", "os_event",
                                                 "marker_group", {"high", "low"}, "Z08");
    const auto estimates = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount,
                                              optionsWith(ConfType::Log, {0, 45, 100}));
    const KaplanMeier& high = estimates[0];
    const KaplanMeier& low = estimates[1];
    QCOMPARE(high.n, 7);
    QCOMPARE(low.n, 6);
    QCOMPARE(high.events, 4);
    QCOMPARE(low.events, 3);

    const std::vector<double> highTimes{0, 45, 120, 200, 310, 400};
    const std::vector<double> highSurv{6.0 / 7, 0.68571428571428572, 0.51428571428571423, 0.51428571428571423,
                                       0.25714285714285712, 0.25714285714285712};
    const std::vector<double> highStdErr{0.13226001425322162, 0.18629422792615069, 0.20386927727282358,
                                         0.20386927727282358, 0.20845118143999994, 0.20845118143999994};
    QCOMPARE(high.curve.size(), highTimes.size());
    for (std::size_t i = 0; i < highTimes.size(); ++i) {
        QCOMPARE(high.curve[i].time, highTimes[i]);
        QVERIFY(near(high.curve[i].surv, highSurv[i]));
        QVERIFY(near(*high.curve[i].stdErr, highStdErr[i]));
    }
    QCOMPARE(high.curve[0].nRisk, 7);
    QCOMPARE(high.curve[0].nEvent, 1);
    QCOMPARE(high.curve[0].nCensor, 1);
    QVERIFY(near(*high.curve[0].lower, 0.633446529012149595));

    const std::vector<double> lowSurv{0.83333333333333337, 0.83333333333333337, 0.625, 0.625, 0.3125, 0.3125};
    QCOMPARE(low.curve.size(), lowSurv.size());
    for (std::size_t i = 0; i < lowSurv.size(); ++i)
        QVERIFY(near(low.curve[i].surv, lowSurv[i]));

    QCOMPARE(high.median.estimate, std::optional<double>(310.0));
    QCOMPARE(high.median.lower, std::optional<double>(45.0));
    QCOMPARE(high.median.upper, kNotReached);
    QCOMPARE(low.median.estimate, std::optional<double>(420.0));
    QCOMPARE(low.median.lower, std::optional<double>(240.0));

    // At day 0 "high" has 7 at risk and 1 event, and S already includes that death.
    const KmAtTime& atZero = high.atTimes[0];
    QCOMPARE(atZero.nRisk, 7);
    QCOMPARE(atZero.eventsUpToTime, 1);
    QCOMPARE(atZero.censoredUpToTime, 1);
    QVERIFY(near(atZero.surv, 6.0 / 7));
    QCOMPARE(high.atTimes[1].nRisk, 5);
    QCOMPARE(high.atTimes[2].nRisk, 4);
    QCOMPARE(high.atTimes[2].eventsUpToTime, 2);
    QVERIFY(near(high.atTimes[2].surv, 0.68571428571428572));
}

void TestKaplanMeier::zeroTimeBeforeFirstTimeOfOtherGroup()
{
    // A requested time before a group's first time reads R's added origin row:
    // S = 1, std.err 0 and limits 1 for every interval type, log-log included.
    const GroupedSurvival grouped = readHardCase(QStringLiteral("13-negative-and-zero-times"), "os_days", "os_event",
                                                 "marker_group", {"high", "low"}, "Z08");
    for (ConfType type : {ConfType::Log, ConfType::LogLog, ConfType::Plain}) {
        const KaplanMeier low = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount,
                                                   optionsWith(type, {0, 45, 100}))[1];
        for (std::size_t i = 0; i < 2; ++i) {
            QCOMPARE(low.atTimes[i].nRisk, 6);
            QCOMPARE(low.atTimes[i].eventsUpToTime, 0);
            QCOMPARE(low.atTimes[i].surv, 1.0);
            QCOMPARE(low.atTimes[i].stdErr, std::optional<double>(0.0));
            QCOMPARE(low.atTimes[i].lower, std::optional<double>(1.0));
            QCOMPARE(low.atTimes[i].upper, std::optional<double>(1.0));
        }
        QCOMPARE(low.atTimes[2].nRisk, 5);
        QVERIFY(near(low.atTimes[2].surv, 5.0 / 6));
    }
}

void TestKaplanMeier::eventCodingZeroOne()
{
    // Case 14 with the 0/1 status column (the cohort builder maps every other coding to
    // it). Values from summary(survfit(Surv(os_months, status_01) ~ marker_group)).
    const GroupedSurvival grouped = readHardCase(QStringLiteral("14-event-status-codings"), "os_months", "status_01",
                                                 "marker_group", {"high", "low"});
    const auto estimates = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount, KmOptions{});
    const KaplanMeier& high = estimates[0];
    const KaplanMeier& low = estimates[1];
    QCOMPARE(high.n, 8);
    QCOMPARE(high.events, 5);
    QCOMPARE(low.n, 8);
    QCOMPARE(low.events, 4);

    std::vector<double> highEventSurv;
    std::vector<double> lowEventSurv;
    for (const KmPoint& point : high.curve)
        if (point.nEvent > 0)
            highEventSurv.push_back(point.surv);
    for (const KmPoint& point : low.curve)
        if (point.nEvent > 0)
            lowEventSurv.push_back(point.surv);
    const std::vector<double> expectedHigh{0.875, 0.72916666666666674, 0.58333333333333337, 0.38888888888888890, 0.0};
    const std::vector<double> expectedLow{0.875, 0.75, 0.6, 0.3};
    QCOMPARE(highEventSurv.size(), expectedHigh.size());
    for (std::size_t i = 0; i < expectedHigh.size(); ++i)
        QVERIFY(near(highEventSurv[i], expectedHigh[i]));
    QCOMPARE(lowEventSurv.size(), expectedLow.size());
    for (std::size_t i = 0; i < expectedLow.size(); ++i)
        QVERIFY(near(lowEventSurv[i], expectedLow[i]));

    QCOMPARE(high.median.estimate, std::optional<double>(13.0));
    QCOMPARE(high.median.lower, std::optional<double>(7.0));
    QCOMPARE(high.median.upper, kNotReached);
    QCOMPARE(low.median.estimate, std::optional<double>(14.0));
    QCOMPARE(low.median.lower, std::optional<double>(8.0));
    QCOMPARE(low.median.upper, kNotReached);

    // S reaches 0 at month 18 in "high": no standard error and no interval there.
    const KmPoint& last = high.curve.back();
    QCOMPARE(last.time, 18.0);
    QCOMPARE(last.surv, 0.0);
    QVERIFY(!last.stdErr);
    QVERIFY(!last.lower);
    QVERIFY(!last.upper);
}

// ---------------------------------------------------------------------------------------
// Textbook cases.

void TestKaplanMeier::noCensoringIsEmpiricalSurvival()
{
    // Without censoring S(t) is the share of rows with time > t, and Greenwood's variance
    // reduces to the binomial S (1 - S) / n.
    const std::vector<double> time{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
    const std::vector<std::uint8_t> event(time.size(), 1);
    const KaplanMeier km = kaplanMeier(sortedSurvival(time, event), KmOptions{});
    const double n = static_cast<double>(time.size());

    QCOMPARE(km.n, 12);
    QCOMPARE(km.events, 12);
    QCOMPARE(km.curve.size(), std::size_t{8});   // distinct times 1 2 3 4 5 6 8 9
    for (const KmPoint& point : km.curve) {
        const auto later = std::count_if(time.begin(), time.end(), [&](double t) { return t > point.time; });
        const auto atOrAfter = std::count_if(time.begin(), time.end(), [&](double t) { return t >= point.time; });
        const double empirical = static_cast<double>(later) / n;
        QVERIFY(near(point.surv, empirical));
        QCOMPARE(point.nRisk, static_cast<int>(atOrAfter));
        QCOMPARE(point.nCensor, 0);
        if (empirical > 0)
            QVERIFY(near(*point.stdErr, std::sqrt(empirical * (1 - empirical) / n)));
        else
            QVERIFY(!point.stdErr);
    }
    // S = 6/12 exactly on [4, 5), so the median is the mid-point 4.5; the 25th
    // percentile: S = 9/12 on [2, 3), mid-point 2.5; the 75th: S = 3/12 on [5, 6): 5.5.
    QCOMPARE(km.median.estimate, std::optional<double>(4.5));
    QCOMPARE(km.quartiles[0].estimate, std::optional<double>(2.5));
    QCOMPARE(km.quartiles[1].estimate, std::optional<double>(4.5));
    QCOMPARE(km.quartiles[2].estimate, std::optional<double>(5.5));
}

void TestKaplanMeier::allCensored_data()
{
    QTest::addColumn<ConfType>("type");
    QTest::newRow("log") << ConfType::Log;
    QTest::newRow("log-log") << ConfType::LogLog;
    QTest::newRow("plain") << ConfType::Plain;
}

void TestKaplanMeier::allCensored()
{
    QFETCH(ConfType, type);
    const std::vector<double> time{2, 4, 4, 7};
    const std::vector<std::uint8_t> event(time.size(), 0);
    KmOptions options = optionsWith(type, {1, 4, 10});
    options.rmstHorizon = 5.0;
    const KaplanMeier km = kaplanMeier(sortedSurvival(time, event), options);

    QCOMPARE(km.events, 0);
    QCOMPARE(km.curve.size(), std::size_t{3});
    for (const KmPoint& point : km.curve) {
        QCOMPARE(point.surv, 1.0);
        QCOMPARE(point.stdErr, std::optional<double>(0.0));
        if (type == ConfType::LogLog) {
            QVERIFY(!point.lower);   // R: log-log limits are NA where S = 1 inside the data
            QVERIFY(!point.upper);
        } else {
            QCOMPARE(point.lower, std::optional<double>(1.0));
            QCOMPARE(point.upper, std::optional<double>(1.0));
        }
    }
    QCOMPARE(km.curve[1].nCensor, 2);
    QVERIFY(!km.median.estimate);
    QVERIFY(!km.median.lower);
    QVERIFY(!km.median.upper);
    for (const SurvivalQuantile& q : km.quartiles)
        QVERIFY(!q.estimate && !q.lower && !q.upper);

    QCOMPARE(km.atTimes[0].nRisk, 4);
    QCOMPARE(km.atTimes[0].lower, std::optional<double>(1.0));   // before the first time
    QCOMPARE(km.atTimes[1].nRisk, 3);
    QCOMPARE(km.atTimes[1].censoredUpToTime, 3);
    QCOMPARE(km.atTimes[2].nRisk, 0);
    QVERIFY(km.atTimes[2].beyondLastFollowUp);
    QCOMPARE(km.atTimes[2].surv, 1.0);

    QVERIFY(km.rmst);
    QCOMPARE(km.rmst->estimate, 5.0);
    QCOMPARE(km.rmst->stdErr, 0.0);
    QVERIFY(!km.rmst->lower);
}

void TestKaplanMeier::oneEvent()
{
    // Six rows, one death at time 3 with 4 at risk: S = 3/4 from time 3 on, and
    // var(log S) = 1 / (4 * 3), so se(S) = 0.75 / sqrt(12) = 0.21650635094610965.
    const std::vector<double> time{1, 2, 3, 5, 8, 13};
    const std::vector<std::uint8_t> event{0, 0, 1, 0, 0, 0};
    const KaplanMeier km = kaplanMeier(sortedSurvival(time, event), optionsWith(ConfType::Log, {3, 20}));

    QCOMPARE(km.events, 1);
    const KmPoint& death = km.curve[2];
    QCOMPARE(death.nRisk, 4);
    QCOMPARE(death.nEvent, 1);
    QCOMPARE(death.surv, 0.75);
    QVERIFY(near(*death.stdErr, 0.21650635094610965));
    const double z = 1.959963984540054;
    const double seLog = std::sqrt(1.0 / 12.0);
    QVERIFY(near(*death.lower, 0.75 * std::exp(-z * seLog)));
    QCOMPARE(*death.upper, 1.0);   // 0.75 exp(z se) = 1.48 is cut at 1
    for (std::size_t i = 3; i < km.curve.size(); ++i)
        QCOMPARE(km.curve[i].surv, 0.75);
    QVERIFY(!km.median.estimate);
    QCOMPARE(km.quartiles[0].estimate, std::optional<double>(8.0));   // S = 0.75 on [3, 13]: (3 + 13) / 2

    QCOMPARE(km.atTimes[0].nRisk, 4);
    QCOMPARE(km.atTimes[0].eventsUpToTime, 1);
    QCOMPARE(km.atTimes[0].censoredUpToTime, 2);
    QCOMPARE(km.atTimes[1].nRisk, 0);
    QVERIFY(km.atTimes[1].beyondLastFollowUp);
    QCOMPARE(km.atTimes[1].surv, 0.75);
    QVERIFY(near(*km.atTimes[1].stdErr, 0.21650635094610965));
}

void TestKaplanMeier::heavyTies()
{
    // Ten rows at time 5 (6 deaths, 4 censored) and five at time 8 (2 deaths). At 5:
    // S = 1 - 6/15 = 0.6, var(log S) = 6 / (15 * 9); at 8: 5 at risk, S = 0.6 * 3/5,
    // var(log S) += 2 / (5 * 3).
    std::vector<double> time(10, 5.0);
    std::vector<std::uint8_t> event{1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
    for (int i = 0; i < 5; ++i) {
        time.push_back(8.0);
        event.push_back(i < 2 ? 1 : 0);
    }
    const KaplanMeier km = kaplanMeier(sortedSurvival(time, event), KmOptions{});

    QCOMPARE(km.curve.size(), std::size_t{2});
    QCOMPARE(km.curve[0].nRisk, 15);
    QCOMPARE(km.curve[0].nEvent, 6);
    QCOMPARE(km.curve[0].nCensor, 4);
    QVERIFY(near(km.curve[0].surv, 0.6));
    QVERIFY(near(*km.curve[0].stdErr, 0.6 * std::sqrt(6.0 / 135.0)));
    QCOMPARE(km.curve[1].nRisk, 5);
    QVERIFY(near(km.curve[1].surv, 0.36));
    QVERIFY(near(*km.curve[1].stdErr, 0.36 * std::sqrt(6.0 / 135.0 + 2.0 / 15.0)));
    QCOMPARE(km.median.estimate, std::optional<double>(8.0));
}

void TestKaplanMeier::survivalReachesZero_data()
{
    QTest::addColumn<ConfType>("type");
    QTest::newRow("log") << ConfType::Log;
    QTest::newRow("log-log") << ConfType::LogLog;
    QTest::newRow("plain") << ConfType::Plain;
}

void TestKaplanMeier::survivalReachesZero()
{
    // The last row dies: S = 0 there. R's summary gives std.err NaN and NA limits for
    // every interval type; beyond the last time it carries S = 0 forward with 0 at risk.
    QFETCH(ConfType, type);
    const std::vector<double> time{1, 2, 3};
    const std::vector<std::uint8_t> event{1, 0, 1};
    const KaplanMeier km = kaplanMeier(sortedSurvival(time, event), optionsWith(type, {3, 4}));

    const KmPoint& last = km.curve.back();
    QCOMPARE(last.surv, 0.0);
    QVERIFY(!last.stdErr);
    QVERIFY(!last.lower);
    QVERIFY(!last.upper);
    QCOMPARE(km.atTimes[0].nRisk, 1);
    QVERIFY(!km.atTimes[0].beyondLastFollowUp);
    QCOMPARE(km.atTimes[1].nRisk, 0);
    QVERIFY(km.atTimes[1].beyondLastFollowUp);
    QCOMPARE(km.atTimes[1].surv, 0.0);
    QVERIFY(!km.atTimes[1].stdErr);
    QVERIFY(!km.atTimes[1].lower);
    QCOMPARE(km.median.estimate, std::optional<double>(3.0));
}

void TestKaplanMeier::plainIntervalClipped()
{
    // S = 2/3 with var(log S) = 1 / (3 * 2): S -/+ z se S = 0.6667 -/+ 0.5334, so the
    // upper limit 1.2 is cut to 1; after the second death S = 1/3, var(log S) = 1/6 + 1/2,
    // and the lower limit 1/3 - z sqrt(2/3) / 3 < 0 is cut to 0.
    const std::vector<double> time{1, 2, 3};
    const std::vector<std::uint8_t> event{1, 1, 0};
    const KaplanMeier km = kaplanMeier(sortedSurvival(time, event), optionsWith(ConfType::Plain));
    const double z = 1.959963984540054;

    QVERIFY(near(*km.curve[0].lower, 2.0 / 3 - z * std::sqrt(1.0 / 6) * 2.0 / 3));
    QCOMPARE(*km.curve[0].upper, 1.0);
    QCOMPARE(*km.curve[1].lower, 0.0);
    QVERIFY(near(*km.curve[1].upper, 1.0 / 3 + z * std::sqrt(2.0 / 3) / 3));
}

void TestKaplanMeier::confidenceLevelNinety()
{
    // survfit(Surv(os_months, os_event) ~ 1, conf.int = 0.9, conf.type = "log-log") on
    // arm B of case 04, R survival 3.5-3: the limits at month 12.
    const GroupedSurvival grouped =
        readHardCase(QStringLiteral("04-number-at-risk-table"), "os_months", "os_event", "arm", {"A", "B", "C"});
    KmOptions options = optionsWith(ConfType::LogLog, {12});
    options.confLevel = 0.9;
    const KaplanMeier arm = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount, options)[1];
    QCOMPARE(arm.confLevel, 0.9);
    QVERIFY(near(*arm.atTimes[0].lower, 0.26413387053267701, 1e-9));
    QVERIFY(near(*arm.atTimes[0].upper, 0.77984329754911674, 1e-9));
}

void TestKaplanMeier::medianRuleWhenCurveEndsAtHalf()
{
    // S = 0.5 from time 2 until the last follow-up at 10. summary(fit)$table gives the
    // median 2 (the first time at 0.5, since the curve never drops again), while
    // quantile(fit) gives (2 + 10) / 2 = 6; its 25th percentile is (1 + 2) / 2 and the
    // lower limits are 1, 1, 2. Checked with R survival 3.5-3.
    const std::vector<double> time{1, 2, 5, 10};
    const std::vector<std::uint8_t> event{1, 1, 0, 0};
    const KaplanMeier km = kaplanMeier(sortedSurvival(time, event), KmOptions{});
    QCOMPARE(km.curve[1].surv, 0.5);
    QCOMPARE(km.median.estimate, std::optional<double>(2.0));
    QCOMPARE(km.quartiles[0].estimate, std::optional<double>(1.5));
    QCOMPARE(km.quartiles[1].estimate, std::optional<double>(6.0));
    QCOMPARE(km.quartiles[2].estimate, kNotReached);
    QCOMPARE(km.quartiles[0].lower, std::optional<double>(1.0));
    QCOMPARE(km.quartiles[1].lower, std::optional<double>(1.0));
    QCOMPARE(km.quartiles[2].lower, std::optional<double>(2.0));
    QCOMPARE(km.quartiles[1].upper, kNotReached);
}

void TestKaplanMeier::quartileOfNonMonotoneLimit()
{
    // The upper log limit rises from 0.7159 (day 18) to 0.7381 (day 22). quantile(fit)
    // takes, among the points at or below 1 - p = 0.75, the one with the largest limit,
    // so the upper limit of the 25th percentile is 22, not 18 (R survival 3.5-3, whose
    // findq passes the unsorted curve to approx, which sorts it).
    const std::vector<double> time{19, 30, 10, 12, 8, 18, 6, 7, 22, 15, 14};
    const std::vector<std::uint8_t> event{0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    const KaplanMeier km = kaplanMeier(sortedSurvival(time, event), KmOptions{});
    QVERIFY(*km.curve[9].upper > *km.curve[8].upper);

    const std::vector<std::optional<double>> quantile{8.0, 14.0, 22.0};
    const std::vector<std::optional<double>> lower{7.0, 10.0, 14.0};
    const std::vector<std::optional<double>> upper{22.0, kNotReached, kNotReached};
    for (std::size_t j = 0; j < 3; ++j) {
        QCOMPARE(km.quartiles[j].estimate, quantile[j]);
        QCOMPARE(km.quartiles[j].lower, lower[j]);
        QCOMPARE(km.quartiles[j].upper, upper[j]);
    }
}

void TestKaplanMeier::restrictedMean_data()
{
    // rmean and se(rmean) of print(survfit(...), rmean = horizon), R survival 3.5-3.
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("group");
    QTest::addColumn<double>("horizon");
    QTest::addColumn<double>("rmean");
    QTest::addColumn<double>("seRmean");
    QTest::addColumn<bool>("beyond");

    const QString risk = QStringLiteral("04-number-at-risk-table");
    QTest::newRow("arm A to 12") << risk << 0 << 12.0 << 9.3333333333333339 << 1.6101529717988265 << false;
    QTest::newRow("arm B to 24") << risk << 1 << 24.0 << 15.371874999999999 << 2.7535178582502646 << false;
    QTest::newRow("arm C to 30, after last follow-up") << risk << 2 << 30.0 << 16.125 << 6.3038306806258682 << true;
    QTest::newRow("arm B on an event time") << risk << 1 << 15.0 << 11.574999999999999 << 1.5246874679749944 << false;
}

void TestKaplanMeier::restrictedMean()
{
    QFETCH(QString, folder);
    QFETCH(int, group);
    QFETCH(double, horizon);
    QFETCH(double, rmean);
    QFETCH(double, seRmean);
    QFETCH(bool, beyond);

    const GroupedSurvival grouped = readHardCase(folder, "os_months", "os_event", "arm", {"A", "B", "C"});
    KmOptions options;
    options.rmstHorizon = horizon;
    const KaplanMeier km =
        kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount, options)[static_cast<std::size_t>(group)];
    QVERIFY(km.rmst);
    QCOMPARE(km.rmst->horizon, horizon);
    QVERIFY2(near(km.rmst->estimate, rmean, 1e-9), qPrintable(QString::number(km.rmst->estimate, 'g', 17)));
    QVERIFY2(near(km.rmst->stdErr, seRmean, 1e-9), qPrintable(QString::number(km.rmst->stdErr, 'g', 17)));
    QCOMPARE(km.rmst->beyondLastFollowUp, beyond);
    const double z = 1.959963984540054;
    QVERIFY(near(*km.rmst->lower, rmean - z * seRmean, 1e-9));
    QVERIFY(near(*km.rmst->upper, rmean + z * seRmean, 1e-9));
}

void TestKaplanMeier::restrictedMeanBeforeFirstTime()
{
    // A horizon before the first time: the area is the horizon itself, with no variance.
    // (R's print(fit, rmean = 3) stops here: "Truncation point for the mean is <
    // smallest survival".)
    const std::vector<double> time{4, 6};
    const std::vector<std::uint8_t> event{1, 1};
    KmOptions options;
    options.rmstHorizon = 3.0;
    const KaplanMeier km = kaplanMeier(sortedSurvival(time, event), options);
    QCOMPARE(km.rmst->estimate, 3.0);
    QCOMPARE(km.rmst->stdErr, 0.0);
}

void TestKaplanMeier::requestedTimesKeepCallerOrder()
{
    const GroupedSurvival grouped =
        readHardCase(QStringLiteral("04-number-at-risk-table"), "os_months", "os_event", "arm", {"A", "B", "C"});
    const KaplanMeier arm = kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount,
                                               optionsWith(ConfType::Log, {18, 0, 6, 6}))[1];
    QCOMPARE(arm.atTimes.size(), std::size_t{4});
    QCOMPARE(arm.atTimes[0].time, 18.0);
    QCOMPARE(arm.atTimes[0].nRisk, 3);
    QCOMPARE(arm.atTimes[1].time, 0.0);
    QCOMPARE(arm.atTimes[1].nRisk, 10);
    QCOMPARE(arm.atTimes[2].nRisk, 8);
    QCOMPARE(arm.atTimes[3].nRisk, 8);
    QCOMPARE(arm.atTimes[3].eventsUpToTime, 2);
}

void TestKaplanMeier::groupsEqualSubsets()
{
    // Each group's estimate equals the estimate of its rows alone, and kNoGroup rows
    // are left out.
    const std::vector<double> time{5, 3, 3, 8, 1, 9, 2, 7, 7, 4, 6, 10};
    const std::vector<std::uint8_t> event{1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0};
    const std::vector<int> group{0, 1, 0, kNoGroup, 1, 0, 1, 1, 0, kNoGroup, 0, 1};
    const GroupedSurvival grouped = groupedSurvival(time, event, group, 2);
    const KmOptions options = optionsWith(ConfType::LogLog, {2.5, 7, 11});
    const auto estimates = kaplanMeierByGroup(grouped.data, grouped.group, 2, options);

    for (int g = 0; g < 2; ++g) {
        std::vector<double> subsetTime;
        std::vector<std::uint8_t> subsetEvent;
        for (std::size_t i = 0; i < time.size(); ++i) {
            if (group[i] == g) {
                subsetTime.push_back(time[i]);
                subsetEvent.push_back(event[i]);
            }
        }
        const KaplanMeier alone = kaplanMeier(sortedSurvival(subsetTime, subsetEvent), options);
        const KaplanMeier& inGroup = estimates[static_cast<std::size_t>(g)];
        QCOMPARE(inGroup.n, alone.n);
        QCOMPARE(inGroup.events, alone.events);
        QCOMPARE(inGroup.curve.size(), alone.curve.size());
        for (std::size_t i = 0; i < alone.curve.size(); ++i) {
            QCOMPARE(inGroup.curve[i].time, alone.curve[i].time);
            QCOMPARE(inGroup.curve[i].nRisk, alone.curve[i].nRisk);
            QCOMPARE(inGroup.curve[i].surv, alone.curve[i].surv);
            QCOMPARE(inGroup.curve[i].lower, alone.curve[i].lower);
        }
        for (std::size_t i = 0; i < alone.atTimes.size(); ++i) {
            QCOMPARE(inGroup.atTimes[i].nRisk, alone.atTimes[i].nRisk);
            QCOMPARE(inGroup.atTimes[i].surv, alone.atTimes[i].surv);
        }
        QCOMPARE(inGroup.median.estimate, alone.median.estimate);
    }
}

void TestKaplanMeier::reusedResultsMatchFresh()
{
    const GroupedSurvival grouped =
        readHardCase(QStringLiteral("04-number-at-risk-table"), "os_months", "os_event", "arm", {"A", "B", "C"});
    KmOptions first = optionsWith(ConfType::Plain, {3, 9, 40});
    first.rmstHorizon = 20.0;
    const KmOptions second = optionsWith(ConfType::LogLog, {12});

    // Results of a call with other options and other groups, then reused.
    std::vector<KaplanMeier> reused;
    kaplanMeierByGroup(grouped.data, grouped.group, grouped.groupCount, first, reused);
    std::vector<int> twoGroups(grouped.group.size());
    for (std::size_t k = 0; k < twoGroups.size(); ++k)
        twoGroups[k] = grouped.group[k] == 2 ? kNoGroup : grouped.group[k];
    kaplanMeierByGroup(grouped.data, twoGroups, 2, second, reused);
    const auto fresh = kaplanMeierByGroup(grouped.data, twoGroups, 2, second);

    QCOMPARE(reused.size(), std::size_t{2});
    for (std::size_t g = 0; g < 2; ++g) {
        QCOMPARE(reused[g].n, fresh[g].n);
        QCOMPARE(reused[g].events, fresh[g].events);
        QCOMPARE(reused[g].confType, ConfType::LogLog);
        QCOMPARE(reused[g].curve.size(), fresh[g].curve.size());
        for (std::size_t i = 0; i < fresh[g].curve.size(); ++i) {
            QCOMPARE(reused[g].curve[i].surv, fresh[g].curve[i].surv);
            QCOMPARE(reused[g].curve[i].lower, fresh[g].curve[i].lower);
            QCOMPARE(reused[g].curve[i].upper, fresh[g].curve[i].upper);
        }
        QCOMPARE(reused[g].atTimes.size(), std::size_t{1});
        QCOMPARE(reused[g].atTimes[0].surv, fresh[g].atTimes[0].surv);
        QCOMPARE(reused[g].quartiles.size(), std::size_t{3});
        QCOMPARE(reused[g].median.estimate, fresh[g].median.estimate);
        QVERIFY(!reused[g].rmst);
    }

    // Invalid options leave the results as they were.
    KmOptions invalid = second;
    invalid.confLevel = 2.0;
    QVERIFY_THROWS_EXCEPTION(InputError, kaplanMeierByGroup(grouped.data, grouped.group, 3, invalid, reused));
    QCOMPARE(reused.size(), std::size_t{2});
    QCOMPARE(reused[0].n, fresh[0].n);
}

void TestKaplanMeier::emptyGroupAndEmptyData()
{
    const std::vector<double> time{1, 2, 3};
    const std::vector<std::uint8_t> event{1, 0, 1};
    const std::vector<int> group{0, 0, 2};
    const GroupedSurvival grouped = groupedSurvival(time, event, group, 3);
    KmOptions options = optionsWith(ConfType::Log, {1});
    options.rmstHorizon = 2.0;
    const auto estimates = kaplanMeierByGroup(grouped.data, grouped.group, 3, options);

    QCOMPARE(estimates.size(), std::size_t{3});
    const KaplanMeier& empty = estimates[1];
    QCOMPARE(empty.n, 0);
    QCOMPARE(empty.events, 0);
    QVERIFY(empty.curve.empty());
    QVERIFY(empty.atTimes.empty());
    QVERIFY(!empty.rmst);
    QVERIFY(!empty.median.estimate);
    QCOMPARE(empty.quartiles.size(), std::size_t{3});
    QCOMPARE(estimates[2].n, 1);

    const KaplanMeier none = kaplanMeier(SortedSurvival{}, options);
    QCOMPARE(none.n, 0);
    QVERIFY(none.curve.empty());
    QVERIFY(kaplanMeierByGroup(SortedSurvival{}, {}, 0, options).empty());
}

void TestKaplanMeier::invalidArguments_data()
{
    QTest::addColumn<double>("confLevel");
    QTest::addColumn<double>("time");
    QTest::addColumn<double>("horizon");
    QTest::addColumn<int>("groupOfFirstRow");
    QTest::addColumn<bool>("shortGroupArray");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("confidence level 1") << 1.0 << 1.0 << 1.0 << 0 << false;
    QTest::newRow("confidence level NaN") << nan << 1.0 << 1.0 << 0 << false;
    QTest::newRow("negative time") << 0.95 << -1.0 << 1.0 << 0 << false;
    QTest::newRow("infinite time") << 0.95 << std::numeric_limits<double>::infinity() << 1.0 << 0 << false;
    QTest::newRow("zero horizon") << 0.95 << 1.0 << 0.0 << 0 << false;
    QTest::newRow("NaN horizon") << 0.95 << 1.0 << nan << 0 << false;
    QTest::newRow("group id too large") << 0.95 << 1.0 << 1.0 << 2 << false;
    QTest::newRow("group id negative") << 0.95 << 1.0 << 1.0 << -2 << false;
    QTest::newRow("group array too short") << 0.95 << 1.0 << 1.0 << 0 << true;
}

void TestKaplanMeier::invalidArguments()
{
    QFETCH(double, confLevel);
    QFETCH(double, time);
    QFETCH(double, horizon);
    QFETCH(int, groupOfFirstRow);
    QFETCH(bool, shortGroupArray);

    const SortedSurvival data = sortedSurvival({1, 2, 3}, {1, 0, 1});
    std::vector<int> group{groupOfFirstRow, 1, 0};
    if (shortGroupArray)
        group.pop_back();
    KmOptions options;
    options.confLevel = confLevel;
    options.times = {time};
    options.rmstHorizon = horizon;
    QVERIFY_THROWS_EXCEPTION(InputError, kaplanMeierByGroup(data, group, 2, options));
}

QTEST_GUILESS_MAIN(TestKaplanMeier)
#include "tst_kaplanmeier.moc"
