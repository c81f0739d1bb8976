#pragma once

#include "panels/resultpanel.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QSplitter;

namespace cutofflab::ui {

class ForestChartView;
class NoticeLabel;
class ResultTable;

/// Hazard ratios of the groups and of each covariate alone (univariate Cox models), and
/// of a multivariable model of the groups with the covariates the user picks, or with
/// those whose univariate p is below a threshold. A forest plot and a table.
class HazardPanel : public ResultPanel {
    Q_OBJECT
public:
    explicit HazardPanel(QWidget* parent = nullptr);

    void setCohort(const LoadedCohort& cohort) override;
    void contribute(AnalysisRequest& request) const override;
    void showOutcome(const AnalysisOutcome& outcome, const LoadedCohort& cohort) override;
    void showNoResult(const QString& reason) override;
    ChartView* chartView() const override;
    QString tableText() const override;

    ForestChartView* forestChart() const { return chart_; }
    ResultTable* table() const { return table_; }
    QListWidget* covariateList() const { return covariates_; }
    QCheckBox* selectionBox() const { return selectByP_; }
    NoticeLabel* notices() const { return notices_; }

private:
    NoticeLabel* notices_;
    QListWidget* covariates_;
    QCheckBox* selectByP_;
    QDoubleSpinBox* threshold_;
    QSplitter* splitter_;
    QLabel* modelSummary_;
    ForestChartView* chart_;
    ResultTable* table_;
};

} // namespace cutofflab::ui
