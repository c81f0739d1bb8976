#pragma once

#include "survival/coxties.h"

#include <cstddef>
#include <span>

namespace cutofflab {

/// Rows at risk and events of the two groups at one distinct event time.
struct TwoGroupEventTime {
    double atRiskLow = 0.0;
    double atRiskHigh = 0.0;
    double eventsLow = 0.0;
    double eventsHigh = 0.0;
};

/// Outcome of a two-group Cox fit: Ok, or the reason it has no finite hazard ratio.
enum class TwoGroupCoxStatus {
    Ok,
    NoEvents,           ///< no event at all
    InfiniteHigh,       ///< the partial likelihood rises without bound as the coefficient
                        ///< grows: no low-group event happens while a high-group row is at
                        ///< risk (for example, the low group has no events); HR = +infinity
    InfiniteLow,        ///< the same with the roles exchanged: HR = 0
    NoInformation,      ///< the likelihood is flat: no event time has both groups at risk
    NotConverged        ///< Newton's method did not meet the tolerance in the iteration limit
};

/// The Cox model log h(t) = log h0(t) + beta * high, fitted from per-event-time counts
/// with Efron's approximation for tied event times (R: coxph(Surv(time, event) ~ high),
/// its default ties = "efron").
struct TwoGroupCoxFit {
    TwoGroupCoxStatus status = TwoGroupCoxStatus::NoEvents;
    double coefficient = 0.0;      ///< beta, the log hazard ratio high vs low (when Ok)
    double standardError = 0.0;    ///< 1 / sqrt(information at beta) (when Ok)
    int iterations = 0;
};

/// Fits beta by Newton-Raphson on the score, safeguarded by bisection, starting at
/// startCoefficient (a warm start from a neighbouring cut-off saves iterations; the
/// maximum does not depend on it), until the Newton step is below 1e-10 (1 + |beta|), at
/// most 100 iterations. Each iteration costs O(events). R's coxph stops earlier
/// (relative log-likelihood change below 1e-9), which leaves its coefficient within
/// about 1e-8 relative of this one.
///
/// Before iterating, the counts are checked for a maximum at infinity (see the status
/// values), the condition under which R warns that the coefficient may be infinite.
TwoGroupCoxFit fitTwoGroupCoxEfron(std::span<const TwoGroupEventTime> eventTimes,
                                   double startCoefficient = 0.0);

/// The same model with Breslow's approximation for tied event times (R:
/// coxph(..., ties = "breslow"); the default of SAS PHREG and SPSS): every one of the d
/// tied events sees the whole risk set. Same iteration, tolerance and statuses as
/// fitTwoGroupCoxEfron(); without tied event times the two fits are equal.
TwoGroupCoxFit fitTwoGroupCoxBreslow(std::span<const TwoGroupEventTime> eventTimes,
                                     double startCoefficient = 0.0);

/// fitTwoGroupCoxEfron() or fitTwoGroupCoxBreslow(), as ties says.
TwoGroupCoxFit fitTwoGroupCox(std::span<const TwoGroupEventTime> eventTimes, CoxTies ties,
                              double startCoefficient = 0.0);

} // namespace cutofflab
