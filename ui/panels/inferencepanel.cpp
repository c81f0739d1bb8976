#include "panels/inferencepanel.h"

#include "charts/heatmapview.h"
#include "format.h"
#include "panels/rocpanel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace cutofflab::ui {

namespace {

QString cutoffStatusText(CutoffStatus status)
{
    switch (status) {
    case CutoffStatus::Ok: return {};
    case CutoffStatus::NoRows: return InferencePanel::tr("no patient has survival data and a marker value");
    case CutoffStatus::ConstantMarker: return InferencePanel::tr("every patient has the same marker value");
    case CutoffStatus::NoCandidateCutoff:
        return InferencePanel::tr("no cut-off leaves 10% to 90% of the patients in the low group (too few distinct values)");
    case CutoffStatus::NoEvents: return InferencePanel::tr("no events");
    case CutoffStatus::ConstantScores: return InferencePanel::tr("every log-rank score is the same");
    }
    return {};
}

QString validationStatusText(ValidationStatus status)
{
    switch (status) {
    case ValidationStatus::Ok: return {};
    case ValidationStatus::NoCutoffFound: return InferencePanel::tr("no cut-off could be found on the training rows");
    case ValidationStatus::OneGroupOnly: return InferencePanel::tr("every validation patient fell on one side of the cut-off");
    case ValidationStatus::Cancelled: return InferencePanel::tr("cancelled");
    }
    return {};
}

QString hazardText(const HazardRatio& hr)
{
    switch (hr.status) {
    case HazardRatioStatus::Ok:
        return InferencePanel::tr("%1 (%2 to %3)").arg(format::number(hr.hazardRatio, 3), format::number(hr.lower, 3),
                                                       format::number(hr.upper, 3));
    case HazardRatioStatus::InfiniteHigh: return InferencePanel::tr("infinite (no event in the low group)");
    case HazardRatioStatus::InfiniteLow: return InferencePanel::tr("0 (no event in the high group)");
    case HazardRatioStatus::NotEstimable: return InferencePanel::tr("not estimable");
    }
    return {};
}

QTableWidgetItem* item(const QString& text, const QString& tooltip = {})
{
    auto* cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (!tooltip.isEmpty())
        cell->setToolTip(tooltip);
    return cell;
}

QTableWidget* makeTable(QWidget* parent, const QStringList& headers, const QString& name)
{
    auto* table = new QTableWidget(parent);
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAccessibleName(name);
    table->setWordWrap(true);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setTextElideMode(Qt::ElideNone);
    return table;
}

// Sizes the columns to their contents, except the last, which takes the rest of the width
// and wraps. Then makes the table exactly as high as its rows, so that nothing scrolls.
void fitTable(QTableWidget* table)
{
    QHeaderView* header = table->horizontalHeader();
    for (int column = 0; column + 1 < table->columnCount(); ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(table->columnCount() - 1, QHeaderView::Stretch);
    table->resizeRowsToContents();
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth();
    for (int row = 0; row < table->rowCount(); ++row)
        height += table->rowHeight(row);
    table->setFixedHeight(height);
}

} // namespace

QString pValueStatusText(const CorrectedPValue& p, std::size_t permutations)
{
    switch (p.status) {
    case PValueStatus::Ok: return InferencePanel::tr("computed");
    case PValueStatus::AboveOne: return InferencePanel::tr("the bound exceeds 1 (uninformative), so 1 is shown");
    case PValueStatus::BelowNumericalPrecision:
        return InferencePanel::tr("the formula went below 0: the p-value is smaller than it can resolve, so 0 is shown");
    case PValueStatus::NoPermutationExceeded:
        return InferencePanel::tr("no permutation exceeded the statistic: p < 1/%1").arg(permutations);
    case PValueStatus::NotComputed:
        return InferencePanel::tr("not computed: the exact table is too large for this many patients");
    case PValueStatus::NotApplicable: return InferencePanel::tr("not applicable: there is no statistic");
    case PValueStatus::Cancelled: return InferencePanel::tr("cancelled");
    }
    return {};
}

InferencePanel::InferencePanel(QWidget* parent)
    : QWidget(parent), runner_(new InferenceRunner(this))
{
    pValues_ = makeTable(this, {tr("Method"), tr("p"), tr("Status")}, tr("Naive and corrected p-values"));
    pValues_->setRowCount(PValueRowCount);
    optima_ = makeTable(this, {tr("Criterion"), tr("Cut-off"), tr("Ties"), tr("Value")}, tr("Optimal cut-offs"));
    optima_->setRowCount(3);

    tried_ = new QLabel(this);
    tried_->setWordWrap(true);
    tried_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tried_->setToolTip(tr("Markers, endpoints and distinct cut-offs looked at in this session."));
    tried_->setStyleSheet(QStringLiteral("QLabel { border: 1px solid palette(mid); border-radius: 3px; padding: 6px; }"));

    auto* pBox = new QGroupBox(tr("p-values at the cut-off"), this);
    auto* pLayout = new QVBoxLayout(pBox);
    pLayout->addWidget(pValues_);
    pLayout->addWidget(tried_);

    auto* optimaBox = new QGroupBox(tr("Optimal cut-offs"), this);
    auto* optimaLayout = new QVBoxLayout(optimaBox);
    optimaLayout->addWidget(optima_);

    permutations_ = new QSpinBox(this);
    permutations_->setRange(10, 1000000);
    permutations_->setValue(1000);
    permutations_->setSingleStep(1000);
    permutations_->setToolTip(tr("Random permutations for the conditional Monte Carlo p-value (maxstat's B)."));
    seed_ = new QSpinBox(this);
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setValue(1);
    seed_->setToolTip(tr("Seed of the random numbers: the same seed gives the same results."));
    bootstrap_ = new QSpinBox(this);
    bootstrap_->setRange(10, 100000);
    bootstrap_->setValue(200);
    bootstrap_->setSingleStep(100);
    bootstrap_->setToolTip(tr("Bootstrap samples for the interval of the optimal cut-off and the optimism of its hazard ratio."));
    folds_ = new QSpinBox(this);
    folds_->setRange(2, 20);
    folds_->setValue(5);
    folds_->setToolTip(tr("Folds of the cross-validated assignment to the low and high groups."));
    runButton_ = new QPushButton(tr("&Run"), this);
    runButton_->setToolTip(tr("Run the permutations, the bootstrap, the validations and the heat map on a worker thread."));
    cancelButton_ = new QPushButton(tr("Cance&l"), this);
    cancelButton_->setEnabled(false);
    cancelButton_->setToolTip(tr("Stop the running computation."));
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setAccessibleName(tr("Progress of the inference"));
    progressText_ = new QLabel(this);

    auto* settingsBox = new QGroupBox(tr("Resampling"), this);
    auto* form = new QFormLayout;
    form->addRow(tr("&Permutations:"), permutations_);
    form->addRow(tr("See&d:"), seed_);
    form->addRow(tr("&Bootstrap samples:"), bootstrap_);
    form->addRow(tr("F&olds:"), folds_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(runButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(progress_, 1);
    auto* settingsLayout = new QVBoxLayout(settingsBox);
    settingsLayout->addLayout(form);
    settingsLayout->addLayout(buttons);
    settingsLayout->addWidget(progressText_);

    bootstrapText_ = new QLabel(this);
    bootstrapText_->setWordWrap(true);
    bootstrapText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bootstrapText_->setToolTip(tr("Percentile interval of the optimal cut-off over bootstrap samples, and how much the selected hazard ratio overstates itself."));
    validationText_ = new QLabel(this);
    validationText_->setWordWrap(true);
    validationText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    validationText_->setToolTip(tr("The cut-off found on some patients, tested on the others."));
    auto* resultsBox = new QGroupBox(tr("How sure the cut-off is"), this);
    auto* resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->addWidget(bootstrapText_);
    resultsLayout->addWidget(validationText_);

    heatMap_ = new HeatMapView(this);
    auto* heatBox = new QGroupBox(tr("Two cut-offs, three groups"), this);
    auto* heatLayout = new QVBoxLayout(heatBox);
    heatLayout->addWidget(heatMap_);

    auto* left = new QVBoxLayout;
    left->addWidget(pBox);
    left->addWidget(optimaBox);
    left->addWidget(settingsBox);
    left->addWidget(resultsBox);
    left->addStretch(1);
    auto* content = new QWidget(this);
    auto* contentLayout = new QHBoxLayout(content);
    contentLayout->addLayout(left, 3);
    contentLayout->addWidget(heatBox, 2);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(runButton_, &QPushButton::clicked, this, &InferencePanel::run);
    connect(cancelButton_, &QPushButton::clicked, this, &InferencePanel::cancel);
    connect(runner_, &InferenceRunner::progress, this, [this](int, const QString& name, double fraction) {
        progress_->setValue(static_cast<int>(std::lround(fraction * 1000)));
        progressText_->setText(name);
    });
    connect(runner_, &InferenceRunner::finished, this, [this](std::shared_ptr<const InferenceOutcome> outcome) {
        lastRun_ = std::move(outcome);
        runButton_->setEnabled(scan_ && scan_->landscape);
        cancelButton_->setEnabled(false);
        progress_->setValue(lastRun_->cancelled ? progress_->value() : progress_->maximum());
        progressText_->setText(lastRun_->cancelled ? tr("Cancelled.") : tr("Done."));
        showRun();
        emit runFinished();
    });

    showPValues();
    showOptima();
    showRun();
    setTrials({});
}

void InferencePanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The wrapped last column changes height with the width.
    fitTable(pValues_);
    fitTable(optima_);
}

InferencePanel::~InferencePanel()
{
    shutdown();
}

InferenceSettings InferencePanel::settings() const
{
    InferenceSettings settings;
    settings.permutations = static_cast<std::size_t>(permutations_->value());
    settings.seed = static_cast<std::uint64_t>(seed_->value());
    settings.bootstrapReplicates = static_cast<std::size_t>(bootstrap_->value());
    settings.folds = static_cast<std::size_t>(folds_->value());
    return settings;
}

void InferencePanel::run()
{
    if (!scan_ || !scan_->landscape)
        return;
    lastRun_.reset();
    showRun();
    progress_->setValue(0);
    runButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    runner_->start(scan_->landscape, settings());
}

void InferencePanel::cancel()
{
    runner_->cancel();
    progressText_->setText(tr("Cancelling…"));
}

void InferencePanel::shutdown()
{
    runner_->shutdown();
}

void InferencePanel::setMarkerScan(std::shared_ptr<const MarkerScan> scan)
{
    if (runner_->isRunning())
        runner_->cancel();
    scan_ = std::move(scan);
    lastRun_.reset();
    runButton_->setEnabled(scan_ && scan_->landscape && scan_->landscape->scan.size() > 0);
    progress_->setValue(0);
    progressText_->clear();
    showPValues();
    showOptima();
    showRun();
}

void InferencePanel::setOutcome(std::shared_ptr<const AnalysisOutcome> outcome)
{
    outcome_ = std::move(outcome);
    showPValues();
    showOptima();
}

void InferencePanel::setTrials(const SessionTrials& trials)
{
    tried_->setText(tr("<b>What was tried</b><br>In this session: %n marker(s), ", nullptr, static_cast<int>(trials.markers))
                    + tr("%n endpoint(s), ", nullptr, static_cast<int>(trials.endpoints))
                    + tr("%n distinct cut-off(s).", nullptr, static_cast<int>(trials.cutoffs))
                    + tr("<br>A cut-off picked after browsing is derived from the data: its naive p-value overstates the evidence, so report a corrected one."));
}

void InferencePanel::setPValueRow(int row, const QString& method, const QString& value, const QString& status,
                                  const QString& tooltip)
{
    pValues_->setItem(row, 0, item(method, tooltip));
    pValues_->setItem(row, 1, item(value, tooltip));
    pValues_->setItem(row, 2, item(status, tooltip));
}

void InferencePanel::showPValues()
{
    // Naive: the log-rank test at the cut-off on the slider, as if it had been fixed in advance.
    QString naive = tr("—");
    QString naiveStatus = tr("waiting for the analysis");
    if (outcome_ && outcome_->result && outcome_->result->logRank) {
        const LogRankResult& logRank = *outcome_->result->logRank;
        if (logRank.status == TestStatus::Ok) {
            naive = format::pValue(logRank.p);
            naiveStatus = tr("not corrected for the search over cut-offs");
        } else {
            naiveStatus = tr("no test: a group is empty or has no events");
        }
    } else if (outcome_ && !outcome_->error.isEmpty()) {
        naiveStatus = outcome_->error;
    }
    setPValueRow(NaiveRow, tr("Naive log-rank at the cut-off"), naive, naiveStatus,
                 tr("The survdiff p-value of this one cut-off, valid only if it was fixed before looking at the data."));

    const MaxstatResult* maxstat = scan_ && scan_->landscape ? &scan_->landscape->maxstat : nullptr;
    const auto show = [&](int row, const QString& method, const CorrectedPValue* p, const QString& tooltip,
                          const QString& extra) {
        if (!maxstat || !p) {
            const QString why = scan_ && !scan_->status.isEmpty() ? scan_->status : tr("waiting for the marker scan");
            setPValueRow(row, method, tr("—"), why, tooltip);
            return;
        }
        QString status = pValueStatusText(*p, lastRun_ && lastRun_->permutation ? lastRun_->permutation->permutations : 0);
        if (p->status == PValueStatus::NotApplicable && maxstat->status != CutoffStatus::Ok)
            status = tr("not applicable: %1").arg(cutoffStatusText(maxstat->status));
        if (!extra.isEmpty())
            status += QStringLiteral("; ") + extra;
        setPValueRow(row, method, p->displayValue ? format::pValue(*p->displayValue) : tr("—"), status, tooltip);
    };
    show(Lausen92Row, tr("Lau92 (Lausen & Schumacher 1992)"), maxstat ? &maxstat->lausen92 : nullptr,
         tr("Asymptotic bound for the maximal log-rank statistic over cut-offs between 10% and 90%."), {});
    show(Lausen94Row, tr("Lau94 (improved Bonferroni)"), maxstat ? &maxstat->lausen94 : nullptr,
         tr("Bound that sums over neighbouring candidate cut-offs; sharper than Lau92 for small samples."), {});
    show(HothornLausenRow, tr("HL (Hothorn & Lausen 2003)"), maxstat ? &maxstat->hothornLausen : nullptr,
         tr("Exact bound for maxstat's integer log-rank scores, a slightly different statistic."),
         maxstat && maxstat->status == CutoffStatus::Ok
             ? tr("integer scores, maximal statistic %1").arg(format::number(maxstat->integerScores.statistic, 4))
             : QString());

    const QString mcTooltip = tr("Share of random permutations of the scores whose maximal statistic exceeds the observed one (maxstat condMC).");
    if (lastRun_ && lastRun_->permutation) {
        const PermutationResult& mc = *lastRun_->permutation;
        const QString run = tr("%1 permutations, seed %2").arg(mc.permutations).arg(lastRun_->settings.seed);
        QString value = mc.pValue.displayValue ? format::pValue(*mc.pValue.displayValue) : tr("—");
        QString status;
        if (mc.pValue.status == PValueStatus::Ok) {
            status = tr("%1, Monte Carlo SE %2").arg(run, format::number(mc.monteCarloStandardError, 2));
        } else {
            status = tr("%1; %2").arg(pValueStatusText(mc.pValue, mc.permutations), run);
            if (mc.pValue.status == PValueStatus::NoPermutationExceeded)
                value = tr("< %1").arg(format::number(1.0 / static_cast<double>(mc.permutations), 2));
        }
        setPValueRow(ConditionalMonteCarloRow, tr("condMC (permutations)"), value, status, mcTooltip);
    } else {
        setPValueRow(ConditionalMonteCarloRow, tr("condMC (permutations)"), tr("—"),
                     runner_->isRunning() ? tr("running") : tr("not run yet: press Run"), mcTooltip);
    }
    fitTable(pValues_);
}

void InferencePanel::showOptima()
{
    const auto tiesText = [](const std::vector<std::size_t>& ties, const std::vector<double>& cutoffs) {
        if (ties.size() <= 1)
            return tr("none");
        QStringList values;
        for (std::size_t index : ties)
            values << format::number(cutoffs[index], 4);
        return values.join(QStringLiteral(", "));
    };
    const CutoffScan* scan = scan_ && scan_->landscape ? &scan_->landscape->scan : nullptr;
    const auto showScanOptimum = [&](int row, const QString& name, const OptimalCutoff* optimum, const QString& valueName,
                                     const QString& tooltip) {
        optima_->setItem(row, 0, item(name, tooltip));
        if (!scan || !optimum || !optimum->found) {
            const QString why = scan_ && !scan_->status.isEmpty() ? scan_->status : tr("waiting for the marker scan");
            optima_->setItem(row, 1, item(tr("—"), tooltip));
            optima_->setItem(row, 3, item(why, tooltip));
            optima_->setItem(row, 2, item(QString(), tooltip));
            return;
        }
        optima_->setItem(row, 1, item(tr("≤ %1 vs >").arg(format::number(optimum->cutoff, 4)), tooltip));
        optima_->setItem(row, 3, item(valueName, tooltip));
        optima_->setItem(row, 2, item(tiesText(optimum->ties, scan->candidates.cutoffs), tooltip));
    };
    showScanOptimum(0, tr("Maximal log-rank statistic"), scan ? &scan->byStandardizedStatistic : nullptr,
                    scan && scan->byStandardizedStatistic.found
                        ? tr("statistic %1").arg(format::number(scan->byStandardizedStatistic.value, 4))
                        : QString(),
                    tr("The cut-off maxstat reports: largest standardized log-rank statistic."));
    showScanOptimum(1, tr("Minimal naive p"), scan ? &scan->byLogRankP : nullptr,
                    scan && scan->byLogRankP.found
                        ? tr("chi-square %1, naive p %2")
                              .arg(format::number(scan->logRankChiSquare[scan->byLogRankP.index], 4),
                                   format::pValue(scan->logRankP[scan->byLogRankP.index]))
                        : QString(),
                    tr("The cut-off with the smallest uncorrected survdiff p-value."));

    const QString youdenTip = tr("The cut-off maximising sensitivity + specificity - 1 against the ROC tab's outcome.");
    optima_->setItem(2, 0, item(tr("Youden index (ROC)"), youdenTip));
    const AnalysisResult* result = outcome_ && outcome_->result ? &*outcome_->result : nullptr;
    if (result && result->roc && result->roc->roc.status == RocStatus::Ok && !result->roc->roc.youdenOptima.empty()) {
        const auto& optima = result->roc->roc.youdenOptima;
        const std::optional<double> cutoff = RocPanel::youdenCutoff(*result);
        optima_->setItem(2, 1, item(cutoff ? tr("≥ %1").arg(format::number(*cutoff, 4)) : tr("—"), youdenTip));
        optima_->setItem(2, 3, item(tr("J = %1").arg(format::number(optima.front().youdenIndex, 3)), youdenTip));
        QStringList ties;
        for (std::size_t i = 1; i < optima.size(); ++i) {
            const RocPoint& point = optima[i].point;
            ties << format::number(point.highGroupFrom ? *point.highGroupFrom : point.threshold, 4);
        }
        optima_->setItem(2, 2, item(ties.isEmpty() ? tr("none") : ties.join(QStringLiteral(", ")), youdenTip));
    } else {
        optima_->setItem(2, 1, item(tr("—"), youdenTip));
        optima_->setItem(2, 3, item(tr("no ROC curve: choose an outcome on the ROC tab"), youdenTip));
        optima_->setItem(2, 2, item(QString(), youdenTip));
    }
    fitTable(optima_);
}

void InferencePanel::showRun()
{
    showPValues();
    const QString marker = scan_ ? QString::fromStdString(scan_->marker) : QString();
    if (!lastRun_) {
        const QString waiting = runner_->isRunning() ? tr("Running…") : tr("Not run yet: press Run.");
        bootstrapText_->setText(tr("<b>Bootstrap</b>: %1").arg(waiting));
        validationText_->setText(tr("<b>Validation</b>: %1").arg(waiting));
        heatMap_->setScan(nullptr, marker, waiting);
        emit bootstrapIntervalChanged(std::nullopt);
        return;
    }
    const InferenceOutcome& run = *lastRun_;
    const QString missing = run.cancelled ? tr("cancelled") : (run.error.isEmpty() ? tr("not run") : run.error);

    QStringList boot;
    std::optional<std::pair<double, double>> band;
    if (run.bootstrap && run.bootstrap->run == RunStatus::Completed && run.bootstrap->intervalAvailable) {
        const BootstrapResult& b = *run.bootstrap;
        band = std::make_pair(b.lower, b.upper);
        boot << tr("<b>Bootstrap</b> (%1 samples, seed %2): optimal cut-off %3, %4% percentile interval %5 to %6 (median %7).")
                    .arg(b.replicateCutoffs.size() + b.failedReplicates)
                    .arg(run.settings.seed)
                    .arg(format::number(b.cutoff, 4))
                    .arg(std::lround(run.settings.confidenceLevel * 100))
                    .arg(format::number(b.lower, 4), format::number(b.upper, 4), format::number(b.median, 4));
        if (b.failedReplicates > 0)
            boot << tr("%n sample(s) had no cut-off.", nullptr, static_cast<int>(b.failedReplicates));
        if (b.optimismStatus == OptimismStatus::Ok)
            boot << tr("Hazard ratio at the selected cut-off %1; bootstrap optimism of |log HR| %2, so the optimism-corrected HR is %3.")
                        .arg(hazardText(b.apparent).toHtmlEscaped(), format::number(b.optimism, 3), format::number(b.correctedHazardRatio, 3));
        else if (b.optimismStatus == OptimismStatus::ApparentNotFinite)
            boot << tr("No optimism: the hazard ratio at the selected cut-off is %1.").arg(hazardText(b.apparent).toHtmlEscaped());
        else if (b.optimismStatus == OptimismStatus::NoUsableReplicate)
            boot << tr("No optimism: no sample gave finite hazard ratios.");
    } else if (run.bootstrap && run.bootstrap->status != CutoffStatus::Ok) {
        boot << tr("<b>Bootstrap</b>: no optimal cut-off: %1.").arg(cutoffStatusText(run.bootstrap->status));
    } else {
        boot << tr("<b>Bootstrap</b>: %1.").arg(missing.toHtmlEscaped());
    }
    bootstrapText_->setText(boot.join(QLatin1Char(' ')));
    emit bootstrapIntervalChanged(band);

    QStringList validation;
    if (run.splitSample && run.splitSample->status == ValidationStatus::Ok) {
        const SplitSampleResult& s = *run.splitSample;
        validation << tr("<b>Split sample</b> (%1 training, %2 validation patients): cut-off %3 found on the training part; on the validation part log-rank p %4, HR %5.")
                          .arg(s.trainingRows)
                          .arg(s.validationRows)
                          .arg(format::number(s.cutoff, 4),
                               (s.validation.defined ? format::pValue(s.validation.p) : tr("not defined")).toHtmlEscaped(),
                               hazardText(s.validationHazardRatio).toHtmlEscaped());
    } else {
        validation << tr("<b>Split sample</b>: %1.")
                          .arg((run.splitSample ? validationStatusText(run.splitSample->status) : missing).toHtmlEscaped());
    }
    if (run.crossValidation && run.crossValidation->status == ValidationStatus::Ok) {
        const CrossValidationResult& c = *run.crossValidation;
        validation << tr("<b>%1-fold cross-validation</b>: log-rank p %2 of the cross-validated groups, HR %3; %n patient(s) unassigned.",
                         nullptr, static_cast<int>(c.unassignedRows))
                          .arg(c.foldCutoffs.size())
                          .arg((c.logRank.defined ? format::pValue(c.logRank.p) : tr("not defined")).toHtmlEscaped(),
                               hazardText(c.hazardRatio).toHtmlEscaped());
    } else {
        validation << tr("<b>Cross-validation</b>: %1.")
                          .arg((run.crossValidation ? validationStatusText(run.crossValidation->status) : missing).toHtmlEscaped());
    }
    validationText_->setText(validation.join(QStringLiteral("<br>")));

    if (run.twoCutoffs && run.twoCutoffs->run == RunStatus::Completed && run.twoCutoffs->status == CutoffStatus::Ok)
        heatMap_->setScan(std::make_shared<const TwoCutoffScan>(*run.twoCutoffs), marker);
    else if (run.twoCutoffs && run.twoCutoffs->status != CutoffStatus::Ok)
        heatMap_->setScan(nullptr, marker, tr("No pair of cut-offs: %1.").arg(cutoffStatusText(run.twoCutoffs->status)));
    else
        heatMap_->setScan(nullptr, marker, tr("Heat map: %1.").arg(missing));
}

} // namespace cutofflab::ui
