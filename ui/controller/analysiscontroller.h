#pragma once

#include "controller/analysisjob.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

namespace cutofflab::ui {

struct LoadedCohort;

/// Runs the core off the GUI thread, so that the window stays responsive while the
/// cut-off moves.
///
/// - One worker thread runs one job at a time on an immutable snapshot of the cohort
///   (shared_ptr<const PreparedCohort>).
/// - request() starts a job at once when the worker is idle. A request that arrives
///   while a job runs waits and replaces any request already waiting, so stale requests
///   are dropped, not queued. A burst of slider moves thus costs one job at a time, and
///   the job after the burst is for the newest request. No timer delays the first job,
///   because a delay would only add to the latency of a single step.
/// - Every result carries the cohort generation and the request generation. Results of
///   a cohort that has since been replaced are dropped; a result is never shown after a
///   newer one. A finished job whose request was superseded is still shown (it is the
///   newest finished), so that the panels follow a continuous drag.
/// - shutdown() (called by the destructor and when the window closes) drops the waiting
///   request and waits for the running job; analyze() itself is not interruptible, but
///   one call takes milliseconds.
class AnalysisController : public QObject {
    Q_OBJECT
public:
    explicit AnalysisController(QObject* parent = nullptr);
    ~AnalysisController() override;

    /// Replaces the cohort; pending requests and results of the previous one are dropped.
    void setCohort(std::shared_ptr<const LoadedCohort> cohort);

    /// Runs the request now when the worker is idle, else keeps it as the waiting request.
    void request(const AnalysisRequest& request);
    /// Queues the maximal log-rank scan of a marker (run before waiting analyses).
    void requestMarkerScan(const std::string& marker);

    /// True while a job runs or a request waits.
    bool isBusy() const;

    /// Drops waiting requests and blocks until the running job has finished.
    void shutdown();

    std::uint64_t cohortGeneration() const { return cohortGeneration_; }
    std::uint64_t droppedRequests() const { return droppedRequests_; }

signals:
    void resultReady(std::shared_ptr<const AnalysisOutcome> outcome);
    void markerScanReady(std::shared_ptr<const MarkerScan> scan);
    /// Emitted when no job runs and no request waits.
    void idle();
    void busyChanged(bool busy);

private:
    void dispatch();
    void finishAnalysis(std::shared_ptr<const AnalysisOutcome> outcome);
    void finishScan(std::shared_ptr<const MarkerScan> scan);
    void setBusy(bool busy);

    QThreadPool pool_;
    std::shared_ptr<PreparedCohortCache> prepared_;
    std::uint64_t cohortGeneration_ = 0;
    std::uint64_t requestGeneration_ = 0;
    std::uint64_t shownGeneration_ = 0;
    std::uint64_t droppedRequests_ = 0;
    std::optional<AnalysisRequest> pending_;
    std::optional<std::string> pendingScan_;
    bool running_ = false;
    bool busy_ = false;
    std::atomic<bool> shuttingDown_{false};
};

} // namespace cutofflab::ui
