#pragma once

#include "cutpoint/twocutoffs.h"

#include <QWidget>

#include <memory>

namespace cutofflab::ui {

/// The two-cut-off heat map: for every pair of cut-offs (low on the horizontal axis,
/// high on the vertical) the 3-group log-rank chi-square (2 df), darker where it is
/// larger, as X-tile draws it. The largest cell is outlined; hovering shows a cell.
class HeatMapView : public QWidget {
    Q_OBJECT
public:
    explicit HeatMapView(QWidget* parent = nullptr);

    /// Shows the scan, or the reason when it is empty.
    void setScan(std::shared_ptr<const TwoCutoffScan> scan, const QString& marker, const QString& emptyText = {});
    std::shared_ptr<const TwoCutoffScan> scan() const { return scan_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF plotArea() const;

    std::shared_ptr<const TwoCutoffScan> scan_;
    QString marker_;
    QString emptyText_;
};

} // namespace cutofflab::ui
