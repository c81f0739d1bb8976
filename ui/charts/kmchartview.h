#pragma once

#include "charts/chartstyle.h"
#include "charts/chartview.h"
#include "survival/km.h"

#include <QColor>
#include <QStringList>

#include <functional>
#include <vector>

class QAreaSeries;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;
class QGraphicsPathItem;
class QLineSeries;
class QValueAxis;

namespace cutofflab::ui {

/// The rows printed under the time axis of a Kaplan-Meier plot, one value per tick.
struct KmRiskTable {
    struct Row {
        QString label;
        QColor colour;
        std::vector<int> values;   ///< one per tick
    };
    struct Block {
        QString title;             ///< "Number at risk", "Cumulative events", "Censored"
        std::vector<Row> rows;     ///< one per group
    };
    std::vector<double> ticks;
    std::vector<Block> blocks;
};

/// One curve of the plot.
struct KmCurve {
    QString name;                  ///< legend text, e.g. "high (n = 26)"
    QColor colour;
    const KaplanMeier* estimate = nullptr;
};

/// Kaplan-Meier curves as step functions with pointwise confidence bands and censor
/// marks, the numbers at risk, cumulative events and censored under the time axis
/// (aligned with its ticks), and a box of text on the plot (medians, tests, hazard ratio).
class KmChartView : public ChartView {
    Q_OBJECT
public:
    explicit KmChartView(QWidget* parent = nullptr);

    QString exportName() const override { return QStringLiteral("kaplan-meier"); }
    QString exportTitle() const override { return tr("Kaplan–Meier curves"); }

    /// Draws the curves over [0, ticks.values.back()]; timeTitle labels the time axis.
    void setCurves(const std::vector<KmCurve>& curves, const chartstyle::Ticks& ticks, const QString& timeTitle);
    void setRiskTable(const KmRiskTable& table);
    /// Rich text shown in a box in the lower left of the plot.
    void setAnnotation(const QString& html);
    void setBandsVisible(bool visible);
    void setCensorMarksVisible(bool visible);
    /// Shows no curves and the reason in the plot.
    void showEmpty(const QString& reason);

    /// The text of the annotation box (for tests and the accessible description).
    QString annotationText() const;
    /// The texts of the risk table, row by row: label then one value per tick.
    QStringList riskTableText() const;

protected:
    void layoutOverlay() override;
    void applyPalette() override;

private:
    void clearCurves();
    void addCurveSeries();
    void clearRiskTable();
    double riskRowHeight() const;
    int curvesCrossing(const QRectF& box, const std::function<double(double)>& xOf,
                       const std::function<double(double)>& yOf) const;

    QValueAxis* timeAxis_;
    QValueAxis* survivalAxis_;
    std::vector<QLineSeries*> lines_;
    std::vector<QAreaSeries*> bands_;
    std::vector<QGraphicsPathItem*> censorMarks_;
    std::vector<std::vector<QPointF>> censorPoints_;
    std::vector<std::vector<QPointF>> steps_;   // each curve's step points (time, survival)
    QGraphicsRectItem* annotationBox_;
    QGraphicsTextItem* annotation_;
    QGraphicsSimpleTextItem* emptyText_;
    KmRiskTable table_;
    std::vector<QGraphicsSimpleTextItem*> tableItems_;   // in table order: block title, then per row label + cells
    bool bandsVisible_ = true;
    bool censorVisible_ = true;
};

} // namespace cutofflab::ui
