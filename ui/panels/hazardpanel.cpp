#include "panels/hazardpanel.h"

#include "charts/chartstyle.h"
#include "charts/forestchartview.h"
#include "controls/resulttable.h"
#include "format.h"
#include "io/cohortsource.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace cutofflab::ui {

namespace {

QString termLabel(const std::string& name, const QString& marker)
{
    if (name == "high")
        return HazardPanel::tr("%1 high vs low").arg(marker);
    if (name.rfind("score_", 0) == 0)
        return HazardPanel::tr("score %1 vs 0").arg(QString::fromStdString(name.substr(6)));
    return QString::fromStdString(name);
}

QString statusNote(const CoxFit& fit)
{
    switch (fit.status) {
    case CoxStatus::NoEvents:
        return HazardPanel::tr("not estimable: no events");
    case CoxStatus::TooFewRows:
        return HazardPanel::tr("not estimable: fewer than 2 patients");
    default:
        return {};
    }
}

QString termNote(const CoxTerm& term)
{
    if (term.infinite)
        return term.coef > 0 ? HazardPanel::tr("HR infinite: coefficient diverges") : HazardPanel::tr("HR zero: coefficient diverges");
    if (term.aliased)
        return HazardPanel::tr("not estimable: collinear or empty");
    return {};
}

} // namespace

HazardPanel::HazardPanel(QWidget* parent)
    : ResultPanel(parent)
{
    notices_ = new NoticeLabel(this);
    covariates_ = new QListWidget(this);
    covariates_->setToolTip(tr("Covariates of the multivariable model. Each also gets a univariate model of its own."));
    covariates_->setAccessibleName(tr("Covariates"));
    selectByP_ = new QCheckBox(tr("Only univariate &p <"), this);
    selectByP_->setChecked(true);
    selectByP_->setToolTip(tr("Keep a checked covariate in the multivariable model only when its univariate likelihood-ratio p is below the threshold."));
    threshold_ = new QDoubleSpinBox(this);
    threshold_->setRange(0.001, 1.0);
    threshold_->setDecimals(3);
    threshold_->setSingleStep(0.05);
    threshold_->setValue(0.1);
    threshold_->setKeyboardTracking(false);
    threshold_->setToolTip(tr("Univariate p-value threshold for the multivariable model (0.1 is common)."));
    modelSummary_ = new QLabel(this);
    modelSummary_->setWordWrap(true);
    chart_ = new ForestChartView(this);
    table_ = new ResultTable(this);
    table_->setAccessibleName(tr("Hazard ratios"));

    auto* covariateBox = new QWidget(this);
    auto* covariateLayout = new QVBoxLayout(covariateBox);
    covariateLayout->setContentsMargins(0, 0, 0, 0);
    auto* covariateLabel = new QLabel(tr("Co&variates:"), covariateBox);
    covariateLabel->setBuddy(covariates_);
    covariateLayout->addWidget(covariateLabel);
    covariateLayout->addWidget(covariates_, 1);
    covariateLayout->addWidget(selectByP_);
    covariateLayout->addWidget(threshold_);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(chart_, 3);
    rightLayout->addWidget(modelSummary_);
    rightLayout->addWidget(table_, 2);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    auto* splitter = splitter_;
    splitter->addWidget(covariateBox);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);


    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notices_);
    layout->addWidget(splitter, 1);

    connect(covariates_, &QListWidget::itemChanged, this, &ResultPanel::settingsChanged);
    connect(selectByP_, &QCheckBox::toggled, this, [this](bool on) {
        threshold_->setEnabled(on);
        emit settingsChanged();
    });
    connect(threshold_, &QDoubleSpinBox::valueChanged, this, &ResultPanel::settingsChanged);
}

ChartView* HazardPanel::chartView() const
{
    return chart_;
}

void HazardPanel::setCohort(const LoadedCohort& loaded)
{
    const QSignalBlocker blocker(covariates_);
    covariates_->clear();
    for (const std::string& name : loaded.roles.covariates) {
        const QString label = QString::fromStdString(name);
        if (label == loaded.responseColumn)
            continue;
        const CohortColumn* column = loaded.cohort.findColumn(name);
        // A text column with one level or with a level per patient cannot enter a Cox model.
        if (!column || (!column->numeric && (column->levels.size() < 2 || column->levels.size() > 12)))
            continue;
        auto* item = new QListWidgetItem(label, covariates_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    // The list as wide as its longest name (with the check box); the forest plot takes the rest.
    const int listWidth = covariates_->sizeHintForColumn(0) + 2 * covariates_->frameWidth()
                        + covariates_->verticalScrollBar()->sizeHint().width() + 8;
    splitter_->setSizes({listWidth, std::max(width() - listWidth, listWidth * 3)});
    setEnabled(loaded.cohort.hasSurvival);
}

void HazardPanel::contribute(AnalysisRequest& request) const
{
    request.spec.covariates.clear();
    for (int i = 0; i < covariates_->count(); ++i) {
        const QListWidgetItem* item = covariates_->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        CovariateSpec covariate;
        covariate.column = item->text().toStdString();
        request.spec.covariates.push_back(covariate);
    }
    if (selectByP_->isChecked())
        request.selectionThreshold = threshold_->value();
}

void HazardPanel::showNoResult(const QString& reason)
{
    chart_->showEmpty(reason);
    table_->reset({});
    modelSummary_->clear();
    notices_->setNotices({});
}

void HazardPanel::showOutcome(const AnalysisOutcome& outcome, const LoadedCohort& cohort)
{
    if (!outcome.result) {
        showNoResult(outcome.error);
        return;
    }
    const AnalysisResult& result = *outcome.result;
    if (!cohort.cohort.hasSurvival) {
        showNoResult(tr("This cohort has no survival columns (time and event)."));
        return;
    }
    notices_->setNotices(messagesFor(result, {"cox_univariate", "cox_multivariate"}));
    const QString marker = QString::fromStdString(outcome.request.spec.grouping.marker);
    const int groupCount = result.grouping.groupCount;

    std::vector<ForestRow> rows;
    table_->reset({tr("Model"), tr("Term"), tr("HR (95% CI)"), tr("p"), tr("Note")},
                  {QString(), QString(), tr("Hazard ratio with its Wald 95% confidence interval."),
                   tr("Wald test of the coefficient; < 0.001 for very small values."), QString()});
    int tableRow = 0;
    const auto addModel = [&](const QString& model, const CoxModel& cox, bool groupTerms) {
        const QString note = statusNote(cox.fit);
        if (!note.isEmpty()) {
            ForestRow row;
            row.label = model;
            row.note = note;
            rows.push_back(row);
            table_->setCell(tableRow, 0, model);
            table_->setCell(tableRow, 3, QStringLiteral("–"));
            table_->setCell(tableRow, 4, note);
            ++tableRow;
            return;
        }
        for (std::size_t t = 0; t < cox.fit.terms.size(); ++t) {
            const CoxTerm& term = cox.fit.terms[t];
            const QString label = termLabel(term.name, marker);
            const QString termNoteText = termNote(term);
            ForestRow row;
            row.label = label;
            row.note = termNoteText;
            if (termNoteText.isEmpty()) {
                row.estimate = term.hr;
                row.lower = term.hrLower;
                row.upper = term.hrUpper;
                row.valueText = format::estimateWithInterval(term.hr, term.hrLower, term.hrUpper, 3);
            }
            const bool groupTerm = term.name == "high" || term.name.rfind("score_", 0) == 0;
            if (groupTerms && groupTerm && groupCount >= 2)
                row.colour = chartstyle::groupColour(static_cast<int>(t) + 1, groupCount);
            rows.push_back(row);
            table_->setCell(tableRow, 0, model);
            table_->setCell(tableRow, 1, label);
            if (termNoteText.isEmpty()) {
                table_->setCell(tableRow, 2, format::estimateWithInterval(term.hr, term.hrLower, term.hrUpper, 3),
                                format::fullInterval(term.hr, term.hrLower, term.hrUpper));
                table_->setCell(tableRow, 3, format::pValue(term.p), format::fullPrecision(term.p));
            } else {
                table_->setCell(tableRow, 2, QStringLiteral("–"));
                table_->setCell(tableRow, 3, QStringLiteral("–"));
            }
            table_->setCell(tableRow, 4, termNoteText);
            ++tableRow;
        }
    };

    const auto heading = [](const QString& label) {
        ForestRow row;
        row.label = label;
        row.heading = true;
        return row;
    };
    rows.push_back(heading(tr("Univariate")));
    if (result.coxUnivariate)
        addModel(tr("univariate"), *result.coxUnivariate, true);
    for (const CoxModel& model : outcome.candidateModels)
        addModel(tr("univariate"), model, false);

    QString summary;
    if (result.coxMultivariate) {
        const CoxFit& fit = result.coxMultivariate->fit;
        rows.push_back(heading(tr("Multivariable (n = %1, %2 events)").arg(fit.n).arg(fit.events)));
        addModel(tr("multivariable"), *result.coxMultivariate, true);
        summary = tr("Multivariable model: the groups with %1. %2 patients, %3 events; likelihood-ratio p %4.")
                      .arg(outcome.selectedCovariates.empty()
                               ? tr("no covariate")
                               : QString::fromStdString([&] {
                                     std::string joined;
                                     for (const auto& name : outcome.selectedCovariates)
                                         joined += (joined.empty() ? "" : ", ") + name;
                                     return joined;
                                 }()))
                      .arg(fit.n)
                      .arg(fit.events)
                      .arg(format::pValue(fit.lrTest.p));
    } else if (outcome.request.selectionThreshold && !outcome.request.spec.covariates.empty()) {
        summary = tr("No covariate has a univariate p below %1, so there is no multivariable model.")
                      .arg(format::number(*outcome.request.selectionThreshold, 3));
    } else {
        summary = tr("Check covariates on the left for a multivariable model.");
    }
    modelSummary_->setText(summary);
    chart_->setRows(rows);
}

QString HazardPanel::tableText() const
{
    return modelSummary_->text() + QLatin1Char('\n') + table_->copyText(false);
}

} // namespace cutofflab::ui
