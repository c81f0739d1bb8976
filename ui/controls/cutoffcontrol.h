#pragma once

#include "analysis/spec.h"
#include "controls/cutoffslider.h"

#include <QDoubleSpinBox>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;

namespace cutofflab::ui {
class LandscapeStrip;
}

namespace cutofflab::ui {

struct LoadedCohort;

/// A spin box for the exact cut-off whose arrows step to the neighbouring observed value.
class ObservedValueSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    ObservedValueSpinBox(const CutoffSlider* slider, QWidget* parent = nullptr);
    void stepBy(int steps) override;

protected:
    StepEnabled stepEnabled() const override;

private:
    const CutoffSlider* slider_;
};

/// One marker with its cut-off: marker selector, scale, rule, exact value, slider, and
/// the percentile of the cut-off with the size of each side.
class MarkerCutoffEditor : public QWidget {
    Q_OBJECT
public:
    /// The primary editor's labels carry mnemonics (Alt+M, Alt+H); the second one's do
    /// not, so that each Alt+letter reaches one control.
    MarkerCutoffEditor(const QString& title, bool primary, QWidget* parent = nullptr);

    void setCohort(std::shared_ptr<const LoadedCohort> cohort, int markerIndex);

    QString marker() const;
    double cutoff() const { return slider_->cutoff(); }
    CutoffRule rule() const;

    /// Selects the marker (by name) and the cut-off without emitting changed().
    void setMarker(const QString& name);
    void setCutoff(double value);
    void setRule(CutoffRule rule);

    CutoffSlider* slider() const { return slider_; }
    /// The cut-off landscape above the slider (hidden on the second marker's editor).
    LandscapeStrip* landscape() const { return landscape_; }
    QComboBox* markerBox() const { return markerBox_; }
    QDoubleSpinBox* valueBox() const { return valueBox_; }
    QComboBox* ruleBox() const { return ruleBox_; }
    QComboBox* scaleBox() const { return scaleBox_; }

signals:
    /// The marker, cut-off or rule changed by the user.
    void changed();
    /// The marker changed (the reference marks of the slider are now stale).
    void markerChanged(const QString& marker);

private:
    void loadMarkerValues();
    void showCutoff(double value);
    void updateSummary();

    std::shared_ptr<const LoadedCohort> cohort_;
    QComboBox* markerBox_;
    QComboBox* scaleBox_;
    QComboBox* ruleBox_;
    CutoffSlider* slider_;
    LandscapeStrip* landscape_;
    ObservedValueSpinBox* valueBox_;
    QLabel* summary_;
    std::size_t missingCount_ = 0;
    int observedDecimals_ = 1;
    bool updating_ = false;
};

/// The cut-off control of the window: the first marker with its cut-off, and optionally
/// a second marker whose cut-off combines with the first into the 0/1/2 score.
class CutoffControl : public QWidget {
    Q_OBJECT
public:
    explicit CutoffControl(QWidget* parent = nullptr);

    /// Fills the marker selectors from the cohort and picks each marker's median.
    void setCohort(std::shared_ptr<const LoadedCohort> cohort);

    GroupingSpec grouping() const;
    /// Shows the grouping (kind Cutoff or Score) without emitting groupingChanged().
    void setGrouping(const GroupingSpec& spec);

    MarkerCutoffEditor* first() const { return first_; }
    MarkerCutoffEditor* second() const { return second_; }
    QCheckBox* scoreBox() const { return scoreBox_; }

signals:
    void groupingChanged();
    void markerChanged();

private:
    MarkerCutoffEditor* first_;
    MarkerCutoffEditor* second_;
    QCheckBox* scoreBox_;
};

} // namespace cutofflab::ui
