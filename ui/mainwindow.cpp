#include "mainwindow.h"

#include "charts/chartstyle.h"
#include "charts/chartview.h"
#include "common/error.h"
#include "controller/analysiscontroller.h"
#include "controls/cutoffcontrol.h"
#include "dialogs/columndialog.h"
#include "export/chartexport.h"
#include "export/cohortcsv.h"
#include "export/exportdialog.h"
#include "format.h"
#include "io/cohortsource.h"
#include "io/errortext.h"
#include "io/roleguess.h"
#include "logging.h"
#include "models/cohorttablemodel.h"
#include "controls/landscapestrip.h"
#include "panels/hazardpanel.h"
#include "panels/inferencepanel.h"
#include "panels/kmpanel.h"
#include "panels/responsepanel.h"
#include "panels/rocpanel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCloseEvent>
#include <QDir>
#include <QElapsedTimer>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cutofflab::ui {

namespace {

const QString kRecentFilesKey = QStringLiteral("recentFiles");
constexpr int kMaxRecentFiles = 8;

} // namespace

MainWindow::MainWindow(bool openExampleAtStart, QWidget* parent)
    : QMainWindow(parent), controller_(new AnalysisController(this))
{
    setWindowTitle(tr("Cutoff Lab"));
    setAcceptDrops(true);
    createLayout();
    createActions();
    updateRecentMenu();

    connect(controller_, &AnalysisController::resultReady, this, &MainWindow::showOutcome);
    connect(controller_, &AnalysisController::markerScanReady, this, &MainWindow::showMarkerScan);
    connect(controller_, &AnalysisController::busyChanged, this, [this](bool busy) {
        if (busy)
            statusText_->setText(tr("Computing…"));
    });
    connect(control_, &CutoffControl::groupingChanged, this, &MainWindow::requestAnalysis);
    connect(control_, &CutoffControl::markerChanged, this, [this] {
        control_->first()->slider()->setYoudenMark(std::nullopt);
        control_->first()->slider()->setMaxStatMark(std::nullopt);
        lastScan_.reset();
        control_->first()->landscape()->setLandscape(nullptr, tr("Scanning the cut-offs…"));
        inferencePanel_->setMarkerScan(nullptr);
        controller_->requestMarkerScan(control_->first()->marker().toStdString());
    });
    connect(control_->first()->ruleBox(), &QComboBox::currentIndexChanged, this, &MainWindow::updateMaxStatMark);
    connect(inferencePanel_, &InferencePanel::bootstrapIntervalChanged, this,
            [this](std::optional<std::pair<double, double>> interval) { control_->first()->slider()->setBand(interval); });
    for (ResultPanel* panel : panels_)
        connect(panel, &ResultPanel::settingsChanged, this, &MainWindow::requestAnalysis);

    resize(1280, 800);
    if (openExampleAtStart)
        openExample();
}

MainWindow::~MainWindow()
{
    // A file read in progress posts to this window: let it finish first.
    ioPool_.waitForDone();
    controller_->shutdown();
}

void MainWindow::createLayout()
{
    simulatedBanner_ = new QLabel(this);
    simulatedBanner_->setWordWrap(true);
    simulatedBanner_->setText(tr("<b>SIMULATED example cohort</b>: no real patients. Open your own file with File ▸ Open or drop it here."));
    simulatedBanner_->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; color: #7a1c1c; border: 1px solid #e8a09a; "
                                                   "border-radius: 3px; padding: 6px; }"));
    simulatedBanner_->setVisible(false);

    control_ = new CutoffControl(this);

    auto* summaryBox = new QGroupBox(tr("Groups"), this);
    summary_ = new QLabel(summaryBox);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->addWidget(summary_);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(simulatedBanner_);
    leftLayout->addWidget(control_);
    leftLayout->addWidget(summaryBox);
    leftLayout->addStretch(1);
    auto* leftScroll = new QScrollArea(this);
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Wide enough for the second marker's editor too (hidden until the score is on), plus
    // a vertical scroll bar, so that nothing is cut off on a short screen.
    const QMargins margins = leftLayout->contentsMargins();
    const int contentWidth = std::max({left->minimumSizeHint().width(),
                                       control_->second()->minimumSizeHint().width() + margins.left() + margins.right(),
                                       fontMetrics().averageCharWidth() * 46});
    leftScroll->setMinimumWidth(contentWidth + leftScroll->verticalScrollBar()->sizeHint().width());

    kmPanel_ = new KmPanel(this);
    rocPanel_ = new RocPanel(this);
    hazardPanel_ = new HazardPanel(this);
    responsePanel_ = new ResponsePanel(this);
    panels_ = {kmPanel_, rocPanel_, hazardPanel_, responsePanel_};

    cohortModel_ = new CohortTableModel(this);
    cohortProxy_ = new QSortFilterProxyModel(this);
    cohortProxy_->setSourceModel(cohortModel_);
    cohortProxy_->setSortRole(CohortTableModel::kSortRole);
    cohortView_ = new QTableView(this);
    cohortView_->setModel(cohortProxy_);
    cohortView_->setSortingEnabled(true);
    cohortView_->sortByColumn(CohortTableModel::RowColumn, Qt::AscendingOrder);
    cohortView_->setAlternatingRowColors(true);
    cohortView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    cohortView_->verticalHeader()->hide();
    cohortView_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    cohortView_->setAccessibleName(tr("Cohort"));

    tabs_ = new QTabWidget(this);
    // The tabs have no mnemonics, so Alt+letter stays with the controls; Ctrl+1 to Ctrl+5
    // (View menu) switch tabs.
    tabs_->addTab(kmPanel_, tr("Kaplan–Meier"));
    tabs_->addTab(rocPanel_, tr("ROC"));
    tabs_->addTab(hazardPanel_, tr("Hazard ratios"));
    tabs_->addTab(responsePanel_, tr("Response"));
    tabs_->addTab(cohortView_, tr("Cohort"));
    inferencePanel_ = new InferencePanel(this);
    tabs_->addTab(inferencePanel_, tr("Honest inference"));
    tabs_->setTabToolTip(0, tr("Survival curves of the groups, numbers at risk, medians, log-rank test and hazard ratio (Ctrl+1)."));
    tabs_->setTabToolTip(1, tr("How well the marker separates patients with and without the outcome (Ctrl+2)."));
    tabs_->setTabToolTip(2, tr("Cox models: the groups and each covariate alone, and a multivariable model (Ctrl+3)."));
    tabs_->setTabToolTip(3, tr("Response rate of each group, the 2×2 table, chi-square and Fisher tests (Ctrl+4)."));
    tabs_->setTabToolTip(4, tr("The analysed patients with their group; click a header to sort (Ctrl+5)."));
    tabs_->setTabToolTip(5, tr("p-values corrected for the search over cut-offs, how stable the cut-off is, and what was tried (Ctrl+6)."));

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(leftScroll);
    splitter->addWidget(tabs_);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    statusText_ = new QLabel(this);
    statusBar()->addWidget(statusText_, 1);
    busyBar_ = new QProgressBar(this);
    busyBar_->setRange(0, 0);
    busyBar_->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    busyBar_->setTextVisible(false);
    busyBar_->setAccessibleName(tr("Reading the file"));
    busyBar_->setVisible(false);
    statusBar()->addPermanentWidget(busyBar_);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a CSV or TSV cohort file."));
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open the &Example (Simulated)"), this, &MainWindow::openExample);
    file->addSeparator();
    saveCsvAction_ = file->addAction(tr("&Save Cohort with Groups as CSV…"), this, &MainWindow::chooseCsvTarget);
    saveCsvAction_->setShortcut(QKeySequence::Save);
    exportChartAction_ = file->addAction(tr("&Export Chart…"), this, &MainWindow::exportCurrentChart);
    exportChartAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    copyChartAction_ = edit->addAction(tr("Copy &Chart"), this, &MainWindow::copyCurrentChart);
    copyChartAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyTableAction_ = edit->addAction(tr("Copy &Results (Full Precision)"), this, &MainWindow::copyCurrentTable);
    copyTableAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* focusSlider = view->addAction(tr("Focus the Cut-off &Slider"), this, [this] {
        control_->first()->slider()->setFocus(Qt::ShortcutFocusReason);
    });
    focusSlider->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    for (int i = 0; i < tabs_->count(); ++i) {
        QAction* show = view->addAction(tabs_->tabText(i), this, [this, i] { tabs_->setCurrentIndex(i); });
        show->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Cutoff Lab"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        const bool chart = currentPanel() != nullptr;
        exportChartAction_->setEnabled(chart);
        copyChartAction_->setEnabled(chart);
        copyTableAction_->setEnabled(chart);
    });
}

ColumnDialog* MainWindow::columnDialog() const
{
    return columnDialog_.data();
}

QMessageBox* MainWindow::messageBox() const
{
    return messageBox_.data();
}

ResultPanel* MainWindow::currentPanel() const
{
    return qobject_cast<ResultPanel*>(tabs_->currentWidget());
}

void MainWindow::openExample()
{
    try {
        LoadedCohort loaded;
        loaded.source = readSourceTable(exampleCohortPath());
        loaded.roles = exampleRoles();
        loaded.responseColumn = exampleResponseColumn();
        loaded.cohort = buildCohort(loaded.source.table, loaded.roles);
        setLoadedCohort(std::move(loaded));
        // IL-6 >= 8.58 pg/mL and IL-8 >= 57.9 pg/mL are the splits the simulated cohort was
        // generated around and its reference cases use, so the first view shows them.
        control_->second()->setCutoff(57.9);
        GroupingSpec grouping = control_->grouping();
        grouping.cutoff = 8.58;
        setGrouping(grouping);
    } catch (const InputError& error) {
        showFileError(exampleCohortPath(), QString::fromStdString(error.what()), errorLocation(error));
    }
}

void MainWindow::openFile(const QString& path)
{
    // Reading and summarising the columns pass over every cell (about a second for 10^6
    // rows), so both run on a worker, and the window shows a busy bar meanwhile.
    const std::uint64_t generation = ++readGeneration_;
    ++readsRunning_;
    busyBar_->setVisible(true);
    statusText_->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    ioPool_.start([this, path, generation] {
        auto source = std::make_shared<SourceTable>();
        std::optional<RoleGuess> guess;
        QString error;
        QString location;
        try {
            *source = readSourceTable(path);
            guess = guessColumnRoles(source->table);
        } catch (const InputError& failure) {
            qCInfo(lcIo) << "Could not read" << QFileInfo(path).fileName() << ":" << failure.what();
            error = QString::fromStdString(failure.what());
            location = errorLocation(failure);
        }
        QMetaObject::invokeMethod(this, [this, path, generation, source, guess = std::move(guess), error, location]() mutable {
            --readsRunning_;
            busyBar_->setVisible(readsRunning_ > 0);
            if (generation != readGeneration_)
                return;   // a later openFile() replaced this one
            statusText_->clear();
            if (!guess) {
                showFileError(path, error, location);
                emit fileRead(false);
                return;
            }
            showColumnDialog(std::move(source), std::move(*guess));
            addRecentFile(path);
            emit fileRead(true);
        }, Qt::QueuedConnection);
    });
}

void MainWindow::showColumnDialog(std::shared_ptr<const SourceTable> source, RoleGuess guess)
{
    if (columnDialog_)
        columnDialog_->deleteLater();
    columnDialog_ = new ColumnDialog(std::move(source), std::move(guess), this);
    columnDialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(columnDialog_, &QDialog::accepted, this, [this, dialog = columnDialog_] {
        setLoadedCohort(dialog->takeResult());
        requestAnalysis();
    });
    columnDialog_->open();
}

void MainWindow::showFileError(const QString& path, const QString& message, const QString& location)
{
    if (messageBox_)
        messageBox_->close();
    messageBox_ = new QMessageBox(QMessageBox::Warning, tr("Cannot open %1").arg(QFileInfo(path).fileName()), message,
                                  QMessageBox::Ok, this);
    messageBox_->setInformativeText(location);
    messageBox_->setAttribute(Qt::WA_DeleteOnClose);
    messageBox_->open();
}

void MainWindow::setLoadedCohort(LoadedCohort loaded)
{
    auto cohort = std::make_shared<const LoadedCohort>(std::move(loaded));
    cohort_ = cohort;
    lastOutcome_.reset();
    lastScan_.reset();
    inferencePanel_->setMarkerScan(nullptr);
    control_->first()->landscape()->setLandscape(nullptr, tr("Scanning the cut-offs…"));
    controller_->setCohort(cohort);
    cohortModel_->setCohort(cohort);
    for (ResultPanel* panel : panels_)
        panel->setCohort(*cohort);
    {
        const QSignalBlocker blocker(control_);
        control_->setCohort(cohort);
    }
    simulatedBanner_->setVisible(cohort->source.simulated);
    const QString name = cohort->source.simulated ? tr("%1 (SIMULATED data)").arg(cohort->source.displayName)
                                                  : cohort->source.displayName;
    setWindowTitle(tr("%1 — Cutoff Lab").arg(name));
    controller_->requestMarkerScan(control_->first()->marker().toStdString());
    updateSummary();
    qCInfo(lcIo) << "Loaded" << cohort->source.displayName << "with" << cohort->cohort.size() << "analysed rows";
    emit cohortLoaded();
}

void MainWindow::setGrouping(const GroupingSpec& grouping)
{
    const bool markerChanged = control_->first()->marker() != QString::fromStdString(grouping.marker);
    control_->setGrouping(grouping);
    if (markerChanged) {
        control_->first()->slider()->setYoudenMark(std::nullopt);
        lastScan_.reset();
        updateMaxStatMark();
        controller_->requestMarkerScan(grouping.marker);
    }
    requestAnalysis();
}

void MainWindow::setScoreGrouping(bool score)
{
    control_->scoreBox()->setChecked(score);
}

AnalysisRequest MainWindow::currentRequest() const
{
    AnalysisRequest request;
    request.spec.grouping = control_->grouping();
    for (const ResultPanel* panel : panels_)
        panel->contribute(request);
    return request;
}

void MainWindow::requestAnalysis()
{
    if (!cohort_ || control_->first()->marker().isEmpty())
        return;
    controller_->request(currentRequest());
}

void MainWindow::showOutcome(std::shared_ptr<const AnalysisOutcome> outcome)
{
    if (!cohort_)
        return;
    lastOutcome_ = outcome;
    const LoadedCohort& cohort = *cohort_;
    QElapsedTimer clock;
    clock.start();
    for (ResultPanel* panel : panels_) {
        const qint64 started = clock.nsecsElapsed();
        panel->showOutcome(*outcome, cohort);
        qCDebug(lcCharts) << panel->metaObject()->className() << "updated in"
                          << static_cast<double>(clock.nsecsElapsed() - started) / 1e6 << "ms";
    }

    if (outcome->result) {
        const AnalysisResult& result = *outcome->result;
        QStringList names;
        for (int g = 0; g < result.grouping.groupCount; ++g)
            names << groupDisplayName(result, outcome->request.spec, g);
        const qint64 tableStarted = clock.nsecsElapsed();
        cohortModel_->setGroups(result.grouping.group, names);
        qCDebug(lcCharts) << "Cohort table updated in" << static_cast<double>(clock.nsecsElapsed() - tableStarted) / 1e6 << "ms";
        control_->first()->slider()->setYoudenMark(RocPanel::youdenCutoff(result));
        statusText_->setText(tr("Analysed %1 patients in %2 ms.")
                                 .arg(result.analysedRows)
                                 .arg(outcome->computeMilliseconds, 0, 'f', 1));
    } else {
        cohortModel_->setGroups({}, {});
        statusText_->setText(outcome->error);
    }
    updateSummary();
    inferencePanel_->setOutcome(outcome);
    recordTrial(outcome->request);
    emit outcomeShown();
}

void MainWindow::showMarkerScan(std::shared_ptr<const MarkerScan> scan)
{
    if (scan->marker != control_->first()->marker().toStdString())
        return;
    lastScan_ = scan;
    updateMaxStatMark();
    control_->first()->landscape()->setLandscape(scan->landscape, scan->status);
    inferencePanel_->setMarkerScan(scan);
}

void MainWindow::updateMaxStatMark()
{
    CutoffSlider* slider = control_->first()->slider();
    control_->first()->landscape()->setRuleGreaterOrEqual(control_->first()->rule() != CutoffRule::Greater);
    if (!lastScan_ || !lastScan_->cutoff) {
        slider->setMaxStatMark(std::nullopt);
        return;
    }
    // maxstat splits marker <= c from marker > c. Under the rule ">" that is c itself;
    // under ">=" it is the smallest observed value above c.
    const double cutoff = *lastScan_->cutoff;
    if (control_->first()->rule() == CutoffRule::Greater) {
        slider->setMaxStatMark(cutoff);
        return;
    }
    const auto& distinct = slider->distinctValues();
    const auto above = std::upper_bound(distinct.begin(), distinct.end(), cutoff);
    slider->setMaxStatMark(above == distinct.end() ? std::optional<double>() : std::optional<double>(*above));
}

void MainWindow::updateSummary()
{
    QStringList lines;
    if (cohort_) {
        const LoadedCohort& cohort = *cohort_;
        lines << leftOutSummary(cohort.roles, cohort.cohort, cohort.source.table.rowCount()).toHtmlEscaped();
    }
    if (lastOutcome_ && lastOutcome_->result) {
        const AnalysisResult& result = *lastOutcome_->result;
        const AnalysisSpec& spec = lastOutcome_->request.spec;
        for (int g = 0; g < result.grouping.groupCount; ++g) {
            const GroupSummary& group = result.groups[static_cast<std::size_t>(g)];
            const QString colour = chartstyle::groupColour(g, result.grouping.groupCount).name();
            QString line = tr("<span style='color:%1'>■</span> <b>%2</b>: %3 patients")
                               .arg(colour, groupDefinition(result, spec, g).toHtmlEscaped())
                               .arg(group.n);
            if (cohort_ && cohort_->cohort.hasSurvival)
                line += tr(", %n event(s)", nullptr, group.events);
            lines << line;
        }
        const QString markerNames = spec.grouping.kind == GroupingSpec::Kind::Score
                                        ? tr("%1 or %2").arg(QString::fromStdString(spec.grouping.marker),
                                                             QString::fromStdString(spec.grouping.marker2))
                                        : QString::fromStdString(spec.grouping.marker);
        if (!result.grouping.excluded.empty())
            lines << tr("%n patient(s) of the cohort without a usable value of %1 are in no group.", nullptr,
                        static_cast<int>(result.grouping.excluded.size()))
                         .arg(markerNames.toHtmlEscaped());
    } else if (lastOutcome_) {
        lines << lastOutcome_->error.toHtmlEscaped();
    }
    summary_->setText(lines.join(QStringLiteral("<br>")));
}

void MainWindow::recordTrial(const AnalysisRequest& request)
{
    // A trial is what the user saw: each marker, each endpoint (the survival outcome and
    // the ROC outcome) and each distinct cut-off per marker count once in the session.
    if (!cohort_)
        return;
    const std::string source = cohort_->source.path.toStdString() + '\n';
    const AnalysisSpec& spec = request.spec;
    const GroupingSpec& grouping = spec.grouping;
    triedMarkers_.insert(source + grouping.marker);
    triedCutoffs_.insert({source + grouping.marker, grouping.cutoff});
    if (grouping.kind == GroupingSpec::Kind::Score) {
        triedMarkers_.insert(source + grouping.marker2);
        triedCutoffs_.insert({source + grouping.marker2, grouping.cutoff2});
    }
    if (cohort_->cohort.hasSurvival)
        triedEndpoints_.insert(source + "survival:" + cohort_->roles.time + '/' + cohort_->roles.event);
    if (!spec.outcomeColumn.empty())
        triedEndpoints_.insert(source + "outcome:" + spec.outcomeColumn);
    else if (spec.deathByMedian)
        triedEndpoints_.insert(source + "death by the median");
    else if (spec.deathByTime)
        triedEndpoints_.insert(source + "death by " + std::to_string(*spec.deathByTime));
    inferencePanel_->setTrials({triedMarkers_.size(), triedEndpoints_.size(), triedCutoffs_.size()});
}

QString MainWindow::saveCohortCsv(const QString& path)
{
    if (!cohort_ || !lastOutcome_ || !lastOutcome_->result)
        return tr("There is no grouping to save yet.");
    const AnalysisResult& result = *lastOutcome_->result;
    const GroupingSpec& grouping = lastOutcome_->request.spec.grouping;
    QStringList names;
    for (const std::string& name : result.grouping.names)
        names << QString::fromStdString(name);
    const QString column = grouping.kind == GroupingSpec::Kind::Score
                               ? QStringLiteral("score_%1_%2").arg(QString::fromStdString(grouping.marker), QString::fromStdString(grouping.marker2))
                               : QStringLiteral("group_%1").arg(QString::fromStdString(grouping.marker));
    return writeCohortCsv(path, *cohort_, result.grouping.group, names, column);
}

void MainWindow::chooseFile()
{
    const QString filter = tr("Cohort tables (%1);;All files (*)").arg(supportedFilePatterns().join(QLatin1Char(' ')));
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a cohort"), QString(), filter);
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::chooseCsvTarget()
{
    if (!cohort_)
        return;
    const QFileInfo source(cohort_->source.path);
    const QString suggested = cohort_->source.simulated
                                  ? QDir::home().filePath(QStringLiteral("example_cohort_SIMULATED_groups.csv"))
                                  : source.dir().filePath(source.completeBaseName() + QStringLiteral("_groups.csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the cohort with its groups"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = saveCohortCsv(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Cohort not saved"), error);
    else
        statusText_->setText(tr("Saved %1.").arg(QFileInfo(path).fileName()));
}

void MainWindow::exportCurrentChart()
{
    ResultPanel* panel = currentPanel();
    if (!panel)
        return;
    ChartView* chart = panel->chartView();
    ExportDialog dialog(chart->exportTitle(), chart->currentSize(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString format = dialog.format();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(chart->exportTitle()),
                                                      QDir::home().filePath(chart->exportName() + QLatin1Char('.') + format),
                                                      tr("%1 files (*.%2)").arg(format.toUpper(), format));
    if (path.isEmpty())
        return;
    const QString error = exportChart(chart, path, dialog.options());
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Chart not exported"), error);
    else
        statusText_->setText(tr("Exported %1.").arg(QFileInfo(path).fileName()));
}

void MainWindow::copyCurrentChart()
{
    if (ResultPanel* panel = currentPanel()) {
        copyChartToClipboard(panel->chartView());
        statusText_->setText(tr("Copied the chart to the clipboard."));
    }
}

void MainWindow::copyCurrentTable()
{
    if (ResultPanel* panel = currentPanel()) {
        QApplication::clipboard()->setText(panel->tableText());
        statusText_->setText(tr("Copied the results at full precision."));
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cutoff Lab"),
                       tr("<p><b>Cutoff Lab %1</b></p>"
                          "<p>Explore, test and present biomarker cut-offs: Kaplan–Meier curves, log-rank tests, "
                          "Cox models, ROC curves and response tables, computed to agree with R's survival, pROC "
                          "and maxstat packages.</p>"
                          "<p>A cut-off chosen by looking at the data needs its p-value corrected for the search; "
                          "report the maximally selected log-rank test for that.</p>")
                           .arg(QStringLiteral(CUTOFFLAB_VERSION)));
}

void MainWindow::addRecentFile(const QString& path)
{
    QSettings settings;
    QStringList files = settings.value(kRecentFilesKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(kRecentFilesKey, files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList files = QSettings().value(kRecentFilesKey).toStringList();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files[i];
        QAction* action = recentMenu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()),
                                                 this, [this, path] { openFile(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (!files.isEmpty()) {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("&Clear the List"), this, [this] {
            QSettings().remove(kRecentFilesKey);
            updateRecentMenu();
        });
    }
    recentMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile() && isSupportedFile(urls.front().toLocalFile()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.front().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.front().toLocalFile();
    // Open after the drop has finished, so the file manager is not kept waiting.
    QMetaObject::invokeMethod(this, [this, path] { openFile(path); }, Qt::QueuedConnection);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    inferencePanel_->shutdown();
    controller_->shutdown();
    QMainWindow::closeEvent(event);
}

} // namespace cutofflab::ui
