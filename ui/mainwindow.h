#pragma once

#include "controller/analysisjob.h"

#include <QMainWindow>
#include <QPointer>
#include <QThreadPool>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>

class QAction;
class QLabel;
class QMenu;
class QMessageBox;
class QProgressBar;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace cutofflab::ui {

class AnalysisController;
class CohortTableModel;
class ColumnDialog;
class CutoffControl;
class HazardPanel;
class InferencePanel;
class KmPanel;
class ResponsePanel;
class ResultPanel;
class RocPanel;
struct LoadedCohort;
struct RoleGuess;
struct SourceTable;
struct MarkerScan;

/// The explorer window: the cut-off control and a summary on the left, the panels
/// (Kaplan-Meier, ROC, hazard ratios, response) and the cohort table on the right.
/// Every change of the cut-off or of a panel's settings becomes a request to the
/// AnalysisController; the window only draws what comes back.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Opens the bundled simulated example cohort unless openExample is false.
    explicit MainWindow(bool openExample = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Reads a CSV or TSV file on a worker thread (a busy bar shows in the status bar) and
    /// then shows the column dialog for it. A file that cannot be read gives a message box
    /// with the reason. fileRead() reports the end of the reading either way.
    void openFile(const QString& path);
    /// True while a file is being read.
    bool isReadingFile() const { return readsRunning_ > 0; }
    void openExample();
    /// Shows a cohort whose roles are settled (from the column dialog or the example).
    void setLoadedCohort(LoadedCohort cohort);

    /// Shows the grouping in the cut-off control and requests its analysis.
    void setGrouping(const GroupingSpec& grouping);
    /// Switches between the single cut-off and the 0/1/2 score of two markers.
    void setScoreGrouping(bool score);

    /// The request the current settings describe.
    AnalysisRequest currentRequest() const;

    CutoffControl* cutoffControl() const { return control_; }
    AnalysisController* controller() const { return controller_; }
    KmPanel* kmPanel() const { return kmPanel_; }
    RocPanel* rocPanel() const { return rocPanel_; }
    HazardPanel* hazardPanel() const { return hazardPanel_; }
    ResponsePanel* responsePanel() const { return responsePanel_; }
    InferencePanel* inferencePanel() const { return inferencePanel_; }
    QTabWidget* panelTabs() const { return tabs_; }
    QTableView* cohortView() const { return cohortView_; }
    QLabel* summaryLabel() const { return summary_; }
    std::shared_ptr<const LoadedCohort> cohort() const { return cohort_; }
    std::shared_ptr<const AnalysisOutcome> lastOutcome() const { return lastOutcome_; }
    /// The column dialog waiting for the user, if any.
    ColumnDialog* columnDialog() const;
    /// The last message box shown about a file, if it is still open.
    QMessageBox* messageBox() const;

    /// Writes the cohort with its group column; returns an empty string or the reason.
    QString saveCohortCsv(const QString& path);

signals:
    /// Every panel shows the outcome (emitted after they were updated).
    void outcomeShown();
    /// A cohort was loaded and its first analysis requested.
    void cohortLoaded();
    /// The file openFile() read is open in the column dialog (ok), or was rejected.
    void fileRead(bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createLayout();
    void requestAnalysis();
    void showOutcome(std::shared_ptr<const AnalysisOutcome> outcome);
    void showMarkerScan(std::shared_ptr<const MarkerScan> scan);
    void updateMaxStatMark();
    void updateSummary();
    void recordTrial(const AnalysisRequest& request);
    void showFileError(const QString& path, const QString& message, const QString& location);
    void showColumnDialog(std::shared_ptr<const SourceTable> source, RoleGuess guess);
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void chooseFile();
    void chooseCsvTarget();
    void exportCurrentChart();
    void copyCurrentChart();
    void copyCurrentTable();
    void showAbout();
    ResultPanel* currentPanel() const;

    AnalysisController* controller_;
    std::shared_ptr<const LoadedCohort> cohort_;
    std::shared_ptr<const AnalysisOutcome> lastOutcome_;
    std::shared_ptr<const MarkerScan> lastScan_;

    CutoffControl* control_;
    QLabel* simulatedBanner_;
    QLabel* summary_;
    QTabWidget* tabs_;
    InferencePanel* inferencePanel_;
    /// What the user has looked at in this session, for the "What was tried" count.
    std::set<std::string> triedMarkers_;
    std::set<std::string> triedEndpoints_;
    std::set<std::pair<std::string, double>> triedCutoffs_;
    KmPanel* kmPanel_;
    RocPanel* rocPanel_;
    HazardPanel* hazardPanel_;
    ResponsePanel* responsePanel_;
    std::vector<ResultPanel*> panels_;
    CohortTableModel* cohortModel_;
    QSortFilterProxyModel* cohortProxy_;
    QTableView* cohortView_;
    QLabel* statusText_;
    QProgressBar* busyBar_;
    /// Reads files; its own pool so that the destructor can wait for it.
    QThreadPool ioPool_;
    std::uint64_t readGeneration_ = 0;
    int readsRunning_ = 0;

    QMenu* recentMenu_ = nullptr;
    QAction* saveCsvAction_ = nullptr;
    QAction* exportChartAction_ = nullptr;
    QAction* copyChartAction_ = nullptr;
    QAction* copyTableAction_ = nullptr;
    QPointer<ColumnDialog> columnDialog_;
    QPointer<QMessageBox> messageBox_;
};

} // namespace cutofflab::ui
