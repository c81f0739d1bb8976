#include "io/roleguess.h"
#include "support/referencecase.h"

#include <QTest>

using namespace cutofflab;
using namespace cutofflab::ui;

namespace {

io::Table readDataset(const QString& file)
{
    return io::readTable(test::testDataPath(QStringLiteral("reference/datasets/") + file).toStdString());
}

QStringList columnsWithRole(const io::Table& table, const RoleGuess& guess, ColumnRole role)
{
    QStringList names;
    for (std::size_t c = 0; c < guess.roles.size(); ++c) {
        if (guess.roles[c] == role)
            names << QString::fromStdString(table.columns[c]);
    }
    return names;
}

} // namespace

class TestRoleGuess : public QObject {
    Q_OBJECT

private slots:
    void guessesRoles_data();
    void guessesRoles();
    void markersFallBackToNumericColumns();
    void codedColumnsBecomeCovariates();
    void summarizesColumns();
    void buildsCoreRoles();
    void readsDecimalComma();
};

void TestRoleGuess::guessesRoles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("response");
    QTest::addColumn<QStringList>("markers");

    QTest::newRow("simulated IL-6/IL-8 cohort")
        << "SIMULATED_soramic_il6_il8.csv" << "patient_id" << "os_months" << "death" << "objective_response"
        << QStringList{"afp_ng_ml", "il6_pg_ml", "il8_pg_ml"};
    QTest::newRow("lung: time in days, status 1/2")
        << "lung.csv" << "" << "time" << "status" << ""
        << QStringList{"age", "meal.cal", "wt.loss"};
    QTest::newRow("pbc: three-valued status named status")
        << "pbc.csv" << "id" << "time" << "status" << ""
        << QStringList{"age", "bili", "chol", "albumin", "copper", "alk.phos", "ast", "trig", "platelet", "protime"};
    QTest::newRow("DLBCL: cens column, MGE marker")
        << "DLBCL.csv" << "RowNames" << "time" << "cens" << "" << QStringList{"MGE"};
    QTest::newRow("aSAH: no survival, outcome Good/Poor")
        << "aSAH.csv" << "" << "" << "" << "outcome" << QStringList{"s100b", "ndka"};
}

void TestRoleGuess::guessesRoles()
{
    QFETCH(QString, file);
    QFETCH(QString, id);
    QFETCH(QString, time);
    QFETCH(QString, event);
    QFETCH(QString, response);
    QFETCH(QStringList, markers);

    const io::Table table = readDataset(file);
    const RoleGuess guess = guessColumnRoles(table);
    QCOMPARE(guess.roles.size(), table.columnCount());
    QCOMPARE(columnWithRole(table, guess.roles, ColumnRole::Id), id);
    QCOMPARE(columnWithRole(table, guess.roles, ColumnRole::Time), time);
    QCOMPARE(columnWithRole(table, guess.roles, ColumnRole::Event), event);
    QCOMPARE(columnWithRole(table, guess.roles, ColumnRole::Response), response);
    QCOMPARE(columnsWithRole(table, guess, ColumnRole::Marker), markers);
    QVERIFY(!guess.reasons.isEmpty());
}

void TestRoleGuess::markersFallBackToNumericColumns()
{
    const io::Table table = io::parseDelimited("t,dead,x,y,arm\n1,1,0.5,3,A\n2,0,0.7,4,B\n", {});
    const RoleGuess guess = guessColumnRoles(table);
    // "t" is not a time name, so no time column is guessed: it is numeric and becomes a
    // marker candidate like x and y, and the user picks the time column.
    QCOMPARE(columnWithRole(table, guess.roles, ColumnRole::Time), QString());
    QCOMPARE(columnsWithRole(table, guess, ColumnRole::Marker), (QStringList{"t", "x", "y"}));
    QCOMPARE(columnsWithRole(table, guess, ColumnRole::Covariate), QStringList{"arm"});
    QCOMPARE(columnWithRole(table, guess.roles, ColumnRole::Event), QStringLiteral("dead"));
}

void TestRoleGuess::codedColumnsBecomeCovariates()
{
    // lung: institution codes (18 values), sex 1/2, ECOG 0-3 and Karnofsky scores in steps of 10.
    const io::Table table = readDataset(QStringLiteral("lung.csv"));
    const RoleGuess guess = guessColumnRoles(table);
    QCOMPARE(columnsWithRole(table, guess, ColumnRole::Covariate),
             (QStringList{"inst", "sex", "ph.ecog", "ph.karno", "pat.karno"}));

    // Codes repeat: three values seen four times each are codes, three values seen once are not.
    const io::Table small = io::parseDelimited("v,w\n1,0\n2,0.5\n3,1\n1,0\n2,0.5\n3,1\n1,0\n2,0.5\n3,1\n1,0\n2,0.5\n3,1\n", {});
    const std::vector<ColumnSummary> summaries = summarizeColumns(small);
    QVERIFY(summaries[0].coded());   // 3 whole numbers, each 4 times
    QVERIFY(summaries[1].coded());   // 3 values 0/0.5/1, each 4 times
    const io::Table few = io::parseDelimited("v\n1\n2\n3\n", {});
    QVERIFY(!summarizeColumns(few)[0].coded());
}

void TestRoleGuess::summarizesColumns()
{
    const io::Table table = io::parseDelimited("il6,label\n<1.5,a\n3,b\nNA,a\n12,\n", {});
    const std::vector<ColumnSummary> summaries = summarizeColumns(table);
    QCOMPARE(summaries.size(), std::size_t{2});
    QVERIFY(summaries[0].numeric());
    QCOMPARE(summaries[0].numberCount, std::size_t{3});
    QCOMPARE(summaries[0].belowLimitCount, std::size_t{1});
    QCOMPARE(summaries[0].missingCount, std::size_t{1});
    QVERIFY(!summaries[1].numeric());
    QCOMPARE(summaries[1].distinctCount, std::size_t{2});
    QCOMPARE(summaries[1].levels, (QStringList{"a", "b"}));
}

void TestRoleGuess::buildsCoreRoles()
{
    const io::Table table = readDataset(QStringLiteral("SIMULATED_soramic_il6_il8.csv"));
    const RoleGuess guess = guessColumnRoles(table);
    const ColumnRoles roles = toColumnRoles(table, guess.roles, std::nullopt);
    QCOMPARE(roles.time, std::string("os_months"));
    QCOMPARE(roles.event, std::string("death"));
    QVERIFY(!roles.eventValue);
    // The response column is read as a covariate of the cohort.
    QVERIFY(std::find(roles.covariates.begin(), roles.covariates.end(), "objective_response") != roles.covariates.end());
    const Cohort cohort = buildCohort(table, roles);
    QCOMPARE(cohort.size(), std::size_t{47});
}

void TestRoleGuess::readsDecimalComma()
{
    // A European export: ";" between fields and "," as the decimal mark.
    const std::string text = "os_months;death;il6_pg_ml\n12,5;1;3,25\n7;0;10,5\n";
    const io::Table table = io::parseDelimited(text, io::detectDialect(text));
    const std::vector<ColumnSummary> summaries = summarizeColumns(table);
    QVERIFY(summaries[0].numeric());
    QVERIFY(summaries[2].numeric());
    const RoleGuess guess = guessColumnRoles(table);
    QCOMPARE(columnWithRole(table, guess.roles, ColumnRole::Time), QStringLiteral("os_months"));
    QCOMPARE(columnsWithRole(table, guess, ColumnRole::Marker), QStringList{"il6_pg_ml"});
}

QTEST_GUILESS_MAIN(TestRoleGuess)
#include "tst_roleguess.moc"
