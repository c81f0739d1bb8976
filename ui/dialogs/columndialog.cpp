#include "dialogs/columndialog.h"

#include "common/error.h"
#include "io/errortext.h"
#include "logging.h"

#include <QComboBox>
#include <QEventLoop>
#include <QProgressBar>
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
constexpr std::size_t kExcludedRowsShown = 5000;

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

ColumnDialog::ColumnDialog(std::shared_ptr<const SourceTable> source, std::optional<RoleGuess> guess, QWidget* parent)
    : QDialog(parent), source_(std::move(source))
{
    setWindowTitle(tr("Columns of %1").arg(source_->displayName));
    guess_ = guess ? std::move(*guess) : guessColumnRoles(source_->table);
    pool_.setMaxThreadCount(1);

    auto* intro = new QLabel(tr("%1: %2 rows, %3 columns. Check the role of each column; the guesses are explained beside the table.")
                                 .arg(source_->displayName)
                                 .arg(source_->table.rowCount())
                                 .arg(source_->table.columnCount()),
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
    excluded_->setColumnCount(6);
    excluded_->setHorizontalHeaderLabels({tr("Row"), tr("Patient"), tr("Column"), tr("Value"), tr("Left out of"), tr("Reason")});
    excluded_->horizontalHeaderItem(4)->setToolTip(tr("The whole cohort (every analysis), or only the analyses that use this column."));
    excluded_->horizontalHeader()->setSectionResizeMode(5, QHeaderView::Stretch);
    excluded_->verticalHeader()->hide();
    excluded_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    excluded_->setAccessibleName(tr("Rows and cells left out"));
    tabs_ = new QTabWidget(this);
    tabs_->addTab(preview_, tr("Preview (first %n rows)", nullptr, std::min<int>(kPreviewRows, static_cast<int>(source_->table.rowCount()))));
    tabs_->addTab(excluded_, tr("Left out"));

    busyBar_ = new QProgressBar(this);
    busyBar_->setRange(0, 0);
    busyBar_->setTextVisible(false);
    busyBar_->setMaximumHeight(fontMetrics().height() / 2 + 4);
    busyBar_->setAccessibleName(tr("Building the cohort"));
    busyBar_->setVisible(false);
    statusLabel_ = new QLabel(this);
    statusLabel_->setWordWrap(true);
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Analyse"));
    // OK waits for the rebuild that reflects the last edit, and accepts only a cohort that built.
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (rebuildTimer_->isActive()) {
            rebuildTimer_->stop();
            rebuild();
        }
        if (isRebuilding())
            acceptWhenBuilt_ = true;
        else if (valid_)
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
    layout->addWidget(busyBar_);
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

ColumnDialog::~ColumnDialog()
{
    // The worker reads source_ and posts to this dialog: let it finish first.
    pool_.waitForDone();
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
    const io::Table& table = source_->table;
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
    const QString eventColumn = columnWithRole(source_->table, currentRoles(), ColumnRole::Event);
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

int ColumnDialog::leftOutCellCount() const
{
    return valid_ ? leftOutCells_ : 0;
}

QString ColumnDialog::leftOutTabText() const
{
    return tabs_->tabText(1);
}

QString ColumnDialog::statusText() const
{
    return statusLabel_->text();
}

void ColumnDialog::scheduleRebuild()
{
    rebuildTimer_->start();
}

void ColumnDialog::rebuildNow()
{
    rebuildTimer_->stop();
    rebuild();
    QEventLoop loop;
    connect(this, &ColumnDialog::rebuildFinished, &loop, [&] {
        if (!isRebuilding())
            loop.quit();
    });
    if (isRebuilding())
        loop.exec();
}

// What the worker hands back: the cohort or the error, and the rows of the left-out table.
struct ColumnDialog::Rebuilt {
    std::uint64_t generation = 0;
    QString coding;
    bool valid = false;
    QString error;
    LoadedCohort cohort;
    std::vector<ExcludedRow> leftOut;      // the first kExcludedRowsShown
    std::vector<QString> leftOutScope;     // one per entry of leftOut
    std::size_t leftOutRows = 0;
    std::size_t leftOutCells = 0;
    QString status;
};

void ColumnDialog::rebuild()
{
    const std::vector<ColumnRole> roles = currentRoles();
    ColumnRoles columnRoles = toColumnRoles(source_->table, roles, currentEventValue());
    columnRoles.belowLimit = static_cast<BelowLimitPolicy>(belowLimitBox_->currentData().toInt());
    columnRoles.zeroTimes = static_cast<ZeroTimePolicy>(zeroTimeBox_->currentData().toInt());
    const QString responseColumn = columnWithRole(source_->table, roles, ColumnRole::Response);

    valid_ = false;
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);
    busyBar_->setVisible(true);
    statusLabel_->setText(tr("Building the cohort…"));
    statusLabel_->setStyleSheet(QString());
    ++rebuildsRunning_;
    const std::uint64_t generation = ++rebuildGeneration_;
    const std::shared_ptr<const SourceTable> source = source_;

    pool_.start([this, source, columnRoles, responseColumn, generation] {
        auto rebuilt = std::make_shared<Rebuilt>();
        rebuilt->generation = generation;
        const io::Table& table = source->table;
        try {
            if (!columnRoles.event.empty()) {
                const EventCoding eventCoding = detectEventCoding(table, table.requireColumn(columnRoles.event),
                                                                  columnRoles.eventValue);
                rebuilt->coding = QString::fromStdString(eventCoding.rule);
            }
        } catch (const InputError& error) {
            rebuilt->coding = QString::fromStdString(error.what());
        }

        try {
            if (columnRoles.markers.empty())
                throw InputError(tr("Choose at least one column as a marker.").toStdString());
            if (columnRoles.time.empty() != columnRoles.event.empty())
                throw InputError(tr("Choose both a follow-up time and an event status column, or neither (for a study without survival).").toStdString());
            rebuilt->cohort.cohort = buildCohort(table, columnRoles);
            rebuilt->cohort.source = *source;
            rebuilt->cohort.roles = columnRoles;
            rebuilt->cohort.responseColumn = responseColumn;
            rebuilt->valid = true;
        } catch (const InputError& error) {
            rebuilt->error = ui::errorText(error);
            qCInfo(lcIo) << "Column roles rejected for" << source->displayName << ":" << error.what();
        }

        if (rebuilt->valid) {
            // Rows left out of the cohort, then cells left out of one column's analyses.
            const Cohort& cohort = rebuilt->cohort.cohort;
            rebuilt->leftOutRows = cohort.excluded.size();
            for (const ExcludedRow& row : cohort.excluded) {
                if (rebuilt->leftOut.size() >= kExcludedRowsShown)
                    break;
                rebuilt->leftOut.push_back(row);
                rebuilt->leftOutScope.push_back(tr("the cohort (every analysis)"));
            }
            for (const ColumnLeftOut& column : leftOutByColumn(columnRoles, cohort)) {
                rebuilt->leftOutCells += column.count;
                const CohortColumn* cells = cohort.findColumn(column.column.toStdString());
                for (const ExcludedRow& row : cells->unusable) {
                    if (rebuilt->leftOut.size() >= kExcludedRowsShown)
                        break;
                    rebuilt->leftOut.push_back(row);
                    rebuilt->leftOutScope.push_back(column.scope);
                }
            }
            QStringList status;
            status << leftOutSummary(columnRoles, cohort, table.rowCount());
            for (const std::string& note : cohort.notes)
                status << QString::fromStdString(note);
            rebuilt->status = status.join(QLatin1Char(' '));
        }
        QMetaObject::invokeMethod(this, [this, rebuilt] { showRebuilt(rebuilt); }, Qt::QueuedConnection);
    });
}

void ColumnDialog::showRebuilt(std::shared_ptr<Rebuilt> rebuilt)
{
    --rebuildsRunning_;
    if (rebuilt->generation != rebuildGeneration_) {
        emit rebuildFinished();
        return;
    }
    busyBar_->setVisible(false);
    codingLabel_->setText(rebuilt->coding);
    valid_ = rebuilt->valid;
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(valid_);
    excluded_->setRowCount(0);
    if (!valid_) {
        statusLabel_->setText(rebuilt->error);
        statusLabel_->setStyleSheet(QStringLiteral("color: #c0392b;"));
        tabs_->setTabText(1, tr("Left out"));
        acceptWhenBuilt_ = false;
        emit rebuildFinished();
        return;
    }

    result_ = std::move(rebuilt->cohort);
    leftOutCells_ = static_cast<int>(rebuilt->leftOutCells);
    const int shown = static_cast<int>(rebuilt->leftOut.size());
    excluded_->setRowCount(shown);
    for (int r = 0; r < shown; ++r) {
        const ExcludedRow& row = rebuilt->leftOut[static_cast<std::size_t>(r)];
        auto* number = new QTableWidgetItem;
        number->setData(Qt::DisplayRole, static_cast<qulonglong>(row.row));
        excluded_->setItem(r, 0, number);
        excluded_->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(row.id)));
        excluded_->setItem(r, 2, new QTableWidgetItem(QString::fromStdString(row.column)));
        excluded_->setItem(r, 3, new QTableWidgetItem(QString::fromStdString(row.value)));
        excluded_->setItem(r, 4, new QTableWidgetItem(rebuilt->leftOutScope[static_cast<std::size_t>(r)]));
        excluded_->setItem(r, 5, new QTableWidgetItem(QString::fromStdString(row.reason)));
    }
    tabs_->setTabText(1, tr("Left out (%n row(s), ", nullptr, static_cast<int>(rebuilt->leftOutRows))
                             + tr("%n cell(s))", nullptr, leftOutCells_));
    tabs_->setTabToolTip(1, tr("Rows left out of the cohort, and cells (a missing marker or covariate value) left out only of the analyses that use their column."));
    statusLabel_->setText(rebuilt->status);
    statusLabel_->setStyleSheet(QString());
    emit rebuildFinished();
    if (acceptWhenBuilt_) {
        acceptWhenBuilt_ = false;
        accept();
    }
}

} // namespace cutofflab::ui
