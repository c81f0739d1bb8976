#include "binary/contingency.h"
#include "binary/proportion.h"
#include "common/error.h"
#include "support/referencecase.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <limits>

using namespace cutofflab;

Q_DECLARE_METATYPE(cutofflab::CountTable)

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::optional<double> optional(double value)
{
    return value;
}

bool jsonValueMatches(const test::ReferenceCase& reference, const QString& column, std::size_t row,
                      const QJsonValue& value)
{
    if (value.isDouble()) {
        const std::optional<double> number = reference.number(column, row);
        return number && *number == value.toDouble();
    }
    return reference.text(column, row) == value.toString();
}

// The response table of a reference case, rows in the case's row_order (high then low,
// or score 0, 1, 2), columns (positive, negative).
CountTable responseTable(const test::ReferenceCase& reference, std::size_t* rowsUsed, std::size_t* rowsLeftOut)
{
    const QJsonObject block = reference.json[QStringLiteral("binary_by_group")].toObject();
    const QJsonObject outcome = block[QStringLiteral("outcome")].toObject();
    const QString column = outcome[QStringLiteral("column")].toString();
    const QJsonArray rowOrder = block[QStringLiteral("table")].toObject()[QStringLiteral("row_order")].toArray();

    std::vector<int> tableRow;
    std::vector<int> tableColumn;
    *rowsUsed = 0;
    *rowsLeftOut = 0;
    for (std::size_t row = 0; row < reference.size(); ++row) {
        int outcomeColumn = -1;
        if (jsonValueMatches(reference, column, row, outcome[QStringLiteral("positive_value")]))
            outcomeColumn = 0;
        else if (jsonValueMatches(reference, column, row, outcome[QStringLiteral("negative_value")]))
            outcomeColumn = 1;
        if (outcomeColumn < 0) {
            ++*rowsLeftOut;
            continue;
        }
        ++*rowsUsed;
        const QString groupName = reference.groupNames[reference.group[row]];
        int position = -1;
        for (qsizetype i = 0; i < rowOrder.size(); ++i)
            if (rowOrder[i].toString() == groupName)
                position = static_cast<int>(i);
        tableRow.push_back(position);
        tableColumn.push_back(outcomeColumn);
    }
    return crossTabulate(tableRow, tableColumn, static_cast<std::size_t>(rowOrder.size()), 2);
}

void compareChiSquare(const test::ReferenceCase& reference, const QString& name, const ChiSquareTest& actual)
{
    const QJsonObject expected =
        reference.json[QStringLiteral("binary_by_group")].toObject()[name].toObject();
    const auto tolerance = [&](const QString& field) {
        return reference.tolerance(QStringLiteral("binary_by_group.%1.%2").arg(name, field));
    };
    CUTOFFLAB_COMPARE_NUMBER(name + ".statistic", actual.statistic, expected[QStringLiteral("statistic")],
                             tolerance(QStringLiteral("statistic")));
    CUTOFFLAB_COMPARE_COUNT(name + ".df", actual.df, expected[QStringLiteral("df")]);
    CUTOFFLAB_COMPARE_NUMBER(name + ".p", actual.p, expected[QStringLiteral("p")], tolerance(QStringLiteral("p")));

    const QJsonArray rows = expected[QStringLiteral("expected")].toArray();
    QCOMPARE(actual.expected.size(), static_cast<std::size_t>(rows.size() * 2));
    bool anyBelowFive = false;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonArray cells = rows[r].toArray();
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const double value = actual.expected[static_cast<std::size_t>(r * 2 + c)];
            CUTOFFLAB_COMPARE_NUMBER(name + QStringLiteral(".expected[%1][%2]").arg(r).arg(c), optional(value),
                                     cells[c], tolerance(QStringLiteral("expected")));
            anyBelowFive = anyBelowFive || cells[c].toDouble() < 5.0;
        }
    }
    QCOMPARE(actual.lowExpectedCount, anyBelowFive);

    // R's warning "Chi-squared approximation may be incorrect" marks a low expected count.
    QString where = name == QLatin1String("chisq") ? QStringLiteral("chisq.test(correct = FALSE)")
                                                   : QStringLiteral("chisq.test(correct = TRUE)");
    bool warned = false;
    for (const QJsonValue& message : reference.json[QStringLiteral("r_messages")].toArray())
        warned = warned || message.toObject()[QStringLiteral("where")].toString() == where;
    QCOMPARE(actual.lowExpectedCount, warned);
}

} // namespace

class TestContingency : public QObject {
    Q_OBJECT

private slots:
    void matchesReferenceCase_data();
    void matchesReferenceCase();
    void fisherMatchesR_data();
    void fisherMatchesR();
    void oddsRatioMatchesR_data();
    void oddsRatioMatchesR();
    void zeroCellsGiveEdgeOddsRatio();
    void zeroMarginIsNotEstimable();
    void emptyTableHasNoTests();
    void yatesCorrectionCapsAtHalf();
    void limitStopsLargeEnumeration();
    void clopperPearsonMatchesBinomTest();
    void rejectsInvalidTables();
};

void TestContingency::matchesReferenceCase_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("binary_by_group")))
        QTest::newRow(qPrintable(id)) << id;
}

void TestContingency::matchesReferenceCase()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase reference = test::loadReferenceCase(caseId);
    const QJsonObject expected = reference.json[QStringLiteral("binary_by_group")].toObject();
    const auto tolerance = [&](const QString& field) {
        return reference.tolerance(QStringLiteral("binary_by_group.") + field);
    };

    std::size_t rowsUsed = 0;
    std::size_t rowsLeftOut = 0;
    const CountTable table = responseTable(reference, &rowsUsed, &rowsLeftOut);
    CUTOFFLAB_COMPARE_COUNT("rows_used", static_cast<long long>(rowsUsed), expected[QStringLiteral("rows_used")]);
    CUTOFFLAB_COMPARE_COUNT("rows_left_out", static_cast<long long>(rowsLeftOut), expected[QStringLiteral("rows_left_out")]);
    const QJsonArray counts = expected[QStringLiteral("table")].toObject()[QStringLiteral("counts")].toArray();
    QCOMPARE(table.rows, static_cast<std::size_t>(counts.size()));
    for (std::size_t r = 0; r < table.rows; ++r)
        for (std::size_t c = 0; c < 2; ++c)
            CUTOFFLAB_COMPARE_COUNT(QStringLiteral("table.counts[%1][%2]").arg(r).arg(c), table.at(r, c),
                                    counts[static_cast<qsizetype>(r)].toArray()[static_cast<qsizetype>(c)]);

    const ResponseTableAnalysis analysis = analyzeResponseTable(table);

    const QJsonArray rowOrder = expected[QStringLiteral("table")].toObject()[QStringLiteral("row_order")].toArray();
    const QJsonObject rates = expected[QStringLiteral("positive_rate")].toObject();
    for (std::size_t r = 0; r < table.rows; ++r) {
        const QString group = rowOrder[static_cast<qsizetype>(r)].toString();
        CUTOFFLAB_COMPARE_NUMBER("positive_rate." + group, analysis.positiveRate[r].estimate, rates[group],
                                 tolerance(QStringLiteral("positive_rate")));
    }

    compareChiSquare(reference, QStringLiteral("chisq"), analysis.chiSquare);
    if (expected.contains(QStringLiteral("chisq_yates"))) {
        QVERIFY(analysis.chiSquareYates.has_value());
        compareChiSquare(reference, QStringLiteral("chisq_yates"), *analysis.chiSquareYates);
    } else {
        QVERIFY(!analysis.chiSquareYates);
    }
    if (expected.contains(QStringLiteral("sample_odds_ratio")))
        CUTOFFLAB_COMPARE_NUMBER("sample_odds_ratio", analysis.sampleOddsRatio, expected[QStringLiteral("sample_odds_ratio")],
                                 tolerance(QStringLiteral("sample_odds_ratio")));

    const QJsonObject fisher = expected[QStringLiteral("fisher")].toObject();
    QCOMPARE(analysis.fisher.status, FisherStatus::Ok);
    CUTOFFLAB_COMPARE_NUMBER("fisher.p", analysis.fisher.p, fisher[QStringLiteral("p")], tolerance(QStringLiteral("fisher.p")));
    if (!fisher.contains(QStringLiteral("odds_ratio_precise"))) {
        QVERIFY(!analysis.fisher.oddsRatio);
        return;
    }
    QVERIFY(analysis.fisher.oddsRatio.has_value());
    const ConditionalOddsRatio& oddsRatio = *analysis.fisher.oddsRatio;
    for (const QString& suffix : {QStringLiteral("precise"), QStringLiteral("r")}) {
        const QString estimateField = QStringLiteral("fisher.odds_ratio_") + suffix;
        const QString ciField = QStringLiteral("fisher.ci_") + suffix;
        const QJsonObject ci = fisher[QStringLiteral("ci_") + suffix].toObject();
        CUTOFFLAB_COMPARE_NUMBER(estimateField, optional(oddsRatio.estimate),
                                 fisher[QStringLiteral("odds_ratio_") + suffix], tolerance(estimateField));
        QCOMPARE(oddsRatio.confLevel, ci[QStringLiteral("level")].toDouble());
        CUTOFFLAB_COMPARE_NUMBER(ciField + ".lower", optional(oddsRatio.lower), ci[QStringLiteral("lower")],
                                 tolerance(ciField));
        CUTOFFLAB_COMPARE_NUMBER(ciField + ".upper", optional(oddsRatio.upper), ci[QStringLiteral("upper")],
                                 tolerance(ciField));
    }
}

void TestContingency::fisherMatchesR_data()
{
    QTest::addColumn<CountTable>("table");
    QTest::addColumn<double>("expectedP");
    // fisher.test(matrix(..., nrow = rows))$p.value in R 4.2.2.
    QTest::newRow("3 x 2 score table") << CountTable::fromRows({{9, 6}, {3, 9}, {4, 11}}) << 0.10688293602183253;
    QTest::newRow("3 x 2 symmetric, exact ties") << CountTable::fromRows({{2, 2}, {2, 2}, {2, 2}}) << 0.99999999999999978;
    QTest::newRow("3 x 2 mirrored") << CountTable::fromRows({{1, 3}, {2, 2}, {3, 1}}) << 0.7662337662337656;
    QTest::newRow("3 x 3 diagonal") << CountTable::fromRows({{5, 0, 0}, {0, 5, 0}, {0, 0, 5}}) << 7.9285793571507712e-06;
    QTest::newRow("4 x 3 sparse")
        << CountTable::fromRows({{3, 2, 1}, {1, 3, 0}, {2, 2, 4}, {1, 3, 2}}) << 0.59180004273556053;
    QTest::newRow("3 x 2 with empty row") << CountTable::fromRows({{1, 3}, {2, 4}, {0, 0}}) << 1.0;
    QTest::newRow("2 x 2, tiny p") << CountTable::fromRows({{26, 12}, {15, 60}}) << 8.561175177954136e-07;
    QTest::newRow("4 x 2, 418 patients")
        << CountTable::fromRows({{10, 11}, {30, 50}, {100, 60}, {80, 77}}) << 0.0027792437128432595;
    QTest::newRow("4 x 3, 174 patients")
        << CountTable::fromRows({{3, 8, 2}, {12, 20, 8}, {30, 25, 20}, {15, 19, 12}}) << 0.51662502619422657;
    // fisher.test() needs workspace = 2e8 here; R's default workspace fails.
    QTest::newRow("4 x 4, 103 patients")
        << CountTable::fromRows({{5, 9, 2, 4}, {10, 7, 12, 3}, {6, 8, 9, 11}, {2, 3, 5, 7}}) << 0.081856064216518615;
    QTest::newRow("2 x 4, staged by columns") << CountTable::fromRows({{3, 1, 2, 1}, {2, 3, 2, 3}}) << 0.72233648704237063;
}

void TestContingency::fisherMatchesR()
{
    QFETCH(CountTable, table);
    QFETCH(double, expectedP);
    const FisherTest result = fisherExact(table);
    QCOMPARE(result.status, FisherStatus::Ok);
    QVERIFY(result.p.has_value());
    QVERIFY2(test::fuzzyEqual(*result.p, expectedP, 1e-9),
             qPrintable(QStringLiteral("p = %1, R gives %2").arg(*result.p, 0, 'g', 17).arg(expectedP, 0, 'g', 17)));
}

void TestContingency::oddsRatioMatchesR_data()
{
    QTest::addColumn<CountTable>("table");
    QTest::addColumn<double>("estimate");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    // The conditional MLE and exact interval solved to 1e-14 in R 4.2.2:
    // uniroot(..., tol = 1e-14) on fisher.test()'s own mnhyper() and pnhyper().
    QTest::newRow("small counts") << CountTable::fromRows({{3, 1}, {1, 3}}) << 6.40831965819966776
                                  << 0.21173559544657863 << 626.24353058881388279;
    QTest::newRow("odds ratio below 1") << CountTable::fromRows({{2, 9}, {8, 4}}) << 0.1243142728322956941
                                        << 0.0088868144632222104 << 1.0133111760109418942;
}

void TestContingency::oddsRatioMatchesR()
{
    QFETCH(CountTable, table);
    QFETCH(double, estimate);
    QFETCH(double, lower);
    QFETCH(double, upper);
    const FisherTest result = fisherExact(table);
    QVERIFY(result.oddsRatio.has_value());
    QVERIFY(result.oddsRatio->estimable);
    QVERIFY(test::fuzzyEqual(result.oddsRatio->estimate, estimate, 1e-9));
    QVERIFY(test::fuzzyEqual(result.oddsRatio->lower, lower, 1e-9));
    QVERIFY(test::fuzzyEqual(result.oddsRatio->upper, upper, 1e-9));
}

void TestContingency::zeroCellsGiveEdgeOddsRatio()
{
    // One zero cell puts the count at the top of its range: R reports Inf and [lower, Inf].
    const CountTable high = CountTable::fromRows({{7, 0}, {12, 21}});
    const FisherTest upperEdge = fisherExact(high);
    QCOMPARE(upperEdge.oddsRatio->estimate, kInf);
    QCOMPARE(upperEdge.oddsRatio->upper, kInf);
    QVERIFY(test::fuzzyEqual(upperEdge.oddsRatio->lower, 2.0232567895511275, 1e-9));
    QVERIFY(test::fuzzyEqual(*upperEdge.p, 0.0027027027027027055, 1e-12));
    QCOMPARE(sampleOddsRatio(high), std::optional<double>(kInf));

    // The mirror image is at the bottom: 0 and [0, upper].
    const FisherTest lowerEdge = fisherExact(CountTable::fromRows({{0, 7}, {21, 12}}));
    QCOMPARE(lowerEdge.oddsRatio->estimate, 0.0);
    QCOMPARE(lowerEdge.oddsRatio->lower, 0.0);
    QVERIFY(test::fuzzyEqual(lowerEdge.oddsRatio->upper, 0.49425263523858354, 1e-9));
    QCOMPARE(sampleOddsRatio(CountTable::fromRows({{0, 7}, {21, 12}})), std::optional<double>(0.0));
    QVERIFY(lowerEdge.oddsRatio->estimable);
}

void TestContingency::zeroMarginIsNotEstimable()
{
    // Every patient in one group: one table has these margins. R: p 1, OR 0, CI [0, Inf].
    const CountTable table = CountTable::fromRows({{90, 138}, {0, 0}});
    const ResponseTableAnalysis analysis = analyzeResponseTable(table);
    QCOMPARE(analysis.fisher.p, std::optional<double>(1.0));
    QVERIFY(!analysis.fisher.oddsRatio->estimable);
    QCOMPARE(analysis.fisher.oddsRatio->estimate, 0.0);
    QCOMPARE(analysis.fisher.oddsRatio->lower, 0.0);
    QCOMPARE(analysis.fisher.oddsRatio->upper, kInf);
    QCOMPARE(analysis.chiSquare.status, ChiSquareStatus::ZeroMargin);
    QVERIFY(!analysis.chiSquare.statistic);
    QVERIFY(!analysis.chiSquare.p);
    QVERIFY(analysis.chiSquare.lowExpectedCount);
    QCOMPARE(analysis.chiSquareYates->status, ChiSquareStatus::ZeroMargin);
    QVERIFY(!analysis.sampleOddsRatio);
    QVERIFY(!analysis.positiveRate[1].estimate);
}

void TestContingency::emptyTableHasNoTests()
{
    const CountTable empty(2, 2);
    QCOMPARE(pearsonChiSquare(empty, false).status, ChiSquareStatus::EmptyTable);
    // fisher.test() of an all-zero 2 x 2 table gives p 1, OR 0, CI [0, Inf] in R.
    const FisherTest twoByTwo = fisherExact(empty);
    QCOMPARE(twoByTwo.p, std::optional<double>(1.0));
    QVERIFY(!twoByTwo.oddsRatio->estimable);
    // Larger tables: R's FEXACT stops with "All elements of TABLE are zero".
    const FisherTest larger = fisherExact(CountTable(3, 2));
    QCOMPARE(larger.status, FisherStatus::EmptyTable);
    QVERIFY(!larger.p);
}

void TestContingency::yatesCorrectionCapsAtHalf()
{
    // |O - E| = 0.2 < 0.5: R subtracts 0.2, so the corrected statistic is 0.
    const CountTable table = CountTable::fromRows({{2, 3}, {2, 3}});
    const ChiSquareTest corrected = pearsonChiSquare(table, true);
    QCOMPARE(corrected.continuityCorrection, 0.0);
    const CountTable offset = CountTable::fromRows({{3, 2}, {2, 3}});
    const ChiSquareTest offsetCorrected = pearsonChiSquare(offset, true);
    QCOMPARE(offsetCorrected.continuityCorrection, 0.5);
    // chisq.test(matrix(c(3, 2, 2, 3), 2)): X-squared = 0, p = 1; without correction 0.4, p 0.527.
    QCOMPARE(*offsetCorrected.statistic, 0.0);
    QCOMPARE(*offsetCorrected.p, 1.0);
    const ChiSquareTest uncorrected = pearsonChiSquare(offset, false);
    QVERIFY(test::fuzzyEqual(*uncorrected.statistic, 0.4, 1e-14));
    QVERIFY(test::fuzzyEqual(*uncorrected.p, 0.52708925686553809, 1e-9));
    // No correction for larger tables.
    QCOMPARE(pearsonChiSquare(CountTable::fromRows({{3, 2}, {2, 3}, {4, 4}}), true).continuityCorrection, 0.0);
}

void TestContingency::limitStopsLargeEnumeration()
{
    const CountTable table = CountTable::fromRows({{40, 35}, {38, 41}, {36, 39}, {41, 37}, {39, 40}});
    const FisherTest limited = fisherExact(table, 0.95, 1000);
    QCOMPARE(limited.status, FisherStatus::TooManyTables);
    QVERIFY(!limited.p);
}

void TestContingency::clopperPearsonMatchesBinomTest()
{
    // binom.test(x, n)$conf.int in R 4.2.2.
    const ProportionEstimate some = clopperPearson(6, 22);
    QVERIFY(test::fuzzyEqual(*some.estimate, 6.0 / 22.0, 1e-15));
    QVERIFY(test::fuzzyEqual(*some.lower, 0.10728924837039702, 1e-9));
    QVERIFY(test::fuzzyEqual(*some.upper, 0.50222120126634895, 1e-9));
    const ProportionEstimate none = clopperPearson(0, 10);
    QCOMPARE(*none.lower, 0.0);
    QVERIFY(test::fuzzyEqual(*none.upper, 0.30849710781876083, 1e-9));
    const ProportionEstimate all = clopperPearson(10, 10);
    QCOMPARE(*all.upper, 1.0);
    QVERIFY(test::fuzzyEqual(*all.lower, 0.69150289218123917, 1e-9));
    const ProportionEstimate empty = clopperPearson(0, 0);
    QVERIFY(!empty.estimate);
    QVERIFY(!empty.lower);
    QVERIFY_THROWS_EXCEPTION(InputError, clopperPearson(3, 2));
    QVERIFY_THROWS_EXCEPTION(InputError, clopperPearson(1, 2, 0.0));
}

void TestContingency::rejectsInvalidTables()
{
    QVERIFY_THROWS_EXCEPTION(InputError, pearsonChiSquare(CountTable::fromRows({{1, 2}}), false));
    QVERIFY_THROWS_EXCEPTION(InputError, fisherExact(CountTable::fromRows({{1, -2}, {3, 4}})));
    QVERIFY_THROWS_EXCEPTION(InputError, analyzeResponseTable(CountTable::fromRows({{1, 2, 3}, {3, 4, 5}})));
    QVERIFY_THROWS_EXCEPTION(InputError, CountTable::fromRows({{1, 2}, {3}}));
    QVERIFY_THROWS_EXCEPTION(InputError, crossTabulate(std::vector<int>{0, 2}, std::vector<int>{0, 1}, 2, 2));
    QVERIFY_THROWS_EXCEPTION(InputError, sampleOddsRatio(CountTable(3, 2)));
    const CountTable counted = crossTabulate(std::vector<int>{0, 1, -1, 1}, std::vector<int>{1, 1, 0, -1}, 2, 2);
    QCOMPARE(counted.total(), 2);
    QCOMPARE(counted.at(0, 1), 1);
    QCOMPARE(counted.at(1, 1), 1);
}

QTEST_GUILESS_MAIN(TestContingency)
#include "tst_contingency.moc"
