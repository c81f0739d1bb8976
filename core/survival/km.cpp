#include "survival/km.h"

#include "common/distributions.h"
#include "common/error.h"
#include "survival/groupargs.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace cutofflab {

namespace {

/// Tolerance of R's quantile.survfit and survmean when they compare a curve with a
/// probability: sqrt(.Machine$double.eps).
constexpr double kQuantileTolerance = 1.4901161193847656e-08;

constexpr std::array<double, 3> kQuartileProbabilities{0.25, 0.5, 0.75};

/// An NA point of a confidence curve, in the searches below.
constexpr double kNa = std::numeric_limits<double>::quiet_NaN();

struct Interval {
    std::optional<double> lower;
    std::optional<double> upper;
};

/// Pointwise confidence interval of S from S and Greenwood's standard error of log S,
/// with the formulas and NA rules of R's survfit_confint (survival 3.5-3).
Interval confidenceInterval(double surv, double seLog, double z, ConfType type)
{
    if (surv == 0.0)
        return {};

    switch (type) {
    case ConfType::Plain: {
        // Klein & Moeschberger (2003), eq. 4.3.1: S -/+ z se(S), with se(S) = S se(log S).
        const double halfWidth = z * seLog * surv;
        return {std::max(surv - halfWidth, 0.0), std::min(surv + halfWidth, 1.0)};
    }
    case ConfType::Log: {
        // exp(log S -/+ z se), the upper limit cut at 1.
        const double factor = std::exp(z * seLog);
        return {surv / factor, std::min(surv * factor, 1.0)};
    }
    case ConfType::LogLog: {
        // exp(-exp(log(-log S) -/+ z se / log S)) = exp(log S exp(-/+ z se / log S)).
        // R gives NA where S = 1 because log S = 0 there.
        if (surv == 1.0)
            return {};
        const double logSurv = std::log(surv);
        const double factor = std::exp(z * seLog / logSurv);
        return {std::exp(logSurv / factor), std::exp(logSurv * factor)};
    }
    }
    return {};
}

/// The median rule of summary(fit)$table (R's survmean, inner function minmin), applied
/// to one curve fed point by point in time order. The median is the first time at which
/// the curve is below 0.5 + tol. If the curve equals 0.5 there (within tol), it is the
/// mid-point between that time and the first later time at which the curve is lower.
/// NA points are skipped.
class MedianSearch {
public:
    /// Adds the next point; value is NaN where the curve is NA.
    void add(double time, double value)
    {
        if (state_ == State::Done || std::isnan(value))
            return;
        if (state_ == State::Searching) {
            if (value < 0.5 + kQuantileTolerance) {
                firstTime_ = time;
                firstValue_ = value;
                if (std::fabs(value - 0.5) < kQuantileTolerance) {
                    state_ = State::OnHalf;
                } else {
                    result_ = time;
                    state_ = State::Done;
                }
            }
            return;
        }
        if (value < firstValue_) {
            result_ = (firstTime_ + time) / 2.0;
            state_ = State::Done;
        }
    }

    std::optional<double> result() const
    {
        switch (state_) {
        case State::Searching:
            return std::nullopt;
        case State::OnHalf:
            return firstTime_;
        case State::Done:
            return result_;
        }
        return std::nullopt;
    }

private:
    enum class State { Searching, OnHalf, Done };
    State state_ = State::Searching;
    double firstTime_ = 0.0;
    double firstValue_ = 0.0;
    double result_ = 0.0;
};

/// The quantile rule of quantile.survfit (R's inner function findq) for the probabilities
/// 0.25, 0.5 and 0.75, applied to one curve fed point by point in time order.
///
/// findq works on the points (0, 0), (t_i, 1 - S_i); it drops points whose y = 1 - S
/// repeats an earlier value and points where S is NA, then (through approx with
/// method "constant", f = 1) takes for each p the point with the smallest y such that
/// y + tol >= p (index1) and the one with the smallest y such that y - tol >= p
/// (index2), and returns the mean of their times. When p equals the last kept y within
/// tol, it returns the mean of index1's time and the last follow-up time. For a
/// monotone curve "smallest y" is "first in time"; the lower and upper confidence
/// curves need not be monotone, so the search covers every point.
class QuantileSearch {
public:
    /// Adds the next point; value is NaN where the curve is NA.
    void add(double time, double value)
    {
        if (std::isnan(value)) {
            if (!seenNa_) {
                seenNa_ = true;
                lastKeptIsNa_ = true;
            }
            return;
        }

        const double y = 1.0 - value;
        if (!isFirstOccurrence(y))
            return;
        lastKeptIsNa_ = false;
        lastKeptY_ = y;
        maxY_ = std::max(maxY_, y);

        // Smallest y with y + tol >= p, and with y - tol >= p; the first point wins a tie
        // because later duplicates were dropped above. The branches are predictable: on
        // a monotone curve each condition changes once.
        for (std::size_t j = 0; j < kQuartileProbabilities.size(); ++j) {
            const double p = kQuartileProbabilities[j];
            if (y + kQuantileTolerance < p)
                break;   // nor any larger p
            if (y < reachedY_[j]) {
                reachedY_[j] = y;
                reachedTime_[j] = time;
            }
            if (y - kQuantileTolerance >= p && y < passedY_[j]) {
                passedY_[j] = y;
                passedTime_[j] = time;
            }
        }
    }

    /// Quantiles for 0.25, 0.5, 0.75; lastTime is the curve's last follow-up time.
    std::array<std::optional<double>, 3> results(double lastTime) const
    {
        std::array<std::optional<double>, 3> quantiles{};
        // findq returns NA for every p when the curve never reaches the smallest p.
        if (maxY_ < kQuartileProbabilities.front())
            return quantiles;

        for (std::size_t j = 0; j < kQuartileProbabilities.size(); ++j) {
            const double p = kQuartileProbabilities[j];
            const bool reached = reachedY_[j] != kNone;
            if (reached && passedY_[j] != kNone)
                quantiles[j] = (reachedTime_[j] + passedTime_[j]) / 2.0;
            if (reached && !lastKeptIsNa_ && std::fabs(p - lastKeptY_) < kQuantileTolerance)
                quantiles[j] = (reachedTime_[j] + lastTime) / 2.0;
        }
        return quantiles;
    }

private:
    static constexpr double kNone = std::numeric_limits<double>::infinity();

    /// R's duplicated(y), for the values that can repeat: y = 0 (S = 1, also the origin
    /// point, and an upper limit cut at 1), y = 1 (a plain lower limit cut at 0) and a
    /// run of equal values. Other values would repeat only by floating-point
    /// coincidence and count as new.
    bool isFirstOccurrence(double y)
    {
        const bool repeat = y == previousY_ || y == 0.0 || (y == 1.0 && seenOne_);
        seenOne_ = seenOne_ || y == 1.0;
        previousY_ = y;
        return !repeat;
    }

    bool seenNa_ = false;
    bool seenOne_ = false;
    double previousY_ = std::numeric_limits<double>::quiet_NaN();
    bool lastKeptIsNa_ = false;
    double lastKeptY_ = 0.0;   // the origin point
    double maxY_ = 0.0;
    std::array<double, 3> reachedY_{kNone, kNone, kNone};
    std::array<double, 3> reachedTime_{};
    std::array<double, 3> passedY_{kNone, kNone, kNone};
    std::array<double, 3> passedTime_{};
};

/// Requested times of KmOptions::times in ascending order, with their positions in
/// the caller's order.
struct RequestedTimes {
    std::vector<double> time;
    std::vector<std::size_t> position;
};

RequestedTimes sortRequestedTimes(const std::vector<double>& times)
{
    RequestedTimes sorted;
    sorted.position.resize(times.size());
    std::iota(sorted.position.begin(), sorted.position.end(), std::size_t{0});
    std::stable_sort(sorted.position.begin(), sorted.position.end(),
                     [&](std::size_t a, std::size_t b) { return times[a] < times[b]; });
    sorted.time.reserve(times.size());
    for (std::size_t k : sorted.position)
        sorted.time.push_back(times[k]);
    return sorted;
}

/// Builds the curve of one group from its rows, fed in time order, and everything that
/// can be read off the curve while it is built: median, quartiles, survival at the
/// requested times. Censoring-only points repeat the previous point's survival and
/// interval, so the transcendental functions run at event times only.
class CurveBuilder {
public:
    CurveBuilder(KaplanMeier& result, int rowCount, double z, const RequestedTimes& requested)
        : result_(result), atRisk_(rowCount), z_(z), requested_(requested)
    {
        result_.n = rowCount;
        result_.curve.reserve(static_cast<std::size_t>(rowCount));
        if (rowCount > 0)
            result_.atTimes.resize(requested.time.size());
    }

    void addRow(double time, bool event)
    {
        if (pendingRows_ > 0 && time != pendingTime_)
            flush();
        pendingTime_ = time;
        ++pendingRows_;
        pendingEvents_ += event ? 1 : 0;
    }

    void finish()
    {
        if (pendingRows_ > 0)
            flush();
        result_.events = cumulativeEvents_;
        if (result_.n == 0) {
            for (double p : kQuartileProbabilities)
                result_.quartiles.push_back({p, std::nullopt, std::nullopt, std::nullopt});
            return;
        }

        const double lastTime = result_.curve.empty() ? 0.0 : result_.curve.back().time;
        while (nextRequested_ < requested_.time.size()) {
            const double t = requested_.time[nextRequested_];
            const bool atLast = (t == lastTime);
            recordRequestedTime(atLast ? result_.curve.back().nRisk : 0, !atLast);
        }

        result_.median = {0.5, medianSurv_.result(), medianLower_.result(), medianUpper_.result()};
        const auto quantile = quantileSurv_.results(lastTime);
        const auto lower = quantileLower_.results(lastTime);
        const auto upper = quantileUpper_.results(lastTime);
        for (std::size_t j = 0; j < kQuartileProbabilities.size(); ++j)
            result_.quartiles.push_back({kQuartileProbabilities[j], quantile[j], lower[j], upper[j]});
    }

private:
    void flush()
    {
        const int nRisk = atRisk_;
        const int events = pendingEvents_;
        const int censored = pendingRows_ - pendingEvents_;

        // Requested times before this point read the state after the previous point.
        while (nextRequested_ < requested_.time.size()
               && requested_.time[nextRequested_] < pendingTime_) {
            const bool onPrevious = !result_.curve.empty()
                                    && requested_.time[nextRequested_] == result_.curve.back().time;
            recordRequestedTime(onPrevious ? result_.curve.back().nRisk : nRisk, false);
        }

        // Kaplan-Meier product-limit step and Greenwood's sum for var(log S). At a
        // censoring-only time both steps are no-ops (factor 1, term 0); when everyone at
        // risk dies the term is d / 0 = +inf, as in R.
        const double n = nRisk;
        const double d = events;
        surv_ *= (n - d) / n;
        greenwood_ += d / (n * (n - d));
        seLog_ = std::sqrt(greenwood_);
        interval_ = confidenceInterval(surv_, seLog_, z_, result_.confType);

        KmPoint point{pendingTime_, nRisk, events, censored, surv_, std::nullopt,
                      interval_.lower, interval_.upper};
        if (surv_ > 0.0)
            point.stdErr = seLog_ * surv_;
        result_.curve.push_back(point);

        // A censoring-only point repeats the previous values, which changes no search.
        if (events > 0 || result_.curve.size() == 1) {
            const double lower = interval_.lower.value_or(kNa);
            const double upper = interval_.upper.value_or(kNa);
            medianSurv_.add(pendingTime_, surv_);
            medianLower_.add(pendingTime_, lower);
            medianUpper_.add(pendingTime_, upper);
            quantileSurv_.add(pendingTime_, surv_);
            quantileLower_.add(pendingTime_, lower);
            quantileUpper_.add(pendingTime_, upper);
        }

        atRisk_ -= pendingRows_;
        cumulativeEvents_ += events;
        cumulativeCensored_ += censored;
        pendingRows_ = 0;
        pendingEvents_ = 0;
    }

    /// Fills the next requested time from the state after the last point built so far
    /// (summary.survfit with times: the last row with time <= t; before the first row,
    /// R's survfit0 row at time 0 with S = 1, std.err 0 and both limits 1).
    void recordRequestedTime(int nRisk, bool beyondLastFollowUp)
    {
        KmAtTime& entry = result_.atTimes[requested_.position[nextRequested_]];
        entry.time = requested_.time[nextRequested_];
        entry.nRisk = nRisk;
        entry.eventsUpToTime = cumulativeEvents_;
        entry.censoredUpToTime = cumulativeCensored_;
        entry.beyondLastFollowUp = beyondLastFollowUp;
        if (result_.curve.empty()) {
            entry.surv = 1.0;
            entry.stdErr = 0.0;
            entry.lower = 1.0;
            entry.upper = 1.0;
        } else {
            const KmPoint& last = result_.curve.back();
            entry.surv = last.surv;
            entry.stdErr = last.stdErr;
            entry.lower = last.lower;
            entry.upper = last.upper;
        }
        ++nextRequested_;
    }

    KaplanMeier& result_;
    int atRisk_;
    double z_;
    const RequestedTimes& requested_;
    std::size_t nextRequested_ = 0;

    double pendingTime_ = 0.0;
    int pendingRows_ = 0;
    int pendingEvents_ = 0;
    int cumulativeEvents_ = 0;
    int cumulativeCensored_ = 0;

    double surv_ = 1.0;
    double greenwood_ = 0.0;
    double seLog_ = 0.0;
    Interval interval_;

    MedianSearch medianSurv_, medianLower_, medianUpper_;
    QuantileSearch quantileSurv_, quantileLower_, quantileUpper_;
};

/// Restricted mean survival time and its standard error as R's survmean computes them
/// (rmean and se(rmean) of print(fit, rmean = horizon)).
RestrictedMean restrictedMean(const std::vector<KmPoint>& curve, double horizon, double z)
{
    // Points at or before the horizon.
    const auto end = std::upper_bound(curve.begin(), curve.end(), horizon,
                                      [](double t, const KmPoint& p) { return t < p.time; });
    const std::size_t m = static_cast<std::size_t>(end - curve.begin());

    // Walk back from the horizon: `tail` is the area under S from point i to the
    // horizon, so the variance term of point i is d/(n(n-d)) tail^2.
    double tail = m == 0 ? horizon : (horizon - curve[m - 1].time) * curve[m - 1].surv;
    double variance = 0.0;
    for (std::size_t i = m; i-- > 0;) {
        const KmPoint& p = curve[i];
        if (p.nEvent > 0 && p.nRisk > p.nEvent)
            variance += p.nEvent / (static_cast<double>(p.nRisk) * (p.nRisk - p.nEvent)) * tail * tail;
        const double previousTime = i == 0 ? 0.0 : curve[i - 1].time;
        const double previousSurv = i == 0 ? 1.0 : curve[i - 1].surv;
        tail += (p.time - previousTime) * previousSurv;
    }

    RestrictedMean rmst;
    rmst.horizon = horizon;
    rmst.estimate = tail;
    rmst.stdErr = std::sqrt(variance);
    if (rmst.stdErr > 0.0) {
        rmst.lower = rmst.estimate - z * rmst.stdErr;
        rmst.upper = rmst.estimate + z * rmst.stdErr;
    }
    rmst.beyondLastFollowUp = !curve.empty() && horizon > curve.back().time;
    return rmst;
}

void checkOptions(const KmOptions& options)
{
    if (!(options.confLevel > 0.0 && options.confLevel < 1.0))
        throw InputError("The confidence level is " + std::to_string(options.confLevel)
                         + "; it must be between 0 and 1, for example 0.95.");
    for (double t : options.times) {
        if (!std::isfinite(t) || t < 0.0)
            throw InputError("The time " + std::to_string(t)
                                 + " for survival at chosen times is invalid; give finite times of 0 or more.",
                             {std::nullopt, "times", std::to_string(t)});
    }
    if (options.rmstHorizon && !(std::isfinite(*options.rmstHorizon) && *options.rmstHorizon > 0.0))
        throw InputError("The restricted mean horizon is " + std::to_string(*options.rmstHorizon)
                             + "; it must be a positive finite time.",
                         {std::nullopt, "rmst horizon", std::to_string(*options.rmstHorizon)});
}

/// Resets an estimate for a new computation, keeping the storage of its vectors.
void resetEstimate(KaplanMeier& result, const KmOptions& options)
{
    result.n = 0;
    result.events = 0;
    result.confType = options.confType;
    result.confLevel = options.confLevel;
    result.curve.clear();
    result.median = {0.5, std::nullopt, std::nullopt, std::nullopt};
    result.quartiles.clear();
    result.atTimes.clear();
    result.rmst.reset();
}

/// Runs the curve builders over the sorted rows into results (one per group);
/// groupOf(k) is the group of sorted row k.
template <typename GroupOf>
void estimateCurves(const SortedSurvival& data, GroupOf groupOf, const std::vector<int>& rowsPerGroup,
                    const KmOptions& options, std::vector<KaplanMeier>& results)
{
    checkOptions(options);
    const double z = normalCriticalValue(options.confLevel);
    const RequestedTimes requested = sortRequestedTimes(options.times);

    results.resize(rowsPerGroup.size());
    std::vector<CurveBuilder> builders;
    builders.reserve(rowsPerGroup.size());
    for (std::size_t g = 0; g < rowsPerGroup.size(); ++g) {
        resetEstimate(results[g], options);
        builders.emplace_back(results[g], rowsPerGroup[g], z, requested);
    }

    const std::size_t rowCount = data.size();
    for (std::size_t k = 0; k < rowCount; ++k) {
        const int g = groupOf(k);
        if (g != kNoGroup)
            builders[static_cast<std::size_t>(g)].addRow(data.time[k], data.event[k] != 0);
    }

    for (std::size_t g = 0; g < results.size(); ++g) {
        builders[g].finish();
        if (options.rmstHorizon && results[g].n > 0)
            results[g].rmst = restrictedMean(results[g].curve, *options.rmstHorizon, z);
    }
}

} // namespace

KaplanMeier kaplanMeier(const SortedSurvival& data, const KmOptions& options)
{
    const std::vector<int> rowCount{static_cast<int>(data.size())};
    std::vector<KaplanMeier> results;
    estimateCurves(data, [](std::size_t) { return 0; }, rowCount, options, results);
    return std::move(results.front());
}

std::vector<KaplanMeier> kaplanMeierByGroup(const SortedSurvival& data, std::span<const int> group,
                                            int groupCount, const KmOptions& options)
{
    std::vector<KaplanMeier> results;
    kaplanMeierByGroup(data, group, groupCount, options, results);
    return results;
}

void kaplanMeierByGroup(const SortedSurvival& data, std::span<const int> group, int groupCount,
                        const KmOptions& options, std::vector<KaplanMeier>& results)
{
    const std::vector<int> rowsPerGroup = countRowsPerGroup(data, group, groupCount, "kaplanMeierByGroup");
    estimateCurves(data, [group](std::size_t k) { return group[k]; }, rowsPerGroup, options, results);
}

} // namespace cutofflab
