#pragma once

#include "io/cohortsource.h"
#include "io/roleguess.h"

#include <QDialog>
#include <QThreadPool>

#include <memory>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace cutofflab::ui {

/// Shows a table's first rows and the roles guessed for its columns (time, event and
/// its code, markers, response, covariates) for the user to confirm. Every change
/// rebuilds the cohort on a worker thread (a busy bar shows while it runs) and lists the
/// rows left out of the cohort and the cells left out of one column's analyses, each
/// with its reason. An error (a negative time, a text in a marker column) is shown with
/// its row, column and value, and OK stays disabled until the cohort builds and has a
/// marker.
class ColumnDialog : public QDialog {
    Q_OBJECT
public:
    /// guess comes from guessColumnRoles(source->table); without it the dialog computes
    /// it here, on the calling thread.
    explicit ColumnDialog(std::shared_ptr<const SourceTable> source, std::optional<RoleGuess> guess = std::nullopt,
                          QWidget* parent = nullptr);
    ~ColumnDialog() override;

    /// The cohort as last built; valid when the dialog was accepted.
    const LoadedCohort& result() const { return result_; }
    /// Moves the cohort out of the dialog (the table is not copied).
    LoadedCohort takeResult() { return std::move(result_); }

    /// The role chosen for a column (by name), for tests and for the window.
    ColumnRole role(const QString& column) const;
    void setRole(const QString& column, ColumnRole role);

    /// The text shown for the event coding ("2 = event, as R reads 1/2 ...") or the error.
    QString eventCodingText() const;
    /// The error shown when the cohort cannot be built, empty when it builds.
    QString errorText() const;
    /// Rows left out of the cohort (of every analysis).
    int excludedRowCount() const;
    /// Cells left out of the analyses of their own column (a marker or a covariate).
    int leftOutCellCount() const;
    /// The title of the tab that lists what is left out.
    QString leftOutTabText() const;
    /// The sentence under the tables: rows in the cohort and what is left out of what.
    QString statusText() const;

    /// Rebuilds the cohort now instead of after the short delay that coalesces edits,
    /// and returns when the worker has finished (running the event loop meanwhile).
    void rebuildNow();
    /// True while the worker rebuilds the cohort.
    bool isRebuilding() const { return rebuildsRunning_ > 0; }

signals:
    void rebuildFinished();

private:
    struct Rebuilt;
    void fillRoleTable();
    void fillPreview();
    void fillEventCodes();
    void scheduleRebuild();
    void rebuild();
    void showRebuilt(std::shared_ptr<Rebuilt> rebuilt);
    std::vector<ColumnRole> currentRoles() const;
    std::optional<std::string> currentEventValue() const;

    std::shared_ptr<const SourceTable> source_;
    RoleGuess guess_;
    LoadedCohort result_;
    bool valid_ = false;
    int leftOutCells_ = 0;
    std::uint64_t rebuildGeneration_ = 0;
    int rebuildsRunning_ = 0;
    bool acceptWhenBuilt_ = false;
    QThreadPool pool_;

    QTableWidget* roleTable_;
    QTableWidget* preview_;
    QTableWidget* excluded_;
    QTabWidget* tabs_;
    QComboBox* eventCodeBox_;
    QComboBox* belowLimitBox_;
    QComboBox* zeroTimeBox_;
    QLabel* codingLabel_;
    QLabel* statusLabel_;
    QLabel* guessLabel_;
    QProgressBar* busyBar_;
    QDialogButtonBox* buttons_;
    QTimer* rebuildTimer_;
};

/// The display name of a role ("Time", "Event", ...).
QString roleName(ColumnRole role);

} // namespace cutofflab::ui
