#include "controls/cutoffcontrol.h"
#include "controls/landscapestrip.h"

#include "format.h"
#include "io/cohortsource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cutofflab::ui {

namespace {

// Decimals that show the value exactly (at most 6).
int decimalsForValue(double value)
{
    int decimals = 0;
    while (decimals < 6) {
        const double scale = std::pow(10.0, decimals);
        if (std::fabs(std::round(value * scale) / scale - value) <= 1e-9 * std::max(1.0, std::fabs(value)))
            break;
        ++decimals;
    }
    return decimals;
}

// Decimals that show every observed value exactly (at least 1, at most 6), so that the
// spin box can hold the value the slider rests on.
int decimalsFor(const std::vector<double>& distinct)
{
    int decimals = 1;
    const std::size_t limit = std::min<std::size_t>(distinct.size(), 2000);
    for (std::size_t i = 0; i < limit && decimals < 6; ++i)
        decimals = std::max(decimals, decimalsForValue(distinct[i]));
    return decimals;
}

} // namespace

ObservedValueSpinBox::ObservedValueSpinBox(const CutoffSlider* slider, QWidget* parent)
    : QDoubleSpinBox(parent), slider_(slider)
{
    setKeyboardTracking(false);
    setAccelerated(true);
}

void ObservedValueSpinBox::stepBy(int steps)
{
    setValue(slider_->steppedValue(steps));
}

QAbstractSpinBox::StepEnabled ObservedValueSpinBox::stepEnabled() const
{
    const auto& distinct = slider_->distinctValues();
    if (distinct.empty())
        return StepNone;
    StepEnabled enabled = StepNone;
    if (slider_->cutoff() > distinct.front())
        enabled |= StepDownEnabled;
    if (slider_->cutoff() < distinct.back())
        enabled |= StepUpEnabled;
    return enabled;
}

MarkerCutoffEditor::MarkerCutoffEditor(const QString& title, bool primary, QWidget* parent)
    : QWidget(parent)
{
    auto* box = new QGroupBox(title, this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(box);

    markerBox_ = new QComboBox(box);
    markerBox_->setToolTip(tr("The biomarker whose cut-off splits the patients into a low and a high group."));
    markerBox_->setAccessibleName(tr("Marker"));

    slider_ = new CutoffSlider(box);
    landscape_ = new LandscapeStrip(slider_, box);
    landscape_->setVisible(primary);

    ruleBox_ = new QComboBox(box);
    ruleBox_->addItem(tr("≥"), static_cast<int>(CutoffRule::GreaterOrEqual));
    ruleBox_->addItem(tr(">"), static_cast<int>(CutoffRule::Greater));
    ruleBox_->setToolTip(tr("High group: value ≥ cut-off (the usual rule), or value > cut-off (the rule of maxstat)."));
    ruleBox_->setAccessibleName(tr("Rule"));

    valueBox_ = new ObservedValueSpinBox(slider_, box);
    valueBox_->setToolTip(tr("The exact cut-off. Type any value; the arrows step to the neighbouring observed value."));
    valueBox_->setAccessibleName(tr("Cut-off value"));

    scaleBox_ = new QComboBox(box);
    scaleBox_->addItem(tr("Linear scale"), static_cast<int>(CutoffSlider::Scale::Linear));
    scaleBox_->addItem(tr("Log scale"), static_cast<int>(CutoffSlider::Scale::Log));
    scaleBox_->setToolTip(tr("Spacing of the slider's track: logarithmic suits log-normal markers such as cytokines."));
    scaleBox_->setAccessibleName(tr("Slider scale"));

    summary_ = new QLabel(box);
    summary_->setToolTip(tr("The share of patients below the cut-off, and the size of each group."));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* markerLabel = new QLabel(primary ? tr("&Marker:") : tr("Marker:"), box);
    markerLabel->setBuddy(markerBox_);
    auto* highLabel = new QLabel(primary ? tr("&High when value") : tr("High when value"), box);
    highLabel->setBuddy(ruleBox_);

    auto* layout = new QGridLayout(box);
    layout->addWidget(markerLabel, 0, 0);
    layout->addWidget(markerBox_, 0, 1, 1, 3);
    // The landscape spans the slider's columns, so both share one horizontal scale.
    layout->addWidget(landscape_, 1, 0, 1, 4);
    layout->addWidget(slider_, 2, 0, 1, 4);
    layout->addWidget(highLabel, 3, 0);
    layout->addWidget(ruleBox_, 3, 1);
    layout->addWidget(valueBox_, 3, 2);
    layout->addWidget(scaleBox_, 3, 3);
    layout->addWidget(summary_, 4, 0, 1, 4);
    layout->setColumnStretch(2, 1);

    setFocusProxy(slider_);

    connect(markerBox_, &QComboBox::currentIndexChanged, this, [this] {
        if (updating_)
            return;
        loadMarkerValues();
        emit markerChanged(marker());
        emit changed();
    });
    connect(ruleBox_, &QComboBox::currentIndexChanged, this, [this] {
        updateSummary();
        if (!updating_)
            emit changed();
    });
    connect(scaleBox_, &QComboBox::currentIndexChanged, this, [this] {
        slider_->setScale(static_cast<CutoffSlider::Scale>(scaleBox_->currentData().toInt()));
    });
    connect(slider_, &CutoffSlider::cutoffMoved, this, [this](double value) {
        showCutoff(value);
        emit changed();
    });
    connect(valueBox_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (updating_ || value == slider_->cutoff())
            return;
        slider_->setCutoff(value);
        updateSummary();
        emit changed();
    });
}

void MarkerCutoffEditor::setCohort(std::shared_ptr<const LoadedCohort> cohort, int markerIndex)
{
    cohort_ = std::move(cohort);
    updating_ = true;
    markerBox_->clear();
    if (cohort_) {
        for (const std::string& name : cohort_->roles.markers)
            markerBox_->addItem(QString::fromStdString(name));
    }
    markerBox_->setCurrentIndex(std::min(markerIndex, markerBox_->count() - 1));
    updating_ = false;
    loadMarkerValues();
}

QString MarkerCutoffEditor::marker() const
{
    return markerBox_->currentText();
}

CutoffRule MarkerCutoffEditor::rule() const
{
    return static_cast<CutoffRule>(ruleBox_->currentData().toInt());
}

void MarkerCutoffEditor::setMarker(const QString& name)
{
    const int index = markerBox_->findText(name);
    if (index < 0 || index == markerBox_->currentIndex())
        return;
    updating_ = true;
    markerBox_->setCurrentIndex(index);
    updating_ = false;
    loadMarkerValues();
}

void MarkerCutoffEditor::setCutoff(double value)
{
    slider_->setCutoff(value);
    showCutoff(value);
}

void MarkerCutoffEditor::setRule(CutoffRule rule)
{
    updating_ = true;
    ruleBox_->setCurrentIndex(ruleBox_->findData(static_cast<int>(rule)));
    updating_ = false;
    updateSummary();
}

void MarkerCutoffEditor::loadMarkerValues()
{
    std::vector<double> values;
    missingCount_ = 0;
    const CohortColumn* column = cohort_ ? cohort_->cohort.findColumn(marker().toStdString()) : nullptr;
    if (column) {
        values.reserve(column->values.size());
        for (const auto& value : column->values) {
            if (value && std::isfinite(*value))
                values.push_back(*value);
            else
                ++missingCount_;
        }
    }
    slider_->setValues(values);
    const bool logAvailable = slider_->logScaleAvailable();
    scaleBox_->setEnabled(logAvailable);
    scaleBox_->setToolTip(logAvailable ? tr("Spacing of the slider's track: logarithmic suits log-normal markers such as cytokines.")
                                       : tr("A log scale needs every value above 0; this marker has values at or below 0."));
    // Markers spanning two orders of magnitude (cytokines are log-normal) start on a log
    // scale, where their values spread over the track.
    const auto& observed = slider_->distinctValues();
    const bool wideRange = logAvailable && observed.back() / observed.front() >= 100.0;
    scaleBox_->setCurrentIndex(wideRange ? 1 : 0);
    slider_->setScale(static_cast<CutoffSlider::Scale>(scaleBox_->currentData().toInt()));

    const auto& distinct = slider_->distinctValues();
    setEnabled(!distinct.empty());
    updating_ = true;
    observedDecimals_ = decimalsFor(distinct);
    valueBox_->setDecimals(observedDecimals_);
    if (!distinct.empty()) {
        const double span = distinct.back() - distinct.front();
        valueBox_->setRange(distinct.front() - span, distinct.back() + span);
    }
    updating_ = false;

    // Start at the median: the observed value with half of the patients below it.
    if (!distinct.empty()) {
        std::sort(values.begin(), values.end());
        const double median = values[values.size() / 2];
        slider_->setCutoff(median);
        showCutoff(median);
    } else {
        updateSummary();
    }
}

void MarkerCutoffEditor::showCutoff(double value)
{
    updating_ = true;
    // A cut-off set from outside (8.58 on a marker measured to 0.1) keeps its digits:
    // QDoubleSpinBox rounds its value to the decimals shown.
    valueBox_->setDecimals(std::max(observedDecimals_, decimalsForValue(value)));
    valueBox_->setValue(value);
    updating_ = false;
    updateSummary();
}

void MarkerCutoffEditor::updateSummary()
{
    const auto& distinct = slider_->distinctValues();
    if (distinct.empty()) {
        summary_->setText(tr("No values for this marker."));
        return;
    }
    // Counts of the low and high side under the chosen rule, from the sorted values.
    const double cutoff = slider_->cutoff();
    const std::size_t n = slider_->valueCount();
    const std::size_t low = slider_->countBelow(cutoff, rule() == CutoffRule::Greater);
    const double below = slider_->fractionBelow(cutoff);
    QString text = tr("%1th percentile · low %2 · high %3")
                       .arg(qRound(100 * below))
                       .arg(low)
                       .arg(n - low);
    if (missingCount_ > 0)
        text += tr(" · %n without a value", nullptr, static_cast<int>(missingCount_));
    summary_->setText(text);
}

CutoffControl::CutoffControl(QWidget* parent)
    : QWidget(parent)
{
    first_ = new MarkerCutoffEditor(tr("Cut-off"), true, this);
    scoreBox_ = new QCheckBox(tr("&Combine with a second marker (0/1/2 score)"), this);
    scoreBox_->setToolTip(tr("Score = number of markers at or above their cut-off; "
                             "the panels then compare three groups and test for a trend."));
    second_ = new MarkerCutoffEditor(tr("Second marker"), false, this);
    second_->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(first_);
    layout->addWidget(scoreBox_);
    layout->addWidget(second_);
    setFocusProxy(first_);

    connect(first_, &MarkerCutoffEditor::changed, this, &CutoffControl::groupingChanged);
    connect(second_, &MarkerCutoffEditor::changed, this, [this] {
        if (scoreBox_->isChecked())
            emit groupingChanged();
    });
    connect(first_, &MarkerCutoffEditor::markerChanged, this, &CutoffControl::markerChanged);
    connect(second_, &MarkerCutoffEditor::markerChanged, this, &CutoffControl::markerChanged);
    connect(scoreBox_, &QCheckBox::toggled, this, [this](bool on) {
        second_->setVisible(on);
        emit markerChanged();
        emit groupingChanged();
    });
}

void CutoffControl::setCohort(std::shared_ptr<const LoadedCohort> cohort)
{
    const int markers = cohort ? static_cast<int>(cohort->roles.markers.size()) : 0;
    first_->setCohort(cohort, 0);
    second_->setCohort(cohort, markers > 1 ? 1 : 0);
    scoreBox_->setEnabled(markers > 0);
}

GroupingSpec CutoffControl::grouping() const
{
    GroupingSpec spec;
    spec.kind = scoreBox_->isChecked() ? GroupingSpec::Kind::Score : GroupingSpec::Kind::Cutoff;
    spec.marker = first_->marker().toStdString();
    spec.cutoff = first_->cutoff();
    spec.rule = first_->rule();
    if (scoreBox_->isChecked()) {
        spec.marker2 = second_->marker().toStdString();
        spec.cutoff2 = second_->cutoff();
        spec.rule2 = second_->rule();
    }
    return spec;
}

void CutoffControl::setGrouping(const GroupingSpec& spec)
{
    first_->setMarker(QString::fromStdString(spec.marker));
    first_->setRule(spec.rule);
    first_->setCutoff(spec.cutoff);
    const bool score = spec.kind == GroupingSpec::Kind::Score;
    if (score) {
        second_->setMarker(QString::fromStdString(spec.marker2));
        second_->setRule(spec.rule2);
        second_->setCutoff(spec.cutoff2);
    }
    const QSignalBlocker blocker(scoreBox_);
    scoreBox_->setChecked(score);
    second_->setVisible(score);
}

} // namespace cutofflab::ui
