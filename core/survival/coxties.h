#pragma once

// Separate from cox.h, so that code that only names the tie handling (the cut-off
// routines) need not include the Cox model and Eigen.

namespace cutofflab {

/// Approximation of the partial likelihood at tied event times.
enum class CoxTies {
    Efron,    ///< Efron (1977), R's default. The k-th of d tied events sees the risk set minus (k-1)/d of them.
    Breslow   ///< Breslow (1974), the default of SAS PHREG, SPSS and statsmodels. Every tied event sees the whole risk set.
};

} // namespace cutofflab
