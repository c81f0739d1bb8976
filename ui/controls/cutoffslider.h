#pragma once

#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

namespace cutofflab::ui {

/// A slider over a marker's observed values; the handle is the cut-off. The track shows
/// where the patients' values lie (a rug, darker where values crowd). Marks below it show
/// two reference cut-offs: the Youden point of the ROC curve and the maximal log-rank cut-off.
///
/// The handle only rests on observed values, since a cut-off between two neighbouring
/// values gives the same groups as the upper one (rule >=). Keys: Left/Down and
/// Right/Up step to the neighbouring observed value, Page Down/Page Up move by 5% of
/// the patients, Home/End go to the smallest and largest value. The mouse and wheel
/// move it too. The scale is linear or logarithmic (for positive values only).
class CutoffSlider : public QWidget {
    Q_OBJECT
public:
    enum class Scale { Linear, Log };

    explicit CutoffSlider(QWidget* parent = nullptr);

    /// Sets the patients' marker values (any order, no NaN); resets the marks. The
    /// cut-off moves to the nearest observed value.
    void setValues(std::vector<double> values);
    const std::vector<double>& distinctValues() const { return distinct_; }

    void setScale(Scale scale);
    Scale scale() const { return scale_; }
    /// True when every value is positive, so that a log scale can show them.
    bool logScaleAvailable() const;

    double cutoff() const { return cutoff_; }
    /// Moves the handle to the value (not snapped: an exact value typed by the user is kept).
    void setCutoff(double value);

    void setYoudenMark(std::optional<double> value);
    void setMaxStatMark(std::optional<double> value);
    /// A band on the track from lower to upper (the bootstrap interval of the optimal cut-off).
    void setBand(std::optional<std::pair<double, double>> band);
    std::optional<std::pair<double, double>> band() const { return band_; }
    std::optional<double> youdenMark() const { return youden_; }
    std::optional<double> maxStatMark() const { return maxStat_; }

    /// Share of the values below the cut-off (those in the low group under rule >=).
    double fractionBelow(double value) const;
    /// Number of values below the value, or at or below it when inclusive.
    std::size_t countBelow(double value, bool inclusive) const;
    std::size_t valueCount() const { return sorted_.size(); }

    /// The observed value `steps` distinct values away from the cut-off (negative: lower).
    double steppedValue(int steps) const;
    /// The observed value about `percent` percent of the patients away from the cut-off.
    double percentStepValue(double percent) const;

    /// Horizontal pixel position of a value on the track, and the value at a position.
    double positionOf(double value) const;
    double valueAt(double x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// Emitted when the user moves the handle (keys, mouse, wheel), not by setCutoff().
    void cutoffMoved(double cutoff);

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool event(QEvent* event) override;

private:
    void moveByUser(double value);
    double nearestDistinct(double value) const;
    double scaled(double value) const;
    double trackLeft() const;
    double trackRight() const;
    double trackY() const;

    const std::vector<int>& rugCounts() const;

    std::vector<double> sorted_;     // every value, ascending
    std::vector<double> distinct_;   // distinct values, ascending
    Scale scale_ = Scale::Linear;
    double cutoff_ = 0.0;
    std::optional<double> youden_;
    std::optional<double> maxStat_;
    std::optional<std::pair<double, double>> band_;
    // Values per pixel column of the track, kept until the values, scale or width change.
    mutable std::vector<int> rugCounts_;
    mutable int rugWidth_ = -1;
    mutable Scale rugScale_ = Scale::Linear;
};

} // namespace cutofflab::ui
