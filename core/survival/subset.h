#pragma once

#include "survival/survdata.h"

#include <Eigen/Core>

#include <cstdint>
#include <span>

namespace cutofflab {

/// Keeps the rows of sorted survival data whose keep flag is non-zero, for example the
/// complete cases of a multivariable model, without sorting again. keep has one flag per
/// row in sorted order. The kept rows stay in their order, so the result is sorted, and
/// their index still points into the caller's original arrays.
///
/// Near-tied times were collapsed on the full data; a subset keeps those collapsed values.
/// Throws InputError when keep has a different length from data.
SortedSurvival subsetRows(const SortedSurvival& data, std::span<const std::uint8_t> keep);

/// Keeps the rows of a matrix whose keep flag is non-zero, in order: the covariate
/// matrix that goes with subsetRows(data, keep). Throws InputError when keep has a
/// different length from the number of rows.
Eigen::MatrixXd subsetRows(const Eigen::MatrixXd& x, std::span<const std::uint8_t> keep);

} // namespace cutofflab
