#pragma once

#include "analysis/scan.h"
#include "cutpoint/bootstrap.h"
#include "cutpoint/permutation.h"
#include "cutpoint/twocutoffs.h"
#include "cutpoint/validation.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

namespace cutofflab::ui {

/// The settings of the resampling runs of the "Honest inference" tab.
struct InferenceSettings {
    std::size_t permutations = 1000;      ///< conditional Monte Carlo permutations (maxstat's B)
    std::uint64_t seed = 1;               ///< one seed for every run; each procedure draws its own stream
    std::size_t bootstrapReplicates = 200;
    double confidenceLevel = 0.95;
    double trainingFraction = 0.5;        ///< split-sample validation
    std::size_t folds = 5;                ///< cross-validation
    std::size_t heatMapGrid = 60;         ///< cut-offs per axis of the two-cut-off heat map
    unsigned threads = 2;
};

/// The results of one run; a step that did not finish (cancelled, failed) is empty.
struct InferenceOutcome {
    std::uint64_t runId = 0;
    std::string marker;
    InferenceSettings settings;
    bool cancelled = false;
    QString error;                                   ///< an InputError message, empty when none
    std::optional<PermutationResult> permutation;
    std::optional<BootstrapResult> bootstrap;
    std::optional<SplitSampleResult> splitSample;
    std::optional<CrossValidationResult> crossValidation;
    std::optional<TwoCutoffScan> twoCutoffs;
};

/// Runs the long resampling work of one marker on its own worker thread: the
/// conditional Monte Carlo p-value, the bootstrap of the optimal cut-off, split-sample
/// and cross-validation, and the two-cut-off heat map, in that order. Each step reports
/// progress; cancel() stops the running step at its next block of replicates, and the
/// steps after it do not start. One run at a time: start() while running cancels the
/// running one first. The destructor cancels and waits.
class InferenceRunner : public QObject {
    Q_OBJECT
public:
    explicit InferenceRunner(QObject* parent = nullptr);
    ~InferenceRunner() override;

    /// Starts a run on the landscape's data; returns its id.
    std::uint64_t start(std::shared_ptr<const MarkerLandscape> landscape, const InferenceSettings& settings);
    void cancel();
    /// Cancels and blocks until the worker has stopped.
    void shutdown();
    bool isRunning() const { return running_; }

    static constexpr int kSteps = 5;

signals:
    /// step 0 .. kSteps-1 with its name, and the share of the whole run done (0..1).
    void progress(int step, const QString& stepName, double fraction);
    void finished(std::shared_ptr<const InferenceOutcome> outcome);

private:
    void report(std::uint64_t runId, int step, double stepFraction);

    QThreadPool pool_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::uint64_t runId_ = 0;
    bool running_ = false;
};

/// The name of a step of the run, for the progress bar.
QString inferenceStepName(int step);

} // namespace cutofflab::ui
