#pragma once

#include "charts/chartview.h"

#include <QColor>

#include <optional>
#include <vector>

class QBarCategoryAxis;
class QBarSeries;
class QGraphicsSimpleTextItem;
class QValueAxis;

namespace cutofflab::ui {

/// One bar: the rate of a group with its exact interval and counts.
struct ResponseBar {
    QString group;
    QColor colour;
    std::optional<double> rate;     ///< empty for a group without patients
    std::optional<double> lower;
    std::optional<double> upper;
    long long positives = 0;
    long long total = 0;
};

/// Response rates by group as bars with their confidence intervals, each bar labelled
/// with its count ("6/21").
class ResponseChartView : public ChartView {
    Q_OBJECT
public:
    explicit ResponseChartView(QWidget* parent = nullptr);

    QString exportName() const override { return QStringLiteral("response"); }
    QString exportTitle() const override { return tr("Response rates by group"); }

    void setBars(const std::vector<ResponseBar>& bars, const QString& outcomeTitle);
    void showEmpty(const QString& reason);

    QStringList barLabels() const;

protected:
    void layoutOverlay() override;
    void applyPalette() override;

private:
    void clear();

    QBarCategoryAxis* groupAxis_;
    QValueAxis* rateAxis_;
    std::vector<ResponseBar> bars_;
    QGraphicsSimpleTextItem* emptyText_;
};

} // namespace cutofflab::ui
