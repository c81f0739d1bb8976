#pragma once

// Internal parts of the Cox fit (cox.cpp): the covariates transformed for fitting, and
// the partial likelihood with its derivatives.

#include "survival/eventtable.h"
#include "survival/survdata.h"

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <vector>

namespace cutofflab {

enum class CoxTies;

namespace detail {

/// Max number of distinct covariate vectors (patterns) for which the fit computes exp()
/// once per pattern instead of once per row. Groups, score groups and small indicator
/// models stay below it.
inline constexpr std::size_t kMaxCoxPatterns = 32;

/// The covariates centred and scaled for fitting, in sorted row order.
///
/// A column whose values all lie in {-1, 0, 1} is left as it is, as coxph leaves it (its
/// nocenter default), unless it is constant. Any other column is centred on its mean and
/// divided by its mean absolute deviation, as survival's coxfit6 does (buildCoxDesign
/// gives the reasons). A constant column becomes exactly 0, so that its information is
/// exactly 0 and the fit reports it as aliased.
struct CoxDesign {
    Eigen::Index p = 0;
    std::vector<double> mean;    ///< subtracted from each column (0 when left as it is)
    std::vector<double> scale;   ///< multiplies each centred column (1 when left as it is)

    /// Distinct covariate vectors, transformed (p values each), when the rows take at
    /// most kMaxCoxPatterns of them; else empty.
    std::vector<double> patternValues;
    std::vector<double> patternRaw;          ///< the same vectors as given in x
    std::vector<std::uint16_t> patternOf;    ///< pattern of each row (empty without patterns)
    /// Transformed covariates of each row (p values per row) when there are no patterns.
    std::vector<double> rowValues;

    bool usesPatterns() const { return !patternOf.empty(); }
    std::size_t patternCount() const { return p == 0 ? 0 : patternValues.size() / static_cast<std::size_t>(p); }
};

/// Transforms x (finite values, at least one row and one column) for fitting.
CoxDesign buildCoxDesign(const Eigen::MatrixXd& x);

/// The Cox partial log-likelihood with its gradient (the score u) and the negative of
/// its Hessian (the information matrix), in the transformed covariates of a CoxDesign,
/// with Efron's or Breslow's handling of tied event times.
///
/// With an EventTimeTable of the covariate patterns, a pass visits each event time once
/// and builds the risk-set sums from the counts of rows per pattern. Otherwise it walks
/// backwards over the rows and adds each row to the risk-set sums, since the risk set at
/// a time is every row from there to the end. Either way the tied-event terms come in
/// the order of survival's coxfit6.
class CoxPartialLikelihood {
public:
    /// Keeps references: data, design and table (which may be null) must outlive the object.
    CoxPartialLikelihood(const SortedSurvival& data, const CoxDesign& design, const EventTimeTable* table,
                         CoxTies ties);

    /// Evaluates the log-likelihood at beta (transformed scale), returns it, and fills
    /// score and information (p x p, symmetric).
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
    std::vector<double> score_;
    std::vector<double> information_;   // lower triangle, row j starting at j * p
    std::vector<double> patternEta_, patternRisk_;
};

} // namespace detail
} // namespace cutofflab
