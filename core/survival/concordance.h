#pragma once

#include "survival/eventtable.h"
#include "survival/survdata.h"

#include <cstdint>
#include <span>

namespace cutofflab {

/// Harrell's concordance of a risk score with right-censored survival, counted as R's
/// survival::concordance does for a Cox model (concordancefit with reverse = TRUE and
/// the default time weight "n", survival 3.5-3).
///
/// A pair of rows (i, j) is comparable when i has an event at time t_i and j is still
/// at risk after it: t_j > t_i, or t_j == t_i with j censored. The pair is concordant
/// when the row that failed first has the higher risk score, discordant when it has the
/// lower one, and tied on risk when the scores are equal. Two events at the same time
/// are not comparable. They count as tied on time, or as tied on both when their scores
/// are equal too.
struct Concordance {
    double concordance = 0.0;   ///< (concordant + tiedRisk / 2) / (concordant + discordant + tiedRisk)
    double se = 0.0;            ///< infinitesimal jackknife standard error (R's std, sqrt of var)
    double concordant = 0.0;    ///< number of concordant pairs
    double discordant = 0.0;    ///< number of discordant pairs
    double tiedRisk = 0.0;      ///< comparable pairs with equal risk scores (R: tied.x)
    double tiedTime = 0.0;      ///< pairs of events at the same time with different scores (R: tied.y)
    double tiedBoth = 0.0;      ///< pairs of events at the same time with equal scores (R: tied.xy)
};

/// Computes the concordance of `risk` with the survival in `data`. risk has one score per
/// row of `data`, in sorted order, and a higher score predicts an earlier event, as a
/// Cox linear predictor does. Scores compare with ==, so rows with identical covariates
/// tie.
///
/// Runs in O(n log k) for k distinct scores after an O(n log n) ranking. When the scores
/// take at most 32 distinct values (groups), it runs in O(n + B k) for B event times.
///
/// The standard error follows survival's concordancefit. The influence of row i on
/// Somers' d = (concordant - discordant) / npair is (c_i - d_i - d (c_i + d_i + t_i)) / npair,
/// where c_i, d_i and t_i count the concordant, discordant and risk-tied comparable
/// pairs that contain row i. The variance of the concordance is the sum of the squared
/// influences divided by 4.
///
/// When no pair is comparable (no events, or nobody else at risk at any event), the
/// counts are 0 and concordance and se are NaN, where R reports NA and NaN.
/// Throws InputError when risk and data differ in length or a score is not finite.
Concordance computeConcordance(const SortedSurvival& data, std::span<const double> risk);

/// Computes the same from dense integer ranks of the scores (0 .. rankCount-1, where a
/// higher rank means a higher score), for callers that already know the ordering.
/// Preconditions: rank has data.size() entries, each in [0, rankCount).
Concordance computeConcordanceFromRanks(const SortedSurvival& data, std::span<const std::int32_t> rank,
                                        std::int32_t rankCount);

/// Computes the same from rows counted per event time and class, where all rows of a
/// class share one score. classRank gives the rank of each class's score (0 ..
/// rankCount-1, where a higher rank means a higher score), and classes may share a rank.
/// Costs O(B L) for B event times and L classes, whatever the number of rows.
/// Throws InputError when rankCount exceeds 64.
Concordance computeConcordanceFromTable(const EventTimeTable& table, std::span<const std::int32_t> classRank,
                                        std::int32_t rankCount);

} // namespace cutofflab
