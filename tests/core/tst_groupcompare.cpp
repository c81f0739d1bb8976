#include "binary/groupcompare.h"
#include "common/error.h"
#include "support/referencecase.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <limits>

using namespace cutofflab;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<std::optional<double>> numericColumn(const test::ReferenceCase& reference, const QString& column)
{
    std::vector<std::optional<double>> values;
    for (std::size_t row = 0; row < reference.size(); ++row)
        values.push_back(reference.number(column, row));
    return values;
}

std::vector<std::optional<std::string>> labelColumn(const test::ReferenceCase& reference, const QString& column)
{
    std::vector<std::optional<std::string>> labels;
    for (std::size_t row = 0; row < reference.size(); ++row) {
        const QString text = reference.text(column, row);
        if (text.isEmpty())
            labels.push_back(std::nullopt);
        else
            labels.push_back(text.toStdString());
    }
    return labels;
}

// The values of one group of a two-group case, missing values left out.
std::vector<double> groupValues(const test::ReferenceCase& reference, const std::vector<std::optional<double>>& values,
                                int group)
{
    std::vector<double> selected;
    for (std::size_t row = 0; row < reference.size(); ++row)
        if (reference.group[row] == group && values[row])
            selected.push_back(*values[row]);
    return selected;
}

void compareTTest(const test::ReferenceCase& reference, const QString& prefix, const TTest& actual,
                  const QJsonObject& expected)
{
    if (expected[QStringLiteral("status")].toString() == QLatin1String("error")) {
        QVERIFY2(actual.status != TTestStatus::Ok, qPrintable(prefix + ": R stopped, the core did not"));
        QCOMPARE(QString::fromUtf8(rMessage(actual.status).data(), static_cast<qsizetype>(rMessage(actual.status).size())),
                 expected[QStringLiteral("message")].toString());
        QVERIFY(!actual.t);
        QVERIFY(!actual.p);
        return;
    }
    QCOMPARE(actual.status, TTestStatus::Ok);
    const auto tolerance = [&](const QString& field) { return reference.tolerance(prefix + "." + field); };
    CUTOFFLAB_COMPARE_NUMBER(prefix + ".t", actual.t, expected[QStringLiteral("t")], tolerance(QStringLiteral("t")));
    CUTOFFLAB_COMPARE_NUMBER(prefix + ".df", actual.df, expected[QStringLiteral("df")], tolerance(QStringLiteral("df")));
    CUTOFFLAB_COMPARE_NUMBER(prefix + ".p", actual.p, expected[QStringLiteral("p")], tolerance(QStringLiteral("p")));
    CUTOFFLAB_COMPARE_NUMBER(prefix + ".diff_lower", actual.lower, expected[QStringLiteral("diff_lower")],
                             tolerance(QStringLiteral("diff_lower")));
    CUTOFFLAB_COMPARE_NUMBER(prefix + ".diff_upper", actual.upper, expected[QStringLiteral("diff_upper")],
                             tolerance(QStringLiteral("diff_upper")));
}

std::vector<std::optional<double>> asOptional(const std::vector<double>& values)
{
    std::vector<std::optional<double>> result;
    for (double value : values) {
        if (std::isnan(value))
            result.push_back(std::nullopt);
        else
            result.push_back(value);
    }
    return result;
}

} // namespace

class TestGroupCompare : public QObject {
    Q_OBJECT

private slots:
    void matchesReferenceTTests_data();
    void matchesReferenceTTests();
    void matchesReferenceDescriptives_data();
    void matchesReferenceDescriptives();
    void quantileType7MatchesR();
    void summaryHandlesEmptyAndSingle();
    void tTestReportsTooFewValues();
    void wilcoxonMatchesR_data();
    void wilcoxonMatchesR();
    void wilcoxonReportsDegenerateInput();
    void kGroupTestsMatchR();
    void kGroupTestsReportDegenerateInput();
    void baselineNumericRowMatchesR();
    void baselineCategoricalPicksFisher();
    void baselineCategoricalKeepsChiSquare();
    void baselineScoreGroupsMatchR();
    void categoricalOrdersLevels();
    void rejectsInvalidInput();
};

void TestGroupCompare::matchesReferenceTTests_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("ttests")))
        QTest::newRow(qPrintable(id)) << id;
}

void TestGroupCompare::matchesReferenceTTests()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonArray entries = reference.json[QStringLiteral("ttests")].toArray();
    QVERIFY(!entries.isEmpty());
    for (const QJsonValue& entryValue : entries) {
        const QJsonObject entry = entryValue.toObject();
        const QString variable = entry[QStringLiteral("variable")].toString();
        const QString prefix = QStringLiteral("ttests.") + variable;
        const auto tolerance = [&](const QString& field) { return reference.tolerance(QStringLiteral("ttests.") + field); };

        const std::vector<std::optional<double>> values = numericColumn(reference, variable);
        long long missing = 0;
        for (const auto& value : values)
            missing += value ? 0 : 1;
        CUTOFFLAB_COMPARE_COUNT(prefix + ".rows_left_out_missing", missing, entry[QStringLiteral("rows_left_out_missing")]);

        const std::vector<double> high = groupValues(reference, values, 1);
        const std::vector<double> low = groupValues(reference, values, 0);
        const TTest welch = tTest(high, low, false);
        const TTest student = tTest(high, low, true);

        const QJsonObject n = entry[QStringLiteral("n")].toObject();
        CUTOFFLAB_COMPARE_COUNT(prefix + ".n.high", static_cast<long long>(welch.nX), n[QStringLiteral("high")]);
        CUTOFFLAB_COMPARE_COUNT(prefix + ".n.low", static_cast<long long>(welch.nY), n[QStringLiteral("low")]);
        const QJsonObject means = entry[QStringLiteral("mean")].toObject();
        CUTOFFLAB_COMPARE_NUMBER(prefix + ".mean.high", welch.meanX, means[QStringLiteral("high")], tolerance(QStringLiteral("mean")));
        CUTOFFLAB_COMPARE_NUMBER(prefix + ".mean.low", welch.meanY, means[QStringLiteral("low")], tolerance(QStringLiteral("mean")));
        const QJsonObject sds = entry[QStringLiteral("sd")].toObject();
        CUTOFFLAB_COMPARE_NUMBER(prefix + ".sd.high", summarizeNumeric(std::span<const double>(high)).sd,
                                 sds[QStringLiteral("high")], tolerance(QStringLiteral("sd")));
        CUTOFFLAB_COMPARE_NUMBER(prefix + ".sd.low", summarizeNumeric(std::span<const double>(low)).sd,
                                 sds[QStringLiteral("low")], tolerance(QStringLiteral("sd")));

        compareTTest(reference, QStringLiteral("ttests.welch"), welch, entry[QStringLiteral("welch")].toObject());
        compareTTest(reference, QStringLiteral("ttests.student"), student, entry[QStringLiteral("student")].toObject());

        // The baseline row carries the same tests, high minus low.
        const BaselineRow row = baselineNumericRow(variable.toStdString(), reference.group, 2, values);
        QVERIFY(row.welch.has_value());
        QCOMPARE(row.welch->t, welch.t);
        QCOMPARE(row.student->p, student.p);
        QCOMPARE(row.perGroup[1].n, welch.nX);
    }
}

void TestGroupCompare::matchesReferenceDescriptives_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("descriptives")))
        QTest::newRow(qPrintable(id)) << id;
}

void TestGroupCompare::matchesReferenceDescriptives()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonObject block = reference.json[QStringLiteral("descriptives")].toObject();

    for (const QJsonValue& entryValue : block[QStringLiteral("numeric")].toArray()) {
        const QJsonObject entry = entryValue.toObject();
        const QString variable = entry[QStringLiteral("variable")].toString();
        const QString prefix = QStringLiteral("descriptives.numeric.") + variable;
        const NumericSummary summary = summarizeNumeric(numericColumn(reference, variable));
        CUTOFFLAB_COMPARE_COUNT(prefix + ".n", static_cast<long long>(summary.n), entry[QStringLiteral("n")]);
        CUTOFFLAB_COMPARE_COUNT(prefix + ".missing", static_cast<long long>(summary.missing), entry[QStringLiteral("missing")]);
        const std::vector<std::pair<QString, std::optional<double>>> fields{
            {QStringLiteral("min"), summary.min},   {QStringLiteral("q1"), summary.q1},
            {QStringLiteral("median"), summary.median}, {QStringLiteral("q3"), summary.q3},
            {QStringLiteral("max"), summary.max},   {QStringLiteral("mean"), summary.mean},
            {QStringLiteral("sd"), summary.sd}};
        for (const auto& [field, value] : fields)
            CUTOFFLAB_COMPARE_NUMBER(prefix + "." + field, value, entry[field],
                                     reference.tolerance(QStringLiteral("descriptives.numeric.") + field));
    }

    // Categorical counts: all analysed rows as one group.
    const std::vector<int> oneGroup(reference.size(), 0);
    for (const QJsonValue& entryValue : block[QStringLiteral("categorical")].toArray()) {
        const QJsonObject entry = entryValue.toObject();
        const QString variable = entry[QStringLiteral("variable")].toString();
        const QString prefix = QStringLiteral("descriptives.categorical.") + variable;
        const CategoricalComparison counts = compareCategories(oneGroup, 1, labelColumn(reference, variable));
        CUTOFFLAB_COMPARE_COUNT(prefix + ".missing", counts.missingOverall, entry[QStringLiteral("missing")]);
        const QJsonObject expectedCounts = entry[QStringLiteral("counts")].toObject();
        QCOMPARE(counts.levels.size(), static_cast<std::size_t>(expectedCounts.size()));
        for (std::size_t level = 0; level < counts.levels.size(); ++level) {
            const QString label = QString::fromStdString(counts.levels[level]);
            QVERIFY2(expectedCounts.contains(label), qPrintable(prefix + ": unexpected level " + label));
            CUTOFFLAB_COMPARE_COUNT(prefix + ".counts." + label, counts.overallCounts[level], expectedCounts[label]);
        }
        QCOMPARE(counts.testUsed, CategoricalTestUsed::None);
    }
}

void TestGroupCompare::quantileType7MatchesR()
{
    // quantile(c(3.2, 1.5, 9.9, 4.4, 7.0, 2.2, 8.1), c(0.25, 0.5, 0.75)) in R 4.2.2.
    std::vector<double> values{3.2, 1.5, 9.9, 4.4, 7.0, 2.2, 8.1};
    std::sort(values.begin(), values.end());
    QCOMPARE(quantileType7(values, 0.25), 2.7000000000000002);
    QCOMPARE(quantileType7(values, 0.5), 4.4000000000000004);
    QCOMPARE(quantileType7(values, 0.75), 7.5499999999999998);
    QCOMPARE(quantileType7(values, 0.0), 1.5);
    QCOMPARE(quantileType7(values, 1.0), 9.9);
    const std::vector<double> single{4.0};
    QCOMPARE(quantileType7(single, 0.25), 4.0);
}

void TestGroupCompare::summaryHandlesEmptyAndSingle()
{
    const NumericSummary empty = summarizeNumeric(std::vector<double>{kNaN, kNaN});
    QCOMPARE(empty.n, std::size_t{0});
    QCOMPARE(empty.missing, std::size_t{2});
    QVERIFY(!empty.mean);
    QVERIFY(!empty.median);

    const NumericSummary single = summarizeNumeric(std::vector<std::optional<double>>{std::nullopt, 3.5});
    QCOMPARE(single.n, std::size_t{1});
    QCOMPARE(single.missing, std::size_t{1});
    QCOMPARE(single.mean, std::optional<double>(3.5));
    QCOMPARE(single.q1, std::optional<double>(3.5));
    QVERIFY(!single.sd);
}

void TestGroupCompare::tTestReportsTooFewValues()
{
    const std::vector<double> three{1, 2, 3};
    const std::vector<double> one{5};
    const std::vector<double> none;

    const TTest welchOne = tTest(three, one, false);
    QCOMPARE(welchOne.status, TTestStatus::NotEnoughY);
    QCOMPARE(rMessage(welchOne.status), std::string_view("not enough 'y' observations"));
    QVERIFY(!welchOne.p);

    // Student's test pools the variance, so one value in y is enough. R 4.2.2:
    // t.test(c(1, 2, 3), 5, var.equal = TRUE).
    const TTest studentOne = tTest(three, one, true);
    QCOMPARE(studentOne.status, TTestStatus::Ok);
    QVERIFY(test::fuzzyEqual(*studentOne.t, -2.5980762113533160, 1e-12));
    QCOMPARE(*studentOne.df, 2.0);
    QVERIFY(test::fuzzyEqual(*studentOne.p, 0.1216899343463201, 1e-9));
    QVERIFY(test::fuzzyEqual(*studentOne.lower, -7.9682754235006596, 1e-9));
    QVERIFY(test::fuzzyEqual(*studentOne.upper, 1.9682754235006596, 1e-9));

    QCOMPARE(tTest(none, three, true).status, TTestStatus::NotEnoughX);
    QCOMPARE(tTest(one, one, true).status, TTestStatus::NotEnoughObservations);
    QCOMPARE(tTest(std::vector<double>{2, 2, 2}, std::vector<double>{2, 2}, false).status, TTestStatus::ConstantData);
    QCOMPARE(rMessage(TTestStatus::ConstantData), std::string_view("data are essentially constant"));

    // NaN is missing: the group keeps 2 values.
    const TTest withMissing = tTest(std::vector<double>{1, kNaN, 3}, three, false);
    QCOMPARE(withMissing.nX, std::size_t{2});
    QCOMPARE(withMissing.status, TTestStatus::Ok);
}

void TestGroupCompare::wilcoxonMatchesR_data()
{
    QTest::addColumn<std::vector<double>>("x");
    QTest::addColumn<std::vector<double>>("y");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<double>("statistic");
    QTest::addColumn<double>("p");
    // wilcox.test(x, y)$statistic and $p.value in R 4.2.2.
    QTest::newRow("exact, small groups") << std::vector<double>{1.1, 2.3, 3.8, 4.4, 5.0, 6.7}
                                         << std::vector<double>{0.5, 1.9, 2.2, 2.9} << true << 20.0
                                         << 0.11428571428571428;
    QTest::newRow("exact, W below the centre") << std::vector<double>{10.5, 11.2, 12.9, 14.1, 8.8, 9.9, 13.3}
                                               << std::vector<double>{7.1, 8.2, 9.4, 10.1} << true << 25.0
                                               << 0.04242424242424242;
    QTest::newRow("ties, normal approximation") << std::vector<double>{1, 2, 2, 3, 4, 5}
                                                << std::vector<double>{2, 3, 3, 6, 7} << false << 9.0
                                                << 0.30634143782771095;
    std::vector<double> large;
    for (int i = 1; i <= 60; ++i)
        large.push_back(std::sqrt(static_cast<double>(i)) * 3.0);
    std::vector<double> other;
    for (int i = 1; i <= 55; ++i)
        other.push_back(std::log(static_cast<double>(i)) + 2.0 * i / 10.0);
    QTest::newRow("60 values, normal approximation") << large << other << false << 2772.0 << 3.4033159708732469e-10;
}

void TestGroupCompare::wilcoxonMatchesR()
{
    QFETCH(std::vector<double>, x);
    QFETCH(std::vector<double>, y);
    QFETCH(bool, exact);
    QFETCH(double, statistic);
    QFETCH(double, p);
    const WilcoxonTest result = wilcoxonRankSum(x, y);
    QCOMPARE(result.status, WilcoxonStatus::Ok);
    QCOMPARE(result.method, exact ? WilcoxonMethod::Exact : WilcoxonMethod::NormalApproximation);
    QCOMPARE(*result.statistic, statistic);
    QVERIFY2(test::fuzzyEqual(*result.p, p, 1e-9),
             qPrintable(QStringLiteral("p = %1, R gives %2").arg(*result.p, 0, 'g', 17).arg(p, 0, 'g', 17)));
}

void TestGroupCompare::wilcoxonReportsDegenerateInput()
{
    QCOMPARE(wilcoxonRankSum(std::vector<double>{}, std::vector<double>{1, 2}).status, WilcoxonStatus::NotEnoughX);
    QCOMPARE(wilcoxonRankSum(std::vector<double>{1, 2}, std::vector<double>{kNaN}).status, WilcoxonStatus::NotEnoughY);
    const WilcoxonTest tied = wilcoxonRankSum(std::vector<double>{4, 4, 4}, std::vector<double>{4, 4});
    QCOMPARE(tied.status, WilcoxonStatus::AllTied);
    QVERIFY(tied.ties);
    QVERIFY(!tied.p);
}

void TestGroupCompare::kGroupTestsMatchR()
{
    // kruskal.test(v, g) and oneway.test(v ~ factor(g), var.equal = TRUE) in R 4.2.2.
    const std::vector<double> values{5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 7.1, 6.6, 6.9, 7.4, 5.0, 5.0};
    const std::vector<int> group{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
    const GroupTest kruskal = kruskalWallis(values, group);
    QCOMPARE(kruskal.status, GroupTestStatus::Ok);
    QVERIFY(test::fuzzyEqual(*kruskal.statistic, 1.65964912280701715, 1e-12));
    QCOMPARE(kruskal.df1, 2.0);
    QVERIFY(test::fuzzyEqual(*kruskal.p, 0.43612579290723669, 1e-9));

    const GroupTest anova = oneWayAnova(values, group);
    QCOMPARE(anova.status, GroupTestStatus::Ok);
    QVERIFY(test::fuzzyEqual(*anova.statistic, 0.83852206637016735, 1e-12));
    QCOMPARE(anova.df1, 2.0);
    QCOMPARE(anova.df2, 9.0);
    QVERIFY(test::fuzzyEqual(*anova.p, 0.46351268300017540, 1e-9));
}

void TestGroupCompare::kGroupTestsReportDegenerateInput()
{
    const std::vector<double> values{1, 2, 3};
    QCOMPARE(kruskalWallis(values, std::vector<int>{0, 0, 0}).status, GroupTestStatus::NotEnoughGroups);
    QCOMPARE(oneWayAnova(values, std::vector<int>{0, 0, 1}).status, GroupTestStatus::NotEnoughObservations);
    QCOMPARE(kruskalWallis(std::vector<double>{2, 2, 2, 2}, std::vector<int>{0, 0, 1, 1}).status,
             GroupTestStatus::NoVariation);
    QCOMPARE(oneWayAnova(std::vector<double>{2, 2, 3, 3}, std::vector<int>{0, 0, 1, 1}).status,
             GroupTestStatus::NoVariation);
}

void TestGroupCompare::baselineNumericRowMatchesR()
{
    // Age by IL-6 group in the simulated cohort; R 4.2.2:
    // wilcox.test(age[il6 >= 8.58], age[il6 < 8.58]) (ties, so the normal approximation).
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58"));
    const BaselineRow row = baselineNumericRow("age", reference.group, 2, numericColumn(reference, QStringLiteral("age")));
    QVERIFY(row.numeric);
    QCOMPARE(row.overall.n, std::size_t{47});
    QCOMPARE(row.overall.median, std::optional<double>(66.0));
    QCOMPARE(row.perGroup.size(), std::size_t{2});
    QCOMPARE(row.perGroup[0].n, std::size_t{21});
    QCOMPARE(row.perGroup[1].n, std::size_t{26});
    QVERIFY(row.wilcoxon.has_value());
    QCOMPARE(row.wilcoxon->method, WilcoxonMethod::NormalApproximation);
    QCOMPARE(*row.wilcoxon->statistic, 228.0);
    QVERIFY(test::fuzzyEqual(*row.wilcoxon->p, 0.34043044953336449, 1e-9));
    QVERIFY(!row.anova);
    QVERIFY(!row.categorical);
}

void TestGroupCompare::baselineCategoricalPicksFisher()
{
    // Etiology by IL-6 group: the smallest expected count is 3.13, so Fisher's test.
    // R 4.2.2: chisq.test(table) p 0.48007000095018065, fisher.test(table) p 0.52952035787893392.
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58"));
    const BaselineRow row = baselineCategoricalRow("etiology", reference.group, 2,
                                                   labelColumn(reference, QStringLiteral("etiology")));
    QVERIFY(!row.numeric);
    QVERIFY(row.categorical.has_value());
    const CategoricalComparison& counts = *row.categorical;
    QCOMPARE(counts.levels, (std::vector<std::string>{"alcohol", "HBV", "HCV", "other"}));
    QCOMPARE(counts.counts.at(0, 0), 8);
    QCOMPARE(counts.counts.at(0, 1), 11);
    QCOMPARE(counts.nonMissing, (std::vector<std::int64_t>{21, 26}));
    QVERIFY(counts.chiSquare->lowExpectedCount);
    QVERIFY(test::fuzzyEqual(*counts.chiSquare->p, 0.48007000095018065, 1e-9));
    QCOMPARE(counts.testUsed, CategoricalTestUsed::FisherExact);
    QVERIFY(test::fuzzyEqual(*counts.p, 0.52952035787893392, 1e-9));
}

void TestGroupCompare::baselineCategoricalKeepsChiSquare()
{
    // BCLC stage by IL-6 group: expected counts from 7.15, so chisq.test() with Yates'
    // correction. R 4.2.2: X-squared 2.11908362135176676, p 0.14547356259452673.
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("sim_il6_ge8.58"));
    const BaselineRow row =
        baselineCategoricalRow("bclc", reference.group, 2, labelColumn(reference, QStringLiteral("bclc")));
    const CategoricalComparison& counts = *row.categorical;
    QCOMPARE(counts.testUsed, CategoricalTestUsed::ChiSquare);
    QCOMPARE(counts.chiSquare->continuityCorrection, 0.5);
    QVERIFY(test::fuzzyEqual(*counts.chiSquare->statistic, 2.11908362135176676, 1e-12));
    QVERIFY(test::fuzzyEqual(*counts.p, 0.14547356259452673, 1e-9));
    QVERIFY(test::fuzzyEqual(*counts.fisher->p, 0.12187057569082899, 1e-9));
}

void TestGroupCompare::baselineScoreGroupsMatchR()
{
    // Score groups 0, 1, 2 of IL-6 and IL-8; R 4.2.2: kruskal.test(albumin_g_l, score),
    // oneway.test(albumin_g_l ~ factor(score), var.equal = TRUE), fisher.test(table(etiology, score)).
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("sim_il_score"));
    QCOMPARE(reference.groupCount, 3);
    const BaselineRow albumin = baselineNumericRow("albumin_g_l", reference.group, 3,
                                                   numericColumn(reference, QStringLiteral("albumin_g_l")));
    QVERIFY(!albumin.welch);
    QVERIFY(!albumin.wilcoxon);
    QVERIFY(test::fuzzyEqual(*albumin.kruskal->statistic, 1.0095780322684775, 1e-12));
    QVERIFY(test::fuzzyEqual(*albumin.kruskal->p, 0.6036329187995787, 1e-9));
    QVERIFY(test::fuzzyEqual(*albumin.anova->statistic, 0.57114249636215519, 1e-12));
    QCOMPARE(albumin.anova->df2, 44.0);
    QVERIFY(test::fuzzyEqual(*albumin.anova->p, 0.56901149721012789, 1e-9));

    const BaselineRow etiology = baselineCategoricalRow("etiology", reference.group, 3,
                                                        labelColumn(reference, QStringLiteral("etiology")));
    QCOMPARE(etiology.categorical->counts.columns, std::size_t{3});
    QCOMPARE(etiology.categorical->testUsed, CategoricalTestUsed::FisherExact);
    QVERIFY(test::fuzzyEqual(*etiology.categorical->p, 0.65502652380112114, 1e-9));
}

void TestGroupCompare::categoricalOrdersLevels()
{
    const std::vector<int> group{0, 1, 0, 1, 0, 1, -1};
    const std::vector<std::optional<std::string>> numbers{"10", "2", "1", std::nullopt, "2", "", "99"};
    const CategoricalComparison sorted = compareCategories(group, 2, numbers);
    // Numeric labels sort as numbers; the row outside every group adds no level.
    QCOMPARE(sorted.levels, (std::vector<std::string>{"1", "2", "10"}));
    QCOMPARE(sorted.missing, (std::vector<std::int64_t>{0, 2}));
    QCOMPARE(sorted.missingOverall, 2);
    QCOMPARE(sorted.overallCounts, (std::vector<std::int64_t>{1, 2, 1}));

    const std::vector<std::string> order{"10", "2", "1", "unused"};
    const CategoricalComparison given = compareCategories(group, 2, numbers, order);
    QCOMPARE(given.levels, order);
    QCOMPARE(given.overallCounts, (std::vector<std::int64_t>{1, 2, 1, 0}));
    // The unused level is left out of the tested table, as R's table() of a factor
    // without unused levels.
    QVERIFY(given.chiSquare.has_value());
    QCOMPARE(given.chiSquare->df, 2);

    // One category only: nothing to test.
    const CategoricalComparison single =
        compareCategories(std::vector<int>{0, 1}, 2, std::vector<std::optional<std::string>>{"a", "a"});
    QCOMPARE(single.testUsed, CategoricalTestUsed::None);
    QVERIFY(!single.p);
}

void TestGroupCompare::rejectsInvalidInput()
{
    const std::vector<int> group{0, 1, 2};
    const std::vector<double> values{1, 2, 3};
    QVERIFY_THROWS_EXCEPTION(InputError, baselineNumericRow("x", group, 2, asOptional(values)));
    QVERIFY_THROWS_EXCEPTION(InputError, baselineNumericRow("x", std::vector<int>{0, 1}, 2, asOptional(values)));
    QVERIFY_THROWS_EXCEPTION(InputError, baselineNumericRow("x", std::vector<int>{0, 0, 0}, 1, asOptional(values)));
    QVERIFY_THROWS_EXCEPTION(InputError,
                             tTest(std::vector<double>{1, std::numeric_limits<double>::infinity()}, values, false));
    QVERIFY_THROWS_EXCEPTION(InputError, tTest(values, values, false, 1.5));
    QVERIFY_THROWS_EXCEPTION(InputError,
                             compareCategories(std::vector<int>{0, 1}, 2,
                                               std::vector<std::optional<std::string>>{"a", "b"},
                                               std::vector<std::string>{"a"}));
}

QTEST_GUILESS_MAIN(TestGroupCompare)
#include "tst_groupcompare.moc"
