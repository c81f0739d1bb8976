#pragma once

#include "controller/analysisjob.h"
#include "controller/inferencejob.h"

#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cutofflab::ui {

class HeatMapView;

/// How many markers, endpoints and distinct cut-offs the user has looked at in the
/// session: a cut-off picked after looking at many is derived from the data.
struct SessionTrials {
    std::size_t markers = 0;
    std::size_t endpoints = 0;
    std::size_t cutoffs = 0;
};

/// The "Honest inference" tab. It shows the naive log-rank p-value at the current cut-off
/// beside the p-values corrected for the search over cut-offs (Lau92, Lau94, HL, condMC),
/// the optimal cut-offs with their ties, and how many markers, endpoints and cut-offs were
/// tried. The resampling runs (bootstrap interval and optimism, split-sample and
/// cross-validation, two-cut-off heat map) run on a worker with progress and Cancel.
class InferencePanel : public QWidget {
    Q_OBJECT
public:
    explicit InferencePanel(QWidget* parent = nullptr);
    ~InferencePanel() override;

    /// Shows the landscape of the current marker; results of another marker are cleared.
    void setMarkerScan(std::shared_ptr<const MarkerScan> scan);
    /// Shows the naive p-value and the Youden cut-off of the analysis at the current cut-off.
    void setOutcome(std::shared_ptr<const AnalysisOutcome> outcome);
    void setTrials(const SessionTrials& trials);

    /// Starts the resampling runs with the settings shown.
    void run();
    void cancel();
    /// Cancels a run and waits for the worker (when the window closes).
    void shutdown();

    InferenceSettings settings() const;
    InferenceRunner* runner() const { return runner_; }
    std::shared_ptr<const InferenceOutcome> lastRun() const { return lastRun_; }

    QSpinBox* permutationsBox() const { return permutations_; }
    QSpinBox* seedBox() const { return seed_; }
    QSpinBox* bootstrapBox() const { return bootstrap_; }
    QPushButton* runButton() const { return runButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }
    QProgressBar* progressBar() const { return progress_; }
    QTableWidget* pValueTable() const { return pValues_; }
    QTableWidget* optimaTable() const { return optima_; }
    QLabel* triedLabel() const { return tried_; }
    QLabel* bootstrapLabel() const { return bootstrapText_; }
    QLabel* validationLabel() const { return validationText_; }
    HeatMapView* heatMap() const { return heatMap_; }

    /// Rows of the p-value table.
    enum PValueRow { NaiveRow, Lausen92Row, Lausen94Row, HothornLausenRow, ConditionalMonteCarloRow, PValueRowCount };

signals:
    /// The bootstrap interval of the optimal cut-off, for the band on the slider.
    void bootstrapIntervalChanged(std::optional<std::pair<double, double>> interval);
    void runFinished();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showPValues();
    void showOptima();
    void showRun();
    void setPValueRow(int row, const QString& method, const QString& value, const QString& status,
                      const QString& tooltip);

    InferenceRunner* runner_;
    std::shared_ptr<const MarkerScan> scan_;
    std::shared_ptr<const AnalysisOutcome> outcome_;
    std::shared_ptr<const InferenceOutcome> lastRun_;

    QTableWidget* pValues_;
    QTableWidget* optima_;
    QLabel* tried_;
    QSpinBox* permutations_;
    QSpinBox* seed_;
    QSpinBox* bootstrap_;
    QSpinBox* folds_;
    QPushButton* runButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QLabel* progressText_;
    QLabel* bootstrapText_;
    QLabel* validationText_;
    HeatMapView* heatMap_;
};

/// The status of a corrected p-value in words ("computed", "bound above 1, shown as 1", ...).
QString pValueStatusText(const CorrectedPValue& p, std::size_t permutations = 0);

} // namespace cutofflab::ui
