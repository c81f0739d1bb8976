#include "binary/proportion.h"

#include "common/distributions.h"
#include "common/error.h"

#include <string>

namespace cutofflab {

ProportionEstimate clopperPearson(std::int64_t successes, std::int64_t trials, double confLevel)
{
    if (trials < 0 || successes < 0 || successes > trials)
        throw InputError("Invalid proportion " + std::to_string(successes) + " / "
                         + std::to_string(trials)
                         + ": successes must lie between 0 and the number of trials.");
    if (!(confLevel > 0.0 && confLevel < 1.0))
        throw InputError("Invalid confidence level " + std::to_string(confLevel)
                         + ": use a number between 0 and 1, such as 0.95.");

    ProportionEstimate result;
    result.successes = successes;
    result.trials = trials;
    result.confLevel = confLevel;
    if (trials == 0)
        return result;

    const double x = static_cast<double>(successes);
    const double n = static_cast<double>(trials);
    const double alpha = (1.0 - confLevel) / 2.0;
    result.estimate = x / n;
    result.lower = successes == 0 ? 0.0 : betaQuantile(alpha, x, n - x + 1.0);
    result.upper = successes == trials ? 1.0 : betaQuantile(1.0 - alpha, x + 1.0, n - x);
    return result;
}

} // namespace cutofflab
