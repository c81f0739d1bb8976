#pragma once

#include "binary/roc.h"
#include "charts/chartview.h"

#include <optional>

class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace cutofflab::ui {

/// The empirical ROC curve with the diagonal of a useless marker, the current cut-off's
/// point, the Youden point and the AUC with its confidence interval written on the plot.
class RocChartView : public ChartView {
    Q_OBJECT
public:
    explicit RocChartView(QWidget* parent = nullptr);

    QString exportName() const override { return QStringLiteral("roc"); }
    QString exportTitle() const override { return tr("ROC curve"); }

    /// Draws the curve; cutoffPoint and youdenPoint are (1 - specificity, sensitivity).
    void setCurve(const RocResult& roc, const std::optional<QPointF>& cutoffPoint,
                  const std::optional<QPointF>& youdenPoint, const QString& annotationHtml);
    void showEmpty(const QString& reason);

    QString annotationText() const;
    std::optional<QPointF> cutoffPoint() const { return cutoffPoint_; }

protected:
    void layoutOverlay() override;
    void applyPalette() override;

private:
    QValueAxis* xAxis_;
    QValueAxis* yAxis_;
    QLineSeries* curve_;
    QLineSeries* diagonal_;
    QScatterSeries* cutoff_;
    QScatterSeries* youden_;
    QGraphicsRectItem* annotationBox_;
    QGraphicsTextItem* annotation_;
    QGraphicsSimpleTextItem* emptyText_;
    std::optional<QPointF> cutoffPoint_;
};

} // namespace cutofflab::ui
