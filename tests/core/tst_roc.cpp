#include "binary/roc.h"
#include "common/error.h"
#include "io/table.h"
#include "support/referencecase.h"

#include <QJsonArray>
#include <QTest>

#include <array>
#include <cmath>
#include <limits>
#include <random>

using namespace cutofflab;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Cases and controls of a reference case's ROC block, built from its outcome rule.
struct RocInput {
    std::vector<double> marker;
    std::vector<std::uint8_t> isCase;
    std::vector<int> group;   // group of each used row, for the at-cutoff counts
    std::size_t leftOut = 0;
};

bool jsonValueMatches(const test::ReferenceCase& reference, const QString& column, std::size_t row,
                      const QJsonValue& value)
{
    if (value.isDouble()) {
        const std::optional<double> number = reference.number(column, row);
        return number && *number == value.toDouble();
    }
    return reference.text(column, row) == value.toString();
}

RocInput rocInput(const test::ReferenceCase& reference)
{
    const QJsonObject outcome = reference.json[QStringLiteral("roc")].toObject()[QStringLiteral("outcome")].toObject();
    const QString type = outcome[QStringLiteral("type")].toString();
    RocInput input;
    for (std::size_t row = 0; row < reference.size(); ++row) {
        std::optional<bool> isCase;
        if (type == QLatin1String("column")) {
            const QString column = outcome[QStringLiteral("column")].toString();
            if (jsonValueMatches(reference, column, row, outcome[QStringLiteral("case_value")]))
                isCase = true;
            else if (jsonValueMatches(reference, column, row, outcome[QStringLiteral("control_value")]))
                isCase = false;
        } else {
            // death_by_time and death_by_km_median: a case died by the landmark, a control
            // was followed beyond it, a row censored by the landmark is left out.
            const double landmark = outcome[QStringLiteral("landmark_time")].toDouble();
            if (reference.event[row] && reference.time[row] <= landmark)
                isCase = true;
            else if (reference.time[row] > landmark)
                isCase = false;
        }
        if (!isCase) {
            ++input.leftOut;
            continue;
        }
        input.marker.push_back(reference.marker[row]);
        input.isCase.push_back(*isCase ? 1 : 0);
        input.group.push_back(reference.group[row]);
    }
    return input;
}

std::optional<double> optional(double value)
{
    return value;
}

// Score of one case-control pair: 1 when the case ranks higher, 1/2 for a tie.
double pairScore(double caseValue, double controlValue)
{
    if (caseValue > controlValue)
        return 1.0;
    if (caseValue == controlValue)
        return 0.5;
    return 0.0;
}

// Mann-Whitney U / (n1 n2) by comparing every case with every control.
double bruteForceAuc(const std::vector<double>& marker, const std::vector<std::uint8_t>& isCase)
{
    double pairs = 0.0;
    double score = 0.0;
    for (std::size_t i = 0; i < marker.size(); ++i) {
        if (!isCase[i])
            continue;
        for (std::size_t j = 0; j < marker.size(); ++j) {
            if (isCase[j])
                continue;
            pairs += 1.0;
            score += pairScore(marker[i], marker[j]);
        }
    }
    return score / pairs;
}

// DeLong's variance from the O(n^2) definition of the placements.
double bruteForceDeLongVariance(const std::vector<double>& marker, const std::vector<std::uint8_t>& isCase)
{
    std::vector<double> cases;
    std::vector<double> controls;
    for (std::size_t i = 0; i < marker.size(); ++i)
        (isCase[i] ? cases : controls).push_back(marker[i]);
    std::vector<double> casePlacements;
    for (double c : cases) {
        double sum = 0.0;
        for (double d : controls)
            sum += pairScore(c, d);
        casePlacements.push_back(sum / static_cast<double>(controls.size()));
    }
    std::vector<double> controlPlacements;
    for (double d : controls) {
        double sum = 0.0;
        for (double c : cases)
            sum += pairScore(c, d);
        controlPlacements.push_back(sum / static_cast<double>(cases.size()));
    }
    const auto sampleVariance = [](const std::vector<double>& v) {
        double mean = 0.0;
        for (double x : v)
            mean += x;
        mean /= static_cast<double>(v.size());
        double squares = 0.0;
        for (double x : v)
            squares += (x - mean) * (x - mean);
        return squares / static_cast<double>(v.size() - 1);
    };
    return sampleVariance(casePlacements) / static_cast<double>(cases.size())
         + sampleVariance(controlPlacements) / static_cast<double>(controls.size());
}

} // namespace

class TestRoc : public QObject {
    Q_OBJECT

private slots:
    void matchesReferenceCase_data();
    void matchesReferenceCase();
    void aucEqualsMannWhitneyU_data();
    void aucEqualsMannWhitneyU();
    void perfectMarkerGivesAucOne();
    void reversedDirectionMirrorsAuc();
    void autoDirectionFollowsMedians();
    void reportsEmptyClass();
    void reportsAllMarkersTied();
    void singleCaseHasNoVariance();
    void listsTiedYoudenOptima();
    void movesMidpointThatRoundsOntoValue();
    void confusionCountsHighGroupAsPositive();
    void rejectsInvalidInput();
};

void TestRoc::matchesReferenceCase_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("roc")))
        QTest::newRow(qPrintable(id)) << id;
}

void TestRoc::matchesReferenceCase()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonObject expected = reference.json[QStringLiteral("roc")].toObject();
    const auto tolerance = [&](const QString& field) { return reference.tolerance(QStringLiteral("roc.") + field); };

    const RocInput input = rocInput(reference);
    CUTOFFLAB_COMPARE_COUNT("rows_used", static_cast<long long>(input.marker.size()), expected[QStringLiteral("rows_used")]);
    CUTOFFLAB_COMPARE_COUNT("rows_left_out", static_cast<long long>(input.leftOut), expected[QStringLiteral("rows_left_out")]);

    const RocResult result = roc(input.marker, input.isCase, {RocDirection::Auto, 0.95});
    QCOMPARE(result.status, RocStatus::Ok);
    QVERIFY(result.directionDetected);
    CUTOFFLAB_COMPARE_COUNT("n_cases", static_cast<long long>(result.nCases), expected[QStringLiteral("n_cases")]);
    CUTOFFLAB_COMPARE_COUNT("n_controls", static_cast<long long>(result.nControls), expected[QStringLiteral("n_controls")]);
    QCOMPARE(result.direction == RocDirection::Higher ? QStringLiteral("<") : QStringLiteral(">"),
             expected[QStringLiteral("direction")].toString());

    CUTOFFLAB_COMPARE_NUMBER("auc", optional(result.auc), expected[QStringLiteral("auc")], tolerance("auc"));
    CUTOFFLAB_COMPARE_NUMBER("auc_var_delong", result.aucVariance, expected[QStringLiteral("auc_var_delong")],
                             tolerance("auc_var_delong"));
    const QJsonObject ci = expected[QStringLiteral("auc_ci_delong")].toObject();
    QCOMPARE(result.confLevel, ci[QStringLiteral("level")].toDouble());
    CUTOFFLAB_COMPARE_NUMBER("auc_ci_delong.lower", result.aucLower, ci[QStringLiteral("lower")],
                             tolerance("auc_ci_delong.lower"));
    CUTOFFLAB_COMPARE_NUMBER("auc_ci_delong.upper", result.aucUpper, ci[QStringLiteral("upper")],
                             tolerance("auc_ci_delong.upper"));

    // The whole curve, point by point in pROC's order.
    const QJsonObject curve = expected[QStringLiteral("curve")].toObject();
    const QJsonArray thresholds = curve[QStringLiteral("threshold")].toArray();
    const QJsonArray sensitivities = curve[QStringLiteral("sensitivity")].toArray();
    const QJsonArray specificities = curve[QStringLiteral("specificity")].toArray();
    QCOMPARE(result.curve.size(), static_cast<std::size_t>(thresholds.size()));
    for (qsizetype i = 0; i < thresholds.size(); ++i) {
        const RocPoint& point = result.curve[static_cast<std::size_t>(i)];
        const QString at = QStringLiteral("curve[%1].").arg(i);
        CUTOFFLAB_COMPARE_NUMBER(at + "threshold", optional(point.threshold), thresholds[i], tolerance("curve.threshold"));
        CUTOFFLAB_COMPARE_NUMBER(at + "sensitivity", optional(point.sensitivity), sensitivities[i],
                                 tolerance("curve.sensitivity"));
        CUTOFFLAB_COMPARE_NUMBER(at + "specificity", optional(point.specificity), specificities[i],
                                 tolerance("curve.specificity"));
    }

    const QJsonArray youden = expected[QStringLiteral("youden_best")].toArray();
    QCOMPARE(result.youdenOptima.size(), static_cast<std::size_t>(youden.size()));
    for (qsizetype i = 0; i < youden.size(); ++i) {
        const QJsonObject best = youden[i].toObject();
        const YoudenOptimum& optimum = result.youdenOptima[static_cast<std::size_t>(i)];
        const QString at = QStringLiteral("youden_best[%1].").arg(i);
        CUTOFFLAB_COMPARE_NUMBER(at + "threshold", optional(optimum.point.threshold), best[QStringLiteral("threshold")],
                                 tolerance("youden_best.threshold"));
        CUTOFFLAB_COMPARE_NUMBER(at + "sensitivity", optional(optimum.point.sensitivity),
                                 best[QStringLiteral("sensitivity")], tolerance("youden_best.sensitivity"));
        CUTOFFLAB_COMPARE_NUMBER(at + "specificity", optional(optimum.point.specificity),
                                 best[QStringLiteral("specificity")], tolerance("youden_best.specificity"));
        CUTOFFLAB_COMPARE_NUMBER(at + "youden_index", optional(optimum.youdenIndex), best[QStringLiteral("youden_index")],
                                 tolerance("youden_best.youden_index"));
    }

    // cutpointr and OptimalCutpoints return the observed value that starts the high group.
    for (const QString& block : {QStringLiteral("cutpointr_youden"), QStringLiteral("optimalcutpoints_youden")}) {
        if (!expected.contains(block))
            continue;
        const QJsonArray cutpoints = expected[block].toObject()[QStringLiteral("optimal_cutpoint")].toArray();
        QCOMPARE(cutpoints.size(), 1);
        QCOMPARE(result.youdenOptima.size(), std::size_t{1});
        CUTOFFLAB_COMPARE_NUMBER(block + ".optimal_cutpoint", result.youdenOptima.front().point.highGroupFrom,
                                 cutpoints[0], tolerance(block + ".optimal_cutpoint"));
    }

    // The case's own cut-off, high group as test-positive.
    const QJsonObject grouping = reference.json[QStringLiteral("grouping")].toObject();
    const QJsonObject atCutoff = expected[QStringLiteral("at_cutoff")].toObject();
    const double cutoff = grouping[QStringLiteral("cutoff")].toDouble();
    const CutoffRule rule = grouping[QStringLiteral("high_rule")].toString() == QLatin1String(">")
                             ? CutoffRule::Greater : CutoffRule::GreaterOrEqual;
    QCOMPARE(atCutoff[QStringLiteral("cutoff")].toDouble(), cutoff);
    const ConfusionAtCutoff confusion = confusionAtCutoff(input.marker, input.isCase, cutoff, rule);
    CUTOFFLAB_COMPARE_COUNT("at_cutoff.true_pos", confusion.truePositives, atCutoff[QStringLiteral("true_pos")]);
    CUTOFFLAB_COMPARE_COUNT("at_cutoff.false_neg", confusion.falseNegatives, atCutoff[QStringLiteral("false_neg")]);
    CUTOFFLAB_COMPARE_COUNT("at_cutoff.false_pos", confusion.falsePositives, atCutoff[QStringLiteral("false_pos")]);
    CUTOFFLAB_COMPARE_COUNT("at_cutoff.true_neg", confusion.trueNegatives, atCutoff[QStringLiteral("true_neg")]);
    CUTOFFLAB_COMPARE_NUMBER("at_cutoff.sensitivity", confusion.sensitivity.estimate,
                             atCutoff[QStringLiteral("sensitivity")], tolerance("at_cutoff.sensitivity"));
    CUTOFFLAB_COMPARE_NUMBER("at_cutoff.specificity", confusion.specificity.estimate,
                             atCutoff[QStringLiteral("specificity")], tolerance("at_cutoff.specificity"));
    // The high group of the case's grouping is the high group of this cut-off.
    for (std::size_t i = 0; i < input.marker.size(); ++i) {
        const bool high = isHigh(input.marker[i], cutoff, rule);
        QCOMPARE(high ? 1 : 0, input.group[i]);
    }

    const QJsonObject coords = expected[QStringLiteral("proc_coords_at_cutoff")].toObject();
    const double threshold = coords[QStringLiteral("threshold")].toDouble();
    const std::optional<RocCoords> atThreshold = rocCoordsAtThreshold(input.marker, input.isCase, threshold,
                                                                      result.direction);
    QVERIFY(atThreshold.has_value());
    CUTOFFLAB_COMPARE_NUMBER("proc_coords_at_cutoff.sensitivity", optional(atThreshold->sensitivity),
                             coords[QStringLiteral("sensitivity")], tolerance("proc_coords_at_cutoff.sensitivity"));
    CUTOFFLAB_COMPARE_NUMBER("proc_coords_at_cutoff.specificity", optional(atThreshold->specificity),
                             coords[QStringLiteral("specificity")], tolerance("proc_coords_at_cutoff.specificity"));
}

void TestRoc::aucEqualsMannWhitneyU_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("distinctValues");
    QTest::newRow("continuous, 40 rows") << 1 << 40 << 0;
    QTest::newRow("heavy ties, 60 rows") << 2 << 60 << 5;
    QTest::newRow("two values, 25 rows") << 3 << 25 << 2;
    QTest::newRow("continuous, 301 rows") << 4 << 301 << 0;
}

void TestRoc::aucEqualsMannWhitneyU()
{
    QFETCH(int, seed);
    QFETCH(int, size);
    QFETCH(int, distinctValues);
    std::mt19937 generator(static_cast<unsigned>(seed));
    std::normal_distribution<double> normal;
    std::uniform_int_distribution<int> level(1, std::max(distinctValues, 1));
    std::bernoulli_distribution coin(0.4);
    std::vector<double> marker;
    std::vector<std::uint8_t> isCase;
    for (int i = 0; i < size; ++i) {
        const bool caseRow = i < 2 || (i >= 4 && coin(generator));
        const bool controlRow = i == 2 || i == 3;
        isCase.push_back(caseRow && !controlRow ? 1 : 0);
        const double shift = isCase.back() ? 0.7 : 0.0;
        marker.push_back(distinctValues > 0 ? level(generator) + (coin(generator) ? 1.0 : 0.0) * shift
                                            : normal(generator) + shift);
    }

    const RocResult result = roc(marker, isCase);
    QCOMPARE(result.status, RocStatus::Ok);
    QVERIFY(test::fuzzyEqual(result.auc, bruteForceAuc(marker, isCase), 1e-12));
    QVERIFY(result.aucVariance.has_value());
    QVERIFY(test::fuzzyEqual(*result.aucVariance, bruteForceDeLongVariance(marker, isCase), 1e-10));

    // The trapezoid area under the curve equals the Mann-Whitney AUC too.
    double area = 0.0;
    for (std::size_t i = 1; i < result.curve.size(); ++i)
        area += (result.curve[i].specificity - result.curve[i - 1].specificity)
              * (result.curve[i].sensitivity + result.curve[i - 1].sensitivity) / 2.0;
    QVERIFY(test::fuzzyEqual(area, result.auc, 1e-12));
}

void TestRoc::perfectMarkerGivesAucOne()
{
    const std::vector<double> marker{1, 2, 3, 4, 10, 11, 12};
    const std::vector<std::uint8_t> isCase{0, 0, 0, 0, 1, 1, 1};
    const RocResult result = roc(marker, isCase);
    QCOMPARE(result.auc, 1.0);
    QVERIFY(result.perfectSeparation);
    QCOMPARE(result.aucVariance, std::optional<double>(0.0));
    QCOMPARE(result.aucLower, std::optional<double>(1.0));
    QCOMPARE(result.aucUpper, std::optional<double>(1.0));
    QCOMPARE(result.youdenOptima.size(), std::size_t{1});
    QCOMPARE(result.youdenOptima[0].point.threshold, 7.0);
    QCOMPARE(result.youdenOptima[0].point.highGroupFrom, std::optional<double>(10.0));
    QCOMPARE(result.youdenOptima[0].youdenIndex, 1.0);
}

void TestRoc::reversedDirectionMirrorsAuc()
{
    const std::vector<double> marker{0.5, 1.5, 1.5, 2.0, 3.0, 4.5, 5.0, 6.0};
    const std::vector<std::uint8_t> isCase{1, 0, 1, 1, 0, 1, 0, 0};
    const RocResult higher = roc(marker, isCase, {RocDirection::Higher, 0.95});
    const RocResult lower = roc(marker, isCase, {RocDirection::Lower, 0.95});
    QVERIFY(!higher.directionDetected);
    QCOMPARE(lower.direction, RocDirection::Lower);
    QVERIFY(test::fuzzyEqual(higher.auc + lower.auc, 1.0, 1e-15));
    QVERIFY(test::fuzzyEqual(*higher.aucVariance, *lower.aucVariance, 1e-12));

    // pROC's order for ">": thresholds fall from +Inf, sensitivity from 1.
    QCOMPARE(lower.curve.front().threshold, kInf);
    QCOMPARE(lower.curve.front().sensitivity, 1.0);
    QCOMPARE(lower.curve.back().threshold, -kInf);
    QCOMPARE(lower.curve.back().sensitivity, 0.0);
    QCOMPARE(higher.curve.front().threshold, -kInf);
    QCOMPARE(higher.curve.front().highGroupFrom, std::optional<double>(0.5));
    QCOMPARE(higher.curve.back().highGroupFrom, std::nullopt);
}

void TestRoc::autoDirectionFollowsMedians()
{
    // Cases lower: median(controls) 5 > median(cases) 2.
    const std::vector<double> marker{1, 2, 3, 4, 5, 6};
    const std::vector<std::uint8_t> isCase{1, 1, 1, 0, 0, 0};
    const RocResult detected = roc(marker, isCase, {RocDirection::Auto, 0.95});
    QVERIFY(detected.directionDetected);
    QCOMPARE(detected.direction, RocDirection::Lower);
    QCOMPARE(detected.auc, 1.0);

    // Equal medians give "<" (pROC's rule is median(controls) <= median(cases)).
    const std::vector<double> tiedMedians{1, 3, 5, 0, 3, 9};
    const RocResult equal = roc(tiedMedians, isCase, {RocDirection::Auto, 0.95});
    QCOMPARE(equal.direction, RocDirection::Higher);
}

void TestRoc::reportsEmptyClass()
{
    const std::vector<double> marker{1, 2, 3};
    const RocResult noCases = roc(marker, std::vector<std::uint8_t>{0, 0, 0});
    QCOMPARE(noCases.status, RocStatus::NoCases);
    QCOMPARE(noCases.nControls, std::size_t{3});
    QVERIFY(noCases.curve.empty());
    QVERIFY(!noCases.aucVariance);

    const RocResult noControls = roc(marker, std::vector<std::uint8_t>{1, 1, 1});
    QCOMPARE(noControls.status, RocStatus::NoControls);
    QCOMPARE(noControls.nCases, std::size_t{3});

    QVERIFY(!rocCoordsAtThreshold(marker, std::vector<std::uint8_t>{1, 1, 1}, 2.0, RocDirection::Higher));
    const RocResult empty = roc(std::vector<double>{}, std::vector<std::uint8_t>{});
    QCOMPARE(empty.status, RocStatus::NoCases);
}

void TestRoc::reportsAllMarkersTied()
{
    const std::vector<double> marker{7, 7, 7, 7, 7};
    const std::vector<std::uint8_t> isCase{1, 0, 1, 0, 0};
    const RocResult result = roc(marker, isCase, {RocDirection::Auto, 0.95});
    QCOMPARE(result.status, RocStatus::AllMarkersTied);
    QCOMPARE(result.auc, 0.5);
    QCOMPARE(result.aucVariance, std::optional<double>(0.0));
    QCOMPARE(result.curve.size(), std::size_t{2});
    QCOMPARE(result.curve[0].threshold, -kInf);
    QCOMPARE(result.curve[1].threshold, kInf);
    // Both ends have J = 0, so both are listed, as pROC's coords(..., "best") does.
    QCOMPARE(result.youdenOptima.size(), std::size_t{2});
    QCOMPARE(result.youdenOptima[0].youdenIndex, 0.0);
}

void TestRoc::singleCaseHasNoVariance()
{
    // pROC's ci.auc() returns NA with fewer than 2 cases or controls.
    const std::vector<double> marker{1, 2, 3, 4};
    const RocResult result = roc(marker, std::vector<std::uint8_t>{0, 0, 1, 0});
    QCOMPARE(result.status, RocStatus::Ok);
    QCOMPARE(result.auc, 2.0 / 3.0);
    QVERIFY(!result.aucVariance);
    QVERIFY(!result.aucLower);
    QVERIFY(!result.aucUpper);
}

void TestRoc::listsTiedYoudenOptima()
{
    // Two cut-offs share the maximal J = 2/3; averaging them (7.5) would give J = 0.5.
    const io::Table table = io::readTable(
        test::testDataPath(QStringLiteral("cases/17-youden-ties-and-threshold-midpoints/input.csv")).toStdString());
    std::vector<double> marker;
    std::vector<std::uint8_t> isCase;
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        marker.push_back(io::parseNumericCell(table.cell(row, table.requireColumn("marker"))).value);
        isCase.push_back(table.cell(row, table.requireColumn("response")) == "1" ? 1 : 0);
    }

    const RocResult result = roc(marker, isCase);
    QCOMPARE(result.nCases, std::size_t{6});
    QCOMPARE(result.nControls, std::size_t{6});
    QVERIFY(test::fuzzyEqual(result.auc, 32.0 / 36.0, 1e-15));
    QVERIFY(test::fuzzyEqual(*result.aucLower, 0.694, 1e-3));
    QCOMPARE(*result.aucUpper, 1.0);

    QCOMPARE(result.youdenOptima.size(), std::size_t{2});
    const YoudenOptimum& first = result.youdenOptima[0];
    QCOMPARE(first.point.threshold, 4.5);
    QCOMPARE(first.point.highGroupFrom, std::optional<double>(5.0));
    QCOMPARE(first.point.sensitivity, 1.0);
    QCOMPARE(first.point.specificity, 4.0 / 6.0);
    QVERIFY(test::fuzzyEqual(first.youdenIndex, 2.0 / 3.0, 1e-15));
    const YoudenOptimum& second = result.youdenOptima[1];
    QCOMPARE(second.point.threshold, 9.5);
    QCOMPARE(second.point.highGroupFrom, std::optional<double>(10.0));
    QCOMPARE(second.point.sensitivity, 4.0 / 6.0);
    QCOMPARE(second.point.specificity, 1.0);
    QVERIFY(test::fuzzyEqual(second.youdenIndex, 2.0 / 3.0, 1e-15));

    // The full table of pROC thresholds with sensitivity and specificity.
    const std::vector<std::array<double, 3>> expected{
        {-kInf, 1.0, 0.0},     {1.5, 1.0, 1 / 6.0},   {2.5, 1.0, 2 / 6.0},   {3.5, 1.0, 3 / 6.0},
        {4.5, 1.0, 4 / 6.0},   {5.5, 5 / 6.0, 4 / 6.0}, {6.5, 4 / 6.0, 4 / 6.0}, {8.0, 4 / 6.0, 5 / 6.0},
        {9.5, 4 / 6.0, 1.0},   {10.5, 3 / 6.0, 1.0},  {11.5, 2 / 6.0, 1.0},  {12.5, 1 / 6.0, 1.0},
        {kInf, 0.0, 1.0}};
    QCOMPARE(result.curve.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.curve[i].threshold, expected[i][0]);
        QCOMPARE(result.curve[i].sensitivity, expected[i][1]);
        QCOMPARE(result.curve[i].specificity, expected[i][2]);
    }

    // The mean of the tied cut-offs is not optimal.
    const ConfusionAtCutoff averaged = confusionAtCutoff(marker, isCase, 7.5, CutoffRule::GreaterOrEqual);
    QVERIFY(test::fuzzyEqual(*averaged.sensitivity.estimate + *averaged.specificity.estimate - 1.0, 0.5, 1e-15));
}

void TestRoc::movesMidpointThatRoundsOntoValue()
{
    // Between two adjacent doubles the mid-point rounds onto one of them; pROC moves it
    // so that the split stays between them.
    const double low = 1.0;
    const double high = std::nextafter(1.0, 2.0);
    const std::vector<double> marker{low, high, 3.0};
    const std::vector<std::uint8_t> isCase{0, 1, 1};
    const RocResult higher = roc(marker, isCase, {RocDirection::Higher, 0.95});
    QCOMPARE(higher.curve[1].threshold, high);
    QCOMPARE(higher.curve[1].sensitivity, 1.0);
    QCOMPARE(higher.curve[1].specificity, 1.0);
    const RocResult lower = roc(marker, std::vector<std::uint8_t>{1, 0, 0}, {RocDirection::Lower, 0.95});
    QCOMPARE(lower.curve[2].threshold, low);
    QCOMPARE(lower.curve[2].sensitivity, 1.0);
    QCOMPARE(lower.curve[2].specificity, 1.0);
}

void TestRoc::confusionCountsHighGroupAsPositive()
{
    const std::vector<double> marker{1, 2, 3, 4, 5, 6, 7, 8};
    const std::vector<std::uint8_t> isCase{0, 0, 1, 0, 1, 1, 0, 1};
    const ConfusionAtCutoff atLeast = confusionAtCutoff(marker, isCase, 5.0, CutoffRule::GreaterOrEqual);
    QCOMPARE(atLeast.truePositives, 3);
    QCOMPARE(atLeast.falsePositives, 1);
    QCOMPARE(atLeast.falseNegatives, 1);
    QCOMPARE(atLeast.trueNegatives, 3);
    QCOMPARE(atLeast.ppv.estimate, std::optional<double>(0.75));
    QCOMPARE(atLeast.npv.estimate, std::optional<double>(0.75));
    // binom.test(3, 4)$conf.int in R 4.2.2.
    QVERIFY(test::fuzzyEqual(*atLeast.sensitivity.lower, 0.19412044968324341, 1e-9));
    QVERIFY(test::fuzzyEqual(*atLeast.sensitivity.upper, 0.99369053679029018, 1e-9));

    const ConfusionAtCutoff above = confusionAtCutoff(marker, isCase, 5.0, CutoffRule::Greater);
    QCOMPARE(above.truePositives, 2);
    QCOMPARE(above.falsePositives, 1);

    // No patient in the high group: PPV has no denominator.
    const ConfusionAtCutoff none = confusionAtCutoff(marker, isCase, 100.0, CutoffRule::GreaterOrEqual);
    QVERIFY(!none.ppv.estimate);
    QCOMPARE(none.sensitivity.estimate, std::optional<double>(0.0));
    QCOMPARE(none.sensitivity.lower, std::optional<double>(0.0));
}

void TestRoc::rejectsInvalidInput()
{
    const std::vector<double> marker{1, std::numeric_limits<double>::quiet_NaN(), 3};
    const std::vector<std::uint8_t> isCase{0, 1, 1};
    try {
        roc(marker, isCase);
        QFAIL("a NaN marker was accepted");
    } catch (const InputError& error) {
        QCOMPARE(error.location().row, std::optional<std::size_t>(2));
        QVERIFY(QString::fromStdString(error.what()).contains(QStringLiteral("not a finite number")));
    }
    QVERIFY_THROWS_EXCEPTION(InputError, roc(std::vector<double>{1, 2}, std::vector<std::uint8_t>{0, 2}));
    QVERIFY_THROWS_EXCEPTION(InputError, roc(std::vector<double>{1, 2}, std::vector<std::uint8_t>{0}));
    QVERIFY_THROWS_EXCEPTION(InputError,
                             roc(std::vector<double>{1, 2}, std::vector<std::uint8_t>{0, 1}, {RocDirection::Higher, 1.0}));
    QVERIFY_THROWS_EXCEPTION(InputError, rocCoordsAtThreshold(std::vector<double>{1, 2}, std::vector<std::uint8_t>{0, 1},
                                                              1.5, RocDirection::Auto));
    QVERIFY_THROWS_EXCEPTION(InputError, confusionAtCutoff(std::vector<double>{1, 2}, std::vector<std::uint8_t>{0, 1},
                                                           kInf, CutoffRule::GreaterOrEqual));
}

QTEST_GUILESS_MAIN(TestRoc)
#include "tst_roc.moc"
