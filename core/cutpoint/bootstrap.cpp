#include "cutpoint/bootstrap.h"

#include "binary/groupcompare.h"
#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace cutofflab {

namespace {

constexpr std::size_t kSamplesPerBlock = 8;

struct ReplicateOutcome {
    bool hasCutoff = false;
    double cutoff = 0.0;
    bool hasOptimism = false;
    double optimism = 0.0;
};

// R's quantile(x, p, type = 7) of ascending values.
double sortedQuantileType7(const std::vector<double>& sorted, double probability)
{
    const double h = (static_cast<double>(sorted.size()) - 1.0) * probability;
    const auto lower = static_cast<std::size_t>(std::floor(h));
    const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
    return sorted[lower] + (h - static_cast<double>(lower)) * (sorted[upper] - sorted[lower]);
}

} // namespace

SelectedCutoff selectCutoffByMaxstat(const MarkerSurvival& data, double minProportion, double maxProportion)
{
    SelectedCutoff selected;
    const CandidateSplits candidates = candidateSplits(data, minProportion, maxProportion);
    selected.status = candidates.status;
    if (selected.status != CutoffStatus::Ok)
        return selected;
    if (std::none_of(data.event.begin(), data.event.end(), [](std::uint8_t e) { return e != 0; })) {
        selected.status = CutoffStatus::NoEvents;
        return selected;
    }
    const std::vector<double> statistics = standardizedStatistics(
        inMarkerOrder(data, maxstatLogRankScores(data.time, data.event)), candidates.lowerGroupSizes);
    if (statistics.empty()) {
        selected.status = CutoffStatus::ConstantScores;
        return selected;
    }
    const auto best = std::max_element(statistics.begin(), statistics.end());
    selected.cutoff = candidates.cutoffs[static_cast<std::size_t>(best - statistics.begin())];
    selected.statistic = *best;
    return selected;
}

BootstrapResult bootstrapCutoff(const MarkerSurvival& data, const BootstrapOptions& options,
                                const ResamplingControl& control)
{
    if (options.replicates == 0)
        throw InputError("The bootstrap needs at least 1 sample; 1000 is usual.");
    if (!(options.confidenceLevel > 0.0 && options.confidenceLevel < 1.0)) {
        throw InputError("The confidence level must lie strictly between 0 and 1, for example 0.95; got "
                         + std::to_string(options.confidenceLevel) + ".");
    }

    BootstrapResult result;
    const SelectedCutoff original = selectCutoffByMaxstat(data, options.minProportion, options.maxProportion);
    result.status = original.status;
    if (result.status != CutoffStatus::Ok)
        return result;
    result.cutoff = original.cutoff;

    if (options.optimism) {
        result.apparent = coxHazardRatioAt(data, original.cutoff, options.confidenceLevel);
        if (result.apparent.status != HazardRatioStatus::Ok)
            result.optimismStatus = OptimismStatus::ApparentNotFinite;
    }
    const bool fitOptimism = options.optimism && result.apparent.status == HazardRatioStatus::Ok;

    const std::size_t n = data.size();
    const auto rowCount = static_cast<std::uint32_t>(n);
    std::vector<ReplicateOutcome> outcomes(options.replicates);
    const auto runBlock = [&](std::size_t begin, std::size_t end, std::size_t block) {
        std::mt19937_64 generator = blockGenerator(control.seed, RandomPurpose::Bootstrap, block);
        std::vector<std::uint32_t> copies(n);
        for (std::size_t replicate = begin; replicate < end; ++replicate) {
            std::fill(copies.begin(), copies.end(), 0u);
            for (std::size_t draw = 0; draw < n; ++draw)
                ++copies[uniformBelow(generator, rowCount)];
            const MarkerSurvival sample = data.withCopies(copies);
            const SelectedCutoff selected = selectCutoffByMaxstat(sample, options.minProportion, options.maxProportion);
            ReplicateOutcome& outcome = outcomes[replicate];
            if (selected.status != CutoffStatus::Ok)
                continue;
            outcome.hasCutoff = true;
            outcome.cutoff = selected.cutoff;
            if (!fitOptimism)
                continue;

            // Harrell's optimism: the strength of the split where it was chosen (the
            // sample) minus its strength on the data it is meant to describe.
            const HazardRatio inSample = coxHazardRatioAt(sample, selected.cutoff);
            const HazardRatio onData = coxHazardRatioAt(data, selected.cutoff);
            if (inSample.status == HazardRatioStatus::Ok && onData.status == HazardRatioStatus::Ok) {
                outcome.hasOptimism = true;
                outcome.optimism = std::fabs(inSample.logHazardRatio) - std::fabs(onData.logHazardRatio);
            }
        }
    };
    result.run = runInBlocks(options.replicates, kSamplesPerBlock, control, runBlock);
    if (result.run == RunStatus::Cancelled)
        return result;

    long double optimismSum = 0.0L;
    for (const ReplicateOutcome& outcome : outcomes) {
        if (!outcome.hasCutoff) {
            ++result.failedReplicates;
            continue;
        }
        result.replicateCutoffs.push_back(outcome.cutoff);
        if (outcome.hasOptimism) {
            optimismSum += outcome.optimism;
            ++result.optimismReplicates;
        }
    }
    if (!result.replicateCutoffs.empty()) {
        std::vector<double> sorted = result.replicateCutoffs;
        std::sort(sorted.begin(), sorted.end());
        const double tail = (1.0 - options.confidenceLevel) / 2.0;
        result.intervalAvailable = true;
        result.median = sortedQuantileType7(sorted, 0.5);
        result.lower = sortedQuantileType7(sorted, tail);
        result.upper = sortedQuantileType7(sorted, 1.0 - tail);
    }

    if (fitOptimism) {
        if (result.optimismReplicates == 0) {
            result.optimismStatus = OptimismStatus::NoUsableReplicate;
        } else {
            result.optimismStatus = OptimismStatus::Ok;
            result.optimism = static_cast<double>(optimismSum / static_cast<long double>(result.optimismReplicates));
            // A strength below 0 has no meaning. An optimism larger than the apparent
            // |log HR| means the split carries no information, which is HR 1.
            const double strength = std::max(0.0, std::fabs(result.apparent.logHazardRatio) - result.optimism);
            result.correctedLogHazardRatio = std::copysign(strength, result.apparent.logHazardRatio);
            result.correctedHazardRatio = std::exp(result.correctedLogHazardRatio);
        }
    }
    return result;
}

} // namespace cutofflab
