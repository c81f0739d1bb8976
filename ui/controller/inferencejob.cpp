#include "controller/inferencejob.h"

#include "common/error.h"
#include "logging.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>

namespace cutofflab::ui {

namespace {
struct InferenceText {
    Q_DECLARE_TR_FUNCTIONS(InferenceRunner)
};
} // namespace

QString inferenceStepName(int step)
{
    switch (step) {
    case 0: return InferenceText::tr("Permutations (conditional Monte Carlo)");
    case 1: return InferenceText::tr("Bootstrap of the optimal cut-off");
    case 2: return InferenceText::tr("Split-sample validation");
    case 3: return InferenceText::tr("Cross-validation");
    case 4: return InferenceText::tr("Two cut-offs heat map");
    }
    return {};
}

InferenceRunner::InferenceRunner(QObject* parent)
    : QObject(parent)
{
    // One run at a time; the core routines use settings.threads threads inside it.
    pool_.setMaxThreadCount(1);
}

InferenceRunner::~InferenceRunner()
{
    shutdown();
}

void InferenceRunner::cancel()
{
    if (cancel_) {
        cancel_->store(true);
        qCInfo(lcController) << "Cancelled inference run" << runId_;
    }
}

void InferenceRunner::shutdown()
{
    cancel();
    pool_.waitForDone();
    running_ = false;
}

void InferenceRunner::report(std::uint64_t runId, int step, double stepFraction)
{
    if (runId != runId_)
        return;
    emit progress(step, inferenceStepName(step), (step + std::clamp(stepFraction, 0.0, 1.0)) / kSteps);
}

std::uint64_t InferenceRunner::start(std::shared_ptr<const MarkerLandscape> landscape, const InferenceSettings& settings)
{
    cancel();
    pool_.waitForDone();
    const std::uint64_t runId = ++runId_;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    running_ = true;
    const std::shared_ptr<std::atomic<bool>> cancel = cancel_;

    pool_.start([this, landscape, settings, runId, cancel] {
        auto outcome = std::make_shared<InferenceOutcome>();
        outcome->runId = runId;
        outcome->marker = landscape->marker;
        outcome->settings = settings;
        const MarkerSurvival& data = landscape->data;

        // Progress reaches the GUI thread at most every 50 ms.
        auto lastReport = std::chrono::steady_clock::now() - std::chrono::seconds(1);
        const auto progressOf = [&](int step) {
            return [this, runId, step, &lastReport](std::size_t done, std::size_t total) {
                const auto now = std::chrono::steady_clock::now();
                if (done < total && now - lastReport < std::chrono::milliseconds(50))
                    return;
                lastReport = now;
                const double fraction = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
                QMetaObject::invokeMethod(this, [this, runId, step, fraction] { report(runId, step, fraction); },
                                          Qt::QueuedConnection);
            };
        };
        const auto control = [&](int step) {
            ResamplingControl c;
            c.seed = settings.seed;
            c.threads = settings.threads;
            c.cancel = cancel.get();
            c.progress = progressOf(step);
            QMetaObject::invokeMethod(this, [this, runId, step] { report(runId, step, 0.0); }, Qt::QueuedConnection);
            return c;
        };

        try {
            PermutationOptions permutation;
            permutation.permutations = settings.permutations;
            outcome->permutation = conditionalMonteCarlo(data, permutation, control(0));
            if (!cancel->load()) {
                BootstrapOptions bootstrap;
                bootstrap.replicates = settings.bootstrapReplicates;
                bootstrap.confidenceLevel = settings.confidenceLevel;
                outcome->bootstrap = bootstrapCutoff(data, bootstrap, control(1));
            }
            if (!cancel->load()) {
                control(2);
                SplitSampleOptions split;
                split.trainingFraction = settings.trainingFraction;
                split.confidenceLevel = settings.confidenceLevel;
                outcome->splitSample = validateSplitSample(data, split, settings.seed);
            }
            if (!cancel->load() && settings.folds <= data.size()) {
                CrossValidationOptions folds;
                folds.folds = settings.folds;
                folds.confidenceLevel = settings.confidenceLevel;
                outcome->crossValidation = crossValidateCutoff(data, folds, control(3));
            }
            if (!cancel->load()) {
                TwoCutoffOptions grid;
                grid.maxGridSize = settings.heatMapGrid;
                outcome->twoCutoffs = scanTwoCutoffs(data, grid, control(4));
            }
        } catch (const InputError& error) {
            outcome->error = QString::fromStdString(error.what());
        }
        outcome->cancelled = cancel->load();
        QMetaObject::invokeMethod(this, [this, outcome] {
            if (outcome->runId != runId_)
                return;
            running_ = false;
            emit finished(outcome);
        }, Qt::QueuedConnection);
    });
    return runId;
}

} // namespace cutofflab::ui
