#include "controls/cutoffslider.h"

#include "format.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionFocusRect>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cutofflab::ui {

namespace {

// Colours of the two reference marks (ColorBrewer Dark2), distinct from each other and
// from the highlight colour in light and dark palettes.
const QColor kYoudenColour(0xd9, 0x5f, 0x02);
const QColor kMaxStatColour(0x1b, 0x9e, 0x77);

} // namespace

CutoffSlider::CutoffSlider(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(false);
    setAccessibleName(tr("Cut-off slider"));
    setAccessibleDescription(tr("Arrow keys step to the neighbouring observed value, Page Up and Page Down move by 5% of the patients."));
}

void CutoffSlider::setValues(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    sorted_ = std::move(values);
    rugCounts_.clear();
    distinct_ = sorted_;
    distinct_.erase(std::unique(distinct_.begin(), distinct_.end()), distinct_.end());
    youden_.reset();
    maxStat_.reset();
    band_.reset();
    if (!logScaleAvailable())
        scale_ = Scale::Linear;
    if (!distinct_.empty())
        cutoff_ = nearestDistinct(cutoff_);
    update();
}

void CutoffSlider::setScale(Scale scale)
{
    scale_ = scale == Scale::Log && logScaleAvailable() ? Scale::Log : Scale::Linear;
    update();
}

bool CutoffSlider::logScaleAvailable() const
{
    return !distinct_.empty() && distinct_.front() > 0.0;
}

void CutoffSlider::setCutoff(double value)
{
    if (value == cutoff_)
        return;
    cutoff_ = value;
    update();
}

void CutoffSlider::setYoudenMark(std::optional<double> value)
{
    youden_ = value;
    update();
}

void CutoffSlider::setBand(std::optional<std::pair<double, double>> band)
{
    band_ = band;
    update();
}

void CutoffSlider::setMaxStatMark(std::optional<double> value)
{
    maxStat_ = value;
    update();
}

double CutoffSlider::fractionBelow(double value) const
{
    if (sorted_.empty())
        return 0.0;
    const auto below = std::lower_bound(sorted_.begin(), sorted_.end(), value) - sorted_.begin();
    return static_cast<double>(below) / static_cast<double>(sorted_.size());
}

std::size_t CutoffSlider::countBelow(double value, bool inclusive) const
{
    const auto end = inclusive ? std::upper_bound(sorted_.begin(), sorted_.end(), value)
                               : std::lower_bound(sorted_.begin(), sorted_.end(), value);
    return static_cast<std::size_t>(end - sorted_.begin());
}

double CutoffSlider::steppedValue(int steps) const
{
    if (distinct_.empty())
        return cutoff_;
    // Index of the cut-off among the distinct values. A cut-off between two values counts
    // as just below the upper one for an upward step, and as just above the lower one for
    // a downward step.
    qsizetype index;
    if (steps > 0) {
        index = std::upper_bound(distinct_.begin(), distinct_.end(), cutoff_) - distinct_.begin() + steps - 1;
    } else if (steps < 0) {
        index = std::lower_bound(distinct_.begin(), distinct_.end(), cutoff_) - distinct_.begin() + steps;
    } else {
        return nearestDistinct(cutoff_);
    }
    index = std::clamp<qsizetype>(index, 0, static_cast<qsizetype>(distinct_.size()) - 1);
    return distinct_[static_cast<std::size_t>(index)];
}

double CutoffSlider::percentStepValue(double percent) const
{
    if (sorted_.empty())
        return cutoff_;
    const double target = fractionBelow(cutoff_) + percent / 100.0;
    const auto last = static_cast<double>(sorted_.size() - 1);
    const auto index = static_cast<std::size_t>(std::clamp(std::round(target * static_cast<double>(sorted_.size())), 0.0, last));
    const double value = sorted_[index];
    // Ties can put the target on the current value; move at least one value then.
    if (percent > 0 && value <= cutoff_)
        return steppedValue(1);
    if (percent < 0 && value >= cutoff_)
        return steppedValue(-1);
    return value;
}

double CutoffSlider::scaled(double value) const
{
    return scale_ == Scale::Log ? std::log(value) : value;
}

double CutoffSlider::trackLeft() const
{
    return fontMetrics().horizontalAdvance(QLatin1Char('M'));
}

double CutoffSlider::trackRight() const
{
    return width() - trackLeft();
}

double CutoffSlider::trackY() const
{
    return 4 + fontMetrics().height() * 1.2;
}

double CutoffSlider::positionOf(double value) const
{
    if (distinct_.empty())
        return trackLeft();
    const double low = scaled(distinct_.front());
    const double high = scaled(distinct_.back());
    if (!(high > low))
        return (trackLeft() + trackRight()) / 2;
    const double clampedValue = std::clamp(value, distinct_.front(), distinct_.back());
    return trackLeft() + (scaled(clampedValue) - low) / (high - low) * (trackRight() - trackLeft());
}

double CutoffSlider::valueAt(double x) const
{
    if (distinct_.empty())
        return cutoff_;
    const double low = scaled(distinct_.front());
    const double high = scaled(distinct_.back());
    const double fraction = std::clamp((x - trackLeft()) / (trackRight() - trackLeft()), 0.0, 1.0);
    const double s = low + fraction * (high - low);
    return scale_ == Scale::Log ? std::exp(s) : s;
}

double CutoffSlider::nearestDistinct(double value) const
{
    if (distinct_.empty())
        return value;
    const auto upper = std::lower_bound(distinct_.begin(), distinct_.end(), value);
    if (upper == distinct_.begin())
        return *upper;
    if (upper == distinct_.end())
        return distinct_.back();
    const double above = *upper;
    const double below = *(upper - 1);
    return std::fabs(scaled(above) - scaled(value)) <= std::fabs(scaled(value) - scaled(below)) ? above : below;
}

void CutoffSlider::moveByUser(double value)
{
    if (distinct_.empty() || value == cutoff_)
        return;
    cutoff_ = value;
    update();
    emit cutoffMoved(cutoff_);
}

QSize CutoffSlider::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(QLatin1Char('M')) * 24, minimumSizeHint().height()};
}

QSize CutoffSlider::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 6, static_cast<int>(trackY()) + line * 2 + 6};
}

void CutoffSlider::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const double y = trackY();
    const double left = trackLeft();
    const double right = trackRight();
    const int line = fontMetrics().height();
    const double rugTop = y - line * 1.0;

    // Track
    painter.setPen(QPen(pal.color(QPalette::Mid), 3, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(left, y), QPointF(right, y));

    // Bootstrap interval of the optimal cut-off: a band over the track.
    if (band_ && !distinct_.empty()) {
        const double from = positionOf(band_->first);
        const double to = positionOf(band_->second);
        QColor fill = kMaxStatColour;
        fill.setAlphaF(0.25f);
        painter.fillRect(QRectF(from, y - 4, std::max(2.0, to - from), 8), fill);
    }

    // Rug: one tick per pixel column with values, darker where more values fall.
    if (!sorted_.empty()) {
        const std::vector<int>& counts = rugCounts();
        const int columns = static_cast<int>(counts.size());
        const int maxCount = *std::max_element(counts.begin(), counts.end());
        QColor tick = pal.color(QPalette::WindowText);
        for (int column = 0; column < columns; ++column) {
            const int count = counts[static_cast<std::size_t>(column)];
            if (count == 0)
                continue;
            tick.setAlphaF(static_cast<float>(0.35 + 0.65 * std::sqrt(static_cast<double>(count) / maxCount)));
            painter.setPen(QPen(tick, 1));
            painter.drawLine(QPointF(left + column, rugTop), QPointF(left + column, y - 3));
        }
    }

    // Reference marks below the track: a triangle pointing at the value and a letter.
    const auto drawMark = [&](double value, const QColor& colour, const QString& letter) {
        const double x = positionOf(value);
        const double size = line * 0.45;
        QPainterPath triangle;
        triangle.moveTo(x, y + 3);
        triangle.lineTo(x - size, y + 3 + size * 1.4);
        triangle.lineTo(x + size, y + 3 + size * 1.4);
        triangle.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawPath(triangle);
        painter.setPen(colour);
        const QRectF textBox(x - line, y + 3 + size * 1.4, 2 * line, line);
        painter.drawText(textBox, Qt::AlignHCenter | Qt::AlignTop, letter);
    };
    if (youden_ && !distinct_.empty())
        drawMark(*youden_, kYoudenColour, tr("Y", "Youden mark on the cut-off slider"));
    if (maxStat_ && !distinct_.empty())
        drawMark(*maxStat_, kMaxStatColour, tr("M", "maximal log-rank mark on the cut-off slider"));

    // Handle
    if (!distinct_.empty()) {
        const double x = positionOf(cutoff_);
        const double halfWidth = std::max(3.0, line * 0.25);
        const QRectF handle(x - halfWidth, rugTop - 2, 2 * halfWidth, y - rugTop + 8);
        painter.setPen(QPen(pal.color(QPalette::Dark), 1));
        painter.setBrush(isEnabled() ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid));
        painter.drawRoundedRect(handle, 2, 2);
    }

    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.backgroundColor = pal.color(QPalette::Window);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

const std::vector<int>& CutoffSlider::rugCounts() const
{
    const double left = trackLeft();
    const int columns = std::max(1, static_cast<int>(trackRight() - left) + 1);
    if (rugWidth_ == columns && rugScale_ == scale_ && !rugCounts_.empty())
        return rugCounts_;
    rugCounts_.assign(static_cast<std::size_t>(columns), 0);
    for (double value : sorted_) {
        const int column = std::clamp(static_cast<int>(std::lround(positionOf(value) - left)), 0, columns - 1);
        ++rugCounts_[static_cast<std::size_t>(column)];
    }
    rugWidth_ = columns;
    rugScale_ = scale_;
    return rugCounts_;
}

void CutoffSlider::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Down:
        moveByUser(steppedValue(-1));
        break;
    case Qt::Key_Right:
    case Qt::Key_Up:
        moveByUser(steppedValue(1));
        break;
    case Qt::Key_PageDown:
        moveByUser(percentStepValue(-5.0));
        break;
    case Qt::Key_PageUp:
        moveByUser(percentStepValue(5.0));
        break;
    case Qt::Key_Home:
        if (!distinct_.empty())
            moveByUser(distinct_.front());
        break;
    case Qt::Key_End:
        if (!distinct_.empty())
            moveByUser(distinct_.back());
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void CutoffSlider::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    moveByUser(nearestDistinct(valueAt(event->position().x())));
    event->accept();
}

void CutoffSlider::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton)) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    moveByUser(nearestDistinct(valueAt(event->position().x())));
    event->accept();
}

void CutoffSlider::wheelEvent(QWheelEvent* event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps != 0)
        moveByUser(steppedValue(steps));
    event->accept();
}

bool CutoffSlider::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);

    const auto* help = static_cast<QHelpEvent*>(event);
    const double x = help->pos().x();
    const double reach = fontMetrics().height() * 0.6;
    QString text;
    if (youden_ && std::fabs(positionOf(*youden_) - x) < reach && help->pos().y() > trackY()) {
        text = tr("Youden cut-off %1: the ROC point where sensitivity + specificity − 1 is largest.")
                   .arg(format::compact(*youden_, 4));
    } else if (maxStat_ && std::fabs(positionOf(*maxStat_) - x) < reach && help->pos().y() > trackY()) {
        text = tr("Maximal log-rank cut-off %1: the split with the largest standardised log-rank statistic (its p-value needs correction for the search).")
                   .arg(format::compact(*maxStat_, 4));
    } else if (!distinct_.empty()) {
        text = tr("Cut-off %1 at the %2th percentile. Ticks show the patients' values; "
                  "arrow keys step to the next observed value, Page Up/Down by 5% of the patients.")
                   .arg(format::compact(cutoff_, 4))
                   .arg(qRound(100 * fractionBelow(cutoff_)));
    }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, this);
    return true;
}

} // namespace cutofflab::ui
