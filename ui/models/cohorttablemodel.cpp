#include "models/cohorttablemodel.h"

#include "io/cohortsource.h"
#include "survival/survdata.h"

namespace cutofflab::ui {

CohortTableModel::CohortTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CohortTableModel::setCohort(std::shared_ptr<const LoadedCohort> cohort)
{
    beginResetModel();
    cohort_ = std::move(cohort);
    groups_.clear();
    groupNames_.clear();
    endResetModel();
}

void CohortTableModel::setGroups(std::vector<int> groups, QStringList names)
{
    groups_ = std::move(groups);
    groupNames_ = std::move(names);
    if (rowCount() > 0)
        emit dataChanged(index(0, GroupColumn), index(rowCount() - 1, GroupColumn));
}

int CohortTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !cohort_ ? 0 : static_cast<int>(cohort_->cohort.size());
}

int CohortTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !cohort_ ? 0 : FixedColumnCount + static_cast<int>(cohort_->source.table.columnCount());
}

QVariant CohortTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !cohort_ || (role != Qt::DisplayRole && role != kSortRole && role != Qt::TextAlignmentRole))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const Cohort& cohort = cohort_->cohort;

    if (index.column() == GroupColumn) {
        const int group = row < groups_.size() ? groups_[row] : kNoGroup;
        if (role == kSortRole)
            return group;
        if (role == Qt::TextAlignmentRole)
            return {};
        return group >= 0 && group < groupNames_.size() ? groupNames_[group] : tr("none");
    }
    if (index.column() == RowColumn) {
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return static_cast<qulonglong>(cohort.sourceRow[row]);
    }

    const auto column = static_cast<std::size_t>(index.column() - FixedColumnCount);
    const std::string& text = cohort_->source.table.cell(cohort.sourceRow[row] - 1, column);
    const io::NumericCell cell = io::parseNumericCell(text, cohort_->source.table.decimalMark);
    const bool isNumber = cell.kind == io::NumericCell::Kind::Number;
    if (role == Qt::TextAlignmentRole)
        return isNumber ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == kSortRole && isNumber)
        return cell.value;
    if (role == kSortRole && cell.kind == io::NumericCell::Kind::Missing)
        return {};   // an invalid value: QSortFilterProxyModel sorts it last
    return QString::fromStdString(text);
}

QVariant CohortTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section == GroupColumn)
        return role == Qt::DisplayRole ? tr("Group") : tr("The patient's group under the current cut-off.");
    if (section == RowColumn)
        return role == Qt::DisplayRole ? tr("Row") : tr("The patient's data row in the file (the header is row 0).");
    if (!cohort_)
        return {};
    const auto column = static_cast<std::size_t>(section - FixedColumnCount);
    if (column >= cohort_->source.table.columnCount())
        return {};
    return QString::fromStdString(cohort_->source.table.columns[column]);
}

} // namespace cutofflab::ui
