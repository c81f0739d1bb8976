#pragma once

#include <QImage>
#include <QWidget>

class QChart;
class QChartView;
class QPainter;

namespace cutofflab::ui {

/// The base of every chart of the window. It owns the Qt Charts objects and offers the
/// rest of the window drawing, sizing and export only, so that moving to another
/// plotting module changes the classes under ui/charts/ alone.
///
/// Everything a chart shows, including text drawn beside the plot (the Kaplan-Meier
/// numbers at risk, the annotations), lives in the chart's scene, so an export shows
/// exactly what the window shows.
class ChartView : public QWidget {
    Q_OBJECT
public:
    explicit ChartView(QWidget* parent = nullptr);
    ~ChartView() override;

    /// A short name for exported files ("kaplan-meier").
    virtual QString exportName() const = 0;
    /// The chart's title as a sentence, for the export dialog.
    virtual QString exportTitle() const = 0;
    /// True when the chart shows a result (not the empty "no result" state).
    bool hasContent() const { return hasContent_; }

    /// Renders the chart laid out at `logicalSize` (device-independent pixels, 96 per
    /// inch) into `target` of the painter. The window's own view is not disturbed.
    void render(QPainter* painter, const QRectF& target, const QSizeF& logicalSize);

    /// The chart as an image of `pixelSize` pixels at `dpi` dots per inch: the layout is
    /// that of pixelSize * 96 / dpi logical pixels, drawn at the resolution asked for.
    QImage toImage(const QSize& pixelSize, double dpi);

    /// The size the chart has on screen, in logical pixels.
    QSize currentSize() const;

protected:
    QChart* chart() const { return chart_; }
    QChartView* chartView() const { return view_; }
    void setHasContent(bool hasContent) { hasContent_ = hasContent; }

    /// Repositions the items drawn beside the plot after the plot area moved. Called
    /// whenever the chart's plot area changes.
    virtual void layoutOverlay() {}
    /// Re-applies the palette's colours to series and items after a palette change.
    virtual void applyPalette();

    void changeEvent(QEvent* event) override;

private:
    QChart* chart_;
    QChartView* view_;
    bool hasContent_ = false;
    bool inLayout_ = false;
};

} // namespace cutofflab::ui
