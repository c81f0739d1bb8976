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

namespace {

// Share of the time axis below which drops of a curve are drawn as one: a step function
// is monotone, so the drops within one bin form one vertical segment at the bin's first
// drop. 1/4000 of the axis is under a pixel on screen and about one pixel in a 300 dpi
// export, and it bounds a curve to 8000 points whatever the cohort's size.
constexpr double kBinShare = 1.0 / 4000.0;

// Builds the points of a step function from its drops, merging drops in one bin.
class StepPoints {
public:
    explicit StepPoints(double binWidth) : binWidth_(binWidth) { points_ << QPointF(0.0, 1.0); }

    double value() const { return points_.back().y(); }

    void dropTo(double time, double value)
    {
        const auto bin = static_cast<long long>(time / binWidth_);
        if (bin == lastBin_ && points_.size() >= 2) {
            points_.back().setY(value);
            return;
        }
        const double previous = points_.back().y();
        points_ << QPointF(time, previous) << QPointF(time, value);
        lastBin_ = bin;
    }

    void extendTo(double time) { points_ << QPointF(time, points_.back().y()); }
    const QList<QPointF>& points() const { return points_; }

private:
    double binWidth_;
    long long lastBin_ = -1;
    QList<QPointF> points_;
};

} // namespace

void KmChartView::setCurves(const std::vector<KmCurve>& curves, const chartstyle::Ticks& ticks, const QString& timeTitle)
{
    emptyText_->setVisible(false);
    const double maxTime = ticks.values.empty() ? 1.0 : ticks.values.back();
    timeAxis_->setRange(0.0, maxTime);
    timeAxis_->setTickInterval(ticks.interval);
    timeAxis_->setTitleText(timeTitle);

    // Series are kept while the number of curves stays, since creating Qt Charts series
    // costs far more than replacing their points.
    if (curves.size() != lines_.size()) {
        clearCurves();
        for (std::size_t g = 0; g < curves.size(); ++g)
            addCurveSeries();
    }
    steps_.assign(curves.size(), {});
    censorPoints_.assign(curves.size(), {});

    const double binWidth = maxTime * kBinShare;
    // Fainter bands where three or more overlap, and on dark backgrounds, where the
    // same alpha reads brighter, so that the curves stay the strongest lines.
    float bandAlpha = curves.size() > 2 ? 0.11f : 0.16f;
    if (chartstyle::isDark(palette()))
        bandAlpha *= 0.8f;
    for (std::size_t g = 0; g < curves.size(); ++g) {
        const KmCurve& curve = curves[g];
        StepPoints line(binWidth);
        StepPoints upper(binWidth);
        StepPoints lower(binWidth);
        std::vector<QPointF>& censored = censorPoints_[g];
        bool bandOpen = true;
        double lastTime = 0.0;
        long long lastCensorBin = -1;
        for (const KmPoint& point : curve.estimate->curve) {
            if (point.surv != line.value())
                line.dropTo(point.time, point.surv);
            if (bandOpen) {
                if (point.lower && point.upper) {
                    if (*point.upper != upper.value() || *point.lower != lower.value()) {
                        upper.dropTo(point.time, *point.upper);
                        lower.dropTo(point.time, *point.lower);
                    }
                } else {
                    // No interval where S = 0 (or R gives NA): the band ends here.
                    upper.extendTo(point.time);
                    lower.extendTo(point.time);
                    bandOpen = false;
                }
            }
            // One censor mark per bin: marks closer than a pixel would print as a bar.
            const auto bin = static_cast<long long>(point.time / binWidth);
            if (point.nCensor > 0 && bin != lastCensorBin) {
                censored.emplace_back(point.time, point.surv);
                lastCensorBin = bin;
            }
            lastTime = point.time;
        }
        line.extendTo(lastTime);
        if (bandOpen) {
            upper.extendTo(lastTime);
            lower.extendTo(lastTime);
        }

        QAreaSeries* band = bands_[g];
        band->upperSeries()->replace(upper.points());
        band->lowerSeries()->replace(lower.points());
        QColor fill = curve.colour;
        fill.setAlphaF(bandAlpha);
        band->setBrush(fill);
        band->setName(curve.name.toHtmlEscaped() + tr(" CI"));
        band->setVisible(bandsVisible_);

        QLineSeries* series = lines_[g];
        series->replace(line.points());
        series->setName(curve.name.toHtmlEscaped());   // legend labels are rich text
        series->setPen(QPen(curve.colour, 2));
        steps_[g].assign(line.points().begin(), line.points().end());

        censorMarks_[g]->setPen(QPen(curve.colour, 1.5));
        censorMarks_[g]->setVisible(censorVisible_);
    }
    setHasContent(!curves.empty());
    layoutOverlay();
}

void KmChartView::addCurveSeries()
{
    auto* upperSeries = new QLineSeries;
    auto* lowerSeries = new QLineSeries;
    auto* band = new QAreaSeries(upperSeries, lowerSeries);
    upperSeries->setParent(band);
    lowerSeries->setParent(band);
    band->setPen(Qt::NoPen);
    chart()->addSeries(band);
    band->attachAxis(timeAxis_);
    band->attachAxis(survivalAxis_);
    for (QLegendMarker* marker : chart()->legend()->markers(band))
        marker->setVisible(false);
    bands_.push_back(band);

    auto* series = new QLineSeries;
    chart()->addSeries(series);
    series->attachAxis(timeAxis_);
    series->attachAxis(survivalAxis_);
    lines_.push_back(series);

    auto* marks = new QGraphicsPathItem(chart());
    marks->setZValue(kMarksZ);
    censorMarks_.push_back(marks);
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
