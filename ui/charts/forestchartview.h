#pragma once

#include "charts/chartview.h"

#include <QColor>

#include <optional>
#include <vector>

class QGraphicsSimpleTextItem;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace cutofflab::ui {

/// One row of a forest plot: a hazard ratio with its interval, or a section heading.
struct ForestRow {
    QString label;
    bool heading = false;
    std::optional<double> estimate;   ///< empty when not estimable (see note)
    std::optional<double> lower;
    std::optional<double> upper;
    QString note;                      ///< shown in the row instead of a point, e.g. "not estimable"
    QString valueText;                 ///< shown right of the plot, e.g. "3.99 (1.94–8.19)"
    QColor colour;
};

/// Hazard ratios with their confidence intervals on a log axis, one row per term, with
/// the line of no effect at 1.
class ForestChartView : public ChartView {
    Q_OBJECT
public:
    explicit ForestChartView(QWidget* parent = nullptr);

    QString exportName() const override { return QStringLiteral("hazard-ratios"); }
    QString exportTitle() const override { return tr("Hazard ratios (forest plot)"); }

    void setRows(const std::vector<ForestRow>& rows);
    void showEmpty(const QString& reason);

    /// The labels and notes of the rows, for tests.
    QStringList rowTexts() const;

protected:
    void layoutOverlay() override;
    void applyPalette() override;

private:
    void clear();

    QLogValueAxis* hrAxis_;
    QValueAxis* rowAxis_;
    QLineSeries* noEffect_;
    std::vector<ForestRow> rows_;
    std::vector<QGraphicsSimpleTextItem*> labels_;
    std::vector<QGraphicsSimpleTextItem*> notes_;
    std::vector<QGraphicsSimpleTextItem*> values_;
    QGraphicsSimpleTextItem* emptyText_;
};

} // namespace cutofflab::ui
