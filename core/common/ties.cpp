#include "common/ties.h"

#include <algorithm>
#include <cmath>

namespace cutofflab {

bool valuesTied(double a, double b) noexcept
{
    if (a == b)
        return true;
    const double scale = std::max(std::fabs(a), std::fabs(b));
    return std::fabs(a - b) <= kTieRelativeTolerance * scale;
}

void collapseNearTies(std::span<double> sortedValues) noexcept
{
    std::size_t runStart = 0;
    for (std::size_t i = 1; i < sortedValues.size(); ++i) {
        if (valuesTied(sortedValues[runStart], sortedValues[i]))
            sortedValues[i] = sortedValues[runStart];
        else
            runStart = i;
    }
}

} // namespace cutofflab
