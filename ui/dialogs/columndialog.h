#pragma once

#include "io/cohortsource.h"
#include "io/roleguess.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace cutofflab::ui {

/// Shows a table's first rows and the roles guessed for its columns (time, event and
/// its code, markers, response, covariates) for the user to confirm. Every change
/// rebuilds the cohort and lists the rows it leaves out with their reason. An error (a
/// negative time, a text in a marker column) is shown with its row, column and value,
/// and OK stays disabled until the cohort builds and has a marker.
class ColumnDialog : public QDialog {
    Q_OBJECT
public:
    explicit ColumnDialog(SourceTable source, QWidget* parent = nullptr);

    /// The cohort as last built; valid when the dialog was accepted.
    const LoadedCohort& result() const { return result_; }

    /// The role chosen for a column (by name), for tests and for the window.
    ColumnRole role(const QString& column) const;
    void setRole(const QString& column, ColumnRole role);

    /// The text shown for the event coding ("2 = event, as R reads 1/2 ...") or the error.
    QString eventCodingText() const;
    /// The error shown when the cohort cannot be built, empty when it builds.
    QString errorText() const;
    int excludedRowCount() const;

    /// Rebuilds the cohort now instead of after the short delay that coalesces edits.
    void rebuildNow();

private:
    void fillRoleTable();
    void fillPreview();
    void fillEventCodes();
    void scheduleRebuild();
    void rebuild();
    std::vector<ColumnRole> currentRoles() const;
    std::optional<std::string> currentEventValue() const;

    SourceTable source_;
    RoleGuess guess_;
    LoadedCohort result_;
    bool valid_ = false;

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
    QDialogButtonBox* buttons_;
    QTimer* rebuildTimer_;
};

/// The display name of a role ("Time", "Event", ...).
QString roleName(ColumnRole role);

} // namespace cutofflab::ui
