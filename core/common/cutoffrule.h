#pragma once

namespace cutofflab {

/// Which side of a cut-off is "high".
enum class CutoffRule {
    GreaterOrEqual,   ///< high when value >= cut-off (the default, as in most published cut-offs)
    Greater           ///< high when value > cut-off (maxstat's split: low is value <= cut-off)
};

/// True when value is on the high side of cutoff under rule.
inline bool isHigh(double value, double cutoff, CutoffRule rule) noexcept
{
    return rule == CutoffRule::Greater ? value > cutoff : value >= cutoff;
}

} // namespace cutofflab
