#include "charts/rocchartview.h"

#include <QChart>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTextDocument>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cutofflab::ui {

namespace {
const QColor kCurveColour(0x1f, 0x77, 0xb4);
const QColor kCutoffColour(0xd6, 0x27, 0x28);
const QColor kYoudenColour(0xd9, 0x5f, 0x02);
constexpr double kTextZ = 60;
} // namespace

RocChartView::RocChartView(QWidget* parent)
    : ChartView(parent)
{
    QChart* c = chart();
    c->legend()->setAlignment(Qt::AlignBottom);
    xAxis_ = new QValueAxis(c);
    yAxis_ = new QValueAxis(c);
    for (QValueAxis* axis : {xAxis_, yAxis_}) {
        axis->setRange(0.0, 1.0);
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0.0);
        axis->setTickInterval(0.2);
        axis->setLabelFormat(QStringLiteral("%.1f"));
    }
    xAxis_->setTitleText(tr("1 − specificity (false-positive rate)"));
    yAxis_->setTitleText(tr("Sensitivity (true-positive rate)"));
    c->addAxis(xAxis_, Qt::AlignBottom);
    c->addAxis(yAxis_, Qt::AlignLeft);

    diagonal_ = new QLineSeries(c);
    diagonal_->append(0, 0);
    diagonal_->append(1, 1);
    diagonal_->setName(tr("No discrimination"));
    curve_ = new QLineSeries(c);
    curve_->setName(tr("ROC curve"));
    curve_->setPen(QPen(kCurveColour, 2));
    youden_ = new QScatterSeries(c);
    youden_->setName(tr("Youden point"));
    youden_->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    youden_->setMarkerSize(17);   // larger than the cut-off's point, so both show when they coincide
    youden_->setColor(kYoudenColour);
    youden_->setBorderColor(kYoudenColour.darker(130));
    cutoff_ = new QScatterSeries(c);
    cutoff_->setName(tr("Current cut-off"));
    cutoff_->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    cutoff_->setMarkerSize(10);
    cutoff_->setColor(kCutoffColour);
    cutoff_->setBorderColor(kCutoffColour.darker(130));
    for (QXYSeries* series : std::initializer_list<QXYSeries*>{diagonal_, curve_, youden_, cutoff_}) {
        c->addSeries(series);
        series->attachAxis(xAxis_);
        series->attachAxis(yAxis_);
    }

    annotationBox_ = new QGraphicsRectItem(c);
    annotationBox_->setZValue(kTextZ - 1);
    annotation_ = new QGraphicsTextItem(c);
    annotation_->setZValue(kTextZ);
    emptyText_ = new QGraphicsSimpleTextItem(c);
    emptyText_->setZValue(kTextZ);
    emptyText_->setVisible(false);
    applyPalette();
}

void RocChartView::setCurve(const RocResult& roc, const std::optional<QPointF>& cutoffPoint,
                            const std::optional<QPointF>& youdenPoint, const QString& annotationHtml)
{
    // pROC's order runs from (1, 1) to (0, 0). Points closer than 1/4000 of the axis to
    // the last one drawn are left out (under a pixel on screen and in a 300 dpi export),
    // which bounds the curve to about 8000 points for any cohort size.
    constexpr double kResolution = 1.0 / 4000.0;
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(std::min<std::size_t>(roc.curve.size(), 8192)));
    for (std::size_t i = 0; i < roc.curve.size(); ++i) {
        const QPointF point(1.0 - roc.curve[i].specificity, roc.curve[i].sensitivity);
        const bool last = i + 1 == roc.curve.size();
        if (points.isEmpty() || last || std::fabs(point.x() - points.back().x()) >= kResolution
            || std::fabs(point.y() - points.back().y()) >= kResolution)
            points << point;
    }
    curve_->replace(points);
    cutoff_->clear();
    youden_->clear();
    cutoffPoint_ = cutoffPoint;
    if (cutoffPoint)
        cutoff_->append(*cutoffPoint);
    if (youdenPoint)
        youden_->append(*youdenPoint);
    annotation_->setHtml(annotationHtml);
    annotation_->setVisible(!annotationHtml.isEmpty());
    annotationBox_->setVisible(!annotationHtml.isEmpty());
    emptyText_->setVisible(false);
    for (QAbstractSeries* series : chart()->series())
        series->setVisible(true);
    setHasContent(true);
    layoutOverlay();
}

void RocChartView::showEmpty(const QString& reason)
{
    curve_->clear();
    cutoff_->clear();
    youden_->clear();
    cutoffPoint_.reset();
    annotation_->setVisible(false);
    annotationBox_->setVisible(false);
    emptyText_->setText(reason);
    emptyText_->setVisible(true);
    setHasContent(false);
    layoutOverlay();
}

QString RocChartView::annotationText() const
{
    return annotation_->isVisible() ? annotation_->document()->toPlainText() : QString();
}

void RocChartView::applyPalette()
{
    ChartView::applyPalette();
    const QPalette& pal = palette();
    QColor diagonal = pal.color(QPalette::Text);
    diagonal.setAlphaF(0.45f);
    diagonal_->setPen(QPen(diagonal, 1, Qt::DashLine));
    annotation_->setDefaultTextColor(pal.color(QPalette::Text));
    QColor background = pal.color(QPalette::Base);
    background.setAlphaF(0.88f);
    annotationBox_->setBrush(background);
    annotationBox_->setPen(QPen(pal.color(QPalette::Mid), 1));
    emptyText_->setBrush(pal.color(QPalette::Text));
}

void RocChartView::layoutOverlay()
{
    const QRectF plot = chart()->plotArea();
    if (plot.isEmpty())
        return;
    // The lower right of the plot lies under the diagonal, where a useful curve never is.
    if (annotation_->isVisible()) {
        const QRectF text = annotation_->boundingRect();
        const QPointF topLeft(plot.right() - text.width() - 8, plot.bottom() - text.height() - 8);
        annotation_->setPos(topLeft);
        annotationBox_->setRect(QRectF(topLeft, text.size()));
    }
    if (emptyText_->isVisible()) {
        const QRectF text = emptyText_->boundingRect();
        emptyText_->setPos(plot.center() - QPointF(text.width() / 2, text.height() / 2));
    }
}

} // namespace cutofflab::ui
