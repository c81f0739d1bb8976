#include "panels/responsepanel.h"

#include "charts/chartstyle.h"
#include "charts/responsechartview.h"
#include "controls/resulttable.h"
#include "format.h"
#include "io/cohortsource.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace cutofflab::ui {

ResponsePanel::ResponsePanel(QWidget* parent)
    : ResultPanel(parent)
{
    notices_ = new NoticeLabel(this);
    chart_ = new ResponseChartView(this);
    table_ = new ResultTable(this);
    table_->setAccessibleName(tr("Response table"));
    tests_ = new QLabel(this);
    tests_->setWordWrap(true);
    tests_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tests_->setToolTip(tr("Chi-square and Fisher's exact test of independence of group and response; "
                          "the odds ratio is the conditional maximum likelihood estimate of fisher.test()."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notices_);
    layout->addWidget(chart_, 1);
    layout->addWidget(table_);
    layout->addWidget(tests_);
}

ChartView* ResponsePanel::chartView() const
{
    return chart_;
}

void ResponsePanel::setCohort(const LoadedCohort&)
{
}

void ResponsePanel::contribute(AnalysisRequest&) const
{
    // The outcome column is set by the ROC panel, which owns the outcome choice.
}

void ResponsePanel::showNoResult(const QString& reason)
{
    chart_->showEmpty(reason);
    table_->reset({});
    tests_->clear();
    notices_->setNotices({});
}

void ResponsePanel::showOutcome(const AnalysisOutcome& outcome, const LoadedCohort&)
{
    if (!outcome.result) {
        showNoResult(outcome.error);
        return;
    }
    const AnalysisResult& result = *outcome.result;
    const QStringList notices = messagesFor(result, {"groups", "response"});
    if (!result.response) {
        showNoResult(outcome.request.spec.outcomeColumn.empty()
                         ? tr("No yes/no outcome column was chosen when the file was opened.")
                         : tr("No response table for this grouping."));
        notices_->setNotices(notices);
        return;
    }
    notices_->setNotices(notices);
    const ResponseAnalysis& response = *result.response;
    const ResponseTableAnalysis& analysis = response.table;
    const int groupCount = result.grouping.groupCount;
    const AnalysisSpec& spec = outcome.request.spec;

    const auto groupIndex = [&](const std::string& name) {
        const auto it = std::find(result.grouping.names.begin(), result.grouping.names.end(), name);
        return static_cast<int>(it - result.grouping.names.begin());
    };
    const QString positive = QString::fromStdString(response.outcome.positiveLabel);
    const QString negative = QString::fromStdString(response.outcome.negativeLabel);

    // Bars in group order (low to high, or score 0 to 2), whatever the table's row order.
    std::vector<ResponseBar> bars(static_cast<std::size_t>(groupCount));
    table_->reset({tr("Group"), positive.isEmpty() ? tr("Positive") : positive,
                   negative.isEmpty() ? tr("Negative") : negative, tr("Total"), tr("Rate (95% CI)")},
                  {QString(), QString(), QString(), QString(), tr("Share positive with the exact Clopper–Pearson 95% CI.")});
    for (std::size_t row = 0; row < response.rowGroups.size(); ++row) {
        const int g = groupIndex(response.rowGroups[row]);
        const std::int64_t yes = analysis.table.at(row, 0);
        const std::int64_t no = analysis.table.at(row, 1);
        const ProportionEstimate& rate = analysis.positiveRate[row];
        const QString name = groupDisplayName(result, spec, g);
        if (g >= 0 && g < groupCount) {
            bars[static_cast<std::size_t>(g)] = {name, chartstyle::groupColour(g, groupCount), rate.estimate,
                                                 rate.lower, rate.upper, static_cast<long long>(yes),
                                                 static_cast<long long>(yes + no)};
        }
        const int r = static_cast<int>(row);
        table_->setCell(r, 0, name);
        table_->setCell(r, 1, QString::number(yes));
        table_->setCell(r, 2, QString::number(no));
        table_->setCell(r, 3, QString::number(yes + no));
        table_->setCell(r, 4,
                        rate.estimate ? tr("%1 (%2–%3)").arg(format::percent(*rate.estimate), format::percent(*rate.lower),
                                                             format::percent(*rate.upper))
                                      : QStringLiteral("–"),
                        format::fullInterval(rate.estimate, rate.lower, rate.upper));
    }
    table_->fitHeightToRows();
    const QString outcomeName = response.outcome.kind == "column"
                                    ? QStringLiteral("%1 = %2").arg(QString::fromStdString(spec.outcomeColumn), positive)
                                    : QString::fromStdString(response.outcome.description);
    chart_->setBars(bars, tr("Share with %1 (95% CI)").arg(outcomeName));

    QStringList tests;
    const ChiSquareTest& chi = analysis.chiSquare;
    if (chi.status == ChiSquareStatus::Ok && chi.statistic && chi.p)
        tests << tr("Chi-square %1 (%2 df), p %3").arg(format::number(*chi.statistic, 3)).arg(chi.df).arg(format::pValue(*chi.p));
    else
        tests << tr("Chi-square not defined: a row or column of the table is empty");
    if (analysis.chiSquareYates && analysis.chiSquareYates->p)
        tests << tr("with Yates' correction p %1").arg(format::pValue(*analysis.chiSquareYates->p));
    if (analysis.fisher.status == FisherStatus::Ok && analysis.fisher.p)
        tests << tr("Fisher's exact p %1").arg(format::pValue(*analysis.fisher.p));
    else if (analysis.fisher.status == FisherStatus::TooManyTables)
        tests << tr("Fisher's exact test not computed: the table is too large to enumerate");
    if (analysis.fisher.oddsRatio) {
        const ConditionalOddsRatio& ratio = *analysis.fisher.oddsRatio;
        if (ratio.estimable)
            tests << tr("odds ratio %1 (95% CI %2–%3), first row vs second")
                         .arg(format::number(ratio.estimate, 3), format::number(ratio.lower, 3), format::number(ratio.upper, 3));
        else
            tests << tr("odds ratio not estimable: a row or column total is 0");
    }
    tests_->setText(tests.join(QStringLiteral("; ")) + QLatin1Char('.'));
}

QString ResponsePanel::tableText() const
{
    return tests_->text() + QLatin1Char('\n') + table_->copyText(false);
}

} // namespace cutofflab::ui
