#include "cutpoint/coxbinary.h"

#include <cmath>

namespace cutofflab {

namespace {

struct Evaluation {
    double logLikelihood = 0.0;
    double score = 0.0;
    double information = 0.0;
};

// Efron's partial likelihood of a 0/1 covariate: at a time with d = eventsLow + eventsHigh
// events, the k-th of the d tied events (k = 0 .. d-1) sees the risk set minus k/d of the
// events' total risk. The risk weights are divided by exp(max(beta, 0)) so that no
// exponential overflows; the logarithm adds the factor back.
Evaluation evaluate(std::span<const TwoGroupEventTime> eventTimes, double beta)
{
    const double shift = beta > 0.0 ? beta : 0.0;
    const double weightLow = beta > 0.0 ? std::exp(-beta) : 1.0;
    const double weightHigh = beta > 0.0 ? 1.0 : std::exp(beta);

    Evaluation result;
    for (const TwoGroupEventTime& t : eventTimes) {
        const double events = t.eventsLow + t.eventsHigh;
        if (events <= 0.0)
            continue;
        const double riskAll = t.atRiskLow * weightLow + t.atRiskHigh * weightHigh;
        const double riskEvents = t.eventsLow * weightLow + t.eventsHigh * weightHigh;
        const double riskHigh = t.atRiskHigh * weightHigh;
        const double riskHighEvents = t.eventsHigh * weightHigh;
        result.logLikelihood += t.eventsHigh * beta;
        result.score += t.eventsHigh;
        const auto tied = static_cast<long>(events);
        for (long k = 0; k < tied; ++k) {
            const double fraction = static_cast<double>(k) / events;
            const double denominator = riskAll - fraction * riskEvents;
            const double share = (riskHigh - fraction * riskHighEvents) / denominator;
            result.logLikelihood -= std::log(denominator) + shift;
            result.score -= share;
            result.information += share * (1.0 - share);
        }
    }
    return result;
}

} // namespace

TwoGroupCoxFit fitTwoGroupCoxEfron(std::span<const TwoGroupEventTime> eventTimes, double startCoefficient)
{
    TwoGroupCoxFit fit;
    bool anyEvent = false;
    bool boundedAbove = false;   // a low-group event while a high-group row is at risk
    bool boundedBelow = false;   // a high-group event while a low-group row is at risk
    for (const TwoGroupEventTime& t : eventTimes) {
        anyEvent = anyEvent || t.eventsLow + t.eventsHigh > 0.0;
        boundedAbove = boundedAbove || (t.eventsLow > 0.0 && t.atRiskHigh > 0.0);
        boundedBelow = boundedBelow || (t.eventsHigh > 0.0 && t.atRiskLow > 0.0);
    }
    if (!anyEvent) {
        fit.status = TwoGroupCoxStatus::NoEvents;
        return fit;
    }
    if (!boundedAbove && !boundedBelow) {
        fit.status = TwoGroupCoxStatus::NoInformation;
        return fit;
    }
    if (!boundedAbove) {
        fit.status = TwoGroupCoxStatus::InfiniteHigh;
        return fit;
    }
    if (!boundedBelow) {
        fit.status = TwoGroupCoxStatus::InfiniteLow;
        return fit;
    }

    double beta = std::isfinite(startCoefficient) ? startCoefficient : 0.0;
    Evaluation current = evaluate(eventTimes, beta);
    constexpr int kMaxIterations = 50;
    constexpr int kMaxHalvings = 40;
    for (int iteration = 1; iteration <= kMaxIterations; ++iteration) {
        fit.iterations = iteration;
        if (!(current.information > 0.0)) {
            fit.status = TwoGroupCoxStatus::NoInformation;
            return fit;
        }
        const double step = current.score / current.information;
        double candidate = beta + step;
        Evaluation next = evaluate(eventTimes, candidate);
        if (std::fabs(step) <= 1e-10 * (1.0 + std::fabs(beta))) {
            // Newton's method converges quadratically, so beta + step is the maximum to
            // about step^2.
            fit.status = TwoGroupCoxStatus::Ok;
            fit.coefficient = candidate;
            fit.standardError = 1.0 / std::sqrt(next.information);
            fit.logLikelihood = next.logLikelihood;
            return fit;
        }

        // The log-likelihood is concave, so a full Newton step that lowers it overshot;
        // halve it back towards beta, as R's coxph does. Near the maximum the change is
        // below rounding, so only a decrease beyond 1e-12 relative counts.
        const double floor = current.logLikelihood - 1e-12 * (1.0 + std::fabs(current.logLikelihood));
        for (int halving = 0; halving < kMaxHalvings && !(next.logLikelihood >= floor); ++halving) {
            candidate = (beta + candidate) / 2.0;
            next = evaluate(eventTimes, candidate);
        }
        beta = candidate;
        current = next;
    }
    fit.status = TwoGroupCoxStatus::NotConverged;
    fit.coefficient = beta;
    return fit;
}

} // namespace cutofflab
