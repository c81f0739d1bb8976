#pragma once

#include "common/cutoffrule.h"
#include "data/cohort.h"

#include <string>
#include <vector>

namespace cutofflab {

/// Group membership of every cohort row.
struct Grouping {
    int groupCount = 0;
    std::vector<std::string> names;          ///< one per group, in order (e.g. "low", "high")
    std::vector<int> group;                  ///< per cohort row: 0 .. groupCount-1, or kNoGroup (-1)
    std::vector<double> scores;              ///< ordered score of each group (0, 1, 2 ...) for trend tests
    std::vector<ExcludedRow> excluded;       ///< rows in no group, with the reason
    std::vector<double> cutpoints;           ///< quantile groups: the cut points used

    std::vector<int> sizes() const;
};

/// Two groups: 0 = low, 1 = high. Rows with no usable marker value are in no group.
Grouping groupByCutoff(const CohortColumn& marker, double cutoff, CutoffRule rule);

/// The combined score of two markers: the number of markers at or above their cut-off
/// (groups 0, 1, 2), as in the IL-6/IL-8 analyses. The markers may be the same column
/// with two cut-offs, which gives three ordered bands.
Grouping groupByScore(const CohortColumn& first, double firstCutoff, CutoffRule firstRule,
                      const CohortColumn& second, double secondCutoff, CutoffRule secondRule);

/// Quantile groups (2 = median split, 3 = tertiles, 4 = quartiles): the cut points are
/// R's type-7 sample quantiles of the marker; a row's group is the number of cut points
/// it is on the high side of, under rule.
Grouping groupByQuantiles(const CohortColumn& marker, int groupCount, CutoffRule rule);

/// The groups of an existing column: its category labels (in factor order) or its
/// distinct numeric values (ascending).
Grouping groupByColumn(const CohortColumn& column);

} // namespace cutofflab
