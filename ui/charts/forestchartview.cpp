#include "charts/forestchartview.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cutofflab::ui {

namespace {
constexpr double kTextZ = 60;
}

ForestChartView::ForestChartView(QWidget* parent)
    : ChartView(parent)
{
    QChart* c = chart();
    c->legend()->setVisible(false);
    hrAxis_ = new QLogValueAxis(c);
    hrAxis_->setBase(10.0);
    hrAxis_->setLabelFormat(QStringLiteral("%g"));
    hrAxis_->setMinorTickCount(8);
    hrAxis_->setTitleText(tr("Hazard ratio (log scale)"));
    rowAxis_ = new QValueAxis(c);
    rowAxis_->setVisible(false);
    rowAxis_->setGridLineVisible(false);
    c->addAxis(hrAxis_, Qt::AlignBottom);
    c->addAxis(rowAxis_, Qt::AlignLeft);
    noEffect_ = new QLineSeries(c);
    c->addSeries(noEffect_);
    noEffect_->attachAxis(hrAxis_);
    noEffect_->attachAxis(rowAxis_);
    emptyText_ = new QGraphicsSimpleTextItem(c);
    emptyText_->setZValue(kTextZ);
    emptyText_->setVisible(false);
    applyPalette();
}

void ForestChartView::clear()
{
    for (QAbstractSeries* series : chart()->series()) {
        if (series == noEffect_)
            continue;
        chart()->removeSeries(series);
        delete series;
    }
    for (auto* item : labels_)
        delete item;
    for (auto* item : notes_)
        delete item;
    for (auto* item : values_)
        delete item;
    labels_.clear();
    notes_.clear();
    values_.clear();
    rows_.clear();
}

void ForestChartView::setRows(const std::vector<ForestRow>& rows)
{
    clear();
    rows_ = rows;
    emptyText_->setVisible(false);
    const auto count = static_cast<double>(rows.size());
    // Row i is drawn at y = count - 1 - i, so the first row is at the top.
    rowAxis_->setRange(-0.7, count - 0.3);

    double low = 1.0;
    double high = 1.0;
    for (const ForestRow& row : rows) {
        for (const auto& value : {row.estimate, row.lower, row.upper}) {
            if (value && std::isfinite(*value) && *value > 0) {
                low = std::min(low, *value);
                high = std::max(high, *value);
            }
        }
    }
    // Whole powers of ten at the ends, so the log axis labels 0.1, 1, 10 ...
    low = std::pow(10.0, std::floor(std::log10(low) - 0.05));
    high = std::pow(10.0, std::ceil(std::log10(high) + 0.05));
    hrAxis_->setRange(std::max(low, 1e-4), std::min(high, 1e4));

    noEffect_->clear();
    noEffect_->append(1.0, -0.7);
    noEffect_->append(1.0, count - 0.3);

    auto* points = new QScatterSeries;
    points->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    points->setMarkerSize(9);
    points->setPen(Qt::NoPen);
    const QColor text = palette().color(QPalette::Text);
    points->setColor(text);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ForestRow& row = rows[i];
        const double y = count - 1 - static_cast<double>(i);
        auto* label = new QGraphicsSimpleTextItem(row.label, chart());
        QFont font = this->font();
        font.setBold(row.heading);
        label->setFont(font);
        label->setBrush(text);
        label->setZValue(kTextZ);
        labels_.push_back(label);
        auto* note = new QGraphicsSimpleTextItem(row.note, chart());
        note->setBrush(text);
        note->setZValue(kTextZ);
        notes_.push_back(note);
        auto* value = new QGraphicsSimpleTextItem(row.valueText, chart());
        value->setBrush(text);
        value->setZValue(kTextZ);
        values_.push_back(value);
        if (row.heading || !row.estimate)
            continue;
        if (row.lower && row.upper && std::isfinite(*row.lower) && std::isfinite(*row.upper) && *row.lower > 0) {
            auto* whisker = new QLineSeries;
            whisker->append(*row.lower, y);
            whisker->append(*row.upper, y);
            whisker->setPen(QPen(row.colour.isValid() ? row.colour : text, 2));
            chart()->addSeries(whisker);
            whisker->attachAxis(hrAxis_);
            whisker->attachAxis(rowAxis_);
        }
        points->append(*row.estimate, y);
    }
    chart()->addSeries(points);
    points->attachAxis(hrAxis_);
    points->attachAxis(rowAxis_);

    // Reserve room at the left for the longest label.
    double widest = 0;
    const double indent = QFontMetricsF(font()).averageCharWidth() * 2;
    for (std::size_t i = 0; i < labels_.size(); ++i)
        widest = std::max(widest, labels_[i]->boundingRect().width() + (rows_[i].heading ? 0.0 : indent));
    double widestValue = 0;
    for (auto* value : values_)
        widestValue = std::max(widestValue, value->boundingRect().width());
    QMargins margins = chart()->margins();
    margins.setLeft(static_cast<int>(widest) + 16);
    margins.setRight(static_cast<int>(widestValue) + 16);
    chart()->setMargins(margins);
    setHasContent(!rows.empty());
    layoutOverlay();
}

void ForestChartView::showEmpty(const QString& reason)
{
    clear();
    noEffect_->clear();
    emptyText_->setText(reason);
    emptyText_->setVisible(true);
    setHasContent(false);
    layoutOverlay();
}

QStringList ForestChartView::rowTexts() const
{
    QStringList texts;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        texts << (rows_[i].note.isEmpty() ? rows_[i].label : rows_[i].label + QStringLiteral(": ") + rows_[i].note);
    return texts;
}

void ForestChartView::applyPalette()
{
    ChartView::applyPalette();
    const QPalette& pal = palette();
    QColor line = pal.color(QPalette::Text);
    line.setAlphaF(0.5f);
    noEffect_->setPen(QPen(line, 1, Qt::DashLine));
    emptyText_->setBrush(pal.color(QPalette::Text));
    for (auto* item : labels_)
        item->setBrush(pal.color(QPalette::Text));
    for (auto* item : notes_)
        item->setBrush(pal.color(QPalette::Text));
    for (auto* item : values_)
        item->setBrush(pal.color(QPalette::Text));
}

void ForestChartView::layoutOverlay()
{
    const QRectF plot = chart()->plotArea();
    if (plot.isEmpty())
        return;
    if (emptyText_->isVisible()) {
        const QRectF text = emptyText_->boundingRect();
        emptyText_->setPos(plot.center() - QPointF(text.width() / 2, text.height() / 2));
    }
    const double count = static_cast<double>(rows_.size());
    const double rangeLow = rowAxis_->min();
    const double rangeHigh = rowAxis_->max();
    const double logLow = std::log10(hrAxis_->min());
    const double logHigh = std::log10(hrAxis_->max());
    const double xOfOne = plot.left() + (0.0 - logLow) / (logHigh - logLow) * plot.width();
    // Qt Charts reports plot-area changes while setRows() still builds the items.
    const std::size_t ready = std::min({rows_.size(), labels_.size(), notes_.size(), values_.size()});
    for (std::size_t i = 0; i < ready; ++i) {
        const double y = count - 1 - static_cast<double>(i);
        const double pixelY = plot.bottom() - (y - rangeLow) / (rangeHigh - rangeLow) * plot.height();
        QGraphicsSimpleTextItem* label = labels_[i];
        const QRectF box = label->boundingRect();
        const double indent = rows_[i].heading ? 0.0 : QFontMetricsF(font()).averageCharWidth() * 2;
        label->setPos(chart()->rect().left() + 6 + indent, pixelY - box.height() / 2);
        QGraphicsSimpleTextItem* note = notes_[i];
        const QRectF noteBox = note->boundingRect();
        note->setPos(xOfOne + 6, pixelY - noteBox.height() / 2);
        QGraphicsSimpleTextItem* value = values_[i];
        value->setPos(plot.right() + 12, pixelY - value->boundingRect().height() / 2);
    }
}

} // namespace cutofflab::ui
