#include "charts/heatmapview.h"

#include "format.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cutofflab::ui {

HeatMapView::HeatMapView(QWidget* parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Two cut-offs heat map"));
    setToolTip(tr("Log-rank chi-square (2 df, naive) of three groups for every pair of cut-offs; darker is larger."));
}

void HeatMapView::setScan(std::shared_ptr<const TwoCutoffScan> scan, const QString& marker, const QString& emptyText)
{
    scan_ = std::move(scan);
    marker_ = marker;
    emptyText_ = emptyText;
    update();
}

QSize HeatMapView::sizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 22, line * 20};
}

QSize HeatMapView::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 14, line * 12};
}

QRectF HeatMapView::plotArea() const
{
    const int line = fontMetrics().height();
    const double side = std::min(width() - line * 5.0, height() - line * 4.0);
    return {line * 4.0, line * 1.5, std::max(10.0, side), std::max(10.0, side)};
}

void HeatMapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QPalette& pal = palette();
    const int line = fontMetrics().height();
    const std::size_t grid = scan_ && scan_->status == CutoffStatus::Ok ? scan_->grid.size() : 0;
    if (grid < 2) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(4, 4, -4, -4), Qt::AlignCenter | Qt::TextWordWrap,
                         emptyText_.isEmpty() ? tr("Run the inference to compute the heat map.") : emptyText_);
        return;
    }

    const QRectF area = plotArea();
    double maximum = 0.0;
    for (const TwoCutoffCell& cell : scan_->cells) {
        if (cell.defined)
            maximum = std::max(maximum, cell.chiSquare);
    }
    const double step = area.width() / static_cast<double>(grid);
    const QColor low = pal.color(QPalette::Base);
    const QColor high(0xb2, 0x18, 0x2b);
    for (const TwoCutoffCell& cell : scan_->cells) {
        const QRectF box(area.left() + static_cast<double>(cell.lowIndex) * step,
                         area.bottom() - static_cast<double>(cell.highIndex + 1) * step, step + 0.5, step + 0.5);
        if (!cell.defined) {
            painter.fillRect(box, pal.color(QPalette::Mid));
            continue;
        }
        const double t = maximum > 0 ? std::sqrt(cell.chiSquare / maximum) : 0.0;
        const QColor colour = QColor::fromRgbF(static_cast<float>(low.redF() + t * (high.redF() - low.redF())),
                                               static_cast<float>(low.greenF() + t * (high.greenF() - low.greenF())),
                                               static_cast<float>(low.blueF() + t * (high.blueF() - low.blueF())));
        painter.fillRect(box, colour);
    }
    if (scan_->best.found) {
        const TwoCutoffCell& best = scan_->cells[scan_->best.index];
        painter.setPen(QPen(pal.color(QPalette::WindowText), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(area.left() + static_cast<double>(best.lowIndex) * step,
                                area.bottom() - static_cast<double>(best.highIndex + 1) * step, step, step));
    }

    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawRect(area);
    const QString first = format::number(scan_->grid.front(), 3);
    const QString last = format::number(scan_->grid.back(), 3);
    painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), line), Qt::AlignLeft, first);
    painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), line), Qt::AlignRight, last);
    painter.drawText(QRectF(area.left(), area.bottom() + line, area.width(), line), Qt::AlignHCenter,
                     tr("Lower cut-off of %1").arg(marker_));
    painter.drawText(QRectF(0, area.bottom() - line, area.left() - 4, line), Qt::AlignRight, first);
    painter.drawText(QRectF(0, area.top(), area.left() - 4, line), Qt::AlignRight, last);
    painter.save();
    painter.translate(line * 1.0, area.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-area.height() / 2, -line, area.height(), line * 1.2), Qt::AlignCenter,
                     tr("Upper cut-off"));
    painter.restore();
    painter.drawText(QRectF(area.left(), 0, area.width(), line * 1.4), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("3-group chi-square, max %1 (outlined)").arg(format::number(maximum, 3)));
}

bool HeatMapView::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip || !scan_ || scan_->status != CutoffStatus::Ok || scan_->grid.size() < 2)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const QRectF area = plotArea();
    const double step = area.width() / static_cast<double>(scan_->grid.size());
    const auto lowIndex = static_cast<long>(std::floor((help->pos().x() - area.left()) / step));
    const auto highIndex = static_cast<long>(std::floor((area.bottom() - help->pos().y()) / step));
    if (lowIndex < 0 || highIndex <= lowIndex || highIndex >= static_cast<long>(scan_->grid.size()))
        return QWidget::event(event);
    const TwoCutoffCell& cell = scan_->cells[scan_->cellIndex(static_cast<std::size_t>(lowIndex), static_cast<std::size_t>(highIndex))];
    QToolTip::showText(help->globalPos(),
                       tr("Low ≤ %1 < middle ≤ %2 < high: %3 / %4 / %5 patients.\nChi-square %6 (2 df), naive p %7.")
                           .arg(format::number(scan_->grid[cell.lowIndex], 4), format::number(scan_->grid[cell.highIndex], 4))
                           .arg(cell.nLow)
                           .arg(cell.nMiddle)
                           .arg(cell.nHigh)
                           .arg(cell.defined ? format::number(cell.chiSquare, 3) : tr("not defined"),
                                cell.defined ? format::pValue(cell.p) : tr("not defined")),
                       this);
    return true;
}

} // namespace cutofflab::ui
