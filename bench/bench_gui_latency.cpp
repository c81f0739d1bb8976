// Times the window's response to the cut-off slider on generated cohorts of 10^3, 10^4
// and 10^5 patients. A step lasts from the key press that moves the cut-off one observed
// value until every panel shows the new result and the window has repainted.
//
// Usage: bench_gui_latency [N ...] (default 1000 10000 100000). Runs on Qt's offscreen
// platform unless QT_QPA_PLATFORM is set. Prints a Markdown table.
//
// Per N: 30 single steps, each waited for (median, 90th percentile and maximum latency,
// and the medians of its parts: the analysis on the worker, the panels' update and the
// repaint), then a burst of 100 steps
// 2 ms apart, with the longest time the GUI thread spent handling one step (event loop
// stall) and a check that the final result is the one for the final slider position.

#include "controller/analysiscontroller.h"
#include "controls/cutoffcontrol.h"
#include "io/cohortsource.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace cutofflab;
using namespace cutofflab::ui;

namespace {

// A simulated cohort: IL-6-like log-normal marker whose higher values shorten survival
// (exponential times, uniform censoring up to 60 months), a yes/no response, two covariates.
LoadedCohort generateCohort(std::size_t n)
{
    std::mt19937_64 random(20240101 + n);
    std::lognormal_distribution<double> il6(2.2, 1.0);
    std::lognormal_distribution<double> il8(4.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::normal_distribution<double> age(65.0, 9.0);
    std::normal_distribution<double> albumin(38.0, 5.0);

    LoadedCohort loaded;
    io::Table& table = loaded.source.table;
    table.columns = {"patient_id", "os_months", "death", "il6_pg_ml", "il8_pg_ml", "objective_response", "age", "albumin_g_l"};
    table.rows.reserve(n);
    const auto text = [](double value) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.4g", value);
        return std::string(buffer);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const double marker = il6(random);
        const double rate = 0.05 * std::exp(0.4 * (std::log(marker) - 2.2));
        const double eventTime = -std::log(1.0 - uniform(random)) / rate;
        const double censorTime = 60.0 * uniform(random);
        const bool death = eventTime <= censorTime;
        const double time = std::max(0.1, std::min(eventTime, censorTime));
        table.rows.push_back({"P" + std::to_string(i + 1), text(time), death ? "1" : "0", text(marker), text(il8(random)),
                              uniform(random) < 0.35 ? "yes" : "no", text(age(random)), text(albumin(random))});
    }
    loaded.source.displayName = QStringLiteral("generated_%1.csv").arg(n);
    loaded.source.path = loaded.source.displayName;
    loaded.roles.id = "patient_id";
    loaded.roles.time = "os_months";
    loaded.roles.event = "death";
    loaded.roles.markers = {"il6_pg_ml", "il8_pg_ml"};
    loaded.roles.covariates = {"objective_response", "age", "albumin_g_l"};
    loaded.responseColumn = QStringLiteral("objective_response");
    loaded.cohort = buildCohort(table, loaded.roles);
    return loaded;
}

// Runs the event loop until the window shows the result for the cut-off (or 2 minutes pass).
bool waitForResultAt(MainWindow& window, double cutoff)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 120000) {
        const auto outcome = window.lastOutcome();
        if (outcome && !window.controller()->isBusy() && outcome->request.spec.grouping.cutoff == cutoff)
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        QThread::usleep(100);
    }
    return false;
}

void pressRight(QWidget* widget)
{
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Right, Qt::NoModifier);
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_Right, Qt::NoModifier);
    QApplication::sendEvent(widget, &press);
    QApplication::sendEvent(widget, &release);
}

void runEventLoopFor(int milliseconds)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::vector<std::size_t> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(static_cast<std::size_t>(std::stoull(argv[i])));
    if (sizes.empty())
        sizes = {1000, 10000, 100000};

    std::printf("| patients | step to redrawn: median (ms) | 90th percentile | max | key press to request | request to worker "
                "| analysis | result to panels drawn | repaint | burst: longest GUI-thread step (ms) "
                "| burst: requests dropped | burst: final result current |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (std::size_t n : sizes) {
        MainWindow window(false);
        window.resize(1280, 800);
        window.show();
        window.setLoadedCohort(generateCohort(n));
        CutoffSlider* slider = window.cutoffControl()->first()->slider();
        GroupingSpec grouping = window.currentRequest().spec.grouping;
        grouping.cutoff = slider->distinctValues()[slider->distinctValues().size() / 3];
        window.setGrouping(grouping);
        if (!waitForResultAt(window, grouping.cutoff)) {
            std::fprintf(stderr, "No result for %zu patients\n", n);
            return 1;
        }
        slider->setFocus();

        // Each step's parts, from the key press: until the controller has the request,
        // waiting for the worker, the analysis, the queued hand-back and the panels'
        // update, and the repaint.
        using SteadyClock = std::chrono::steady_clock;
        const auto millisecondsBetween = [](SteadyClock::time_point from, SteadyClock::time_point to) {
            return std::chrono::duration<double, std::milli>(to - from).count();
        };
        std::vector<double> latencies;
        std::vector<double> toRequest;
        std::vector<double> toWorker;
        std::vector<double> computes;
        std::vector<double> toShown;
        std::vector<double> repaints;
        SteadyClock::time_point shownAt;
        QObject::connect(&window, &MainWindow::outcomeShown, &window, [&] { shownAt = SteadyClock::now(); });
        for (int step = 0; step < 30; ++step) {
            const SteadyClock::time_point pressedAt = SteadyClock::now();
            pressRight(slider);
            if (!waitForResultAt(window, slider->cutoff())) {
                std::fprintf(stderr, "No result after a step for %zu patients\n", n);
                return 1;
            }
            const SteadyClock::time_point paintStart = SteadyClock::now();
            window.repaint();
            const SteadyClock::time_point done = SteadyClock::now();
            const AnalysisOutcome& outcome = *window.lastOutcome();
            latencies.push_back(millisecondsBetween(pressedAt, done));
            toRequest.push_back(millisecondsBetween(pressedAt, outcome.request.requestedAt));
            toWorker.push_back(millisecondsBetween(outcome.request.requestedAt, outcome.startedAt));
            computes.push_back(millisecondsBetween(outcome.startedAt, outcome.finishedAt));
            toShown.push_back(millisecondsBetween(outcome.finishedAt, shownAt));
            repaints.push_back(millisecondsBetween(paintStart, done));
        }

        // Burst: 100 steps 2 ms apart, the GUI thread's time per step measured around the
        // key press and the events it leaves.
        const std::uint64_t droppedBefore = window.controller()->droppedRequests();
        const double start = slider->cutoff();
        double longestStep = 0.0;
        for (int step = 0; step < 100; ++step) {
            QElapsedTimer clock;
            clock.start();
            pressRight(slider);
            QCoreApplication::processEvents();
            longestStep = std::max(longestStep, static_cast<double>(clock.nsecsElapsed()) / 1e6);
            runEventLoopFor(2);
        }
        const bool current = waitForResultAt(window, slider->cutoff());
        const auto& distinct = slider->distinctValues();
        const auto moved = std::find(distinct.begin(), distinct.end(), slider->cutoff())
                         - std::find(distinct.begin(), distinct.end(), start);
        std::printf("| %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %llu of 100 | %s |\n", n,
                    percentile(latencies, 0.5), percentile(latencies, 0.9), percentile(latencies, 1.0),
                    percentile(toRequest, 0.5), percentile(toWorker, 0.5), percentile(computes, 0.5),
                    percentile(toShown, 0.5), percentile(repaints, 0.5), longestStep,
                    static_cast<unsigned long long>(window.controller()->droppedRequests() - droppedBefore),
                    current && moved == 100 ? "yes" : "NO");
        std::fflush(stdout);
    }
    return 0;
}
