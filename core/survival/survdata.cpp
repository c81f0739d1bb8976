#include "survival/survdata.h"

#include "common/ties.h"

#include <algorithm>
#include <numeric>

namespace cutofflab {

SortedSurvival SortedSurvival::fromUnsorted(std::span<const double> time,
                                            std::span<const std::uint8_t> event)
{
    SortedSurvival data;
    data.index.resize(time.size());
    std::iota(data.index.begin(), data.index.end(), std::size_t{0});
    std::stable_sort(data.index.begin(), data.index.end(),
                     [&](std::size_t a, std::size_t b) { return time[a] < time[b]; });

    data.time.resize(time.size());
    data.event.resize(time.size());
    for (std::size_t k = 0; k < data.index.size(); ++k) {
        data.time[k] = time[data.index[k]];
        data.event[k] = event[data.index[k]];
    }
    collapseNearTies(data.time);
    return data;
}

} // namespace cutofflab
