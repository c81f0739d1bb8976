#include "controller/analysiscontroller.h"

#include "io/cohortsource.h"
#include "logging.h"

namespace cutofflab::ui {

AnalysisController::AnalysisController(QObject* parent)
    : QObject(parent)
{
    // One worker: jobs run in order, and no two jobs compete for the machine's cores.
    pool_.setMaxThreadCount(1);
    pool_.setObjectName(QStringLiteral("cutofflab analysis worker"));
}

AnalysisController::~AnalysisController()
{
    shutdown();
}

void AnalysisController::setCohort(std::shared_ptr<const LoadedCohort> cohort)
{
    ++cohortGeneration_;
    if (pending_) {
        ++droppedRequests_;
        qCDebug(lcController) << "Dropped a waiting request: the cohort was replaced";
    }
    pending_.reset();
    pendingScan_.reset();
    shownGeneration_ = 0;
    prepared_ = cohort ? std::make_shared<PreparedCohortCache>(std::move(cohort)) : nullptr;
    qCInfo(lcController) << "Cohort generation" << cohortGeneration_;
}

void AnalysisController::request(const AnalysisRequest& request)
{
    if (!prepared_ || shuttingDown_)
        return;
    if (pending_) {
        ++droppedRequests_;
        qCDebug(lcController) << "Dropped request" << requestGeneration_ << ": a newer one replaced it before it ran";
    }
    pending_ = request;
    pending_->requestedAt = std::chrono::steady_clock::now();
    ++requestGeneration_;
    setBusy(true);
    if (!running_)
        dispatch();
}

void AnalysisController::requestMarkerScan(const std::string& marker)
{
    if (!prepared_ || shuttingDown_)
        return;
    pendingScan_ = marker;
    setBusy(true);
    if (!running_)
        dispatch();
}

bool AnalysisController::isBusy() const
{
    return busy_;
}

void AnalysisController::dispatch()
{
    if (running_ || !prepared_ || shuttingDown_)
        return;

    const std::shared_ptr<PreparedCohortCache> prepared = prepared_;
    const std::uint64_t cohortGeneration = cohortGeneration_;

    if (pendingScan_) {
        const std::string marker = *pendingScan_;
        pendingScan_.reset();
        running_ = true;
        pool_.start([this, prepared, marker, cohortGeneration] {
            auto scan = std::make_shared<MarkerScan>(runMarkerScan(prepared->get(), marker));
            scan->cohortGeneration = cohortGeneration;
            QMetaObject::invokeMethod(this, [this, scan] { finishScan(scan); }, Qt::QueuedConnection);
        });
        return;
    }

    if (!pending_) {
        setBusy(false);
        return;
    }
    const AnalysisRequest request = std::move(*pending_);
    pending_.reset();
    const std::uint64_t requestGeneration = requestGeneration_;
    running_ = true;
    pool_.start([this, prepared, request, cohortGeneration, requestGeneration] {
        auto outcome = std::make_shared<AnalysisOutcome>(runAnalysis(prepared->get(), request, &prepared->candidateModels()));
        outcome->cohortGeneration = cohortGeneration;
        outcome->requestGeneration = requestGeneration;
        QMetaObject::invokeMethod(this, [this, outcome] { finishAnalysis(outcome); }, Qt::QueuedConnection);
    });
}

void AnalysisController::finishAnalysis(std::shared_ptr<const AnalysisOutcome> outcome)
{
    running_ = false;
    if (outcome->cohortGeneration != cohortGeneration_) {
        qCDebug(lcController) << "Dropped a result of cohort generation" << outcome->cohortGeneration
                              << ": the cohort was replaced";
    } else if (outcome->requestGeneration <= shownGeneration_) {
        qCDebug(lcController) << "Dropped result" << outcome->requestGeneration << ": a newer one is shown";
    } else {
        shownGeneration_ = outcome->requestGeneration;
        emit resultReady(outcome);
    }
    dispatch();
    if (!running_ && !pending_ && !pendingScan_) {
        setBusy(false);
        emit idle();
    }
}

void AnalysisController::finishScan(std::shared_ptr<const MarkerScan> scan)
{
    running_ = false;
    if (scan->cohortGeneration == cohortGeneration_)
        emit markerScanReady(scan);
    else
        qCDebug(lcController) << "Dropped a marker scan of a replaced cohort";
    dispatch();
    if (!running_ && !pending_ && !pendingScan_) {
        setBusy(false);
        emit idle();
    }
}

void AnalysisController::setBusy(bool busy)
{
    if (busy_ == busy)
        return;
    busy_ = busy;
    emit busyChanged(busy);
}

void AnalysisController::shutdown()
{
    shuttingDown_ = true;
    if (pending_ || pendingScan_)
        qCInfo(lcController) << "Shutting down: dropped the waiting request";
    pending_.reset();
    pendingScan_.reset();
    pool_.clear();
    pool_.waitForDone();
    running_ = false;
    setBusy(false);
}

} // namespace cutofflab::ui
