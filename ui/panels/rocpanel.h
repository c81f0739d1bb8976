#pragma once

#include "panels/resultpanel.h"

class QComboBox;
class QDoubleSpinBox;

namespace cutofflab::ui {

class NoticeLabel;
class ResultTable;
class RocChartView;

/// The ROC curve of the first marker against a binary outcome the user picks: a yes/no
/// column, or death by a time. It shows the AUC, the current cut-off's point, the Youden
/// point, and the sensitivity and specificity at the cut-off.
class RocPanel : public ResultPanel {
    Q_OBJECT
public:
    explicit RocPanel(QWidget* parent = nullptr);

    void setCohort(const LoadedCohort& cohort) override;
    void contribute(AnalysisRequest& request) const override;
    void showOutcome(const AnalysisOutcome& outcome, const LoadedCohort& cohort) override;
    void showNoResult(const QString& reason) override;
    ChartView* chartView() const override;
    QString tableText() const override;

    RocChartView* rocChart() const { return chart_; }
    ResultTable* table() const { return table_; }
    QComboBox* outcomeBox() const { return outcomeBox_; }
    QDoubleSpinBox* timeBox() const { return timeBox_; }
    QComboBox* directionBox() const { return directionBox_; }
    NoticeLabel* notices() const { return notices_; }

    /// The marker value of the first Youden-optimal split (the smallest value in the
    /// positive group), for the mark on the slider; empty without a curve.
    static std::optional<double> youdenCutoff(const AnalysisResult& result);

private:
    NoticeLabel* notices_;
    QComboBox* outcomeBox_;
    QDoubleSpinBox* timeBox_;
    QComboBox* directionBox_;
    RocChartView* chart_;
    ResultTable* table_;
    QString responseColumn_;
};

} // namespace cutofflab::ui
