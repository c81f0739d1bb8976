#pragma once

#include <QSize>
#include <QString>

namespace cutofflab::ui {

class ChartView;

/// How a chart is written to a file.
struct ChartExportOptions {
    QSize pixelSize{1800, 1200};   ///< PNG: the image size; SVG and PDF: the size at `dpi`
    double dpi = 300.0;            ///< fonts and lines scale with dpi / 96
};

/// Writes the chart to `path` as PNG, SVG or PDF, chosen by the file's extension. The
/// chart is laid out at pixelSize * 96 / dpi logical pixels, so a 300 dpi image has the
/// on-screen layout drawn at print resolution. Returns an empty string on success, else
/// the reason it failed.
QString exportChart(ChartView* chart, const QString& path, const ChartExportOptions& options);

/// Puts the chart on the clipboard as an image at twice its size on screen.
void copyChartToClipboard(ChartView* chart);

} // namespace cutofflab::ui
