#pragma once

// Maximally selected log-rank statistics and their corrected p-values, computed as R's
// maxstat 0.7-25 computes maxstat.test(Surv(time, event) ~ marker, smethod = "LogRank").
//
// Sources: Lausen & Schumacher, Biometrics 48 (1992) 73-85 ("Lau92"); Lausen, Sauerbrei
// & Schumacher, in Computational Statistics (1994) 483-496 ("Lau94"); Hothorn & Lausen,
// Comput. Stat. Data Anal. 43 (2003) 121-137 ("HL", exact distribution with integer
// scores); Altman, Lausen, Sauerbrei & Schumacher, J Natl Cancer Inst 86 (1994) 829-835
// (why a minimal p-value needs correcting). The conditional Monte Carlo p-value is in
// permutation.h.

#include "cutpoint/markersurvival.h"

#include <atomic>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace cutofflab {

/// Outcome of a cut-off analysis: Ok, or the reason it has no statistic.
enum class CutoffStatus {
    Ok,
    NoRows,             ///< no row has survival data and a marker value
    ConstantMarker,     ///< every row has the same marker value, so there is no split
    NoCandidateCutoff,  ///< no split leaves between minProportion and maxProportion of the rows
                        ///< at or below the cut-off (fewer distinct values than the proportions allow)
    NoEvents,           ///< no row has an event, so every log-rank score is 0
    ConstantScores      ///< every row has the same log-rank score (for example, all rows
                        ///< have an event at one time), so the permutation variance is 0
};

/// The candidate cut-offs of a marker: maxstat's rule. A cut-off c splits the rows into
/// marker <= c (lower group) and marker > c; its candidates are the distinct marker
/// values except the largest whose lower group size m satisfies
/// max(1, floor(n * minProportion)) <= m <= floor(n * maxProportion). Tied marker values
/// are never split. Values count as tied under valuesTied() (within 1.5e-8 relative),
/// where maxstat compares exactly; the two agree unless two marker values differ by less.
struct CandidateSplits {
    CutoffStatus status = CutoffStatus::NoRows;   ///< Ok, NoRows, ConstantMarker or NoCandidateCutoff
    std::size_t lowerGroupSizeMin = 0;            ///< max(1, floor(n * minProportion))
    std::size_t lowerGroupSizeMax = 0;            ///< floor(n * maxProportion)
    std::vector<std::size_t> lowerGroupSizes;     ///< m of each candidate, ascending
    std::vector<double> cutoffs;                  ///< largest marker value of each lower group
};

/// Finds the candidate splits of data. With minProportion = 0 and maxProportion = 1
/// every split between distinct values is a candidate; maxstat 0.7-25 then also drops the
/// split below the largest value, which this routine keeps.
/// Throws InputError unless 0 <= minProportion < maxProportion <= 1.
CandidateSplits candidateSplits(const MarkerSurvival& data, double minProportion, double maxProportion);

/// The log-rank scores of maxstat (exactRankTests::cscores for a Surv response): with the
/// rows sorted by time and r_i the rank of row i's time, tied times taking the largest
/// rank of their tie group, a_i = event_i - sum over sorted positions k <= r_i of
/// event_k / (n - r_k + 1). Without tied times these are the Savage scores. At a tie
/// of d rows with e events the increment is e / (n_at_risk - d + 1), not the
/// Nelson-Aalen e / n_at_risk. Inputs in time order (ascending, ties equal); the running
/// sum is kept in long double, as R's cumsum() does.
std::vector<double> maxstatLogRankScores(std::span<const double> timeAscending,
                                         std::span<const std::uint8_t> event);

/// Rule by which maxstat turns scores into integers for pmethod = "HL".
enum class IntegerScoreRule {
    AlreadyIntegers,     ///< every score was an integer and is kept
    Doubled,             ///< every non-integer score ended in .5, so the scores were doubled
    ShiftedAndRounded    ///< s = score - min(score), then round(s * n / max(s)), ties to even
};

struct IntegerScores {
    std::vector<double> values;
    IntegerScoreRule rule = IntegerScoreRule::AlreadyIntegers;
};

/// The integer scores maxstat 0.7-25 uses with pmethod = "HL" (its iscores = TRUE rule).
/// These give a different statistic from the raw scores, and can move the cut-off.
IntegerScores maxstatIntegerScores(std::span<const double> scores);

/// The standardized statistic of every candidate: |S_m - (m/n) A| / sqrt(m (n - m) /
/// (n^2 (n - 1)) (n B - A^2)), with A and B the sum of the scores and of their squares
/// and S_m the sum of the scores of the m rows at or below the cut-off (the conditional
/// expectation and variance of a linear rank statistic under permutation). Scores are
/// given in marker order (data.markerOrder). Sums run in long double, as R's sum() and
/// cumsum() do. Returns an empty vector when the variance is 0 (constant scores).
std::vector<double> standardizedStatistics(std::span<const double> scoresInMarkerOrder,
                                           std::span<const std::size_t> lowerGroupSizes);

/// The method behind a corrected p-value.
enum class PValueMethod {
    Lausen92,               ///< Lausen & Schumacher 1992, asymptotic bound (maxstat pLausen92)
    Lausen94,               ///< improved Bonferroni bound over the candidates (maxstat pLausen94)
    HothornLausen,          ///< exact bound for integer scores (maxstat pmaxstat, pmethod "HL")
    ConditionalMonteCarlo   ///< permutation p-value (maxstat pmethod "condMC")
};

/// Remark on a p-value, or the reason it is missing.
enum class PValueStatus {
    Ok,
    AboveOne,                 ///< the bound exceeds 1 (uninformative); displayValue is 1
    BelowNumericalPrecision,  ///< Lau94 came out negative: for a large statistic its series
                              ///< term dominates the normal tail, so the true p-value is
                              ///< smaller than the formula can resolve; displayValue is 0
    NoPermutationExceeded,    ///< condMC: no permutation exceeded the observed statistic, so
                              ///< the p-value is below 1 / permutations; value is 0
    NotComputed,              ///< too large to compute (see the routine); value is empty
    NotApplicable,            ///< there is no statistic (see CutoffStatus); value is empty
    Cancelled                 ///< the caller cancelled the computation; value is empty
};

struct CorrectedPValue {
    PValueMethod method = PValueMethod::Lausen92;
    PValueStatus status = PValueStatus::NotApplicable;
    std::optional<double> value;          ///< as the method gives it: the bounds are not capped at 1
    std::optional<double> displayValue;   ///< value limited to [0, 1], the number to show
};

/// Lau92 p-value of a maximal standardized statistic M: 1 when M < 1, else
/// max(0, 4 phi(M) / M + phi(M) (M - 1/M) log(maxP (1 - minP) / ((1 - maxP) minP)))
/// (Lausen & Schumacher 1992; maxstat pLausen92). Not capped at 1. Needs 0 < minP < maxP < 1;
/// otherwise NotApplicable, because the logarithm is infinite.
CorrectedPValue lausen92PValue(double statistic, double minProportion, double maxProportion);

/// Lau94 p-value: 2 (1 - Phi(M)) + D, with D = sum over consecutive candidates
/// (m1, m2) of (1/pi) exp(-M^2/2) (t - (M^2/4 - 1) t^3 / 6),
/// t = sqrt(1 - m1 (n - m2) / ((n - m1) m2)) (maxstat pLausen94). The tail is computed
/// as an upper tail, so it keeps its precision where R's 1 - (Phi(M) - Phi(-M)) cancels
/// to 0 (the two agree to about 1e-16 absolute). Not capped; a negative value is
/// reported as BelowNumericalPrecision with displayValue 0.
CorrectedPValue lausen94PValue(double statistic, std::size_t n,
                               std::span<const std::size_t> lowerGroupSizes);

/// Default size limit of the Hothorn-Lausen table of (floor(n/2) + 1) (T + 1) doubles,
/// with T the sum of the shifted integer scores. 2^24 cells (128 MiB) hold a little
/// under 400 rows of log-rank scores; 300 rows take about 0.4 s (measured on a 2-core
/// x86-64 build machine, release build).
inline constexpr std::size_t kHothornLausenCellLimit = std::size_t{1} << 24;

/// HL p-value of a maximal statistic computed with integer scores (maxstat pmaxstat). It
/// combines the exact permutation distribution of the score sum of every lower group
/// size with maxstat's improved Bonferroni step over neighbouring group sizes.
/// exactRankTests computes that distribution with Streitberg & Roehmel's shift algorithm.
/// maxstat counts permutations and divides by n!, which overflows above 170 rows (R
/// returns NaN). Here each table row contains probabilities (counts divided by
/// choose(n, m)), which stay in [0, 1] for any n, so the value is computed wherever the
/// table fits in cellLimit. Otherwise the status is NotComputed.
/// integerScores are in any order; lowerGroupSizes are the candidates (ascending).
/// A set cancel flag, polled once per row of input, gives status Cancelled.
CorrectedPValue hothornLausenPValue(double statistic, std::span<const double> integerScores,
                                    std::span<const std::size_t> lowerGroupSizes,
                                    std::size_t cellLimit = kHothornLausenCellLimit,
                                    const std::atomic<bool>* cancel = nullptr);

/// One maximally selected statistic over the candidates.
struct MaxstatProfile {
    double statistic = 0.0;                  ///< the maximal standardized statistic M
    std::size_t bestIndex = 0;               ///< first candidate reaching M (as maxstat picks it)
    double cutoff = 0.0;                     ///< its cut-off: the split is marker <= cutoff vs > cutoff
    std::size_t nAtOrBelow = 0;
    std::size_t nAbove = 0;
    std::vector<double> statistics;          ///< standardized statistic of every candidate
};

struct MaxstatOptions {
    double minProportion = 0.1;
    double maxProportion = 0.9;
    bool hothornLausen = true;                        ///< also run the integer-score (HL) test
    std::size_t hothornLausenCellLimit = kHothornLausenCellLimit;
    const std::atomic<bool>* cancel = nullptr;        ///< stops the HL computation
};

/// maxstat.test(Surv(time, event) ~ marker, smethod = "LogRank") with pmethod "Lau92",
/// "Lau94" and "HL" at once.
struct MaxstatResult {
    CutoffStatus status = CutoffStatus::NoRows;
    std::size_t n = 0;
    CandidateSplits candidates;
    MaxstatProfile logRank;            ///< maxstat's log-rank scores (pmethod Lau92, Lau94, condMC)
    CorrectedPValue lausen92;
    CorrectedPValue lausen94;
    IntegerScoreRule integerScoreRule = IntegerScoreRule::AlreadyIntegers;
    MaxstatProfile integerScores;      ///< the integer scores HL switches to
    CorrectedPValue hothornLausen;
};

/// Runs the maximally selected log-rank test on data. Throws InputError for invalid
/// proportions; every other problem is a status.
MaxstatResult maxstatTest(const MarkerSurvival& data, const MaxstatOptions& options = {});

/// The scores of data in marker order, as the statistics above read them.
std::vector<double> inMarkerOrder(const MarkerSurvival& data, std::span<const double> scoresInTimeOrder);

} // namespace cutofflab
