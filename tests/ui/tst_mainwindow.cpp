#include "analysis/analyze.h"
#include "charts/forestchartview.h"
#include "charts/kmchartview.h"
#include "charts/rocchartview.h"
#include "controller/analysiscontroller.h"
#include "controls/cutoffcontrol.h"
#include "controls/resulttable.h"
#include "dialogs/columndialog.h"
#include "export/chartexport.h"
#include "format.h"
#include "io/cohortsource.h"
#include "mainwindow.h"
#include "panels/hazardpanel.h"
#include "panels/kmpanel.h"
#include "panels/responsepanel.h"
#include "panels/rocpanel.h"
#include "support/referencecase.h"

#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cutofflab;
using namespace cutofflab::ui;

namespace {

constexpr int kTimeoutMs = 20000;

bool waitUntilIdle(MainWindow& window)
{
    return QTest::qWaitFor([&] { return !window.controller()->isBusy(); }, kTimeoutMs);
}

// Opens a file as a user does and waits until the window has read it (or rejected it).
bool openAndWait(MainWindow& window, const QString& path)
{
    QSignalSpy read(&window, &MainWindow::fileRead);
    window.openFile(path);
    if (!read.wait(kTimeoutMs))
        return false;
    return read.first().first().toBool();
}

// Waits until the column dialog has built the cohort for its current roles.
bool waitForDialog(ColumnDialog* dialog)
{
    return QTest::qWaitFor([&] { return !dialog->isRebuilding(); }, kTimeoutMs);
}

// The panels' numbers recomputed by the core for the request the window last showed.
AnalysisResult coreResultFor(const MainWindow& window)
{
    const PreparedCohort prepared(window.cohort()->cohort);
    return analyze(prepared, window.lastOutcome()->request.spec);
}

QString fullCell(const ResultTable* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->data(ResultTable::kFullPrecisionRole).toString() : QString();
}

QString shownCell(const ResultTable* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

int rowNamed(const ResultTable* table, const QString& name)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (shownCell(table, row, 0) == name)
            return row;
    }
    return -1;
}

// Parses "estimate (lower, upper)" as written by format::fullInterval.
std::vector<double> parseInterval(const QString& text)
{
    QString cleaned = text;
    cleaned.replace(QLatin1Char('('), QLatin1Char(' ')).replace(QLatin1Char(')'), QLatin1Char(' ')).replace(QLatin1Char(','), QLatin1Char(' '));
    std::vector<double> values;
    for (const QString& part : cleaned.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        values.push_back(part == QLatin1String("NA") ? std::nan("") : part.toDouble());
    return values;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void startsWithSimulatedExample();
    void panelsShowCoreNumbers_data();
    void panelsShowCoreNumbers();
    void pageUpMovesFivePercent();
    void mouseClickAndDragMoveCutoff();
    void burstOfStepsDropsStaleRequests();
    void emptyGroupShownInWords();
    void scoreShowsThreeCurvesAndTrend();
    void opensLungThroughColumnDialog();
    void readsLargeFileOffGuiThread();
    void rejectsUnreadableFile_data();
    void rejectsUnreadableFile();
    void columnDialogNamesNegativeTime();
    void savesCohortWithGroups();
    void neverOverwritesInputFile();
    void exportsCharts_data();
    void exportsCharts();
};

void TestMainWindow::initTestCase()
{
    // Recent files go to a test location, not the user's settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Cutoff Lab tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::startsWithSimulatedExample()
{
    MainWindow window;
    window.show();
    QVERIFY(waitUntilIdle(window));
    QVERIFY(window.lastOutcome());
    QVERIFY(window.lastOutcome()->result);
    QVERIFY(window.windowTitle().contains(QStringLiteral("SIMULATED")));
    QCOMPARE(window.cohort()->cohort.size(), std::size_t{47});
    const GroupingSpec& grouping = window.lastOutcome()->request.spec.grouping;
    QCOMPARE(grouping.marker, std::string("il6_pg_ml"));
    QCOMPARE(grouping.cutoff, 8.58);
    // The spin box keeps the two decimals of 8.58 although IL-6 is measured to 0.1.
    QCOMPARE(window.cutoffControl()->first()->valueBox()->value(), 8.58);
    // 26 patients have IL-6 >= 8.58 in the simulated cohort.
    QCOMPARE(window.lastOutcome()->result->groups.at(1).n, 26);
    QVERIFY(window.summaryLabel()->text().contains(QStringLiteral("26 patients")));
    QVERIFY(window.kmPanel()->kmChart()->hasContent());
    QVERIFY(window.kmPanel()->kmChart()->annotationText().contains(QStringLiteral("Log-rank")));
    // The slider carries both reference marks once the scan and the ROC curve are in.
    QVERIFY(window.cutoffControl()->first()->slider()->youdenMark().has_value());
    QVERIFY(window.cutoffControl()->first()->slider()->maxStatMark().has_value());
}

void TestMainWindow::panelsShowCoreNumbers_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("presses");
    QTest::newRow("right arrow once") << int(Qt::Key_Right) << 1;
    QTest::newRow("left arrow three times") << int(Qt::Key_Left) << 3;
    QTest::newRow("page up") << int(Qt::Key_PageUp) << 1;
    QTest::newRow("page down twice") << int(Qt::Key_PageDown) << 2;
    QTest::newRow("up arrow to a high cut-off") << int(Qt::Key_Up) << 12;
}

void TestMainWindow::panelsShowCoreNumbers()
{
    QFETCH(int, key);
    QFETCH(int, presses);
    MainWindow window;
    window.show();
    QVERIFY(waitUntilIdle(window));
    CutoffSlider* slider = window.cutoffControl()->first()->slider();
    slider->setFocus();
    for (int i = 0; i < presses; ++i) {
        QTest::keyClick(slider, static_cast<Qt::Key>(key));
        QTest::qWait(5);
    }
    QVERIFY(waitUntilIdle(window));

    // The window analysed the cut-off the slider shows, and every number it shows is the core's.
    const AnalysisOutcome& outcome = *window.lastOutcome();
    QCOMPARE(outcome.request.spec.grouping.cutoff, slider->cutoff());
    QCOMPARE(window.cutoffControl()->first()->valueBox()->value(), slider->cutoff());
    const AnalysisResult expected = coreResultFor(window);

    const ResultTable* km = window.kmPanel()->table();
    for (int g = 0; g < 2; ++g) {
        const KaplanMeier& curve = expected.km.at(static_cast<std::size_t>(g));
        QCOMPARE(shownCell(km, g, 1), QString::number(curve.n));
        QCOMPARE(shownCell(km, g, 2), QString::number(curve.events));
        QCOMPARE(fullCell(km, g, 3), format::fullInterval(curve.median.estimate, curve.median.lower, curve.median.upper));
        QCOMPARE(shownCell(km, g, 3), medianText(curve.median));
        const KmAtTime& at6 = curve.atTimes.at(0);
        QCOMPARE(fullCell(km, g, 4), format::fullInterval(at6.surv, at6.lower, at6.upper));
    }
    QVERIFY(expected.logRank);
    if (expected.logRank->status == TestStatus::Ok)
        QVERIFY(window.kmPanel()->testsLabel()->text().contains(format::number(expected.logRank->chisq, 3)));

    const ResultTable* roc = window.rocPanel()->table();
    QVERIFY(expected.roc);
    const RocResult& rocResult = expected.roc->roc;
    QCOMPARE(fullCell(roc, rowNamed(roc, QStringLiteral("AUC (95% CI)")), 1),
             format::fullInterval(rocResult.auc, rocResult.aucLower, rocResult.aucUpper));
    QVERIFY(expected.roc->atCutoff);
    const ProportionEstimate& sensitivity = expected.roc->atCutoff->sensitivity;
    QCOMPARE(fullCell(roc, rowNamed(roc, QStringLiteral("Sensitivity at cut-off")), 1),
             format::fullInterval(sensitivity.estimate, sensitivity.lower, sensitivity.upper));

    const ResultTable* hazard = window.hazardPanel()->table();
    QVERIFY(expected.coxUnivariate);
    const CoxTerm& term = expected.coxUnivariate->fit.terms.at(0);
    if (!term.infinite && !term.aliased)
        QCOMPARE(fullCell(hazard, 0, 2), format::fullInterval(term.hr, term.hrLower, term.hrUpper));

    const ResultTable* response = window.responsePanel()->table();
    QVERIFY(expected.response);
    const CountTable& counts = expected.response->table.table;
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(shownCell(response, row, 1), QString::number(counts.at(static_cast<std::size_t>(row), 0)));
        QCOMPARE(shownCell(response, row, 2), QString::number(counts.at(static_cast<std::size_t>(row), 1)));
    }
}

void TestMainWindow::pageUpMovesFivePercent()
{
    MainWindow window;
    window.show();
    QVERIFY(waitUntilIdle(window));
    CutoffSlider* slider = window.cutoffControl()->first()->slider();
    const double before = slider->fractionBelow(slider->cutoff());
    QTest::keyClick(slider, Qt::Key_PageUp);
    const double after = slider->fractionBelow(slider->cutoff());
    // 5% of 47 patients is 2.35: the cut-off moves past two or three of them.
    QVERIFY2(after - before > 0.03 && after - before < 0.08, qPrintable(QStringLiteral("moved by %1").arg(after - before)));
    QTest::keyClick(slider, Qt::Key_End);
    QCOMPARE(slider->cutoff(), slider->distinctValues().back());
    QTest::keyClick(slider, Qt::Key_Home);
    QCOMPARE(slider->cutoff(), slider->distinctValues().front());
}

void TestMainWindow::mouseClickAndDragMoveCutoff()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(waitUntilIdle(window));
    CutoffSlider* slider = window.cutoffControl()->first()->slider();
    const int y = slider->height() / 2;

    const int clickX = static_cast<int>(slider->positionOf(slider->distinctValues().front()) + 0.25 * slider->width());
    QTest::mouseClick(slider, Qt::LeftButton, {}, QPoint(clickX, y));
    const double clicked = slider->cutoff();
    QVERIFY(std::find(slider->distinctValues().begin(), slider->distinctValues().end(), clicked) != slider->distinctValues().end());
    QVERIFY(waitUntilIdle(window));
    QCOMPARE(window.lastOutcome()->request.spec.grouping.cutoff, clicked);

    // Drag from the handle to the right end of the track.
    const int from = static_cast<int>(slider->positionOf(clicked));
    QTest::mousePress(slider, Qt::LeftButton, {}, QPoint(from, y));
    QMouseEvent move(QEvent::MouseMove, QPointF(slider->width() - 2, y), slider->mapToGlobal(QPointF(slider->width() - 2, y)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(slider, &move);
    QTest::mouseRelease(slider, Qt::LeftButton, {}, QPoint(slider->width() - 2, y));
    QCOMPARE(slider->cutoff(), slider->distinctValues().back());
    QVERIFY(waitUntilIdle(window));
    QCOMPARE(window.lastOutcome()->request.spec.grouping.cutoff, slider->distinctValues().back());
}

void TestMainWindow::burstOfStepsDropsStaleRequests()
{
    MainWindow window;
    window.show();
    QVERIFY(waitUntilIdle(window));
    CutoffSlider* slider = window.cutoffControl()->first()->slider();
    QTest::keyClick(slider, Qt::Key_Home);
    const std::uint64_t droppedBefore = window.controller()->droppedRequests();
    // Twenty steps without returning to the event loop: one job runs, the rest are replaced.
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(slider, Qt::Key_Right);
    QVERIFY(waitUntilIdle(window));
    QVERIFY(window.controller()->droppedRequests() >= droppedBefore + 18);
    QCOMPARE(window.lastOutcome()->request.spec.grouping.cutoff, slider->cutoff());
}

void TestMainWindow::emptyGroupShownInWords()
{
    MainWindow window;
    window.show();
    QVERIFY(waitUntilIdle(window));
    CutoffSlider* slider = window.cutoffControl()->first()->slider();
    // At the smallest value every patient is high (rule >=): the low group is empty.
    QTest::keyClick(slider, Qt::Key_Home);
    QVERIFY(waitUntilIdle(window));
    QCOMPARE(window.lastOutcome()->result->groups.at(0).n, 0);
    const QStringList notices = window.kmPanel()->notices()->notices();
    QVERIFY2(!notices.isEmpty(), "no notice for the empty group");
    QVERIFY(notices.join(QLatin1Char(' ')).contains(QStringLiteral("No patient is in")));
    QVERIFY(window.kmPanel()->kmChart()->annotationText().contains(QStringLiteral("no patients")));
    // No hazard ratio is shown as a number.
    const QString testsText = window.kmPanel()->testsLabel()->text();
    QVERIFY2(testsText.contains(QStringLiteral("not")), qPrintable(testsText));
}

void TestMainWindow::scoreShowsThreeCurvesAndTrend()
{
    MainWindow window;
    window.show();
    QVERIFY(waitUntilIdle(window));
    window.setScoreGrouping(true);
    QVERIFY(waitUntilIdle(window));
    const AnalysisOutcome& outcome = *window.lastOutcome();
    QCOMPARE(outcome.request.spec.grouping.kind, GroupingSpec::Kind::Score);
    QCOMPARE(outcome.request.spec.grouping.marker2, std::string("il8_pg_ml"));
    QCOMPARE(outcome.result->grouping.groupCount, 3);
    // Three groups and the "all" row.
    QCOMPARE(window.kmPanel()->table()->rowCount(), 4);
    QVERIFY(window.kmPanel()->testsLabel()->text().contains(QStringLiteral("trend")));
    const AnalysisResult expected = coreResultFor(window);
    QVERIFY(expected.trend);
    QVERIFY(window.kmPanel()->kmChart()->annotationText().contains(format::pValue(expected.trend->p)));
}

void TestMainWindow::opensLungThroughColumnDialog()
{
    const test::ReferenceCase reference = test::loadReferenceCase(QStringLiteral("lung_age_ge65"));
    MainWindow window(false);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::cohortLoaded);
    QVERIFY(openAndWait(window, test::testDataPath(QStringLiteral("reference/datasets/lung.csv"))));
    ColumnDialog* dialog = window.columnDialog();
    QVERIFY(dialog);
    dialog->rebuildNow();
    QCOMPARE(dialog->role(QStringLiteral("time")), ColumnRole::Time);
    QCOMPARE(dialog->role(QStringLiteral("status")), ColumnRole::Event);
    QCOMPARE(dialog->role(QStringLiteral("age")), ColumnRole::Marker);
    QCOMPARE(dialog->role(QStringLiteral("sex")), ColumnRole::Covariate);
    QCOMPARE(dialog->role(QStringLiteral("inst")), ColumnRole::Covariate);

    // No row lacks a time or status; 67 cells are missing (meal.cal 47, wt.loss 14,
    // pat.karno 3, inst, ph.ecog and ph.karno 1 each) and leave their row out only of
    // the analyses that use their column. The tab, the dialog and the window agree.
    QCOMPARE(dialog->excludedRowCount(), 0);
    QCOMPARE(dialog->leftOutCellCount(), 67);
    QVERIFY2(dialog->leftOutTabText().contains(QStringLiteral("0 row")), qPrintable(dialog->leftOutTabText()));
    QVERIFY2(dialog->leftOutTabText().contains(QStringLiteral("67 cell")), qPrintable(dialog->leftOutTabText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("228 of 228 rows are in the cohort")), qPrintable(dialog->statusText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("67 missing or unusable cell")), qPrintable(dialog->statusText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("meal.cal 47")), qPrintable(dialog->statusText()));
    QVERIFY2(dialog->eventCodingText().contains(QStringLiteral("2 = event")), qPrintable(dialog->eventCodingText()));
    QVERIFY(dialog->errorText().isEmpty());
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(window.cohort()->cohort.size(), std::size_t{228});
    QVERIFY2(window.summaryLabel()->text().contains(QStringLiteral("67 missing or unusable cell")),
             qPrintable(window.summaryLabel()->text()));

    // The reference case: age >= 65, survival at 180, 365 and 730 days, ROC of death by 365 days.
    window.kmPanel()->timesEdit()->setText(QStringLiteral("180, 365, 730"));
    emit window.kmPanel()->timesEdit()->editingFinished();
    QComboBox* outcomeBox = window.rocPanel()->outcomeBox();
    window.rocPanel()->timeBox()->setValue(365);
    outcomeBox->setCurrentIndex(outcomeBox->count() - 1);
    GroupingSpec grouping;
    grouping.marker = "age";
    grouping.cutoff = 65;
    window.setGrouping(grouping);
    QVERIFY(waitUntilIdle(window));
    QCOMPARE(window.lastOutcome()->request.spec.grouping.marker, std::string("age"));

    const QJsonObject& json = reference.json;
    const QJsonArray groups = json[QStringLiteral("km")][QStringLiteral("groups")].toArray();
    const ResultTable* km = window.kmPanel()->table();
    for (int g = 0; g < 2; ++g) {
        const QJsonObject group = groups[g].toObject();
        QCOMPARE(shownCell(km, g, 1), QString::number(group[QStringLiteral("n")].toInt()));
        const std::vector<double> median = parseInterval(fullCell(km, g, 3));
        const QJsonObject expectedMedian = group[QStringLiteral("median")][QStringLiteral("log")].toObject();
        CUTOFFLAB_COMPARE_NUMBER("median", median.at(0), expectedMedian[QStringLiteral("estimate")], {});
        CUTOFFLAB_COMPARE_NUMBER("median lower", median.at(1), expectedMedian[QStringLiteral("lower")], {});
        const QJsonArray atTimes = group[QStringLiteral("at_times")].toArray();
        for (int t = 0; t < 3; ++t) {
            const std::vector<double> survival = parseInterval(fullCell(km, g, 4 + t));
            const QJsonObject at = atTimes[t].toObject();
            CUTOFFLAB_COMPARE_NUMBER("surv", survival.at(0), at[QStringLiteral("surv")], {});
            CUTOFFLAB_COMPARE_NUMBER("surv lower", survival.at(1), at[QStringLiteral("log")][QStringLiteral("lower")], {});
        }
    }
    const double chisq = json[QStringLiteral("logrank")][QStringLiteral("chisq")].toDouble();
    QVERIFY(window.kmPanel()->testsLabel()->text().contains(format::number(chisq, 3)));

    const ResultTable* hazard = window.hazardPanel()->table();
    const QJsonObject term = json[QStringLiteral("cox_univariate")][QStringLiteral("efron")][QStringLiteral("terms")][0].toObject();
    const std::vector<double> hr = parseInterval(fullCell(hazard, 0, 2));
    CUTOFFLAB_COMPARE_NUMBER("hr", hr.at(0), term[QStringLiteral("hr")], {});
    CUTOFFLAB_COMPARE_NUMBER("hr upper", hr.at(2), term[QStringLiteral("hr_upper")], {});

    const ResultTable* roc = window.rocPanel()->table();
    const std::vector<double> auc = parseInterval(fullCell(roc, rowNamed(roc, QStringLiteral("AUC (95% CI)")), 1));
    CUTOFFLAB_COMPARE_NUMBER("auc", auc.at(0), json[QStringLiteral("roc")][QStringLiteral("auc")], {});
}

void TestMainWindow::readsLargeFileOffGuiThread()
{
    // 200,000 rows take a noticeable time to read and summarise in a debug build; the
    // window hands them to a worker and returns at once, showing that it is busy.
    QTemporaryDir dir;
    QByteArray bytes = "patient_id,os_months,death,il6_pg_ml,sex\n";
    bytes.reserve(200000 * 32);
    for (int i = 0; i < 200000; ++i)
        bytes += QStringLiteral("P%1,%2,%3,%4,%5\n").arg(i).arg(1 + i % 97).arg(i % 3 == 0 ? 1 : 0)
                     .arg(0.5 + (i * 7919) % 1000 / 10.0).arg(1 + i % 2).toLatin1();
    const QString path = writeFile(dir, QStringLiteral("large.csv"), bytes);
    MainWindow window(false);
    window.show();
    QSignalSpy read(&window, &MainWindow::fileRead);
    QElapsedTimer clock;
    clock.start();
    window.openFile(path);
    QVERIFY2(clock.elapsed() < 100, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(window.isReadingFile());
    QVERIFY(read.wait(kTimeoutMs * 3));
    QVERIFY(read.first().first().toBool());
    QVERIFY(!window.isReadingFile());
    ColumnDialog* dialog = window.columnDialog();
    QVERIFY(dialog);
    QVERIFY(waitForDialog(dialog));
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->role(QStringLiteral("sex")), ColumnRole::Covariate);
    dialog->reject();
}

void TestMainWindow::rejectsUnreadableFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unterminated quote") << QByteArray("time,death,il6\n5,1,\"3\n6,0,4\n") << QStringLiteral("quote");
    QTest::newRow("not UTF-8") << QByteArray("time,death,il6\n5,1,\xff\xfe\n") << QStringLiteral("UTF-8");
    QTest::newRow("empty file") << QByteArray("\n\n") << QStringLiteral("empty");
}

void TestMainWindow::rejectsUnreadableFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, QStringLiteral("bad.csv"), bytes);
    MainWindow window(false);
    window.show();
    QVERIFY(!openAndWait(window, path));
    QVERIFY(!window.columnDialog());
    QMessageBox* box = window.messageBox();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY2(box->text().contains(expected, Qt::CaseInsensitive), qPrintable(box->text()));
    QVERIFY(box->windowTitle().contains(QStringLiteral("bad.csv")));
    box->close();
}

void TestMainWindow::columnDialogNamesNegativeTime()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("negative.csv"),
                                   "patient_id,os_months,death,il6_pg_ml\nA,5,1,3\nB,-2,0,4\nC,7,1,9\n");
    MainWindow window(false);
    window.show();
    QVERIFY(openAndWait(window, path));
    ColumnDialog* dialog = window.columnDialog();
    QVERIFY(dialog);
    dialog->rebuildNow();
    const QString error = dialog->errorText();
    QVERIFY2(error.contains(QStringLiteral("negative")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Row 2 · column os_months · value \"-2\"")), qPrintable(error));
    QVERIFY(!dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());

    // Choosing no time and no event column makes the file a study without survival.
    dialog->setRole(QStringLiteral("os_months"), ColumnRole::Ignore);
    dialog->setRole(QStringLiteral("death"), ColumnRole::Ignore);
    dialog->rebuildNow();
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    dialog->reject();
}

void TestMainWindow::savesCohortWithGroups()
{
    MainWindow window;
    window.show();
    QVERIFY(waitUntilIdle(window));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("groups.csv"));
    QCOMPARE(window.saveCohortCsv(path), QString());
    const io::Table saved = io::readTable(path.toStdString());
    QCOMPARE(saved.rowCount(), std::size_t{47});
    const auto column = saved.columnIndex("group_il6_pg_ml");
    QVERIFY(column);
    const auto il6 = saved.requireColumn("il6_pg_ml");
    int high = 0;
    for (std::size_t row = 0; row < saved.rowCount(); ++row) {
        const bool isHighValue = std::stod(saved.cell(row, il6)) >= 8.58;
        QCOMPARE(QString::fromStdString(saved.cell(row, *column)), isHighValue ? QStringLiteral("high") : QStringLiteral("low"));
        high += isHighValue;
    }
    QCOMPARE(high, 26);
}

void TestMainWindow::neverOverwritesInputFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lung.csv"));
    QVERIFY(QFile::copy(test::testDataPath(QStringLiteral("reference/datasets/lung.csv")), path));
    const QByteArray before = fileHash(path);
    MainWindow window(false);
    window.show();
    QVERIFY(openAndWait(window, path));
    QVERIFY(waitForDialog(window.columnDialog()));
    QTest::mouseClick(window.columnDialog()->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(waitUntilIdle(window));
    const QString error = window.saveCohortCsv(path);
    QVERIFY2(error.contains(QStringLiteral("never writes to its input")), qPrintable(error));
    QCOMPARE(fileHash(path), before);
}

void TestMainWindow::exportsCharts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("PNG") << "km.png" << QByteArray("\x89PNG");
    QTest::newRow("SVG") << "km.svg" << QByteArray("<?xml");
    QTest::newRow("PDF") << "km.pdf" << QByteArray("%PDF");
}

void TestMainWindow::exportsCharts()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    MainWindow window;
    window.show();
    QVERIFY(waitUntilIdle(window));
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    ChartExportOptions options;
    options.pixelSize = QSize(900, 600);
    options.dpi = 150;
    QCOMPARE(exportChart(window.kmPanel()->chartView(), path, options), QString());
    QFile exported(path);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QVERIFY(exported.read(magic.size()) == magic);
    if (file.endsWith(QLatin1String(".png"))) {
        const QImage image(path);
        QCOMPARE(image.size(), QSize(900, 600));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 150);
    }
    // The risk table is part of the chart, so every export carries it.
    QVERIFY(window.kmPanel()->kmChart()->riskTableText().size() >= 9);

    copyChartToClipboard(window.kmPanel()->chartView());
    const QImage copied = QApplication::clipboard()->image();
    QCOMPARE(copied.size(), window.kmPanel()->chartView()->currentSize() * 2);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
