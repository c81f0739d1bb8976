#include "data/grouping.h"

#include "binary/groupcompare.h"
#include "common/error.h"
#include "survival/survdata.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace cutofflab {

std::vector<int> Grouping::sizes() const
{
    std::vector<int> counts(static_cast<std::size_t>(groupCount), 0);
    for (int g : group) {
        if (g != kNoGroup)
            ++counts[static_cast<std::size_t>(g)];
    }
    return counts;
}

namespace {

void requireNumeric(const CohortColumn& column)
{
    if (!column.numeric) {
        throw InputError("The column \"" + column.name + "\" is not numeric, so it cannot be cut at a value. "
                             "Choose a numeric marker, or compare its categories as groups.",
                         {std::nullopt, column.name, {}});
    }
}

void requireFinite(double cutoff, const std::string& what)
{
    if (!std::isfinite(cutoff)) {
        throw InputError("The cut-off for " + what + " is not a finite number. Enter a number.",
                         {std::nullopt, what, {}});
    }
}

std::string formatNumber(double value)
{
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

void listUnusable(const CohortColumn& column, Grouping& grouping)
{
    for (const ExcludedRow& unusable : column.unusable)
        grouping.excluded.push_back(unusable);
}

} // namespace

Grouping groupByCutoff(const CohortColumn& marker, double cutoff, CutoffRule rule)
{
    requireNumeric(marker);
    requireFinite(cutoff, marker.name);

    Grouping grouping;
    grouping.groupCount = 2;
    grouping.names = {"low", "high"};
    grouping.scores = {0.0, 1.0};
    grouping.group.resize(marker.values.size());
    for (std::size_t i = 0; i < marker.values.size(); ++i) {
        const auto& value = marker.values[i];
        grouping.group[i] = !value ? kNoGroup : (isHigh(*value, cutoff, rule) ? 1 : 0);
    }
    listUnusable(marker, grouping);
    return grouping;
}

Grouping groupByScore(const CohortColumn& first, double firstCutoff, CutoffRule firstRule,
                      const CohortColumn& second, double secondCutoff, CutoffRule secondRule)
{
    requireNumeric(first);
    requireNumeric(second);
    requireFinite(firstCutoff, first.name);
    requireFinite(secondCutoff, second.name);

    Grouping grouping;
    grouping.groupCount = 3;
    grouping.names = {"0", "1", "2"};
    grouping.scores = {0.0, 1.0, 2.0};
    grouping.group.resize(first.values.size());
    for (std::size_t i = 0; i < first.values.size(); ++i) {
        const auto& a = first.values[i];
        const auto& b = second.values[i];
        if (!a || !b) {
            grouping.group[i] = kNoGroup;
            continue;
        }
        grouping.group[i] = (isHigh(*a, firstCutoff, firstRule) ? 1 : 0) + (isHigh(*b, secondCutoff, secondRule) ? 1 : 0);
    }
    listUnusable(first, grouping);
    if (second.name != first.name)
        listUnusable(second, grouping);
    return grouping;
}

Grouping groupByQuantiles(const CohortColumn& marker, int groupCount, CutoffRule rule)
{
    requireNumeric(marker);
    if (groupCount < 2 || groupCount > 10) {
        throw InputError("Quantile groups need between 2 and 10 groups; " + std::to_string(groupCount)
                         + " was requested.");
    }
    std::vector<double> observed;
    for (const auto& value : marker.values) {
        if (value)
            observed.push_back(*value);
    }
    if (observed.empty()) {
        throw InputError("The marker \"" + marker.name + "\" has no values, so no quantile groups can be formed.",
                         {std::nullopt, marker.name, {}});
    }

    std::sort(observed.begin(), observed.end());
    Grouping grouping;
    grouping.groupCount = groupCount;
    for (int k = 1; k < groupCount; ++k)
        grouping.cutpoints.push_back(quantileType7(observed, static_cast<double>(k) / groupCount));
    for (int k = 0; k < groupCount; ++k) {
        grouping.scores.push_back(static_cast<double>(k));
        if (groupCount == 2)
            grouping.names.push_back(k == 0 ? "below median" : "above median");
        else
            grouping.names.push_back("Q" + std::to_string(k + 1));
    }
    grouping.group.resize(marker.values.size());
    for (std::size_t i = 0; i < marker.values.size(); ++i) {
        const auto& value = marker.values[i];
        if (!value) {
            grouping.group[i] = kNoGroup;
            continue;
        }
        int g = 0;
        for (double cut : grouping.cutpoints)
            g += isHigh(*value, cut, rule) ? 1 : 0;
        grouping.group[i] = g;
    }
    listUnusable(marker, grouping);
    return grouping;
}

Grouping groupByColumn(const CohortColumn& column)
{
    Grouping grouping;
    if (column.numeric) {
        std::set<double> distinct;
        for (const auto& value : column.values) {
            if (value)
                distinct.insert(*value);
        }
        if (distinct.size() > 20) {
            throw InputError("The column \"" + column.name + "\" has " + std::to_string(distinct.size())
                                 + " different values, too many to compare as groups. Choose a column with a few categories, "
                                   "or use it as a marker with a cut-off.",
                             {std::nullopt, column.name, {}});
        }
        const std::vector<double> levels(distinct.begin(), distinct.end());
        for (double level : levels) {
            grouping.names.push_back(formatNumber(level));
            grouping.scores.push_back(level);
        }
        grouping.group.resize(column.values.size());
        for (std::size_t i = 0; i < column.values.size(); ++i) {
            const auto& value = column.values[i];
            grouping.group[i] = !value ? kNoGroup
                                       : static_cast<int>(std::lower_bound(levels.begin(), levels.end(), *value) - levels.begin());
        }
    } else {
        grouping.names = column.levels;
        for (std::size_t k = 0; k < column.levels.size(); ++k)
            grouping.scores.push_back(static_cast<double>(k));
        grouping.group.resize(column.labels.size());
        for (std::size_t i = 0; i < column.labels.size(); ++i) {
            const auto& label = column.labels[i];
            grouping.group[i] = !label ? kNoGroup
                                       : static_cast<int>(std::find(column.levels.begin(), column.levels.end(), *label)
                                                          - column.levels.begin());
        }
    }
    grouping.groupCount = static_cast<int>(grouping.names.size());
    listUnusable(column, grouping);
    return grouping;
}

} // namespace cutofflab
