#pragma once

// The cut-off landscape: every candidate cut-off of a marker with its maximally selected
// statistic, survdiff log-rank test, group sizes, events and hazard ratio, and the
// optimal cut-offs. One sort by marker (MarkerSurvival) and one pass over the rows in
// marker order, with a Fenwick tree for the log-rank variance: O(n log n) in all,
// where a survdiff per cut-off costs O(n) per cut-off.

#include "cutpoint/coxbinary.h"
#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "survival/coxties.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cutofflab {

/// Method choice for the hazard ratios of the landscape.
enum class HazardRatioMode {
    Automatic,     ///< Cox at every cut-off when the work fits exactCoxWorkLimit,
                   ///< else Peto's one-step estimate, and Cox at the optimal cut-offs
    CoxEfron,      ///< Cox at every cut-off, whatever the size (with ScanOptions::ties, which
                   ///< is Efron unless set to Breslow)
    PetoOneStep    ///< Peto's one-step estimate at every cut-off, Cox at the optimal cut-offs
};

/// The method behind one hazard ratio.
enum class HazardRatioMethod : std::uint8_t {
    CoxEfron,      ///< the maximum partial likelihood estimate, equal to R's
                   ///< coxph(Surv(time, event) ~ high) (ties = "efron")
    PetoOneStep,   ///< log HR = (O - E) / V of the high group from the log-rank test,
                   ///< SE = 1 / sqrt(V): one Newton step of the Cox score from 0. An
                   ///< approximation, close to Cox when the HR is near 1 and biased
                   ///< towards 1 when it is far from 1.
    CoxBreslow     ///< the maximum partial likelihood estimate with Breslow's ties, equal
                   ///< to R's coxph(Surv(time, event) ~ high, ties = "breslow")
};

enum class HazardRatioStatus : std::uint8_t {
    Ok,
    InfiniteHigh,     ///< the Cox estimate is +infinity (no low-group event while high rows are
                      ///< at risk, typically no events in the low group); R warns
                      ///< "coefficient may be infinite"
    InfiniteLow,      ///< the Cox estimate is 0 (typically no events in the high group)
    NotEstimable      ///< no information (no event with both groups at risk) or no convergence
};

/// Hazard ratio of the high group (marker > cut-off) against the low group.
struct HazardRatio {
    HazardRatioMethod method = HazardRatioMethod::CoxEfron;
    HazardRatioStatus status = HazardRatioStatus::NotEstimable;
    double logHazardRatio = 0.0;   ///< the following four hold numbers only when status is Ok
    double standardError = 0.0;
    double hazardRatio = 1.0;
    double lower = 1.0;            ///< Wald interval exp(log HR -/+ z SE) at the scan's confidence level
    double upper = 1.0;
};

/// Every value the landscape stores about one cut-off, assembled by CutoffScan::point().
struct CutoffPoint {
    double cutoff = 0.0;                  ///< low: marker <= cutoff; high: marker > cutoff
    std::size_t nLow = 0, nHigh = 0;
    std::size_t eventsLow = 0, eventsHigh = 0;
    double standardizedStatistic = 0.0;   ///< maxstat's statistic (its log-rank scores)
    double logRankChiSquare = 0.0;        ///< survdiff chi-square, 1 df (naive, uncorrected)
    double logRankP = 1.0;                ///< its p-value (naive: not corrected for the search)
    bool logRankDefined = true;           ///< false when the log-rank variance is 0
    double expectedLow = 0.0, expectedHigh = 0.0;
    HazardRatio hazardRatio;
};

struct ScanOptions {
    double minProportion = 0.1;
    double maxProportion = 0.9;
    HazardRatioMode hazardRatios = HazardRatioMode::Automatic;
    /// Automatic mode fits Cox at every cut-off when candidates x (event times + events)
    /// is at most this. That is about 0.3 s in a release build on a 2-core x86-64 machine
    /// (measured), and is reached near 5000 rows of continuous data.
    double exactCoxWorkLimit = 5.0e7;
    double confidenceLevel = 0.95;
    /// Tie handling of the Cox fits; Peto's one-step estimate does not depend on it.
    CoxTies ties = CoxTies::Efron;
    /// With 2 or more, maxstat's statistics run on a second thread from 10^5 rows on.
    unsigned threads = 2;
    /// Values within this relative distance of the best count as tied optima: sums in a
    /// different order differ in the last bits, so exact equality would split ties.
    double tieRelativeTolerance = 1e-10;
};

/// An optimal cut-off and the candidates that tie with it.
struct OptimalCutoff {
    bool found = false;
    std::size_t index = 0;            ///< the first (smallest) cut-off among the ties
    double cutoff = 0.0;
    double value = 0.0;               ///< the criterion at index
    std::vector<std::size_t> ties;    ///< every candidate within the tie tolerance, ascending (includes index)
};

/// The landscape, one entry per candidate cut-off in each vector (structure of arrays, so
/// that a plot reads one column; point() assembles one row).
struct CutoffScan {
    CutoffStatus status = CutoffStatus::NoRows;
    std::size_t n = 0;
    std::size_t totalEvents = 0;
    std::size_t rowsLeftOutMissingMarker = 0;
    double confidenceLevel = 0.95;
    CandidateSplits candidates;                      ///< cut-offs and lower group sizes (nLow)

    std::vector<double> standardizedStatistic;
    std::vector<std::uint32_t> eventsLow;
    std::vector<double> expectedLow;
    std::vector<double> logRankChiSquare;
    std::vector<double> logRankP;
    std::vector<std::uint8_t> logRankDefined;
    std::vector<double> logHazardRatio;
    std::vector<double> hazardRatioStandardError;
    std::vector<HazardRatioStatus> hazardRatioStatus;
    std::vector<HazardRatioMethod> hazardRatioMethod;

    OptimalCutoff byStandardizedStatistic;           ///< maximal maxstat statistic (maxstat's estimate)
    OptimalCutoff byLogRankP;                        ///< minimal naive log-rank p (maximal chi-square)

    /// Number of candidates with values: 0 unless status is Ok.
    std::size_t size() const noexcept { return status == CutoffStatus::Ok ? candidates.cutoffs.size() : 0; }
    CutoffPoint point(std::size_t index) const;
};

/// Scans every candidate cut-off of data (see candidateSplits() for the rule). Throws
/// InputError for invalid options; every other problem is a status. Cost: one pass in
/// marker order with O(log n) per row, plus, when hazard ratios are fitted by Cox at
/// every cut-off, O(event times) per cut-off.
CutoffScan scanCutoffs(const MarkerSurvival& data, const ScanOptions& options = {});

/// Chooses the best entry of a criterion per candidate: the largest finite value, or
/// with minimize the smallest; entries within relativeTolerance of it are ties. The
/// scan uses it for its two optima; the ROC module can pass a Youden index per
/// candidate cut-off to add a third.
OptimalCutoff selectOptimalCutoff(std::span<const double> criterion, std::span<const double> cutoffs,
                                  bool minimize = false, double relativeTolerance = 1e-10);

/// The Cox hazard ratio of marker > cutoff against marker <= cutoff, O(n).
HazardRatio coxHazardRatioAt(const MarkerSurvival& data, double cutoff, double confidenceLevel = 0.95,
                             CoxTies ties = CoxTies::Efron);

/// The hazard ratio that a Cox fit gives, with its Wald interval; method names the fit.
HazardRatio hazardRatioFromFit(const TwoGroupCoxFit& fit, double confidenceLevel,
                               HazardRatioMethod method = HazardRatioMethod::CoxEfron);

/// The hazard ratio method of a Cox fit with the given tie handling.
HazardRatioMethod coxMethod(CoxTies ties) noexcept;

} // namespace cutofflab
