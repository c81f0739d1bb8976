#include "cutpoint/resampling.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace cutofflab {

namespace {

// SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014): spreads nearby inputs
// (seed 1, 2, 3; block 0, 1, 2) over unrelated 64-bit values.
std::uint64_t splitMix64(std::uint64_t x) noexcept
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

std::mt19937_64 blockGenerator(std::uint64_t seed, RandomPurpose purpose, std::uint64_t block)
{
    std::uint64_t state = splitMix64(seed);
    state = splitMix64(state ^ static_cast<std::uint64_t>(purpose));
    state = splitMix64(state ^ block);
    return std::mt19937_64(state);
}

std::uint32_t uniformBelow(std::mt19937_64& generator, std::uint32_t bound)
{
    // The product of a 32-bit random number and bound, divided by 2^32, is uniform on
    // [0, bound) once the products whose low half falls below 2^32 mod bound are rejected.
    std::uint64_t product = (generator() >> 32) * bound;
    auto low = static_cast<std::uint32_t>(product);
    if (low < bound) {
        const std::uint32_t threshold = (0u - bound) % bound;
        while (low < threshold) {
            product = (generator() >> 32) * bound;
            low = static_cast<std::uint32_t>(product);
        }
    }
    return static_cast<std::uint32_t>(product >> 32);
}

RunStatus runInBlocks(std::size_t count, std::size_t blockSize, const ResamplingControl& control,
                      const std::function<void(std::size_t begin, std::size_t end,
                                               std::size_t block)>& work)
{
    blockSize = std::max<std::size_t>(blockSize, 1);
    const std::size_t blockCount = (count + blockSize - 1) / blockSize;
    const std::size_t threadCount =
        std::clamp<std::size_t>(control.threads == 0 ? 1 : control.threads, 1, std::max<std::size_t>(blockCount, 1));

    std::atomic<std::size_t> nextBlock{0};
    std::atomic<bool> stopped{false};
    std::mutex mutex;                  // guards replicatesDone, workersRunning and failure
    std::condition_variable changed;
    std::size_t replicatesDone = 0;
    std::size_t workersRunning = threadCount;
    std::exception_ptr failure;

    const auto isCancelled = [&] {
        return control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed);
    };

    // Takes blocks in order until none is left, the run is cancelled or a block failed.
    // Returns after each block when reportOnReturn is set, so that the single-threaded
    // caller can report progress.
    const auto runBlocks = [&](bool reportOnReturn) {
        for (;;) {
            if (stopped.load(std::memory_order_relaxed))
                return false;
            if (isCancelled()) {
                stopped = true;
                return false;
            }
            const std::size_t block = nextBlock.fetch_add(1);
            if (block >= blockCount)
                return false;
            const std::size_t begin = block * blockSize;
            const std::size_t end = std::min(count, begin + blockSize);
            try {
                work(begin, end, block);
            } catch (...) {
                const std::lock_guard lock(mutex);
                if (!failure)
                    failure = std::current_exception();
                stopped = true;
                return false;
            }
            {
                const std::lock_guard lock(mutex);
                replicatesDone += end - begin;
            }
            changed.notify_one();
            if (reportOnReturn)
                return true;
        }
    };

    if (threadCount == 1) {
        // Everything on the caller's thread, with progress after each block.
        while (runBlocks(true)) {
            if (control.progress)
                control.progress(replicatesDone, count);
        }
    } else {
        // Worker threads compute; the caller's thread waits and reports progress, so that
        // the callback always runs on the caller's thread.
        std::vector<std::thread> workers;
        workers.reserve(threadCount);
        for (std::size_t t = 0; t < threadCount; ++t) {
            workers.emplace_back([&] {
                runBlocks(false);
                {
                    const std::lock_guard lock(mutex);
                    --workersRunning;
                }
                changed.notify_one();
            });
        }
        std::size_t reported = 0;
        std::unique_lock lock(mutex);
        while (workersRunning > 0) {
            changed.wait(lock, [&] { return workersRunning == 0 || replicatesDone != reported; });
            if (replicatesDone == reported)
                continue;
            reported = replicatesDone;
            if (control.progress) {
                lock.unlock();
                control.progress(reported, count);
                lock.lock();
            }
        }
        lock.unlock();
        for (auto& worker : workers)
            worker.join();
    }

    if (failure)
        std::rethrow_exception(failure);
    if (replicatesDone < count)
        return RunStatus::Cancelled;
    if (control.progress)
        control.progress(count, count);
    return RunStatus::Completed;
}

} // namespace cutofflab
