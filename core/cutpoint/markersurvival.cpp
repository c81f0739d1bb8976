#include "cutpoint/markersurvival.h"

#include "common/error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

namespace cutofflab {

namespace {

constexpr std::size_t kMaxRows = std::numeric_limits<std::uint32_t>::max();

// An unsigned key that orders like the double: flip every bit of a negative number, and
// only the sign bit of a positive one. -0.0 becomes +0.0 first, because the two are equal.
std::uint64_t orderedKey(double value)
{
    const auto bits = std::bit_cast<std::uint64_t>(value == 0.0 ? 0.0 : value);
    return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

// Row positions ordered by marker value, equal values in position order: a least
// significant digit radix sort on 16-bit digits of orderedKey, which is stable, so the
// initial position order settles ties. Digits shared by every key are skipped.
std::vector<std::uint32_t> orderByValue(const std::vector<double>& values)
{
    const std::size_t n = values.size();
    std::vector<std::uint64_t> keys(n), keysScratch(n);
    std::vector<std::uint32_t> order(n), orderScratch(n);
    for (std::size_t i = 0; i < n; ++i) {
        keys[i] = orderedKey(values[i]);
        order[i] = static_cast<std::uint32_t>(i);
    }
    constexpr unsigned kDigitBits = 16;
    constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
    std::vector<std::size_t> start(kBuckets);
    for (unsigned shift = 0; shift < 64; shift += kDigitBits) {
        std::fill(start.begin(), start.end(), 0);
        for (const std::uint64_t key : keys)
            ++start[(key >> shift) & (kBuckets - 1)];
        if (n == 0 || start[(keys[0] >> shift) & (kBuckets - 1)] == n)
            continue;
        std::size_t offset = 0;
        for (std::size_t& bucket : start) {
            const std::size_t count = bucket;
            bucket = offset;
            offset += count;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t target = start[(keys[i] >> shift) & (kBuckets - 1)]++;
            keysScratch[target] = keys[i];
            orderScratch[target] = order[i];
        }
        keys.swap(keysScratch);
        order.swap(orderScratch);
    }
    return order;
}

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

    data.markerOrder = orderByValue(data.marker);
    data.sortedMarker.resize(kept);
    for (std::size_t k = 0; k < kept; ++k)
        data.sortedMarker[k] = data.marker[data.markerOrder[k]];
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
    result.sortedMarker.reserve(total);
    for (const std::uint32_t row : markerOrder) {
        for (std::uint32_t c = 0; c < copies[row]; ++c) {
            result.markerOrder.push_back(firstCopy[row] + c);
            result.sortedMarker.push_back(marker[row]);
        }
    }
    return result;
}

} // namespace cutofflab
