#pragma once

#include "controls/cutoffslider.h"

#include <QWidget>

#include <memory>

namespace cutofflab {
struct MarkerLandscape;
}

namespace cutofflab::ui {

/// The cut-off landscape drawn above the slider on the slider's own scale: the
/// standardized log-rank statistic of every candidate cut-off between the minimum and
/// maximum group proportions, as maxstat's plot draws it. The area under the curve is
/// coloured by the sign of the log hazard ratio of the high group, as X-tile colours it:
/// red where high marker values do worse, blue where they do better. A line marks the
/// current cut-off, and hovering shows the values at a cut-off.
class LandscapeStrip : public QWidget {
    Q_OBJECT
public:
    explicit LandscapeStrip(CutoffSlider* slider, QWidget* parent = nullptr);

    /// Shows a landscape, or nothing with the reason (status) when it is empty.
    void setLandscape(std::shared_ptr<const MarkerLandscape> landscape, const QString& status = {});
    /// Under rule >= the handle at value v gives the split of the candidate just below v,
    /// so the curve moves to the next observed value; under rule > it stays on the candidate.
    void setRuleGreaterOrEqual(bool greaterOrEqual);

    std::shared_ptr<const MarkerLandscape> landscape() const { return landscape_; }
    /// Position on the slider's scale where candidate i is drawn.
    double candidatePosition(std::size_t index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    double handleValueOf(std::size_t index) const;

    CutoffSlider* slider_;
    std::shared_ptr<const MarkerLandscape> landscape_;
    QString status_;
    bool greaterOrEqual_ = true;
};

} // namespace cutofflab::ui
