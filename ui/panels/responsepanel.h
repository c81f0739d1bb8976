#pragma once

#include "panels/resultpanel.h"

class QLabel;

namespace cutofflab::ui {

class NoticeLabel;
class ResponseChartView;
class ResultTable;

/// The response rate of each group with its exact interval, the groups x (responder,
/// non-responder) table, and the chi-square and Fisher tests of the table.
class ResponsePanel : public ResultPanel {
    Q_OBJECT
public:
    explicit ResponsePanel(QWidget* parent = nullptr);

    void setCohort(const LoadedCohort& cohort) override;
    void contribute(AnalysisRequest& request) const override;
    void showOutcome(const AnalysisOutcome& outcome, const LoadedCohort& cohort) override;
    void showNoResult(const QString& reason) override;
    ChartView* chartView() const override;
    QString tableText() const override;

    ResponseChartView* responseChart() const { return chart_; }
    ResultTable* table() const { return table_; }
    QLabel* testsLabel() const { return tests_; }
    NoticeLabel* notices() const { return notices_; }

private:
    NoticeLabel* notices_;
    ResponseChartView* chart_;
    ResultTable* table_;
    QLabel* tests_;
};

} // namespace cutofflab::ui
