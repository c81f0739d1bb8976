#include "panels/kmpanel.h"

#include "charts/chartstyle.h"
#include "charts/kmchartview.h"
#include "controls/resulttable.h"
#include "format.h"
#include "io/cohortsource.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cutofflab::ui {

namespace {

QString termDisplayName(const std::string& term)
{
    if (term == "high")
        return KmPanel::tr("high vs low");
    if (term.rfind("score_", 0) == 0)
        return KmPanel::tr("score %1 vs 0").arg(QString::fromStdString(term.substr(6)));
    return QString::fromStdString(term);
}

QString logRankText(const LogRankResult& test)
{
    switch (test.status) {
    case TestStatus::Ok:
        return KmPanel::tr("Log-rank p %1 (χ² %2, %3 df)")
            .arg(test.p < 0.001 ? QStringLiteral("< 0.001") : QStringLiteral("= ") + format::pValue(test.p),
                 format::number(test.chisq, 3))
            .arg(test.df);
    case TestStatus::FewerThanTwoGroups:
        return KmPanel::tr("Log-rank test not possible: only one group has patients");
    case TestStatus::NoEvents:
        return KmPanel::tr("Log-rank test not possible: no events");
    case TestStatus::FewerThanTwoGroupsAtRisk:
        return KmPanel::tr("Log-rank χ² 0 on 0 df, p = 1: fewer than two groups at risk at any event time");
    case TestStatus::SingularVariance:
        return KmPanel::tr("Log-rank test not possible: the variance is singular");
    }
    return {};
}

QString trendText(const TrendTestResult& test)
{
    if (test.status != TestStatus::Ok)
        return KmPanel::tr("Trend test not possible for these groups");
    return KmPanel::tr("Log-rank trend p %1 (χ² %2, 1 df)")
        .arg(test.p < 0.001 ? QStringLiteral("< 0.001") : QStringLiteral("= ") + format::pValue(test.p),
             format::number(test.statistic, 3));
}

// The hazard ratio lines of a Cox model, in words when a ratio is not estimable.
QStringList hazardRatioLines(const CoxModel& model)
{
    QStringList lines;
    const CoxFit& fit = model.fit;
    if (fit.status == CoxStatus::NoEvents)
        return {KmPanel::tr("HR not estimable: no events")};
    if (fit.status == CoxStatus::TooFewRows)
        return {KmPanel::tr("HR not estimable: fewer than 2 patients")};
    for (const CoxTerm& term : fit.terms) {
        const QString name = termDisplayName(term.name);
        if (term.infinite)
            lines << KmPanel::tr("HR %1 not estimable (%2): its coefficient diverges")
                         .arg(name, term.coef > 0 ? KmPanel::tr("infinite") : KmPanel::tr("zero"));
        else if (term.aliased)
            lines << KmPanel::tr("HR %1 not estimable: the group is empty or collinear").arg(name);
        else
            lines << KmPanel::tr("HR %1 %2 (95% CI %3–%4)")
                         .arg(name, format::number(term.hr, 3), format::number(term.hrLower, 3), format::number(term.hrUpper, 3));
    }
    if (fit.status == CoxStatus::NotConverged)
        lines << KmPanel::tr("(the Cox model did not converge)");
    return lines;
}

} // namespace

std::vector<double> defaultReportTimes(const QString& timeColumn, double maxTime)
{
    const QString name = timeColumn.toLower();
    const auto has = [&](const char* pattern) {
        return QRegularExpression(QString::fromLatin1(pattern)).match(name).hasMatch();
    };
    if (has("month|(^|[_. ])mo($|[_. ])"))
        return {6.0, 12.0};
    if (has("day"))
        return {180.0, 365.0};
    if (has("year|(^|[_. ])yr"))
        return {0.5, 1.0};
    if (has("week|(^|[_. ])wk"))
        return {26.0, 52.0};
    return maxTime > 240 ? std::vector<double>{180.0, 365.0} : std::vector<double>{6.0, 12.0};
}

QString medianText(const SurvivalQuantile& quantile)
{
    const auto text = [](const std::optional<double>& value) {
        return value ? format::number(*value, 3) : KmPanel::tr("NR");
    };
    return QStringLiteral("%1 (%2–%3)").arg(text(quantile.estimate), text(quantile.lower), text(quantile.upper));
}

KmPanel::KmPanel(QWidget* parent)
    : ResultPanel(parent)
{
    notices_ = new NoticeLabel(this);
    timesEdit_ = new QLineEdit(this);
    timesEdit_->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral(R"(\s*(\d+(\.\d*)?(\s*[,;]\s*\d+(\.\d*)?)*)?\s*[,;]?\s*)")), timesEdit_));
    timesEdit_->setToolTip(tr("Survival is reported at these times (in the unit of the time column), separated by commas."));
    timesEdit_->setMaximumWidth(fontMetrics().averageCharWidth() * 18);
    auto* timesLabel = new QLabel(tr("Survival &at:"), this);
    timesLabel->setBuddy(timesEdit_);
    bands_ = new QCheckBox(tr("Confidence &bands"), this);
    bands_->setChecked(true);
    bands_->setToolTip(tr("Pointwise 95% confidence intervals of S(t), log transform (R's default)."));
    censorMarks_ = new QCheckBox(tr("Ce&nsor marks"), this);
    censorMarks_->setChecked(true);
    censorMarks_->setToolTip(tr("A + where a patient's follow-up ends without the event."));
    riskRows_ = new QCheckBox(tr("Numbers at &risk"), this);
    riskRows_->setChecked(true);
    riskRows_->setToolTip(tr("Rows under the time axis: patients at risk, cumulative events and censored at each tick."));

    chart_ = new KmChartView(this);
    table_ = new ResultTable(this);
    table_->setAccessibleName(tr("Kaplan–Meier summary"));
    tests_ = new QLabel(this);
    tests_->setWordWrap(true);
    tests_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tests_->setToolTip(tr("Log-rank: tests equal survival in the groups. HR: Cox model hazard ratio of the groups with its Wald 95% CI."));

    auto* options = new QHBoxLayout;
    options->addWidget(timesLabel);
    options->addWidget(timesEdit_);
    options->addSpacing(12);
    options->addWidget(bands_);
    options->addWidget(censorMarks_);
    options->addWidget(riskRows_);
    options->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notices_);
    layout->addLayout(options);
    layout->addWidget(chart_, 1);
    layout->addWidget(tests_);
    layout->addWidget(table_);

    connect(timesEdit_, &QLineEdit::editingFinished, this, &ResultPanel::settingsChanged);
    connect(bands_, &QCheckBox::toggled, chart_, &KmChartView::setBandsVisible);
    connect(censorMarks_, &QCheckBox::toggled, chart_, &KmChartView::setCensorMarksVisible);
    connect(riskRows_, &QCheckBox::toggled, this, &ResultPanel::settingsChanged);
}

ChartView* KmPanel::chartView() const
{
    return chart_;
}

void KmPanel::setCohort(const LoadedCohort& loaded)
{
    const Cohort& cohort = loaded.cohort;
    maxTime_ = cohort.time.empty() ? 1.0 : *std::max_element(cohort.time.begin(), cohort.time.end());
    if (!(maxTime_ > 0))
        maxTime_ = 1.0;
    timeTitle_ = tr("Time (%1)").arg(QString::fromStdString(cohort.timeColumn));
    QStringList texts;
    for (double time : defaultReportTimes(QString::fromStdString(cohort.timeColumn), maxTime_))
        texts << format::compact(time, 6);
    timesEdit_->setText(texts.join(QStringLiteral(", ")));
    setEnabled(cohort.hasSurvival);
}

std::vector<double> KmPanel::reportTimes() const
{
    std::vector<double> times;
    for (const QString& part : timesEdit_->text().split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = part.trimmed().toDouble(&ok);
        if (ok && value >= 0 && std::isfinite(value))
            times.push_back(value);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

void KmPanel::contribute(AnalysisRequest& request) const
{
    request.reportTimes = reportTimes();
    const chartstyle::Ticks ticks = chartstyle::niceTicks(maxTime_);
    request.axisTicks = riskRows_->isChecked() ? ticks.values : std::vector<double>{};
    request.tickInterval = ticks.interval;
    request.spec.times = request.reportTimes;
    request.spec.times.insert(request.spec.times.end(), request.axisTicks.begin(), request.axisTicks.end());
}

void KmPanel::showNoResult(const QString& reason)
{
    chart_->showEmpty(reason);
    table_->reset({});
    tests_->clear();
    notices_->setNotices({});
}

void KmPanel::showOutcome(const AnalysisOutcome& outcome, const LoadedCohort& cohort)
{
    if (!outcome.result) {
        showNoResult(outcome.error);
        return;
    }
    const AnalysisResult& result = *outcome.result;
    const AnalysisSpec& spec = outcome.request.spec;
    if (!cohort.cohort.hasSurvival || result.km.empty()) {
        showNoResult(tr("This cohort has no survival columns (time and event)."));
        return;
    }
    notices_->setNotices(messagesFor(result, {"groups", "km", "logrank", "cox_univariate"}));

    const int groupCount = result.grouping.groupCount;
    std::vector<KmCurve> curves;
    for (int g = 0; g < groupCount; ++g) {
        const KaplanMeier& km = result.km[static_cast<std::size_t>(g)];
        if (km.n == 0)
            continue;
        curves.push_back({tr("%1 (n = %2)").arg(groupDefinition(result, spec, g)).arg(km.n),
                          chartstyle::groupColour(g, groupCount), &km});
    }
    chartstyle::Ticks ticks;
    ticks.interval = outcome.request.tickInterval;
    ticks.values = outcome.request.axisTicks.empty() ? chartstyle::niceTicks(maxTime_).values : outcome.request.axisTicks;
    if (outcome.request.axisTicks.empty())
        ticks.interval = chartstyle::niceTicks(maxTime_).interval;
    chart_->setCurves(curves, ticks, timeTitle_);

    // Risk table rows from the core's summary at the tick times.
    KmRiskTable table;
    const std::size_t first = outcome.request.reportTimes.size();
    if (!outcome.request.axisTicks.empty()) {
        table.ticks = outcome.request.axisTicks;
        KmRiskTable::Block atRisk{tr("Number at risk"), {}};
        KmRiskTable::Block events{tr("Cumulative events"), {}};
        KmRiskTable::Block censored{tr("Censored"), {}};
        for (int g = 0; g < groupCount; ++g) {
            const KaplanMeier& km = result.km[static_cast<std::size_t>(g)];
            const QString label = groupDisplayName(result, spec, g);
            const QColor colour = chartstyle::groupColour(g, groupCount);
            KmRiskTable::Row riskRow{label, colour, {}};
            KmRiskTable::Row eventRow{label, colour, {}};
            KmRiskTable::Row censorRow{label, colour, {}};
            for (std::size_t k = 0; k < table.ticks.size(); ++k) {
                const std::size_t at = first + k;
                const bool known = at < km.atTimes.size();
                riskRow.values.push_back(known ? km.atTimes[at].nRisk : 0);
                eventRow.values.push_back(known ? km.atTimes[at].eventsUpToTime : 0);
                censorRow.values.push_back(known ? km.atTimes[at].censoredUpToTime : 0);
            }
            atRisk.rows.push_back(riskRow);
            events.rows.push_back(eventRow);
            censored.rows.push_back(censorRow);
        }
        table.blocks = {atRisk, events, censored};
    }
    chart_->setRiskTable(table);
    chart_->setAnnotation(annotation(result, spec));
    tests_->setText(testsText(result, spec));
    fillTable(result, outcome.request);
}

QString KmPanel::annotation(const AnalysisResult& result, const AnalysisSpec& spec) const
{
    QStringList lines;
    const int groupCount = result.grouping.groupCount;
    for (int g = 0; g < groupCount; ++g) {
        const KaplanMeier& km = result.km[static_cast<std::size_t>(g)];
        const QString colour = chartstyle::groupColour(g, groupCount).name();
        const QString name = groupDisplayName(result, spec, g).toHtmlEscaped();
        if (km.n == 0) {
            lines << tr("<span style='color:%1'><b>%2</b></span>: no patients").arg(colour, name);
            continue;
        }
        lines << tr("<span style='color:%1'><b>%2</b></span>: median %3")
                     .arg(colour, name, medianText(km.median).toHtmlEscaped());
    }
    if (result.logRank)
        lines << logRankText(*result.logRank).toHtmlEscaped();
    if (result.trend)
        lines << trendText(*result.trend).toHtmlEscaped();
    if (result.coxUnivariate) {
        for (const QString& line : hazardRatioLines(*result.coxUnivariate))
            lines << line.toHtmlEscaped();
    }
    return lines.join(QStringLiteral("<br>"));
}

QString KmPanel::testsText(const AnalysisResult& result, const AnalysisSpec& spec) const
{
    QStringList parts;
    if (result.logRank)
        parts << logRankText(*result.logRank);
    if (result.trend)
        parts << trendText(*result.trend);
    if (result.coxUnivariate) {
        const CoxFit& fit = result.coxUnivariate->fit;
        QString line = hazardRatioLines(*result.coxUnivariate).join(QStringLiteral("; "));
        if (fit.status == CoxStatus::Converged || fit.status == CoxStatus::Diverged)
            line += tr("; likelihood-ratio p %1").arg(format::pValue(fit.lrTest.p));
        parts << line;
    }
    if (result.coxScoreNumeric && !result.coxScoreNumeric->fit.terms.empty()) {
        const CoxTerm& term = result.coxScoreNumeric->fit.terms.front();
        if (!term.infinite && !term.aliased)
            parts << tr("HR per score point %1 (95% CI %2–%3), p %4")
                         .arg(format::number(term.hr, 3), format::number(term.hrLower, 3),
                              format::number(term.hrUpper, 3), format::pValue(term.p));
    }
    Q_UNUSED(spec);
    return parts.join(QStringLiteral(". ")) + (parts.isEmpty() ? QString() : QStringLiteral("."));
}

void KmPanel::fillTable(const AnalysisResult& result, const AnalysisRequest& request)
{
    const AnalysisSpec& spec = request.spec;
    QStringList headers{tr("Group"), tr("n"), tr("Events"), tr("Median (95% CI)")};
    QStringList tips{QString(), tr("Patients in the group."), tr("Patients whose event was observed."),
                     tr("Time by which half of the group has had the event; NR = not reached.")};
    for (double time : request.reportTimes) {
        headers << tr("S(%1) (95% CI)").arg(format::compact(time, 4));
        tips << tr("Kaplan–Meier survival at time %1 with its 95% confidence interval.").arg(format::compact(time, 4));
    }
    table_->reset(headers, tips);

    const auto addRow = [&](int row, const QString& name, const KaplanMeier& km) {
        table_->setCell(row, 0, name);
        table_->setCell(row, 1, QString::number(km.n));
        table_->setCell(row, 2, QString::number(km.events));
        table_->setCell(row, 3, km.n > 0 ? medianText(km.median) : QStringLiteral("–"),
                        format::fullInterval(km.median.estimate, km.median.lower, km.median.upper));
        for (std::size_t t = 0; t < request.reportTimes.size(); ++t) {
            if (t >= km.atTimes.size()) {
                table_->setCell(row, 4 + static_cast<int>(t), QStringLiteral("–"));
                continue;
            }
            const KmAtTime& at = km.atTimes[t];
            QString shown = format::estimateWithInterval(at.surv, at.lower, at.upper, 3);
            QString tip;
            if (at.beyondLastFollowUp) {
                shown += QStringLiteral(" †");
                tip = tr("Beyond the group's last follow-up: the last value is carried forward, as R does.");
            }
            table_->setCell(row, 4 + static_cast<int>(t), shown,
                            format::fullInterval(at.surv, at.lower, at.upper),
                            tip);
        }
    };
    int row = 0;
    for (int g = 0; g < result.grouping.groupCount; ++g)
        addRow(row++, groupDisplayName(result, spec, g), result.km[static_cast<std::size_t>(g)]);
    if (result.overall)
        addRow(row++, tr("all"), *result.overall);
    table_->fitHeightToRows();
}

QString KmPanel::tableText() const
{
    return tests_->text() + QLatin1Char('\n') + table_->copyText(false);
}

} // namespace cutofflab::ui
