#include "charts/chartview.h"

#include "charts/chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsLayout>
#include <QPainter>
#include <QVBoxLayout>

namespace cutofflab::ui {

ChartView::ChartView(QWidget* parent)
    : QWidget(parent), chart_(new QChart), view_(new QChartView(chart_, this))
{
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setFrameShape(QFrame::NoFrame);
    view_->setFocusPolicy(Qt::NoFocus);
    chart_->setAnimationOptions(QChart::NoAnimation);
    chart_->layout()->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    connect(chart_, &QChart::plotAreaChanged, this, [this] {
        if (inLayout_)
            return;
        inLayout_ = true;
        layoutOverlay();
        inLayout_ = false;
    });
    chartstyle::applyPalette(chart_, palette());
}

ChartView::~ChartView() = default;

QSize ChartView::currentSize() const
{
    return view_->size();
}

void ChartView::applyPalette()
{
    chartstyle::applyPalette(chart_, palette());
}

void ChartView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        layoutOverlay();
    }
    QWidget::changeEvent(event);
}

void ChartView::render(QPainter* painter, const QRectF& target, const QSizeF& logicalSize)
{
    // Lay the chart out at the export size, draw the scene, then give it back its size
    // on screen. QChart lays itself out when its geometry changes, and the overlay
    // follows through plotAreaChanged.
    const QRectF onScreen = chart_->geometry();
    chart_->setGeometry(QRectF(QPointF(0, 0), logicalSize));
    chart_->layout()->activate();
    layoutOverlay();
    chart_->scene()->render(painter, target, QRectF(QPointF(0, 0), logicalSize), Qt::IgnoreAspectRatio);
    chart_->setGeometry(onScreen);
    chart_->layout()->activate();
    layoutOverlay();
}

QImage ChartView::toImage(const QSize& pixelSize, double dpi)
{
    QImage image(pixelSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    const double scale = dpi / 96.0;
    {
        // The image keeps its default 96 dpi while painting, so that fonts given in
        // points take the same pixels as on a 96 dpi screen before the scale applies.
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        render(&painter, QRectF(QPointF(0, 0), QSizeF(pixelSize)), QSizeF(pixelSize) / scale);
    }
    const double dotsPerMetre = dpi / 0.0254;
    image.setDotsPerMeterX(qRound(dotsPerMetre));
    image.setDotsPerMeterY(qRound(dotsPerMetre));
    return image;
}

} // namespace cutofflab::ui
