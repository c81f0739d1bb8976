#include "cutpoint/permutation.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace cutofflab {

namespace {

constexpr std::size_t kPermutationsPerBlock = 64;
constexpr double kExceedRelativeMargin = 1e-9;

} // namespace

PermutationResult conditionalMonteCarlo(const MarkerSurvival& data, const PermutationOptions& options,
                                        const ResamplingControl& control)
{
    if (options.permutations == 0)
        throw InputError("The permutation test needs at least 1 permutation; 10000 is usual.");

    PermutationResult result;
    result.pValue.method = PValueMethod::ConditionalMonteCarlo;
    result.pValue.status = PValueStatus::NotApplicable;

    const CandidateSplits candidates = candidateSplits(data, options.minProportion, options.maxProportion);
    result.status = candidates.status;
    if (result.status != CutoffStatus::Ok)
        return result;
    if (std::none_of(data.event.begin(), data.event.end(), [](std::uint8_t e) { return e != 0; })) {
        result.status = CutoffStatus::NoEvents;
        return result;
    }
    const std::vector<double> scores = inMarkerOrder(data, maxstatLogRankScores(data.time, data.event));
    const std::vector<std::size_t>& sizes = candidates.lowerGroupSizes;
    const std::vector<double> observed = standardizedStatistics(scores, sizes);
    if (observed.empty()) {
        result.status = CutoffStatus::ConstantScores;
        return result;
    }
    result.statistic = *std::max_element(observed.begin(), observed.end());

    // The permutation mean and standard deviation of each candidate's score sum.
    const std::size_t n = scores.size();
    long double sum = 0.0L, sumOfSquares = 0.0L;
    for (const double y : scores) {
        sum += y;
        sumOfSquares += y * y;
    }
    const auto total = static_cast<double>(sum);
    const double nd = static_cast<double>(n);
    const double spread = nd * static_cast<double>(sumOfSquares) - total * total;
    std::vector<double> mean(sizes.size()), inverseDeviation(sizes.size());
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        const double m = static_cast<double>(sizes[k]);
        mean[k] = m / nd * total;
        inverseDeviation[k] = 1.0 / std::sqrt(m * (nd - m) / (nd * nd * (nd - 1.0)) * spread);
    }
    const std::size_t lastPosition = sizes.back();
    const auto rowCount = static_cast<std::uint32_t>(n);

    result.nullMaxima.assign(options.permutations, 0.0);
    const auto runBlock = [&](std::size_t begin, std::size_t end, std::size_t block) {
        UniformIndices random(blockGenerator(control.seed, RandomPurpose::Permutation, block));
        std::vector<double> shuffled = scores;
        for (std::size_t replicate = begin; replicate < end; ++replicate) {
            double running = 0.0;
            double maximum = 0.0;
            std::size_t next = 0;
            for (std::size_t position = 0; position < lastPosition; ++position) {
                const auto remaining = static_cast<std::uint32_t>(rowCount - position);
                const std::size_t pick = position + random.below(remaining);
                std::swap(shuffled[position], shuffled[pick]);
                running += shuffled[position];
                if (position + 1 == sizes[next]) {
                    maximum = std::max(maximum, std::fabs((running - mean[next]) * inverseDeviation[next]));
                    ++next;
                }
            }
            result.nullMaxima[replicate] = maximum;
        }
    };
    result.run = runInBlocks(options.permutations, kPermutationsPerBlock, control, runBlock);
    if (result.run == RunStatus::Cancelled) {
        result.nullMaxima.clear();
        result.pValue.status = PValueStatus::Cancelled;
        return result;
    }

    const double threshold = result.statistic * (1.0 + kExceedRelativeMargin);
    result.permutations = options.permutations;
    result.exceedances = static_cast<std::size_t>(
        std::count_if(result.nullMaxima.begin(), result.nullMaxima.end(), [&](double m) { return m > threshold; }));
    const double p = static_cast<double>(result.exceedances) / static_cast<double>(result.permutations);
    result.pValue.value = p;
    result.pValue.displayValue = p;
    result.pValue.status = result.exceedances == 0 ? PValueStatus::NoPermutationExceeded : PValueStatus::Ok;
    result.monteCarloStandardError = std::sqrt(p * (1.0 - p) / static_cast<double>(result.permutations));
    return result;
}

} // namespace cutofflab
