#pragma once

// Internal to the Cox fit (cox.cpp): the covariates as the fit sees them and the partial
// likelihood with its derivatives.

#include "survival/eventtable.h"
#include "survival/survdata.h"

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <vector>

namespace cutofflab {

enum class CoxTies;

namespace detail {

/// Most distinct covariate vectors for which the fit computes exp() once per vector
/// instead of once per row (groups, score groups and small indicator models stay below).
inline constexpr std::size_t kMaxCoxPatterns = 32;

/// The covariates centred and scaled for fitting, in sorted row order.
///
/// A column whose values all lie in {-1, 0, 1} is left as it is, as coxph leaves it (its
/// nocenter default), unless it is constant; any other column is centred on its mean and
/// divided by its mean absolute deviation, as survival's coxfit6 does. Centring keeps
/// exp(x beta) within range and the risk-set sums free of cancellation when x is far
/// from 0 (an age of 70 times a log hazard ratio of 10 would overflow); scaling leaves
/// the Newton steps unchanged but puts the collinearity tolerance on a common footing
/// for all columns. A constant column becomes exactly 0, so that its information is
/// exactly 0 and the fit reports it as aliased.
struct CoxDesign {
    Eigen::Index p = 0;
    std::vector<double> mean;    ///< subtracted from each column (0 when left as it is)
    std::vector<double> scale;   ///< multiplies each centred column (1 when left as it is)

    /// When the rows take at most kMaxCoxPatterns distinct covariate vectors: those
    /// vectors (transformed, p values each, and as given) and the vector of each row.
    std::vector<double> patternValues;
    std::vector<double> patternRaw;
    std::vector<std::uint16_t> patternOf;
    /// Otherwise the transformed covariates of each row, p values per row.
    std::vector<double> rowValues;

    bool usesPatterns() const { return !patternOf.empty(); }
    std::size_t patternCount() const { return p == 0 ? 0 : patternValues.size() / static_cast<std::size_t>(p); }
};

/// Builds the design of x (finite values, at least one row and one column).
CoxDesign buildCoxDesign(const Eigen::MatrixXd& x);

/// The Cox partial log-likelihood with its gradient (the score u) and the negative of
/// its Hessian (the information matrix), in the transformed covariates of a CoxDesign,
/// with Efron's or Breslow's handling of tied event times.
///
/// With an EventTimeTable of the covariate patterns, a pass visits each event time once
/// and builds the risk-set sums from the counts of rows per pattern; otherwise it walks
/// backwards over the rows, adding each row to the risk-set sums as it goes (the risk
/// set at a time is every row from there to the end). Either way the sums and the order
/// of the tied-event terms are those of survival's coxfit6.
class CoxPartialLikelihood {
public:
    /// data, design and table (may be null) must outlive the object.
    CoxPartialLikelihood(const SortedSurvival& data, const CoxDesign& design, const EventTimeTable* table,
                         CoxTies ties);

    /// Evaluates at beta (transformed scale); returns the log-likelihood and fills score
    /// and information (p x p, symmetric).
    double evaluate(const Eigen::VectorXd& beta, Eigen::VectorXd& score, Eigen::MatrixXd& information);

private:
    template <int kFixedP>
    double accumulateTable();
    template <int kFixedP, bool kPatterns>
    double accumulateRows(const double* beta);

    const SortedSurvival& data_;
    const CoxDesign& design_;
    const EventTimeTable* table_;
    bool efron_;
    std::size_t p_;
    std::vector<double> score_, information_;   // lower triangle of information, row j at j * p
    std::vector<double> patternEta_, patternRisk_;
};

} // namespace detail
} // namespace cutofflab
