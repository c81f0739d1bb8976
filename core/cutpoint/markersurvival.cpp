#include "cutpoint/markersurvival.h"

#include "common/error.h"
#include "common/ties.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

namespace cutofflab {

namespace {

constexpr std::size_t kMaxRows = std::numeric_limits<std::uint32_t>::max();

std::string formatValue(double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

} // namespace

MarkerSurvival MarkerSurvival::fromSorted(const SortedSurvival& survival,
                                          std::span<const double> markerInSortedOrder)
{
    if (markerInSortedOrder.size() != survival.size()) {
        throw InputError("The marker has " + std::to_string(markerInSortedOrder.size())
                         + " values but the survival data have " + std::to_string(survival.size())
                         + " rows; pass one marker value per row, in the sorted order of the survival data.");
    }

    MarkerSurvival data;
    std::size_t kept = 0;
    for (std::size_t k = 0; k < survival.size(); ++k) {
        const double value = markerInSortedOrder[k];
        if (std::isnan(value))
            continue;
        if (std::isinf(value)) {
            throw InputError("The marker value in row " + std::to_string(survival.index[k] + 1)
                                 + " is infinite; cut-offs need finite marker values. Correct the value or leave it empty.",
                             {survival.index[k] + 1, {}, formatValue(value)});
        }
        ++kept;
    }
    if (kept >= kMaxRows) {
        throw InputError("The cut-off routines handle at most " + std::to_string(kMaxRows - 1)
                         + " rows; this marker has " + std::to_string(kept) + ".");
    }

    data.time.reserve(kept);
    data.event.reserve(kept);
    data.marker.reserve(kept);
    data.sourceRow.reserve(kept);
    for (std::size_t k = 0; k < survival.size(); ++k) {
        const double value = markerInSortedOrder[k];
        if (std::isnan(value))
            continue;
        data.time.push_back(survival.time[k]);
        data.event.push_back(survival.event[k]);
        data.marker.push_back(value);
        data.sourceRow.push_back(k);
    }
    data.rowsLeftOutMissingMarker = survival.size() - kept;

    // Sort (value, position) pairs: the position breaks ties, so rows with equal markers
    // stay in time order and the order does not depend on the sort algorithm.
    std::vector<std::pair<double, std::uint32_t>> keyed(kept);
    for (std::size_t i = 0; i < kept; ++i)
        keyed[i] = {data.marker[i], static_cast<std::uint32_t>(i)};
    std::sort(keyed.begin(), keyed.end());
    data.markerOrder.resize(kept);
    for (std::size_t i = 0; i < kept; ++i)
        data.markerOrder[i] = keyed[i].second;
    return data;
}

MarkerSurvival MarkerSurvival::withCopies(std::span<const std::uint32_t> copies) const
{
    if (copies.size() != size()) {
        throw InputError("withCopies needs one copy count per row: " + std::to_string(copies.size())
                         + " counts for " + std::to_string(size()) + " rows.");
    }
    std::vector<std::uint32_t> firstCopy(size());
    std::size_t total = 0;
    for (std::size_t i = 0; i < size(); ++i) {
        firstCopy[i] = static_cast<std::uint32_t>(std::min(total, kMaxRows));
        total += copies[i];
    }
    if (total >= kMaxRows) {
        throw InputError("A resampled data set may hold at most " + std::to_string(kMaxRows - 1)
                         + " rows; " + std::to_string(total) + " were requested.");
    }

    MarkerSurvival result;
    result.rowsLeftOutMissingMarker = rowsLeftOutMissingMarker;
    result.time.reserve(total);
    result.event.reserve(total);
    result.marker.reserve(total);
    result.sourceRow.reserve(total);
    for (std::size_t i = 0; i < size(); ++i) {
        for (std::uint32_t c = 0; c < copies[i]; ++c) {
            result.time.push_back(time[i]);
            result.event.push_back(event[i]);
            result.marker.push_back(marker[i]);
            result.sourceRow.push_back(sourceRow[i]);
        }
    }
    result.markerOrder.reserve(total);
    for (const std::uint32_t row : markerOrder) {
        for (std::uint32_t c = 0; c < copies[row]; ++c)
            result.markerOrder.push_back(firstCopy[row] + c);
    }
    return result;
}

std::vector<MarkerRun> markerRuns(const MarkerSurvival& data)
{
    std::vector<MarkerRun> runs;
    const std::size_t n = data.size();
    std::size_t begin = 0;
    for (std::size_t k = 1; k <= n; ++k) {
        if (k == n || !valuesTied(data.marker[data.markerOrder[begin]], data.marker[data.markerOrder[k]])) {
            runs.push_back({begin, k});
            begin = k;
        }
    }
    return runs;
}

} // namespace cutofflab
