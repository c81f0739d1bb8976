#pragma once
// One marker's cut-off landscape and maximally selected log-rank test on a prepared
// cohort: the entry point front ends call instead of assembling MarkerSurvival,
// scanCutoffs() and maxstatTest() themselves.

#include "analysis/analyze.h"
#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "cutpoint/scan.h"

#include <atomic>
#include <string>

namespace cutofflab {

struct MarkerScanOptions {
    ScanOptions scan;                                 ///< proportions, hazard ratio method, threads
    bool hothornLausen = true;                        ///< also compute the HL p-value (maxstat's integer scores)
    std::size_t hothornLausenCellLimit = kHothornLausenCellLimit;
    const std::atomic<bool>* cancel = nullptr;        ///< stops the HL computation (status Cancelled)
};

/// The landscape of one marker, with the data it was computed on, so that permutation,
/// bootstrap and validation runs can reuse the sort by marker.
struct MarkerLandscape {
    std::string marker;
    MarkerSurvival data;     ///< the cohort's rows with survival and a value of the marker
    CutoffScan scan;         ///< every candidate cut-off (low: marker <= cut-off)
    MaxstatResult maxstat;   ///< maxstat's statistic with the Lau92, Lau94 and HL p-values
};

/// The rows of the cohort with a value of the marker, in the time order of
/// prepared.survival(). Throws InputError when the cohort has no survival columns or the
/// marker is not a numeric column of the cohort.
MarkerSurvival markerSurvival(const PreparedCohort& prepared, const std::string& marker);

/// Scans every candidate cut-off of the marker and runs maxstat's test
/// (maxstat.test(Surv(time, event) ~ marker, smethod = "LogRank") in R's maxstat 0.7-25)
/// with the same proportions. Throws InputError as markerSurvival() does and for invalid
/// options. A marker without a candidate cut-off gives the status in scan and maxstat.
MarkerLandscape scanMarker(const PreparedCohort& prepared, const std::string& marker,
                           const MarkerScanOptions& options = {});

} // namespace cutofflab
