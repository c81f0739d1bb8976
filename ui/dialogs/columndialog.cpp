#include "dialogs/columndialog.h"

#include "common/error.h"
#include "io/errortext.h"
#include "logging.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace cutofflab::ui {

namespace {

constexpr int kPreviewRows = 50;
constexpr int kExcludedRowsShown = 5000;

// Columns of the role table.
enum RoleTableColumn { NameColumn, RoleColumn, TypeColumn, MissingColumn, ValuesColumn, RoleTableColumnCount };

const ColumnRole kRoles[] = {ColumnRole::Ignore, ColumnRole::Id, ColumnRole::Time, ColumnRole::Event,
                             ColumnRole::Marker, ColumnRole::Response, ColumnRole::Covariate};

} // namespace

QString roleName(ColumnRole role)
{
    switch (role) {
    case ColumnRole::Ignore: return ColumnDialog::tr("Not used");
    case ColumnRole::Id: return ColumnDialog::tr("Patient id");
    case ColumnRole::Time: return ColumnDialog::tr("Follow-up time");
    case ColumnRole::Event: return ColumnDialog::tr("Event status");
    case ColumnRole::Marker: return ColumnDialog::tr("Marker");
    case ColumnRole::Response: return ColumnDialog::tr("Response (yes/no)");
    case ColumnRole::Covariate: return ColumnDialog::tr("Covariate");
    }
    return {};
}

ColumnDialog::ColumnDialog(SourceTable source, QWidget* parent)
    : QDialog(parent), source_(std::move(source))
{
    setWindowTitle(tr("Columns of %1").arg(source_.displayName));
    guess_ = guessColumnRoles(source_.table);

    auto* intro = new QLabel(tr("%1: %2 rows, %3 columns. Check the role of each column; the guesses are explained beside the table.")
                                 .arg(source_.displayName)
                                 .arg(source_.table.rowCount())
                                 .arg(source_.table.columnCount()),
                             this);
    intro->setWordWrap(true);

    roleTable_ = new QTableWidget(this);
    roleTable_->setColumnCount(RoleTableColumnCount);
    roleTable_->setHorizontalHeaderLabels({tr("Column"), tr("Role"), tr("Type"), tr("Missing"), tr("Values")});
    roleTable_->verticalHeader()->hide();
    roleTable_->horizontalHeader()->setSectionResizeMode(ValuesColumn, QHeaderView::Stretch);
    roleTable_->setSelectionMode(QAbstractItemView::NoSelection);
    roleTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    roleTable_->setAccessibleName(tr("Column roles"));
    roleTable_->setWordWrap(false);

    guessLabel_ = new QLabel(guess_.reasons.join(QLatin1Char(' ')), this);
    guessLabel_->setWordWrap(true);

    eventCodeBox_ = new QComboBox(this);
    eventCodeBox_->setToolTip(tr("The value of the event column that means the event (death, progression) happened; every other value means censored."));
    codingLabel_ = new QLabel(this);
    codingLabel_->setWordWrap(true);
    belowLimitBox_ = new QComboBox(this);
    belowLimitBox_->addItem(tr("Half the limit (L/2)"), static_cast<int>(BelowLimitPolicy::HalfLimit));
    belowLimitBox_->addItem(tr("The limit (L)"), static_cast<int>(BelowLimitPolicy::Limit));
    belowLimitBox_->addItem(tr("Leave the value out"), static_cast<int>(BelowLimitPolicy::Exclude));
    belowLimitBox_->setToolTip(tr("What a marker value written as <L (below the assay's detection limit L) becomes."));
    zeroTimeBox_ = new QComboBox(this);
    zeroTimeBox_->addItem(tr("Keep (as R does)"), static_cast<int>(ZeroTimePolicy::Keep));
    zeroTimeBox_->addItem(tr("Leave out (as Stata and GraphPad do)"), static_cast<int>(ZeroTimePolicy::Drop));
    zeroTimeBox_->setToolTip(tr("Patients with follow-up time 0: R counts them at risk at time 0, Stata and GraphPad leave them out."));

    auto* settings = new QGroupBox(tr("Reading"), this);
    auto* form = new QFormLayout(settings);
    form->addRow(tr("&Event code:"), eventCodeBox_);
    form->addRow(QString(), codingLabel_);
    form->addRow(tr("Values below the &detection limit:"), belowLimitBox_);
    form->addRow(tr("Follow-up &time 0:"), zeroTimeBox_);

    preview_ = new QTableWidget(this);
    preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    preview_->setAccessibleName(tr("Preview of the first rows"));
    excluded_ = new QTableWidget(this);
    excluded_->setColumnCount(5);
    excluded_->setHorizontalHeaderLabels({tr("Row"), tr("Patient"), tr("Column"), tr("Value"), tr("Reason")});
    excluded_->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    excluded_->verticalHeader()->hide();
    excluded_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    excluded_->setAccessibleName(tr("Rows left out"));
    tabs_ = new QTabWidget(this);
    tabs_->addTab(preview_, tr("Preview (first %n rows)", nullptr, std::min<int>(kPreviewRows, static_cast<int>(source_.table.rowCount()))));
    tabs_->addTab(excluded_, tr("Rows left out"));

    statusLabel_ = new QLabel(this);
    statusLabel_->setWordWrap(true);
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Analyse"));
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        rebuildNow();
        if (valid_)
            accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(settings);
    sideLayout->addWidget(guessLabel_);
    sideLayout->addStretch(1);
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(roleTable_);
    top->addWidget(side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(tabs_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    layout->addWidget(statusLabel_);
    layout->addWidget(buttons_);

    rebuildTimer_ = new QTimer(this);
    rebuildTimer_->setSingleShot(true);
    rebuildTimer_->setInterval(150);
    connect(rebuildTimer_, &QTimer::timeout, this, &ColumnDialog::rebuild);

    fillRoleTable();
    fillPreview();
    fillEventCodes();
    connect(eventCodeBox_, &QComboBox::currentIndexChanged, this, &ColumnDialog::scheduleRebuild);
    connect(belowLimitBox_, &QComboBox::currentIndexChanged, this, &ColumnDialog::scheduleRebuild);
    connect(zeroTimeBox_, &QComboBox::currentIndexChanged, this, &ColumnDialog::scheduleRebuild);

    // Most of the parent window, so that the roles and the preview need little scrolling.
    const QSize preferred(fontMetrics().averageCharWidth() * 170, fontMetrics().height() * 46);
    const QSize available = parent ? parent->size() * 0.9 : preferred;
    resize(preferred.boundedTo(available.expandedTo(QSize(640, 480))));
    rebuild();
}

void ColumnDialog::fillRoleTable()
{
    const auto& columns = guess_.columns;
    roleTable_->setRowCount(static_cast<int>(columns.size()));
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const int row = static_cast<int>(c);
        const ColumnSummary& column = columns[c];
        roleTable_->setItem(row, NameColumn, new QTableWidgetItem(column.name));

        auto* roleBox = new QComboBox(roleTable_);
        for (ColumnRole role : kRoles)
            roleBox->addItem(roleName(role), static_cast<int>(role));
        roleBox->setCurrentIndex(roleBox->findData(static_cast<int>(guess_.roles[c])));
        roleBox->setAccessibleName(tr("Role of %1").arg(column.name));
        roleTable_->setCellWidget(row, RoleColumn, roleBox);
        connect(roleBox, &QComboBox::currentIndexChanged, this, [this, row](int) {
            const ColumnRole chosen = role(roleTable_->item(row, NameColumn)->text());
            // Time, event, id and response are single columns: choosing one elsewhere
            // clears the earlier choice.
            if (chosen == ColumnRole::Time || chosen == ColumnRole::Event || chosen == ColumnRole::Id
                || chosen == ColumnRole::Response) {
                for (int other = 0; other < roleTable_->rowCount(); ++other) {
                    auto* box = qobject_cast<QComboBox*>(roleTable_->cellWidget(other, RoleColumn));
                    if (other != row && box && static_cast<ColumnRole>(box->currentData().toInt()) == chosen) {
                        const QSignalBlocker blocker(box);
                        box->setCurrentIndex(box->findData(static_cast<int>(ColumnRole::Ignore)));
                    }
                }
            }
            fillEventCodes();
            scheduleRebuild();
        });

        QString type;
        if (column.numeric())
            type = column.belowLimitCount > 0 ? tr("numeric, %n below limit", nullptr, static_cast<int>(column.belowLimitCount))
                                              : tr("numeric");
        else if (column.numberCount == 0 && column.textCount == 0)
            type = tr("empty");
        else
            type = tr("text, %n values", nullptr, static_cast<int>(column.distinctCount));
        roleTable_->setItem(row, TypeColumn, new QTableWidgetItem(type));
        auto* missing = new QTableWidgetItem(QString::number(column.missingCount));
        missing->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        roleTable_->setItem(row, MissingColumn, missing);
        QString values = column.levels.join(QStringLiteral(", "));
        if (column.moreLevels)
            values += QStringLiteral(", …");
        roleTable_->setItem(row, ValuesColumn, new QTableWidgetItem(values));
    }
    roleTable_->resizeColumnsToContents();
    roleTable_->horizontalHeader()->setSectionResizeMode(ValuesColumn, QHeaderView::Stretch);
}

void ColumnDialog::fillPreview()
{
    const io::Table& table = source_.table;
    const int rows = std::min<int>(kPreviewRows, static_cast<int>(table.rowCount()));
    preview_->setColumnCount(static_cast<int>(table.columnCount()));
    preview_->setRowCount(rows);
    QStringList headers;
    for (const auto& name : table.columns)
        headers << QString::fromStdString(name);
    preview_->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < static_cast<int>(table.columnCount()); ++c) {
            preview_->setItem(r, c, new QTableWidgetItem(QString::fromStdString(
                                        table.cell(static_cast<std::size_t>(r), static_cast<std::size_t>(c)))));
        }
    }
    preview_->resizeColumnsToContents();
}

void ColumnDialog::fillEventCodes()
{
    const QString eventColumn = columnWithRole(source_.table, currentRoles(), ColumnRole::Event);
    const QString previous = eventCodeBox_->currentData().toString();
    const QSignalBlocker blocker(eventCodeBox_);
    eventCodeBox_->clear();
    eventCodeBox_->addItem(tr("Detect"), QString());
    const auto it = std::find_if(guess_.columns.begin(), guess_.columns.end(),
                                 [&](const ColumnSummary& column) { return column.name == eventColumn; });
    if (it != guess_.columns.end()) {
        QStringList levels = it->levels;
        std::sort(levels.begin(), levels.end());
        for (const QString& level : levels)
            eventCodeBox_->addItem(tr("%1 = event").arg(level), level);
    }
    const int index = eventCodeBox_->findData(previous);
    eventCodeBox_->setCurrentIndex(index < 0 ? 0 : index);
    eventCodeBox_->setEnabled(!eventColumn.isEmpty());
}

std::vector<ColumnRole> ColumnDialog::currentRoles() const
{
    std::vector<ColumnRole> roles(guess_.roles.size(), ColumnRole::Ignore);
    for (int row = 0; row < roleTable_->rowCount(); ++row) {
        if (const auto* box = qobject_cast<QComboBox*>(roleTable_->cellWidget(row, RoleColumn)))
            roles[static_cast<std::size_t>(row)] = static_cast<ColumnRole>(box->currentData().toInt());
    }
    return roles;
}

std::optional<std::string> ColumnDialog::currentEventValue() const
{
    const QString value = eventCodeBox_->currentData().toString();
    if (value.isEmpty())
        return std::nullopt;
    return value.toStdString();
}

ColumnRole ColumnDialog::role(const QString& column) const
{
    for (int row = 0; row < roleTable_->rowCount(); ++row) {
        if (roleTable_->item(row, NameColumn)->text() == column) {
            const auto* box = qobject_cast<QComboBox*>(roleTable_->cellWidget(row, RoleColumn));
            return static_cast<ColumnRole>(box->currentData().toInt());
        }
    }
    return ColumnRole::Ignore;
}

void ColumnDialog::setRole(const QString& column, ColumnRole role)
{
    for (int row = 0; row < roleTable_->rowCount(); ++row) {
        if (roleTable_->item(row, NameColumn)->text() == column) {
            auto* box = qobject_cast<QComboBox*>(roleTable_->cellWidget(row, RoleColumn));
            box->setCurrentIndex(box->findData(static_cast<int>(role)));
        }
    }
}

QString ColumnDialog::eventCodingText() const
{
    return codingLabel_->text();
}

QString ColumnDialog::errorText() const
{
    return valid_ ? QString() : statusLabel_->text();
}

int ColumnDialog::excludedRowCount() const
{
    return valid_ ? static_cast<int>(result_.cohort.excluded.size()) : 0;
}

void ColumnDialog::scheduleRebuild()
{
    rebuildTimer_->start();
}

void ColumnDialog::rebuildNow()
{
    rebuildTimer_->stop();
    rebuild();
}

void ColumnDialog::rebuild()
{
    const std::vector<ColumnRole> roles = currentRoles();
    ColumnRoles columnRoles = toColumnRoles(source_.table, roles, currentEventValue());
    columnRoles.belowLimit = static_cast<BelowLimitPolicy>(belowLimitBox_->currentData().toInt());
    columnRoles.zeroTimes = static_cast<ZeroTimePolicy>(zeroTimeBox_->currentData().toInt());

    valid_ = false;
    excluded_->setRowCount(0);
    QString coding;
    try {
        if (!columnRoles.event.empty()) {
            const EventCoding eventCoding = detectEventCoding(
                source_.table, source_.table.requireColumn(columnRoles.event), columnRoles.eventValue);
            coding = QString::fromStdString(eventCoding.rule);
        }
    } catch (const InputError& error) {
        coding = QString::fromStdString(error.what());
    }
    codingLabel_->setText(coding);

    try {
        if (columnRoles.markers.empty())
            throw InputError(tr("Choose at least one column as a marker.").toStdString());
        if (columnRoles.time.empty() != columnRoles.event.empty())
            throw InputError(tr("Choose both a follow-up time and an event status column, or neither (for a study without survival).").toStdString());
        Cohort cohort = buildCohort(source_.table, columnRoles);

        result_.source = source_;
        result_.roles = columnRoles;
        result_.responseColumn = columnWithRole(source_.table, roles, ColumnRole::Response);
        result_.cohort = std::move(cohort);
        valid_ = true;
    } catch (const InputError& error) {
        statusLabel_->setText(ui::errorText(error));
        statusLabel_->setStyleSheet(QStringLiteral("color: #c0392b;"));
        qCInfo(lcIo) << "Column roles rejected for" << source_.displayName << ":" << error.what();
    }
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(valid_);
    if (!valid_) {
        tabs_->setTabText(1, tr("Rows left out"));
        return;
    }

    // Rows left out of every analysis, then cells left out of one column's analyses.
    std::vector<ExcludedRow> rows = result_.cohort.excluded;
    for (const CohortColumn& column : result_.cohort.columns)
        rows.insert(rows.end(), column.unusable.begin(), column.unusable.end());
    const int shown = std::min<int>(kExcludedRowsShown, static_cast<int>(rows.size()));
    excluded_->setRowCount(shown);
    for (int r = 0; r < shown; ++r) {
        const ExcludedRow& row = rows[static_cast<std::size_t>(r)];
        auto* number = new QTableWidgetItem;
        number->setData(Qt::DisplayRole, static_cast<qulonglong>(row.row));
        excluded_->setItem(r, 0, number);
        excluded_->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(row.id)));
        excluded_->setItem(r, 2, new QTableWidgetItem(QString::fromStdString(row.column)));
        excluded_->setItem(r, 3, new QTableWidgetItem(QString::fromStdString(row.value)));
        excluded_->setItem(r, 4, new QTableWidgetItem(QString::fromStdString(row.reason)));
    }
    tabs_->setTabText(1, tr("Rows left out (%1)").arg(rows.size()));

    QStringList status;
    status << tr("%1 of %2 rows analysed; %3 left out of every analysis.")
                  .arg(result_.cohort.size())
                  .arg(source_.table.rowCount())
                  .arg(result_.cohort.excluded.size());
    for (const std::string& note : result_.cohort.notes)
        status << QString::fromStdString(note);
    statusLabel_->setText(status.join(QLatin1Char(' ')));
    statusLabel_->setStyleSheet(QString());
}

} // namespace cutofflab::ui
