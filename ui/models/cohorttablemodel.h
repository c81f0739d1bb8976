#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace cutofflab::ui {

struct LoadedCohort;

/// The analysed patients as a table: their group under the current cut-off, their row
/// in the file, then every column of the file as written. Sorting uses kSortRole, which
/// gives numbers for numeric cells so that they sort by value.
class CohortTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kSortRole = Qt::UserRole + 1;
    enum FixedColumn { GroupColumn, RowColumn, FixedColumnCount };

    explicit CohortTableModel(QObject* parent = nullptr);

    void setCohort(std::shared_ptr<const LoadedCohort> cohort);
    /// The group of each cohort row (kNoGroup for none) and the groups' names.
    void setGroups(std::vector<int> groups, QStringList names);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const LoadedCohort> cohort_;
    std::vector<int> groups_;
    QStringList groupNames_;
};

} // namespace cutofflab::ui
