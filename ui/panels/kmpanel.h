#pragma once

#include "panels/resultpanel.h"

class QCheckBox;
class QLabel;
class QLineEdit;

namespace cutofflab::ui {

class KmChartView;
class NoticeLabel;
class ResultTable;

/// Kaplan-Meier curves of the groups with the numbers at risk, medians, survival at
/// chosen times, the log-rank test (and the trend test for the 0/1/2 score) and the
/// hazard ratio of the groups.
class KmPanel : public ResultPanel {
    Q_OBJECT
public:
    explicit KmPanel(QWidget* parent = nullptr);

    void setCohort(const LoadedCohort& cohort) override;
    void contribute(AnalysisRequest& request) const override;
    void showOutcome(const AnalysisOutcome& outcome, const LoadedCohort& cohort) override;
    void showNoResult(const QString& reason) override;
    ChartView* chartView() const override;
    QString tableText() const override;

    KmChartView* kmChart() const { return chart_; }
    ResultTable* table() const { return table_; }
    QLabel* testsLabel() const { return tests_; }
    NoticeLabel* notices() const { return notices_; }
    QLineEdit* timesEdit() const { return timesEdit_; }

    /// The times in the times field, ascending, or empty when the text is not valid.
    std::vector<double> reportTimes() const;

private:
    void fillTable(const AnalysisResult& result, const AnalysisRequest& request);
    QString annotation(const AnalysisResult& result, const AnalysisSpec& spec) const;
    QString testsText(const AnalysisResult& result, const AnalysisSpec& spec) const;

    NoticeLabel* notices_;
    QLineEdit* timesEdit_;
    QCheckBox* bands_;
    QCheckBox* censorMarks_;
    QCheckBox* riskRows_;
    KmChartView* chart_;
    ResultTable* table_;
    QLabel* tests_;
    double maxTime_ = 1.0;
    QString timeTitle_;
};

/// The survival reporting times that suit the unit of the time column: 6 and 12 for
/// months, 180 and 365 for days, 0.5 and 1 for years, 26 and 52 for weeks. The unit is
/// read from the column name, or guessed from the longest follow-up when the name does
/// not tell (beyond 240 the times are taken as days).
std::vector<double> defaultReportTimes(const QString& timeColumn, double maxTime);

/// Text for a median or quantile: "13.8 (9.1–20.4)", with "NR" for "not reached".
QString medianText(const SurvivalQuantile& quantile);

} // namespace cutofflab::ui
