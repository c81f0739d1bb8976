#include "charts/responsechartview.h"

#include <QBarCategoryAxis>
#include <QStackedBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QTextDocument>
#include <QValueAxis>

#include <algorithm>

namespace cutofflab::ui {

namespace {
constexpr double kTextZ = 60;
constexpr double kBarWidth = 0.6;   // share of a category's width
}

ResponseChartView::ResponseChartView(QWidget* parent)
    : ChartView(parent)
{
    QChart* c = chart();
    c->legend()->setVisible(false);
    groupAxis_ = new QBarCategoryAxis(c);
    groupAxis_->setTitleText(tr("Group"));
    rateAxis_ = new QValueAxis(c);
    rateAxis_->setRange(0.0, 1.0);
    rateAxis_->setTickType(QValueAxis::TicksDynamic);
    rateAxis_->setTickAnchor(0.0);
    rateAxis_->setTickInterval(0.2);
    rateAxis_->setLabelFormat(QStringLiteral("%.1f"));
    c->addAxis(groupAxis_, Qt::AlignBottom);
    c->addAxis(rateAxis_, Qt::AlignLeft);
    emptyText_ = new QGraphicsSimpleTextItem(c);
    emptyText_->setZValue(kTextZ);
    emptyText_->setVisible(false);
    applyPalette();
}

void ResponseChartView::clear()
{
    for (QAbstractSeries* series : chart()->series()) {
        chart()->removeSeries(series);
        delete series;
    }
    bars_.clear();
}

void ResponseChartView::setBars(const std::vector<ResponseBar>& bars, const QString& outcomeTitle)
{
    clear();
    bars_ = bars;
    emptyText_->setVisible(false);
    rateAxis_->setTitleText(outcomeTitle);

    // Each category label carries the group's count, so no text crosses a bar or whisker.
    QStringList categories;
    for (const ResponseBar& bar : bars) {
        const QString group = bar.group.toHtmlEscaped();
        categories << (bar.total > 0 ? tr("%1<br>%2/%3").arg(group).arg(bar.positives).arg(bar.total)
                                     : tr("%1<br>no patients").arg(group));
    }
    groupAxis_->setCategories(categories);

    // One bar set per group, each with a value in its own category only, stacked so that
    // every category shows one centred bar in its group's colour.
    auto* series = new QStackedBarSeries;
    series->setBarWidth(kBarWidth);
    for (std::size_t g = 0; g < bars.size(); ++g) {
        auto* set = new QBarSet(bars[g].group);
        for (std::size_t k = 0; k < bars.size(); ++k)
            *set << (k == g ? bars[g].rate.value_or(0.0) : 0.0);
        QColor fill = bars[g].colour;
        fill.setAlphaF(0.75f);
        set->setColor(fill);
        set->setBorderColor(bars[g].colour);
        series->append(set);
    }
    chart()->addSeries(series);
    series->attachAxis(groupAxis_);
    series->attachAxis(rateAxis_);

    // Whiskers of the exact intervals: a vertical line with short caps.
    const QColor text = palette().color(QPalette::Text);
    for (std::size_t g = 0; g < bars.size(); ++g) {
        const ResponseBar& bar = bars[g];
        if (!bar.lower || !bar.upper)
            continue;
        const double x = static_cast<double>(g);
        const double cap = 0.08;
        auto* whisker = new QLineSeries;
        whisker->append(x - cap, *bar.lower);
        whisker->append(x + cap, *bar.lower);
        whisker->append(x, *bar.lower);
        whisker->append(x, *bar.upper);
        whisker->append(x - cap, *bar.upper);
        whisker->append(x + cap, *bar.upper);
        whisker->setPen(QPen(text, 1.5));
        chart()->addSeries(whisker);
        whisker->attachAxis(groupAxis_);
        whisker->attachAxis(rateAxis_);
    }

    setHasContent(!bars.empty());
    layoutOverlay();
}

void ResponseChartView::showEmpty(const QString& reason)
{
    clear();
    groupAxis_->clear();
    emptyText_->setText(reason);
    emptyText_->setVisible(true);
    setHasContent(false);
    layoutOverlay();
}

QStringList ResponseChartView::barLabels() const
{
    QStringList labels;
    for (const QString& category : groupAxis_->categories()) {
        QTextDocument document;
        document.setHtml(QString(category).replace(QStringLiteral("<br>"), QStringLiteral(": ")));
        labels << document.toPlainText();
    }
    return labels;
}

void ResponseChartView::applyPalette()
{
    ChartView::applyPalette();
    emptyText_->setBrush(palette().color(QPalette::Text));
}

void ResponseChartView::layoutOverlay()
{
    const QRectF plot = chart()->plotArea();
    if (plot.isEmpty())
        return;
    if (emptyText_->isVisible()) {
        const QRectF text = emptyText_->boundingRect();
        emptyText_->setPos(plot.center() - QPointF(text.width() / 2, text.height() / 2));
    }
}

} // namespace cutofflab::ui
