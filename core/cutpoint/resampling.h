#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>

namespace cutofflab {

/// Seed, threads, cancellation and progress of a resampling run (permutations, bootstrap,
/// cross-validation). The same seed gives the same result with any number of threads and
/// with any standard library. Every random number comes from std::mt19937_64, whose
/// output sequence the C++ standard fixes, through uniformBelow() or UniformIndices below,
/// never through std::uniform_int_distribution, whose mapping differs between libraries.
struct ResamplingControl {
    std::uint64_t seed = 1;
    unsigned threads = 2;                        ///< worker threads; 0 counts as 1
    const std::atomic<bool>* cancel = nullptr;   ///< polled between blocks of replicates; true stops the run
    /// Called on the caller's thread with the number of replicates done and the total, as
    /// blocks finish (several at once when the caller's thread wakes late) and once more
    /// at the end of a completed run.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Outcome of a resampling run.
enum class RunStatus {
    Completed,
    Cancelled   ///< the cancel flag was set; the result holds no replicate values
};

/// Separate random streams for the different procedures, so that one seed used for a
/// permutation test and for a bootstrap does not give them the same random numbers.
enum class RandomPurpose : std::uint64_t {
    Permutation = 1,
    Bootstrap = 2,
    SplitSample = 3,
    CrossValidation = 4,
};

/// The generator of one block of replicates: std::mt19937_64 seeded with a SplitMix64
/// mix of (seed, purpose, block). Replicate r always belongs to block r / blockSize and
/// draws its numbers from that block's generator in order, whichever thread runs it.
std::mt19937_64 blockGenerator(std::uint64_t seed, RandomPurpose purpose, std::uint64_t block);

/// A uniform integer in [0, bound), bound >= 1: Lemire's multiply-and-reject method on the
/// upper 32 bits of one generator output (Lemire, ACM Trans. Model. Comput. Simul. 2019),
/// exactly uniform and the same on every platform.
std::uint32_t uniformBelow(std::mt19937_64& generator, std::uint32_t bound);

/// Uniform integers as uniformBelow() draws them, but from both 32-bit halves of each
/// generator output (upper half first), which halves the generator's share of a shuffle.
/// The sequence is fixed by the seed, like uniformBelow()'s, but differs from it.
class UniformIndices {
public:
    explicit UniformIndices(std::mt19937_64 generator) : generator_(generator) {}

    std::uint32_t below(std::uint32_t bound)
    {
        std::uint64_t product = std::uint64_t{next()} * bound;
        auto low = static_cast<std::uint32_t>(product);
        if (low < bound) {
            const std::uint32_t threshold = (0u - bound) % bound;
            while (low < threshold) {
                product = std::uint64_t{next()} * bound;
                low = static_cast<std::uint32_t>(product);
            }
        }
        return static_cast<std::uint32_t>(product >> 32);
    }

private:
    std::uint32_t next()
    {
        if (hasLowerHalf_) {
            hasLowerHalf_ = false;
            return static_cast<std::uint32_t>(buffer_);
        }
        buffer_ = generator_();
        hasLowerHalf_ = true;
        return static_cast<std::uint32_t>(buffer_ >> 32);
    }

    std::mt19937_64 generator_;
    std::uint64_t buffer_ = 0;
    bool hasLowerHalf_ = false;
};

/// Runs work(begin, end, block) over replicates [0, count) in blocks of blockSize on
/// control.threads worker threads. Blocks are handed out in order; a block's work must
/// write only its own replicates' results. With one thread the work runs on the caller's
/// thread; with more, the caller's thread waits and calls control.progress as blocks
/// finish. Returns Cancelled when control.cancel was set before every block had started
/// (blocks already running finish first). An exception thrown by work is rethrown on the
/// caller's thread after all threads have stopped.
RunStatus runInBlocks(std::size_t count, std::size_t blockSize, const ResamplingControl& control,
                      const std::function<void(std::size_t begin, std::size_t end,
                                               std::size_t block)>& work);

} // namespace cutofflab
