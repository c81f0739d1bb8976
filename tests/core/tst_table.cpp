#include "common/error.h"
#include "io/table.h"
#include "support/referencecase.h"

#include <QTest>

using namespace cutofflab;

class TestTable : public QObject {
    Q_OBJECT

private slots:
    void readsEveryReferenceDataset_data();
    void readsEveryReferenceDataset();
    void parsesQuotedFields();
    void detectsDialects_data();
    void detectsDialects();
    void parsesNumericCells_data();
    void parsesNumericCells();
    void rejectsMalformedText_data();
    void rejectsMalformedText();
    void namesMissingColumn();
};

void TestTable::readsEveryReferenceDataset_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::newRow("lung") << "lung.csv" << 228 << 10;
    QTest::newRow("veteran") << "veteran.csv" << 137 << 8;
    QTest::newRow("pbc") << "pbc.csv" << 418 << 20;
    QTest::newRow("aSAH") << "aSAH.csv" << 113 << 7;
    QTest::newRow("DLBCL") << "DLBCL.csv" << 42 << 7;
    QTest::newRow("simulated") << "SIMULATED_soramic_il6_il8.csv" << 47 << 22;
}

void TestTable::readsEveryReferenceDataset()
{
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(int, columns);
    const io::Table table =
        io::readTable(test::testDataPath(QStringLiteral("reference/datasets/") + file).toStdString());
    QCOMPARE(static_cast<int>(table.rowCount()), rows);
    QCOMPARE(static_cast<int>(table.columnCount()), columns);
}

void TestTable::parsesQuotedFields()
{
    const io::Table table = io::parseDelimited("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n", {});
    QCOMPARE(table.rowCount(), std::size_t{2});
    QCOMPARE(table.cell(0, 0), std::string("x, y"));
    QCOMPARE(table.cell(0, 1), std::string("say \"hi\""));
    QCOMPARE(table.cell(0, 2), std::string("two\nlines"));
    QCOMPARE(table.cell(1, 1), std::string());
}

void TestTable::detectsDialects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<char>("decimalMark");
    QTest::newRow("comma") << QByteArray("time,event\n1.5,1\n") << ',' << '.';
    QTest::newRow("tab") << QByteArray("time\tevent\n1.5\t1\n") << '\t' << '.';
    QTest::newRow("semicolon decimal comma") << QByteArray("time;event\n1,5;1\n2,25;0\n") << ';' << ',';
    QTest::newRow("semicolon decimal point") << QByteArray("time;event\n1.5;1\n") << ';' << '.';
}

void TestTable::detectsDialects()
{
    QFETCH(QByteArray, text);
    QFETCH(char, delimiter);
    QFETCH(char, decimalMark);
    const io::Dialect dialect = io::detectDialect(text.toStdString());
    QCOMPARE(dialect.delimiter, delimiter);
    QCOMPARE(dialect.decimalMark, decimalMark);
}

void TestTable::parsesNumericCells_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("value");
    using Kind = io::NumericCell::Kind;
    QTest::newRow("plain") << "8.58" << int(Kind::Number) << 8.58;
    QTest::newRow("exponent") << "1e-3" << int(Kind::Number) << 0.001;
    QTest::newRow("spaces") << "  12 " << int(Kind::Number) << 12.0;
    QTest::newRow("empty") << "" << int(Kind::Missing) << 0.0;
    QTest::newRow("NA") << "NA" << int(Kind::Missing) << 0.0;
    QTest::newRow("below limit") << "<1.5" << int(Kind::BelowLimit) << 1.5;
    QTest::newRow("above limit") << ">5000" << int(Kind::AboveLimit) << 5000.0;
    QTest::newRow("text") << "high" << int(Kind::Invalid) << 0.0;
    QTest::newRow("trailing text") << "12 pg" << int(Kind::Invalid) << 0.0;
    QTest::newRow("infinite") << "inf" << int(Kind::Invalid) << 0.0;
}

void TestTable::parsesNumericCells()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(double, value);
    const io::NumericCell cell = io::parseNumericCell(text.toStdString());
    QCOMPARE(int(cell.kind), kind);
    if (cell.kind == io::NumericCell::Kind::Number || cell.kind == io::NumericCell::Kind::BelowLimit)
        QCOMPARE(cell.value, value);
}

void TestTable::rejectsMalformedText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unclosed quote") << QByteArray("a,b\n\"x,1\n") << "never closed";
    QTest::newRow("wide row") << QByteArray("a,b\n1,2,3\n") << "Data row 1";
    QTest::newRow("duplicate column") << QByteArray("a,a\n1,2\n") << "appears twice";
    QTest::newRow("unnamed column") << QByteArray("a,\n1,2\n") << "has no name";
    QTest::newRow("empty") << QByteArray("\n\n") << "empty";
}

void TestTable::rejectsMalformedText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, messagePart);
    try {
        io::parseDelimited(text.toStdString(), {});
        QFAIL("no InputError was thrown");
    } catch (const InputError& error) {
        QVERIFY2(QString::fromStdString(error.what()).contains(messagePart), error.what());
    }
}

void TestTable::namesMissingColumn()
{
    const io::Table table = io::parseDelimited("time,event\n1,0\n", {});
    try {
        table.requireColumn("os_months");
        QFAIL("no InputError was thrown");
    } catch (const InputError& error) {
        QCOMPARE(error.location().column, std::string("os_months"));
        QVERIFY(QString::fromStdString(error.what()).contains(QStringLiteral("time, event")));
    }
}

QTEST_GUILESS_MAIN(TestTable)
#include "tst_table.moc"
