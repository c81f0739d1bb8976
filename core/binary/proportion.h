#pragma once

#include <cstdint>
#include <optional>

namespace cutofflab {

/// A proportion successes / trials with its exact two-sided confidence interval.
struct ProportionEstimate {
    std::int64_t successes = 0;
    std::int64_t trials = 0;
    double confLevel = 0.95;
    /// successes / trials; empty when trials is 0 (R's binom.test rejects n = 0).
    std::optional<double> estimate;
    std::optional<double> lower;   ///< empty when trials is 0
    std::optional<double> upper;   ///< empty when trials is 0
};

/// Estimates successes / trials with the Clopper-Pearson exact interval (Clopper C. J.,
/// Pearson E. S., Biometrika 1934;26:404-413), the interval of R's binom.test():
/// lower = qbeta(alpha/2, x, n - x + 1), or 0 when x = 0;
/// upper = qbeta(1 - alpha/2, x + 1, n - x), or 1 when x = n; alpha = 1 - confLevel.
///
/// Preconditions: 0 <= successes <= trials and 0 < confLevel < 1; otherwise throws
/// InputError naming the value. trials = 0 is allowed and gives an estimate without
/// values (nothing to estimate).
ProportionEstimate clopperPearson(std::int64_t successes, std::int64_t trials,
                                  double confLevel = 0.95);

} // namespace cutofflab
