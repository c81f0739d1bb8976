#include "survival/subset.h"

#include "common/error.h"

#include <string>

namespace cutofflab {

namespace {

void requireSameLength(std::size_t rows, std::size_t flags)
{
    if (rows != flags) {
        throw InputError("Invalid row filter: " + std::to_string(flags) + " flags for " + std::to_string(rows)
                         + " rows. Pass one flag per row, in sorted order.");
    }
}

} // namespace

SortedSurvival subsetRows(const SortedSurvival& data, std::span<const std::uint8_t> keep)
{
    requireSameLength(data.size(), keep.size());
    SortedSurvival subset;
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (!keep[i])
            continue;
        subset.time.push_back(data.time[i]);
        subset.event.push_back(data.event[i]);
        subset.index.push_back(data.index[i]);
    }
    return subset;
}

Eigen::MatrixXd subsetRows(const Eigen::MatrixXd& x, std::span<const std::uint8_t> keep)
{
    requireSameLength(static_cast<std::size_t>(x.rows()), keep.size());
    Eigen::Index kept = 0;
    for (const std::uint8_t flag : keep)
        kept += flag ? 1 : 0;
    Eigen::MatrixXd subset(kept, x.cols());
    Eigen::Index target = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        if (keep[static_cast<std::size_t>(i)])
            subset.row(target++) = x.row(i);
    }
    return subset;
}

} // namespace cutofflab
