#pragma once

#include <QColor>
#include <QPalette>

#include <vector>

class QChart;
class QAbstractAxis;

namespace cutofflab::ui::chartstyle {

/// Colour of group `index` of `count` groups: blue for low (or score 0), red for high
/// (or the top score), orange between. The same in every panel, so a group keeps its
/// colour from the slider to the exported figure.
QColor groupColour(int index, int count);

/// Colours the chart's background, plot area, axes, labels and legend from the palette,
/// so that the chart follows a light or a dark desktop.
void applyPalette(QChart* chart, const QPalette& palette);
void styleAxis(QAbstractAxis* axis, const QPalette& palette);

/// Ticks for an axis from 0 to `maximum`: an interval of 1, 2, 2.5 or 5 times a power
/// of ten giving about `targetCount` intervals, and the tick values from 0 up to the
/// first tick at or beyond maximum.
struct Ticks {
    double interval = 1.0;
    std::vector<double> values;
};
Ticks niceTicks(double maximum, int targetCount = 6);

/// True when the palette's window colour is dark.
bool isDark(const QPalette& palette);

} // namespace cutofflab::ui::chartstyle
