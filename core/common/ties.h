#pragma once

#include <span>
#include <vector>

namespace cutofflab {

/// Relative tolerance under which two times or two marker values count as tied.
/// R's survival package (aeqSurv, timefix = TRUE) uses sqrt(double epsilon), about
/// 1.5e-8, so that times computed as differences of dates, such as 36.1 - 30.0 and 6.1,
/// tie as the investigator meant them to.
inline constexpr double kTieRelativeTolerance = 1.4901161193847656e-08;

/// Returns true when a and b are equal within kTieRelativeTolerance of the larger
/// magnitude. Exact equality (including both zero) is always a tie.
bool valuesTied(double a, double b) noexcept;

/// Replaces, in a sorted ascending sequence, every value that is tied with the first
/// value of its run by that first value, so that later code can compare with ==.
/// The input must be sorted ascending and free of NaN.
void collapseNearTies(std::span<double> sortedValues) noexcept;

} // namespace cutofflab
