#include "charts/chartstyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

#include <cmath>

namespace cutofflab::ui::chartstyle {

QColor groupColour(int index, int count)
{
    // ColorBrewer-like hues that stay distinct for colour-blind readers in pairs.
    static const QColor low(0x1f, 0x77, 0xb4);
    static const QColor middle(0xff, 0x7f, 0x0e);
    static const QColor high(0xd6, 0x27, 0x28);
    static const QColor extra[] = {QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b)};
    if (count <= 1)
        return low;
    if (index == 0)
        return low;
    if (index == count - 1)
        return high;
    if (index == 1)
        return middle;
    return extra[(index - 2) % 3];
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

void styleAxis(QAbstractAxis* axis, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Text);
    grid.setAlphaF(isDark(palette) ? 0.18f : 0.12f);
    axis->setLabelsColor(text);
    axis->setTitleBrush(text);
    axis->setLinePenColor(palette.color(QPalette::Mid));
    axis->setGridLineColor(grid);
    axis->setMinorGridLineColor(grid);
    QFont titleFont = axis->titleFont();
    titleFont.setBold(false);
    axis->setTitleFont(titleFont);
}

void applyPalette(QChart* chart, const QPalette& palette)
{
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
    for (QAbstractAxis* axis : chart->axes())
        styleAxis(axis, palette);
}

Ticks niceTicks(double maximum, int targetCount)
{
    Ticks ticks;
    if (!(maximum > 0) || !std::isfinite(maximum)) {
        ticks.values = {0.0, 1.0};
        return ticks;
    }
    const double raw = maximum / std::max(1, targetCount);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double interval = 10 * power;
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * power >= raw) {
            interval = step * power;
            break;
        }
    }
    ticks.interval = interval;
    const int count = static_cast<int>(std::ceil(maximum / interval - 1e-9));
    for (int i = 0; i <= std::max(count, 1); ++i)
        ticks.values.push_back(i * interval);
    return ticks;
}

} // namespace cutofflab::ui::chartstyle
