#include "survival/eventtable.h"

#include <algorithm>

namespace cutofflab {

std::size_t countEventTimes(const SortedSurvival& data)
{
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < data.size()) {
        const double currentTime = data.time[i];
        bool anyEvent = false;
        do {
            anyEvent |= data.event[i] != 0;
            ++i;
        } while (i < data.size() && data.time[i] == currentTime);
        count += anyEvent ? 1 : 0;
    }
    return count;
}

EventTimeTable tabulateEventTimes(const SortedSurvival& data, std::span<const std::uint16_t> classOf,
                                  std::size_t classCount, std::size_t eventTimes)
{
    EventTimeTable table;
    table.classCount = classCount;
    table.time.resize(eventTimes);
    table.atRisk.resize(eventTimes * classCount);
    table.events.resize(eventTimes * classCount, 0);
    table.censoredUntilNext.resize(eventTimes * classCount, 0);

    // One pass from the latest time back. Counts go straight into the row of the next
    // event time b. A time without events leaves its censored rows in that row, which
    // belongs to the next earlier event time.
    std::vector<std::uint32_t> atRisk(classCount, 0);
    std::size_t b = 0;
    auto i = static_cast<std::ptrdiff_t>(data.size()) - 1;
    while (i >= 0 && b < eventTimes) {
        const double currentTime = data.time[static_cast<std::size_t>(i)];
        std::uint32_t* events = table.events.data() + b * classCount;
        std::uint32_t* censored = table.censoredUntilNext.data() + b * classCount;
        std::uint32_t blockEvents = 0;
        do {
            const auto row = static_cast<std::size_t>(i);
            const std::uint16_t c = classOf[row];
            const std::uint8_t event = data.event[row];
            ++atRisk[c];
            events[c] += event;
            censored[c] += 1u - event;
            blockEvents += event;
            --i;
        } while (i >= 0 && data.time[static_cast<std::size_t>(i)] == currentTime);

        if (blockEvents == 0)
            continue;
        table.time[b] = currentTime;
        std::copy(atRisk.begin(), atRisk.end(), table.atRisk.begin() + static_cast<std::ptrdiff_t>(b * classCount));
        ++b;
    }
    return table;
}

} // namespace cutofflab
