#include "controls/landscapestrip.h"

#include "analysis/scan.h"
#include "format.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cutofflab::ui {

namespace {
const QColor kHighWorse(0xd6, 0x4b, 0x3c);   // log HR > 0: the high group has the higher hazard
const QColor kHighBetter(0x2f, 0x6f, 0xb3);  // log HR < 0
} // namespace

LandscapeStrip::LandscapeStrip(CutoffSlider* slider, QWidget* parent)
    : QWidget(parent), slider_(slider)
{
    // Repaint whenever the slider does: its cut-off, scale, size and marks set the drawing.
    slider_->installEventFilter(this);
    setAccessibleName(tr("Cut-off landscape"));
    setToolTip(tr("Standardized log-rank statistic at every candidate cut-off; red where high values do worse, blue where they do better."));
}

void LandscapeStrip::setLandscape(std::shared_ptr<const MarkerLandscape> landscape, const QString& status)
{
    landscape_ = std::move(landscape);
    status_ = status;
    update();
}

void LandscapeStrip::setRuleGreaterOrEqual(bool greaterOrEqual)
{
    greaterOrEqual_ = greaterOrEqual;
    update();
}

double LandscapeStrip::handleValueOf(std::size_t index) const
{
    const double cutoff = landscape_->scan.candidates.cutoffs[index];
    if (!greaterOrEqual_)
        return cutoff;
    const auto& distinct = slider_->distinctValues();
    const auto above = std::upper_bound(distinct.begin(), distinct.end(), cutoff);
    return above == distinct.end() ? cutoff : *above;
}

double LandscapeStrip::candidatePosition(std::size_t index) const
{
    return slider_->positionOf(handleValueOf(index));
}

QSize LandscapeStrip::sizeHint() const
{
    return {slider_->sizeHint().width(), fontMetrics().height() * 4};
}

QSize LandscapeStrip::minimumSizeHint() const
{
    return {fontMetrics().height() * 6, fontMetrics().height() * 3};
}

bool LandscapeStrip::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == slider_ && event->type() == QEvent::Paint)
        update();
    return QWidget::eventFilter(watched, event);
}

void LandscapeStrip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const int line = fontMetrics().height();
    const double bottom = height() - 2.0;
    const double top = line * 0.9;

    const std::size_t count = landscape_ ? landscape_->scan.size() : 0;
    if (count == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        const QString text = status_.isEmpty() ? tr("No cut-off landscape for this marker.") : status_;
        painter.drawText(rect().adjusted(4, 0, -4, 0), Qt::AlignCenter | Qt::TextWordWrap, text);
        return;
    }

    const CutoffScan& scan = landscape_->scan;
    const double maximum = std::max(1e-12, *std::max_element(scan.standardizedStatistic.begin(), scan.standardizedStatistic.end()));
    const auto yOf = [&](double statistic) { return bottom - (bottom - top) * statistic / maximum; };

    // One bar per candidate from its x to the next candidate's, coloured by the sign of
    // the log HR, under the curve of the statistic.
    QPainterPath curve;
    for (std::size_t i = 0; i < count; ++i) {
        const double x = candidatePosition(i);
        const double next = i + 1 < count ? candidatePosition(i + 1) : x + 1.0;
        const double y = yOf(scan.standardizedStatistic[i]);
        QColor fill = scan.logHazardRatio[i] >= 0 ? kHighWorse : kHighBetter;
        if (scan.hazardRatioStatus[i] == HazardRatioStatus::NotEstimable)
            fill = pal.color(QPalette::Mid);
        fill.setAlphaF(0.35f);
        painter.fillRect(QRectF(x, y, std::max(1.0, next - x), bottom - y), fill);
        if (i == 0)
            curve.moveTo(x, y);
        else
            curve.lineTo(x, y);
    }
    painter.setPen(QPen(pal.color(QPalette::WindowText), 1.4));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(curve);
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.drawLine(QPointF(0, bottom), QPointF(width(), bottom));

    // The current cut-off.
    const double x = slider_->positionOf(slider_->cutoff());
    painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
    painter.drawLine(QPointF(x, top - 2), QPointF(x, bottom));

    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(QRectF(2, 0, width() - 4, line),
                     Qt::AlignLeft | Qt::AlignTop,
                     tr("Log-rank statistic (max %1)").arg(format::number(maximum, 3)));
}

bool LandscapeStrip::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip || !landscape_ || landscape_->scan.size() == 0)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const CutoffScan& scan = landscape_->scan;
    std::size_t nearest = 0;
    double distance = 1e300;
    for (std::size_t i = 0; i < scan.size(); ++i) {
        const double d = std::fabs(candidatePosition(i) - help->pos().x());
        if (d < distance) {
            distance = d;
            nearest = i;
        }
    }
    const CutoffPoint point = scan.point(nearest);
    QString hazard = tr("not estimable");
    if (point.hazardRatio.status == HazardRatioStatus::Ok)
        hazard = tr("%1 (%2 to %3)").arg(format::number(point.hazardRatio.hazardRatio, 3),
                                         format::number(point.hazardRatio.lower, 3), format::number(point.hazardRatio.upper, 3));
    else if (point.hazardRatio.status == HazardRatioStatus::InfiniteHigh)
        hazard = tr("infinite (no event in the low group)");
    else if (point.hazardRatio.status == HazardRatioStatus::InfiniteLow)
        hazard = tr("0 (no event in the high group)");
    QToolTip::showText(help->globalPos(),
                       tr("Low: marker ≤ %1 (%2 patients, %3 events); high: %4 patients, %5 events.\n"
                          "Standardized statistic %6; naive log-rank p %7 (not corrected for the search); HR of high %8.")
                           .arg(format::number(point.cutoff, 4))
                           .arg(point.nLow)
                           .arg(point.eventsLow)
                           .arg(point.nHigh)
                           .arg(point.eventsHigh)
                           .arg(format::number(point.standardizedStatistic, 3), format::pValue(point.logRankP), hazard),
                       this);
    return true;
}

} // namespace cutofflab::ui
