#include "charts/kmchartview.h"

#include <QAreaSeries>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainterPath>
#include <QTextDocument>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace cutofflab::ui {

namespace {

// Z order above the series that Qt Charts draws.
constexpr double kMarksZ = 40;
constexpr double kTextZ = 60;

QFont smallFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.9);
    return font;
}

} // namespace

KmChartView::KmChartView(QWidget* parent)
    : ChartView(parent)
{
    QChart* c = chart();
    c->legend()->setAlignment(Qt::AlignTop);
    timeAxis_ = new QValueAxis(c);
    survivalAxis_ = new QValueAxis(c);
    timeAxis_->setTickType(QValueAxis::TicksDynamic);
    timeAxis_->setTickAnchor(0.0);
    timeAxis_->setLabelFormat(QStringLiteral("%.4g"));
    survivalAxis_->setRange(0.0, 1.0);
    survivalAxis_->setTickType(QValueAxis::TicksDynamic);
    survivalAxis_->setTickAnchor(0.0);
    survivalAxis_->setTickInterval(0.2);
    survivalAxis_->setLabelFormat(QStringLiteral("%.1f"));
    survivalAxis_->setTitleText(tr("Survival probability"));
    c->addAxis(timeAxis_, Qt::AlignBottom);
    c->addAxis(survivalAxis_, Qt::AlignLeft);

    annotationBox_ = new QGraphicsRectItem(c);
    annotationBox_->setZValue(kTextZ - 1);
    annotation_ = new QGraphicsTextItem(c);
    annotation_->setZValue(kTextZ);
    annotation_->setFont(smallFont(font()));
    emptyText_ = new QGraphicsSimpleTextItem(c);
    emptyText_->setZValue(kTextZ);
    emptyText_->setVisible(false);
    applyPalette();
}

void KmChartView::clearCurves()
{
    for (QAbstractSeries* series : chart()->series()) {
        chart()->removeSeries(series);
        delete series;
    }
    lines_.clear();
    bands_.clear();
    for (QGraphicsPathItem* item : censorMarks_)
        delete item;
    censorMarks_.clear();
    censorPoints_.clear();
    steps_.clear();
}

void KmChartView::setCurves(const std::vector<KmCurve>& curves, const chartstyle::Ticks& ticks, const QString& timeTitle)
{
    clearCurves();
    emptyText_->setVisible(false);
    const double maxTime = ticks.values.empty() ? 1.0 : ticks.values.back();
    timeAxis_->setRange(0.0, maxTime);
    timeAxis_->setTickInterval(ticks.interval);
    timeAxis_->setTitleText(timeTitle);

    for (const KmCurve& curve : curves) {
        const KaplanMeier& km = *curve.estimate;
        QList<QPointF> line{{0.0, 1.0}};
        QList<QPointF> upper{{0.0, 1.0}};
        QList<QPointF> lower{{0.0, 1.0}};
        std::vector<QPointF> censored;
        double surv = 1.0;
        double up = 1.0;
        double low = 1.0;
        bool bandOpen = true;
        double lastTime = 0.0;
        // A step function: at each time the curve drops vertically from its old value.
        for (const KmPoint& point : km.curve) {
            if (point.surv != surv) {
                line << QPointF(point.time, surv) << QPointF(point.time, point.surv);
                surv = point.surv;
            }
            if (bandOpen) {
                if (point.lower && point.upper) {
                    if (*point.upper != up || *point.lower != low) {
                        upper << QPointF(point.time, up) << QPointF(point.time, *point.upper);
                        lower << QPointF(point.time, low) << QPointF(point.time, *point.lower);
                        up = *point.upper;
                        low = *point.lower;
                    }
                } else {
                    // No interval where S = 0 (or R gives NA): the band ends here.
                    upper << QPointF(point.time, up);
                    lower << QPointF(point.time, low);
                    bandOpen = false;
                }
            }
            if (point.nCensor > 0)
                censored.emplace_back(point.time, point.surv);
            lastTime = point.time;
        }
        line << QPointF(lastTime, surv);
        if (bandOpen) {
            upper << QPointF(lastTime, up);
            lower << QPointF(lastTime, low);
        }

        auto* upperSeries = new QLineSeries;
        auto* lowerSeries = new QLineSeries;
        upperSeries->replace(upper);
        lowerSeries->replace(lower);
        auto* band = new QAreaSeries(upperSeries, lowerSeries);
        upperSeries->setParent(band);
        lowerSeries->setParent(band);
        QColor fill = curve.colour;
        fill.setAlphaF(0.16f);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        band->setName(curve.name.toHtmlEscaped() + tr(" CI"));
        band->setVisible(bandsVisible_);
        chart()->addSeries(band);
        band->attachAxis(timeAxis_);
        band->attachAxis(survivalAxis_);
        for (QLegendMarker* marker : chart()->legend()->markers(band))
            marker->setVisible(false);
        bands_.push_back(band);

        auto* series = new QLineSeries;
        series->replace(line);
        series->setName(curve.name.toHtmlEscaped());   // legend labels are rich text
        series->setPen(QPen(curve.colour, 2));
        chart()->addSeries(series);
        series->attachAxis(timeAxis_);
        series->attachAxis(survivalAxis_);
        lines_.push_back(series);
        steps_.push_back(std::vector<QPointF>(line.begin(), line.end()));

        auto* marks = new QGraphicsPathItem(chart());
        marks->setPen(QPen(curve.colour, 1.5));
        marks->setZValue(kMarksZ);
        marks->setVisible(censorVisible_);
        censorMarks_.push_back(marks);
        censorPoints_.push_back(std::move(censored));
    }
    setHasContent(!curves.empty());
    layoutOverlay();
}

void KmChartView::setRiskTable(const KmRiskTable& table)
{
    clearRiskTable();
    table_ = table;
    const QFont font = smallFont(this->font());
    QFont bold = font;
    bold.setBold(true);
    const QColor text = palette().color(QPalette::Text);
    for (const KmRiskTable::Block& block : table_.blocks) {
        auto* title = new QGraphicsSimpleTextItem(block.title, chart());
        title->setFont(bold);
        title->setBrush(text);
        title->setZValue(kTextZ);
        tableItems_.push_back(title);
        for (const KmRiskTable::Row& row : block.rows) {
            auto* label = new QGraphicsSimpleTextItem(row.label, chart());
            label->setFont(bold);
            label->setBrush(row.colour);
            label->setZValue(kTextZ);
            tableItems_.push_back(label);
            for (int value : row.values) {
                auto* cell = new QGraphicsSimpleTextItem(QString::number(value), chart());
                cell->setFont(font);
                cell->setBrush(text);
                cell->setZValue(kTextZ);
                tableItems_.push_back(cell);
            }
        }
    }
    // Room under the axis for the table.
    int rows = 0;
    for (const KmRiskTable::Block& block : table_.blocks)
        rows += 1 + static_cast<int>(block.rows.size());
    QMargins margins = chart()->margins();
    margins.setBottom(static_cast<int>(rows * riskRowHeight() + (rows > 0 ? riskRowHeight() * 0.6 : 0)));
    chart()->setMargins(margins);
    layoutOverlay();
}

void KmChartView::clearRiskTable()
{
    for (QGraphicsSimpleTextItem* item : tableItems_)
        delete item;
    tableItems_.clear();
    table_ = {};
}

double KmChartView::riskRowHeight() const
{
    return QFontMetricsF(smallFont(font())).height() * 1.12;
}

void KmChartView::setAnnotation(const QString& html)
{
    annotation_->setHtml(html);
    annotation_->setVisible(!html.isEmpty());
    annotationBox_->setVisible(!html.isEmpty());
    layoutOverlay();
}

QString KmChartView::annotationText() const
{
    return annotation_->document()->toPlainText();
}

QStringList KmChartView::riskTableText() const
{
    QStringList lines;
    std::size_t item = 0;
    for (const KmRiskTable::Block& block : table_.blocks) {
        lines << tableItems_[item++]->text();
        for (const KmRiskTable::Row& row : block.rows) {
            QStringList cells;
            for (std::size_t k = 0; k <= row.values.size(); ++k)
                cells << tableItems_[item++]->text();
            lines << cells.join(QLatin1Char('\t'));
        }
    }
    return lines;
}

void KmChartView::setBandsVisible(bool visible)
{
    bandsVisible_ = visible;
    for (QAreaSeries* band : bands_)
        band->setVisible(visible);
}

void KmChartView::setCensorMarksVisible(bool visible)
{
    censorVisible_ = visible;
    for (QGraphicsPathItem* marks : censorMarks_)
        marks->setVisible(visible);
}

void KmChartView::showEmpty(const QString& reason)
{
    clearCurves();
    clearRiskTable();
    QMargins margins = chart()->margins();
    margins.setBottom(0);
    chart()->setMargins(margins);
    setAnnotation({});
    emptyText_->setText(reason);
    emptyText_->setVisible(true);
    setHasContent(false);
    layoutOverlay();
}

void KmChartView::applyPalette()
{
    ChartView::applyPalette();
    const QPalette& pal = palette();
    annotation_->setDefaultTextColor(pal.color(QPalette::Text));
    QColor background = pal.color(QPalette::Base);
    background.setAlphaF(0.88f);
    annotationBox_->setBrush(background);
    annotationBox_->setPen(QPen(pal.color(QPalette::Mid), 1));
    emptyText_->setBrush(pal.color(QPalette::Text));
    for (QGraphicsSimpleTextItem* item : tableItems_) {
        if (item->font().bold())
            continue;
        item->setBrush(pal.color(QPalette::Text));
    }
}

int KmChartView::curvesCrossing(const QRectF& box, const std::function<double(double)>& xOf,
                                const std::function<double(double)>& yOf) const
{
    // A survival curve only falls. So it enters the box when it is at or above the box's
    // bottom at the left edge and at or below the box's top at the right edge.
    int crossing = 0;
    for (const std::vector<QPointF>& steps : steps_) {
        if (steps.empty())
            continue;
        const auto valueAt = [&](double pixelX) {
            double value = steps.front().y();
            for (const QPointF& point : steps) {
                if (xOf(point.x()) > pixelX)
                    break;
                value = point.y();
            }
            return value;
        };
        const double lastX = xOf(steps.back().x());
        if (lastX < box.left())
            continue;
        const double atLeft = yOf(valueAt(box.left()));
        const double atRight = yOf(valueAt(std::min(box.right(), lastX)));
        if (atLeft <= box.bottom() && atRight >= box.top())
            ++crossing;
    }
    return crossing;
}

void KmChartView::layoutOverlay()
{
    const QRectF plot = chart()->plotArea();
    if (plot.isEmpty())
        return;

    // Censor marks: a small "+" at each censoring time, on the curve.
    const double minTime = timeAxis_->min();
    const double maxTime = timeAxis_->max();
    const auto xOf = [&](double time) {
        return plot.left() + (time - minTime) / (maxTime - minTime) * plot.width();
    };
    const auto yOf = [&](double surv) { return plot.bottom() - surv * plot.height(); };
    const double arm = std::max(3.0, QFontMetricsF(font()).height() * 0.28);
    for (std::size_t g = 0; g < censorMarks_.size(); ++g) {
        QPainterPath path;
        for (const QPointF& point : censorPoints_[g]) {
            const QPointF at(xOf(point.x()), yOf(point.y()));
            path.moveTo(at.x(), at.y() - arm);
            path.lineTo(at.x(), at.y() + arm);
            path.moveTo(at.x() - arm, at.y());
            path.lineTo(at.x() + arm, at.y());
        }
        censorMarks_[g]->setPath(path);
    }

    // Annotation box in the corner that the fewest curves cross: the lower left (where
    // curves starting at 1 rarely are), else the upper right or the lower right.
    if (annotation_->isVisible()) {
        const QRectF text = annotation_->boundingRect();
        const double pad = 8;
        const QPointF corners[] = {
            {plot.left() + pad, plot.bottom() - text.height() - pad},
            {plot.right() - text.width() - pad, plot.top() + pad},
            {plot.right() - text.width() - pad, plot.bottom() - text.height() - pad},
        };
        QPointF best = corners[0];
        int fewest = std::numeric_limits<int>::max();
        for (const QPointF& corner : corners) {
            const QRectF box(corner, text.size());
            const int crossing = curvesCrossing(box, xOf, yOf);
            if (crossing < fewest) {
                fewest = crossing;
                best = corner;
            }
        }
        annotation_->setPos(best);
        annotationBox_->setRect(QRectF(best, text.size()));
    }
    if (emptyText_->isVisible()) {
        const QRectF text = emptyText_->boundingRect();
        emptyText_->setPos(plot.center() - QPointF(text.width() / 2, text.height() / 2));
    }

    // Risk table: below the axis labels and title, one column per tick.
    if (tableItems_.empty())
        return;
    const QFontMetricsF labelMetrics(timeAxis_->labelsFont());
    const QFontMetricsF titleMetrics(timeAxis_->titleFont());
    const double rowHeight = riskRowHeight();
    double y = plot.bottom() + labelMetrics.height() + titleMetrics.height() + rowHeight * 0.6;
    std::size_t item = 0;
    for (const KmRiskTable::Block& block : table_.blocks) {
        QGraphicsSimpleTextItem* title = tableItems_[item++];
        title->setPos(chart()->rect().left() + 6, y);
        y += rowHeight;
        for (const KmRiskTable::Row& row : block.rows) {
            QGraphicsSimpleTextItem* label = tableItems_[item++];
            label->setPos(plot.left() - label->boundingRect().width() - 10, y);
            for (std::size_t k = 0; k < row.values.size(); ++k) {
                QGraphicsSimpleTextItem* cell = tableItems_[item++];
                const double x = k < table_.ticks.size() ? xOf(table_.ticks[k]) : plot.right();
                cell->setPos(x - cell->boundingRect().width() / 2, y);
            }
            y += rowHeight;
        }
    }
}

} // namespace cutofflab::ui
