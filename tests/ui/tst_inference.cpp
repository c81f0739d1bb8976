// The cut-off landscape under the slider and the "Honest inference" tab, driven through
// the real window on the bundled simulated example cohort.

#include "analysis/scan.h"
#include "charts/heatmapview.h"
#include "controller/analysiscontroller.h"
#include "controls/cutoffcontrol.h"
#include "controls/landscapestrip.h"
#include "cutpoint/permutation.h"
#include "format.h"
#include "io/cohortsource.h"
#include "mainwindow.h"
#include "panels/inferencepanel.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace cutofflab;
using namespace cutofflab::ui;

namespace {

constexpr int kTimeoutMs = 60000;

bool waitUntilIdle(MainWindow& window)
{
    return QTest::qWaitFor([&] { return !window.controller()->isBusy(); }, kTimeoutMs);
}

// Waits for the example's first analysis and the marker scan behind the landscape.
bool waitForLandscape(MainWindow& window)
{
    return QTest::qWaitFor([&] { return window.cutoffControl()->first()->landscape()->landscape() != nullptr; },
                           kTimeoutMs)
           && waitUntilIdle(window);
}

QString cellText(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestInference : public QObject {
    Q_OBJECT

private slots:
    void landscapeEqualsCoreScan();
    void correctedPValuesShownWithStatus();
    void conditionalMonteCarloEqualsCore();
    void cancelStopsLongRun();
    void closingDuringRunIsPrompt();
    void counterFollowsSlider();
    void statusInWords_data();
    void statusInWords();
};

void TestInference::landscapeEqualsCoreScan()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForLandscape(window));
    const auto shown = window.cutoffControl()->first()->landscape()->landscape();
    const PreparedCohort prepared(window.cohort()->cohort);
    const MarkerLandscape core = scanMarker(prepared, shown->marker);
    QCOMPARE(shown->scan.size(), core.scan.size());
    QVERIFY(shown->scan.size() > 0);
    for (std::size_t i = 0; i < core.scan.size(); ++i) {
        QCOMPARE(shown->scan.candidates.cutoffs[i], core.scan.candidates.cutoffs[i]);
        QCOMPARE(shown->scan.standardizedStatistic[i], core.scan.standardizedStatistic[i]);
    }
    // Each candidate is drawn where the slider puts the value whose rule-">=" split it is.
    LandscapeStrip* strip = window.cutoffControl()->first()->landscape();
    const CutoffSlider* slider = window.cutoffControl()->first()->slider();
    const auto& distinct = slider->distinctValues();
    const auto above = std::upper_bound(distinct.begin(), distinct.end(), core.scan.candidates.cutoffs[0]);
    QVERIFY(above != distinct.end());
    QCOMPARE(strip->candidatePosition(0), slider->positionOf(*above));
}

void TestInference::correctedPValuesShownWithStatus()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForLandscape(window));
    window.panelTabs()->setCurrentWidget(window.inferencePanel());
    const QTableWidget* table = window.inferencePanel()->pValueTable();
    const MaxstatResult& maxstat = window.cutoffControl()->first()->landscape()->landscape()->maxstat;
    QCOMPARE(cellText(table, InferencePanel::Lausen92Row, 1), format::pValue(*maxstat.lausen92.displayValue));
    QCOMPARE(cellText(table, InferencePanel::Lausen94Row, 1), format::pValue(*maxstat.lausen94.displayValue));
    QCOMPARE(cellText(table, InferencePanel::HothornLausenRow, 1), format::pValue(*maxstat.hothornLausen.displayValue));
    // Every row shows a value and its status in words; no cell is blank.
    for (int row = 0; row < InferencePanel::PValueRowCount; ++row) {
        QVERIFY2(!cellText(table, row, 1).isEmpty(), qPrintable(QString::number(row)));
        QVERIFY2(!cellText(table, row, 2).isEmpty(), qPrintable(QString::number(row)));
    }
    QVERIFY(cellText(table, InferencePanel::NaiveRow, 2).contains(QStringLiteral("not corrected")));
    QVERIFY(cellText(table, InferencePanel::ConditionalMonteCarloRow, 2).contains(QStringLiteral("not run yet")));
}

void TestInference::conditionalMonteCarloEqualsCore()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForLandscape(window));
    InferencePanel* panel = window.inferencePanel();
    window.panelTabs()->setCurrentWidget(panel);
    panel->permutationsBox()->setValue(500);
    panel->seedBox()->setValue(7);
    panel->bootstrapBox()->setValue(20);
    QSignalSpy finished(panel, &InferencePanel::runFinished);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY(panel->cancelButton()->isEnabled());
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY(panel->lastRun());
    QVERIFY(!panel->lastRun()->cancelled);
    QVERIFY(panel->lastRun()->permutation);
    QCOMPARE(panel->progressBar()->value(), panel->progressBar()->maximum());

    const PreparedCohort prepared(window.cohort()->cohort);
    const MarkerSurvival data = markerSurvival(prepared, panel->lastRun()->marker);
    PermutationOptions options;
    options.permutations = 500;
    ResamplingControl control;
    control.seed = 7;
    const PermutationResult core = conditionalMonteCarlo(data, options, control);
    const PermutationResult& shown = *panel->lastRun()->permutation;
    QCOMPARE(shown.exceedances, core.exceedances);
    QCOMPARE(shown.pValue.status, core.pValue.status);
    QCOMPARE(shown.pValue.displayValue, core.pValue.displayValue);
    const QString text = cellText(panel->pValueTable(), InferencePanel::ConditionalMonteCarloRow, 1);
    if (core.pValue.status == PValueStatus::Ok)
        QCOMPARE(text, format::pValue(*core.pValue.displayValue));
    else
        QCOMPARE(text, QStringLiteral("< ") + format::number(1.0 / 500, 2));
    QVERIFY(cellText(panel->pValueTable(), InferencePanel::ConditionalMonteCarloRow, 2).contains(QStringLiteral("seed 7")));

    // The bootstrap interval is drawn on the slider as a band.
    const BootstrapResult& bootstrap = *panel->lastRun()->bootstrap;
    QVERIFY(bootstrap.intervalAvailable);
    const auto band = window.cutoffControl()->first()->slider()->band();
    QVERIFY(band);
    QCOMPARE(band->first, bootstrap.lower);
    QCOMPARE(band->second, bootstrap.upper);
    QVERIFY(panel->heatMap()->isVisible());
}

void TestInference::cancelStopsLongRun()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForLandscape(window));
    InferencePanel* panel = window.inferencePanel();
    window.panelTabs()->setCurrentWidget(panel);
    panel->permutationsBox()->setValue(panel->permutationsBox()->maximum());
    panel->bootstrapBox()->setValue(panel->bootstrapBox()->maximum());
    QSignalSpy finished(panel, &InferencePanel::runFinished);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QTest::qWait(100);
    QVERIFY(panel->runner()->isRunning());
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY(panel->lastRun()->cancelled);
    QVERIFY(!panel->lastRun()->twoCutoffs);
    QVERIFY(panel->runButton()->isEnabled());
    QVERIFY(!panel->cancelButton()->isEnabled());
    QVERIFY(!window.cutoffControl()->first()->slider()->band());
    const QString status = cellText(panel->pValueTable(), InferencePanel::ConditionalMonteCarloRow, 2);
    QVERIFY2(status.contains(QStringLiteral("cancelled")), qPrintable(status));
}

void TestInference::closingDuringRunIsPrompt()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    QVERIFY(waitForLandscape(*window));
    InferencePanel* panel = window->inferencePanel();
    panel->permutationsBox()->setValue(panel->permutationsBox()->maximum());
    panel->run();
    QTest::qWait(50);
    QElapsedTimer clock;
    clock.start();
    window->close();
    window.reset();
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void TestInference::counterFollowsSlider()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForLandscape(window));
    const QLabel* tried = window.inferencePanel()->triedLabel();
    QVERIFY2(tried->text().contains(QStringLiteral("1 marker")), qPrintable(tried->text()));
    QVERIFY2(tried->text().contains(QStringLiteral("1 distinct cut-off")), qPrintable(tried->text()));
    QVERIFY(tried->text().contains(QStringLiteral("derived from the data")));

    CutoffSlider* slider = window.cutoffControl()->first()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right);
    QVERIFY(waitUntilIdle(window));
    QVERIFY2(tried->text().contains(QStringLiteral("2 distinct cut-off")), qPrintable(tried->text()));
    QTest::keyClick(slider, Qt::Key_Right);
    QVERIFY(waitUntilIdle(window));
    QVERIFY2(tried->text().contains(QStringLiteral("3 distinct cut-off")), qPrintable(tried->text()));
    // Going back to a cut-off already seen does not count it again.
    QTest::keyClick(slider, Qt::Key_Left);
    QVERIFY(waitUntilIdle(window));
    QVERIFY2(tried->text().contains(QStringLiteral("3 distinct cut-off")), qPrintable(tried->text()));

    // Another marker adds a marker and its cut-off.
    GroupingSpec grouping = window.currentRequest().spec.grouping;
    grouping.marker = "il8_pg_ml";
    grouping.cutoff = 57.9;
    window.setGrouping(grouping);
    QVERIFY(waitUntilIdle(window));
    QVERIFY2(tried->text().contains(QStringLiteral("2 marker")), qPrintable(tried->text()));
    QVERIFY2(tried->text().contains(QStringLiteral("4 distinct cut-off")), qPrintable(tried->text()));
}

void TestInference::statusInWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Lau92 above 1") << static_cast<int>(PValueStatus::AboveOne) << QStringLiteral("exceeds 1");
    QTest::newRow("Lau94 negative") << static_cast<int>(PValueStatus::BelowNumericalPrecision) << QStringLiteral("below 0");
    QTest::newRow("condMC none exceeded") << static_cast<int>(PValueStatus::NoPermutationExceeded) << QStringLiteral("p < 1/1000");
    QTest::newRow("HL too large") << static_cast<int>(PValueStatus::NotComputed) << QStringLiteral("too large");
    QTest::newRow("no statistic") << static_cast<int>(PValueStatus::NotApplicable) << QStringLiteral("no statistic");
    QTest::newRow("cancelled") << static_cast<int>(PValueStatus::Cancelled) << QStringLiteral("cancelled");
}

void TestInference::statusInWords()
{
    QFETCH(int, status);
    QFETCH(QString, expected);
    CorrectedPValue p;
    p.status = static_cast<PValueStatus>(status);
    const QString text = pValueStatusText(p, 1000);
    QVERIFY2(text.contains(expected), qPrintable(text));
}

QTEST_MAIN(TestInference)
#include "tst_inference.moc"
