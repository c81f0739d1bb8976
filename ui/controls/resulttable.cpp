#include "controls/resulttable.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace cutofflab::ui {

ResultTable::ResultTable(QWidget* parent)
    : QTableWidget(parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::ContiguousSelection);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setWordWrap(false);
}

void ResultTable::reset(const QStringList& headers, const QStringList& toolTips)
{
    clearContents();
    setRowCount(0);
    setColumnCount(static_cast<int>(headers.size()));
    setHorizontalHeaderLabels(headers);
    for (int c = 0; c < toolTips.size() && c < columnCount(); ++c)
        horizontalHeaderItem(c)->setToolTip(toolTips[c]);
}

void ResultTable::setCell(int row, int column, const QString& shown, const QString& full, const QString& toolTip)
{
    if (row >= rowCount())
        setRowCount(row + 1);
    auto* item = new QTableWidgetItem(shown);
    item->setData(kFullPrecisionRole, full.isEmpty() ? shown : full);
    if (!toolTip.isEmpty())
        item->setToolTip(toolTip);
    setItem(row, column, item);
}

QString ResultTable::copyText(bool selectionOnly) const
{
    int top = 0;
    int bottom = rowCount() - 1;
    int left = 0;
    int right = columnCount() - 1;
    const QList<QTableWidgetSelectionRange> ranges = selectedRanges();
    const bool useSelection = selectionOnly && !ranges.isEmpty();
    if (useSelection) {
        top = ranges.front().topRow();
        bottom = ranges.front().bottomRow();
        left = ranges.front().leftColumn();
        right = ranges.front().rightColumn();
    }
    QStringList lines;
    if (!useSelection) {
        QStringList headers;
        for (int c = left; c <= right; ++c)
            headers << (horizontalHeaderItem(c) ? horizontalHeaderItem(c)->text() : QString());
        lines << headers.join(QLatin1Char('\t'));
    }
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c) {
            const QTableWidgetItem* cell = item(r, c);
            cells << (cell ? cell->data(kFullPrecisionRole).toString() : QString());
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void ResultTable::copyToClipboard()
{
    QApplication::clipboard()->setText(copyText(true));
}

void ResultTable::fitHeightToRows()
{
    int height = horizontalHeader()->isVisible() ? horizontalHeader()->sizeHint().height() : 0;
    for (int r = 0; r < rowCount(); ++r)
        height += rowHeight(r);
    height += 2 * frameWidth();
    if (horizontalScrollBar()->isVisible())
        height += horizontalScrollBar()->sizeHint().height();
    setFixedHeight(height + 2);
}

void ResultTable::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyToClipboard();
        event->accept();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

void ResultTable::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Copy at full precision"), this, &ResultTable::copyToClipboard);
    menu.addAction(tr("Copy the whole table"), this, [this] { QApplication::clipboard()->setText(copyText(false)); });
    menu.exec(event->globalPos());
}

NoticeLabel::NoticeLabel(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMargin(6);
    setVisible(false);
}

void NoticeLabel::setNotices(const QStringList& notices)
{
    notices_ = notices;
    setText(notices.join(QLatin1Char('\n')));
    setVisible(!notices.isEmpty());
}

void NoticeLabel::paintEvent(QPaintEvent* event)
{
    // An amber box that reads as a caution in light and dark palettes.
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    const QColor background = dark ? QColor(0x5a, 0x46, 0x10) : QColor(0xff, 0xf4, 0xd6);
    const QColor border = dark ? QColor(0xb0, 0x8a, 0x20) : QColor(0xe0, 0xb0, 0x40);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(border, 1));
    painter.setBrush(background);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    painter.end();
    QLabel::paintEvent(event);
}

} // namespace cutofflab::ui
