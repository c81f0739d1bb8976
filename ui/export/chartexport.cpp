#include "export/chartexport.h"

#include "charts/chartview.h"
#include "logging.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace cutofflab::ui {

QString exportChart(ChartView* chart, const QString& path, const ChartExportOptions& options)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSizeF logical = QSizeF(options.pixelSize) * (96.0 / options.dpi);
    if (options.pixelSize.isEmpty() || !(options.dpi > 0))
        return QApplication::translate("ChartExport", "The image size and resolution must be positive.");

    if (suffix == QLatin1String("png")) {
        const QImage image = chart->toImage(options.pixelSize, options.dpi);
        if (!image.save(path, "PNG"))
            return QApplication::translate("ChartExport", "Could not write \"%1\". Check that the folder exists and that you may write to it.").arg(path);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setResolution(96);
        generator.setSize(logical.toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), logical));
        generator.setTitle(chart->exportTitle());
        generator.setDescription(QApplication::translate("ChartExport", "Exported from Cutoff Lab"));
        QPainter painter;
        if (!painter.begin(&generator))
            return QApplication::translate("ChartExport", "Could not write \"%1\".").arg(path);
        chart->render(&painter, QRectF(QPointF(0, 0), logical), logical);
        painter.end();
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter writer(path);
        writer.setResolution(96);
        writer.setPageSize(QPageSize(logical * (72.0 / 96.0), QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(chart->exportTitle());
        writer.setCreator(QStringLiteral("Cutoff Lab"));
        QPainter painter;
        if (!painter.begin(&writer))
            return QApplication::translate("ChartExport", "Could not write \"%1\".").arg(path);
        const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        chart->render(&painter, page, logical);
        painter.end();
    } else {
        return QApplication::translate("ChartExport", "Unknown image format \"%1\": use .png, .svg or .pdf.").arg(suffix);
    }
    qCInfo(lcExport) << "Exported" << chart->exportName() << "as" << suffix;
    return {};
}

void copyChartToClipboard(ChartView* chart)
{
    const QSize size = chart->currentSize();
    QApplication::clipboard()->setImage(chart->toImage(size * 2, 192.0));
    qCInfo(lcExport) << "Copied" << chart->exportName() << "to the clipboard";
}

} // namespace cutofflab::ui
