#include "panels/rocpanel.h"

#include "charts/rocchartview.h"
#include "controls/resulttable.h"
#include "format.h"
#include "io/cohortsource.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cutofflab::ui {

namespace {

enum class OutcomeChoice { Column, DeathByMedian, DeathByTime };

QString proportionText(const ProportionEstimate& estimate)
{
    if (!estimate.estimate)
        return RocPanel::tr("– (no patients)");
    return RocPanel::tr("%1 (%2–%3), %4/%5")
        .arg(format::number(*estimate.estimate, 3), format::number(estimate.lower, 3), format::number(estimate.upper, 3))
        .arg(estimate.successes)
        .arg(estimate.trials);
}

QString proportionFull(const ProportionEstimate& estimate)
{
    return format::fullInterval(estimate.estimate, estimate.lower, estimate.upper);
}

} // namespace

RocPanel::RocPanel(QWidget* parent)
    : ResultPanel(parent)
{
    notices_ = new NoticeLabel(this);
    outcomeBox_ = new QComboBox(this);
    outcomeBox_->setToolTip(tr("The binary outcome the marker should predict. Death by a time: an event by then is a case, "
                               "follow-up beyond it a control, censoring before it leaves the patient out."));
    timeBox_ = new QDoubleSpinBox(this);
    timeBox_->setRange(0.0, 1e9);
    timeBox_->setDecimals(2);
    timeBox_->setKeyboardTracking(false);
    timeBox_->setToolTip(tr("The time for \"death by a chosen time\", in the unit of the time column."));
    directionBox_ = new QComboBox(this);
    directionBox_->addItem(tr("Higher values in cases"), static_cast<int>(RocDirection::Higher));
    directionBox_->addItem(tr("Lower values in cases"), static_cast<int>(RocDirection::Lower));
    directionBox_->addItem(tr("Detect (as pROC)"), static_cast<int>(RocDirection::Auto));
    directionBox_->setToolTip(tr("Which marker values count as test-positive; pROC's \"auto\" compares the medians of cases and controls."));
    auto* outcomeLabel = new QLabel(tr("&Outcome:"), this);
    outcomeLabel->setBuddy(outcomeBox_);
    auto* directionLabel = new QLabel(tr("&Direction:"), this);
    directionLabel->setBuddy(directionBox_);

    chart_ = new RocChartView(this);
    table_ = new ResultTable(this);
    table_->setAccessibleName(tr("ROC summary"));

    auto* options = new QHBoxLayout;
    options->addWidget(outcomeLabel);
    options->addWidget(outcomeBox_, 1);
    options->addWidget(timeBox_);
    options->addSpacing(12);
    options->addWidget(directionLabel);
    options->addWidget(directionBox_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notices_);
    layout->addLayout(options);
    layout->addWidget(chart_, 1);
    layout->addWidget(table_);

    connect(outcomeBox_, &QComboBox::currentIndexChanged, this, [this] {
        timeBox_->setEnabled(static_cast<OutcomeChoice>(outcomeBox_->currentData().toInt()) == OutcomeChoice::DeathByTime);
        emit settingsChanged();
    });
    connect(timeBox_, &QDoubleSpinBox::valueChanged, this, &ResultPanel::settingsChanged);
    connect(directionBox_, &QComboBox::currentIndexChanged, this, &ResultPanel::settingsChanged);
}

ChartView* RocPanel::chartView() const
{
    return chart_;
}

void RocPanel::setCohort(const LoadedCohort& loaded)
{
    const QSignalBlocker blocker(outcomeBox_);
    const QSignalBlocker timeBlocker(timeBox_);
    outcomeBox_->clear();
    responseColumn_ = loaded.responseColumn;
    if (!responseColumn_.isEmpty())
        outcomeBox_->addItem(tr("%1 (yes/no column)").arg(responseColumn_), static_cast<int>(OutcomeChoice::Column));
    if (loaded.cohort.hasSurvival) {
        outcomeBox_->addItem(tr("Death by the median survival"), static_cast<int>(OutcomeChoice::DeathByMedian));
        outcomeBox_->addItem(tr("Death by a chosen time"), static_cast<int>(OutcomeChoice::DeathByTime));
        const auto& time = loaded.cohort.time;
        const double maxTime = time.empty() ? 1.0 : *std::max_element(time.begin(), time.end());
        timeBox_->setValue(maxTime > 240 ? 365.0 : 12.0);
    }
    // Survival is the main endpoint when there is one: "death by the median" first.
    const int deathByMedian = outcomeBox_->findData(static_cast<int>(OutcomeChoice::DeathByMedian));
    outcomeBox_->setCurrentIndex(deathByMedian >= 0 ? deathByMedian : 0);
    timeBox_->setEnabled(false);
    setEnabled(outcomeBox_->count() > 0);
}

void RocPanel::contribute(AnalysisRequest& request) const
{
    AnalysisSpec& spec = request.spec;
    spec.outcomeColumn = responseColumn_.toStdString();
    spec.direction = static_cast<RocDirection>(directionBox_->currentData().toInt());
    if (outcomeBox_->count() == 0)
        return;
    switch (static_cast<OutcomeChoice>(outcomeBox_->currentData().toInt())) {
    case OutcomeChoice::Column:
        break;
    case OutcomeChoice::DeathByMedian:
        spec.deathByMedian = true;
        break;
    case OutcomeChoice::DeathByTime:
        spec.deathByTime = timeBox_->value();
        break;
    }
}

std::optional<double> RocPanel::youdenCutoff(const AnalysisResult& result)
{
    if (!result.roc || result.roc->roc.youdenOptima.empty() || result.roc->roc.status != RocStatus::Ok)
        return std::nullopt;
    const RocPoint& point = result.roc->roc.youdenOptima.front().point;
    return point.highGroupFrom ? point.highGroupFrom : std::optional<double>(point.threshold);
}

void RocPanel::showNoResult(const QString& reason)
{
    chart_->showEmpty(reason);
    table_->reset({});
    notices_->setNotices({});
}

void RocPanel::showOutcome(const AnalysisOutcome& outcome, const LoadedCohort&)
{
    if (!outcome.result) {
        showNoResult(outcome.error);
        return;
    }
    const AnalysisResult& result = *outcome.result;
    notices_->setNotices(messagesFor(result, {"roc"}));
    if (!result.roc) {
        showNoResult(outcomeBox_->count() == 0 ? tr("No outcome for an ROC curve: load a yes/no column or survival data.")
                                               : tr("No ROC curve for this grouping."));
        notices_->setNotices(messagesFor(result, {"roc"}));
        return;
    }
    const RocAnalysis& analysis = *result.roc;
    const RocResult& roc = analysis.roc;
    if (roc.status == RocStatus::NoCases || roc.status == RocStatus::NoControls) {
        chart_->showEmpty(roc.status == RocStatus::NoCases ? tr("No cases: every patient is a control.")
                                                           : tr("No controls: every patient is a case."));
        table_->reset({});
        return;
    }

    std::optional<QPointF> cutoffPoint;
    if (analysis.atCutoff && roc.direction == RocDirection::Higher && analysis.atCutoff->sensitivity.estimate
        && analysis.atCutoff->specificity.estimate) {
        cutoffPoint = QPointF(1.0 - *analysis.atCutoff->specificity.estimate, *analysis.atCutoff->sensitivity.estimate);
    } else if (analysis.rocCoordsAtCutoff) {
        cutoffPoint = QPointF(1.0 - analysis.rocCoordsAtCutoff->specificity, analysis.rocCoordsAtCutoff->sensitivity);
    }
    std::optional<QPointF> youdenPoint;
    if (!roc.youdenOptima.empty()) {
        const RocPoint& point = roc.youdenOptima.front().point;
        youdenPoint = QPointF(1.0 - point.specificity, point.sensitivity);
    }
    QString annotation = tr("AUC %1 (95% CI %2–%3)")
                             .arg(format::number(roc.auc, 3), format::number(roc.aucLower, 3), format::number(roc.aucUpper, 3));
    annotation += tr("<br>%1 cases, %2 controls").arg(roc.nCases).arg(roc.nControls);
    chart_->setCurve(roc, cutoffPoint, youdenPoint, annotation);

    table_->reset({tr("Statistic"), tr("Value")});
    int row = 0;
    const auto add = [&](const QString& name, const QString& shown, const QString& full, const QString& tip) {
        table_->setCell(row, 0, name, name, tip);
        table_->setCell(row, 1, shown, full, tip);
        ++row;
    };
    const BinaryOutcome& binary = analysis.outcome;
    add(tr("Outcome"), QString::fromStdString(binary.description), QString::fromStdString(binary.description),
        tr("Cases are patients with the outcome, controls those without."));
    add(tr("Cases / controls"), tr("%1 / %2 (%3 left out)").arg(roc.nCases).arg(roc.nControls).arg(binary.leftOut), {},
        tr("Patients left out have no outcome value or were censored before the time."));
    add(tr("AUC (95% CI)"), format::estimateWithInterval(roc.auc, roc.aucLower, roc.aucUpper, 3),
        format::fullInterval(roc.auc, roc.aucLower, roc.aucUpper),
        tr("Area under the ROC curve: the chance that a case has a higher marker than a control; DeLong interval."));
    if (roc.direction == RocDirection::Lower)
        add(tr("Direction"), tr("lower values in cases"), {}, tr("The curve treats low marker values as test-positive."));
    if (analysis.atCutoff) {
        const ConfusionAtCutoff& at = *analysis.atCutoff;
        const QString tipSuffix = tr(" The high group counts as test-positive; exact Clopper–Pearson 95% CI.");
        add(tr("Sensitivity at cut-off"), proportionText(at.sensitivity), proportionFull(at.sensitivity),
            tr("Share of cases in the high group.") + tipSuffix);
        add(tr("Specificity at cut-off"), proportionText(at.specificity), proportionFull(at.specificity),
            tr("Share of controls in the low group.") + tipSuffix);
        add(tr("PPV at cut-off"), proportionText(at.ppv), proportionFull(at.ppv),
            tr("Positive predictive value: share of the high group who are cases.") + tipSuffix);
        add(tr("NPV at cut-off"), proportionText(at.npv), proportionFull(at.npv),
            tr("Negative predictive value: share of the low group who are controls.") + tipSuffix);
    }
    for (const YoudenOptimum& optimum : roc.youdenOptima) {
        const RocPoint& point = optimum.point;
        const double value = point.highGroupFrom.value_or(point.threshold);
        add(tr("Youden cut-off"),
            tr("%1 (J = %2, sensitivity %3, specificity %4)")
                .arg(format::compact(value, 4), format::number(optimum.youdenIndex, 3),
                     format::number(point.sensitivity, 3), format::number(point.specificity, 3)),
            QStringLiteral("%1 (J %2, sensitivity %3, specificity %4)")
                .arg(format::fullPrecision(value), format::fullPrecision(optimum.youdenIndex),
                     format::fullPrecision(point.sensitivity), format::fullPrecision(point.specificity)),
            tr("The split that maximises Youden's J = sensitivity + specificity − 1; marker ≥ this value is positive."));
    }
    if (roc.perfectSeparation)
        add(tr("Note"), tr("perfect separation: the AUC interval [1, 1] can be misleading"), {}, {});
    table_->fitHeightToRows();
}

QString RocPanel::tableText() const
{
    return table_->copyText(false);
}

} // namespace cutofflab::ui
