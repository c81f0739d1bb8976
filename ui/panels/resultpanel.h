#pragma once

#include "controller/analysisjob.h"

#include <QWidget>

#include <initializer_list>

namespace cutofflab::ui {

class ChartView;
struct LoadedCohort;

/// A panel of the window: one chart with its table and settings, showing one part of an
/// AnalysisResult. Panels only draw; the numbers come from the core through the controller.
class ResultPanel : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// Adapts the panel's settings to a newly loaded cohort.
    virtual void setCohort(const LoadedCohort& cohort) = 0;
    /// Adds the panel's settings (times, outcome, covariates) to a request.
    virtual void contribute(AnalysisRequest& request) const = 0;
    /// Shows an outcome of the controller.
    virtual void showOutcome(const AnalysisOutcome& outcome, const LoadedCohort& cohort) = 0;
    /// Shows why there is no result.
    virtual void showNoResult(const QString& reason) = 0;
    virtual ChartView* chartView() const = 0;
    /// The panel's tables as tab-separated text at full precision.
    virtual QString tableText() const = 0;

signals:
    /// A setting of the panel changed, so the analysis must run again.
    void settingsChanged();
};

/// The texts of the result's messages whose part is one of `parts`.
QStringList messagesFor(const AnalysisResult& result, std::initializer_list<const char*> parts);

/// The name a group is shown with: "low", "high", or "score 1".
QString groupDisplayName(const AnalysisResult& result, const AnalysisSpec& spec, int group);

/// The group's name with its rule, e.g. "high: il6_pg_ml ≥ 8.58".
QString groupDefinition(const AnalysisResult& result, const AnalysisSpec& spec, int group);

} // namespace cutofflab::ui
