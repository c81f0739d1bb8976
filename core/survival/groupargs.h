#pragma once

#include "survival/survdata.h"

#include <span>
#include <vector>

namespace cutofflab {

/// Checks the (data, group, groupCount) arguments that the grouped survival routines
/// share and counts the rows of each group in the same pass.
///
/// group has one entry per row of data in sorted order: a group id in
/// 0 .. groupCount-1, or kNoGroup for a row that belongs to no group. Returns the number
/// of rows of each group (groupCount entries). Throws InputError naming `routine` when
/// groupCount is negative, when group and data differ in length, or when an entry is
/// neither kNoGroup nor a valid id.
std::vector<int> countRowsPerGroup(const SortedSurvival& data, std::span<const int> group,
                                   int groupCount, const char* routine);

} // namespace cutofflab
