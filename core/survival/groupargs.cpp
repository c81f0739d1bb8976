#include "survival/groupargs.h"

#include "common/error.h"

#include <string>

namespace cutofflab {

std::vector<int> countRowsPerGroup(const SortedSurvival& data, std::span<const int> group,
                                   int groupCount, const char* routine)
{
    if (groupCount < 0)
        throw InputError(std::string(routine) + ": the number of groups is "
                         + std::to_string(groupCount) + "; it must be 0 or more.");
    if (group.size() != data.size())
        throw InputError(std::string(routine) + ": the group array has "
                         + std::to_string(group.size()) + " entries but the survival data has "
                         + std::to_string(data.size())
                         + " rows; pass one group id per row, in sorted order.");

    std::vector<int> sizes(static_cast<std::size_t>(groupCount), 0);
    for (std::size_t k = 0; k < group.size(); ++k) {
        const int g = group[k];
        if (g == kNoGroup)
            continue;
        if (g < 0 || g >= groupCount)
            throw InputError(std::string(routine) + ": the group id of row "
                                 + std::to_string(data.index[k] + 1)
                                 + " (1-based, in the order the data were given) is " + std::to_string(g)
                                 + ", outside 0.." + std::to_string(groupCount - 1)
                                 + "; use kNoGroup (-1) for a row in no group.",
                             {std::nullopt, "group", std::to_string(g)});
        ++sizes[static_cast<std::size_t>(g)];
    }
    return sizes;
}

} // namespace cutofflab
