#include "cutpoint/coxbinary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cutofflab {

namespace {

struct Evaluation {
    double score = 0.0;
    double information = 0.0;
};

// Score and information of Efron's partial likelihood of a 0/1 covariate: at a time with
// d = eventsLow + eventsHigh events, the risk set of the k-th of the d tied events
// (k = 0 .. d-1) is reduced by k/d of the events' total risk, and p_k is the expected high
// share of it. The risk weights are divided by exp(max(beta, 0)) so that no exponential
// overflows; p_k does not change. With efron false, Breslow's approximation: every tied
// event sees the whole risk set, so the d events of a time contribute d times the k = 0 term.
Evaluation evaluate(std::span<const TwoGroupEventTime> eventTimes, double beta, bool efron)
{
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
        result.score += t.eventsHigh;
        if (!efron) {
            const double share = riskHigh / riskAll;
            result.score -= events * share;
            result.information += events * share * (1.0 - share);
            continue;
        }
        const auto tied = static_cast<long>(events);
        for (long k = 0; k < tied; ++k) {
            const double fraction = static_cast<double>(k) / events;
            const double share = (riskHigh - fraction * riskHighEvents) / (riskAll - fraction * riskEvents);
            result.score -= share;
            result.information += share * (1.0 - share);
        }
    }
    return result;
}

TwoGroupCoxFit fitWithTies(std::span<const TwoGroupEventTime> eventTimes, double startCoefficient, bool efron)
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

    // The log-likelihood is concave, so its score falls as beta grows, and the maximum
    // lies between the largest beta seen with a positive score and the smallest with a
    // negative one. A Newton step that leaves that bracket is replaced by bisection, which
    // does what R's step halving does without evaluating the log-likelihood.
    double beta = std::isfinite(startCoefficient) ? startCoefficient : 0.0;
    double below = -std::numeric_limits<double>::infinity();
    double above = std::numeric_limits<double>::infinity();
    constexpr int kMaxIterations = 100;
    constexpr double kMaxStep = 4.0;   // a hazard ratio factor of e^4 (about 55) per step
    for (int iteration = 1; iteration <= kMaxIterations; ++iteration) {
        fit.iterations = iteration;
        const Evaluation at = evaluate(eventTimes, beta, efron);
        if (!(at.information > 0.0)) {
            fit.status = TwoGroupCoxStatus::NoInformation;
            return fit;
        }
        const double step = at.score / at.information;
        if (std::fabs(step) <= 1e-10 * (1.0 + std::fabs(beta))) {
            // Newton's method converges quadratically, so beta + step is the maximum to
            // about step^2; the standard error uses the information at beta.
            fit.status = TwoGroupCoxStatus::Ok;
            fit.coefficient = beta + step;
            fit.standardError = 1.0 / std::sqrt(at.information);
            return fit;
        }
        if (at.score > 0.0)
            below = std::max(below, beta);
        else
            above = std::min(above, beta);

        double next = beta + std::clamp(step, -kMaxStep, kMaxStep);
        if (!(next > below && next < above) && std::isfinite(below) && std::isfinite(above))
            next = (below + above) / 2.0;
        beta = next;
    }
    fit.status = TwoGroupCoxStatus::NotConverged;
    fit.coefficient = beta;
    return fit;
}

} // namespace

TwoGroupCoxFit fitTwoGroupCoxEfron(std::span<const TwoGroupEventTime> eventTimes, double startCoefficient)
{
    return fitWithTies(eventTimes, startCoefficient, true);
}

TwoGroupCoxFit fitTwoGroupCoxBreslow(std::span<const TwoGroupEventTime> eventTimes, double startCoefficient)
{
    return fitWithTies(eventTimes, startCoefficient, false);
}

TwoGroupCoxFit fitTwoGroupCox(std::span<const TwoGroupEventTime> eventTimes, CoxTies ties, double startCoefficient)
{
    return ties == CoxTies::Breslow ? fitWithTies(eventTimes, startCoefficient, false)
                                    : fitWithTies(eventTimes, startCoefficient, true);
}

} // namespace cutofflab
