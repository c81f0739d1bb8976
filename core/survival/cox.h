#pragma once

#include "survival/concordance.h"
#include "survival/coxties.h"
#include "survival/survdata.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace cutofflab {

/// Fitting controls, named and defaulted as survival::coxph.control (survival 3.5-3).
struct CoxOptions {
    CoxTies ties = CoxTies::Efron;
    int maxIterations = 20;      ///< max Newton-Raphson steps (R: iter.max); 0 evaluates the start only
    double epsilon = 1e-9;       ///< convergence when |1 - loglik_previous / loglik_new| <= epsilon (R: eps)
    double confLevel = 0.95;     ///< level of the Wald confidence intervals, in (0, 1)
    /// Collinearity tolerance (R: toler.chol = .Machine$double.eps^0.75). A pivot of the
    /// information matrix below this times its largest diagonal element marks the
    /// covariate as collinear with earlier ones.
    double cholTolerance = 1.8189894035458565e-12;
};

/// One coefficient of a fitted model: a row of R's summary(coxph).
///
/// When `infinite` is set, the coefficient diverges. Then coef is +infinity or -infinity
/// (the direction), hr is +infinity or 0 and se is +infinity. z, p and the four interval
/// limits are NaN, because a Wald statistic means nothing there (R prints z near 0 and
/// p near 1). When `aliased` is set, the covariate is collinear with earlier ones and
/// every number is NaN (R: NA).
struct CoxTerm {
    std::string name;
    double coef = 0.0;        ///< log hazard ratio per unit of the covariate
    double hr = 0.0;          ///< exp(coef)
    double se = 0.0;          ///< sqrt of the diagonal of the inverse information matrix
    double z = 0.0;           ///< coef / se
    double p = 0.0;           ///< two-sided Wald p
    double coefLower = 0.0;   ///< coef - q se, with q the (1 + confLevel) / 2 normal quantile
    double coefUpper = 0.0;
    double hrLower = 0.0;     ///< exp(coefLower)
    double hrUpper = 0.0;
    bool infinite = false;    ///< coefficient diverges (monotone likelihood), so no finite HR exists
    bool aliased = false;     ///< collinear with earlier covariates, so not estimable (R: NA)
};

/// A chi-square test of the model against the null model (all coefficients 0).
struct ModelTest {
    double chisq = 0.0;
    int df = 0;
    double p = 1.0;
    bool valid = true;   ///< false for the Wald test when a coefficient diverges or none is estimable (then chisq and p are NaN)
};

/// Outcome of a fit. When several apply, coxFit reports the first of TooFewRows,
/// NoEvents, Singular, Diverged, NotConverged and Converged.
enum class CoxStatus {
    Converged,      ///< relative change in log-likelihood <= epsilon
    Diverged,       ///< the log-likelihood converged while a coefficient still moves, so it may be
                    ///< infinite (R: "Loglik converged before variable k; coefficient may be infinite")
    NotConverged,   ///< maxIterations reached first (R: "Ran out of iterations and did not converge")
    Singular,       ///< a covariate is constant or a linear combination of earlier ones (R: NA coefficient)
    NoEvents,       ///< no row has an event, so there is nothing to fit
    TooFewRows      ///< fewer than 2 rows
};

/// A fitted Cox model with the numbers R's summary(coxph) prints.
///
/// With status NoEvents or TooFewRows only n and events are set, and terms is empty.
struct CoxFit {
    CoxStatus status = CoxStatus::TooFewRows;
    int n = 0;
    int events = 0;
    /// Newton-Raphson steps taken (R: iter). When the fit runs out of iterations, R reports
    /// maxIterations + 1 and this reports maxIterations.
    int iterations = 0;
    std::vector<CoxTerm> terms;  ///< one per covariate, in the column order of x
    double loglikNull = 0.0;     ///< partial log-likelihood at beta = 0
    double loglik = 0.0;         ///< partial log-likelihood at the estimate
    ModelTest lrTest;            ///< 2 (loglik - loglikNull), df = number of estimable coefficients
    ModelTest scoreTest;         ///< u' I^-1 u at beta = 0; for one group indicator without tied events, the log-rank test
    ModelTest waldTest;          ///< beta' V^-1 beta over the estimable coefficients
    Concordance concordance;     ///< of the linear predictor, as coxph reports it
    /// Inverse information matrix at the estimate, in the units of x. Rows and columns of
    /// aliased covariates are 0. With a diverging coefficient it is taken at R's last iterate.
    Eigen::MatrixXd covariance;
    /// Coefficients of the linear predictor: the estimate, 0 for an aliased covariate, and
    /// the last iterate (the number R prints) for a diverging one.
    Eigen::VectorXd coefficients;
};

/// Fits the Cox proportional hazards model as survival::coxph (survival 3.5-3) does.
///
/// Inputs: `data` is right-censored survival sorted by time with near-tied times collapsed
/// (SortedSurvival's invariants). `x` has one row per row of `data`, in sorted order, and
/// one column per covariate, already dummy-coded by the caller. `names` has one name per
/// column. `start`, optional, gives initial coefficients (a warm start from the previous
/// cut-off).
///
/// Method (survival's coxfit6): Newton-Raphson on the partial log-likelihood, with
/// Efron's (1977) or Breslow's handling of tied event times. A step that lowers the
/// log-likelihood, or overflows, is pulled back towards the previous point (step
/// halving). Iteration stops when the relative change in log-likelihood is at most
/// options.epsilon, or after options.maxIterations steps. Covariates are centred and
/// scaled first, except those with values in {-1, 0, 1}, as coxph does (its nocenter
/// default). Each step is one O(n p^2) pass over the rows. When the rows take at most 32
/// distinct covariate vectors (groups) and (event times x vectors) <= 2 n, the rows are
/// counted per event time and vector once, and each step is one pass over those counts.
///
/// Outputs: coefficients with Wald standard errors, z, p and intervals; the likelihood
/// ratio, score (at beta = 0) and Wald tests; the concordance of the linear predictor
/// with its standard error, as survival::concordance computes it.
///
/// Divergence follows coxph.fit's check. After convergence, a coefficient whose next
/// Newton step |u' V| still exceeds both epsilon and sqrt(epsilon) |beta| is flagged
/// infinite, and the status is Diverged. The log-likelihood, likelihood-ratio and score
/// tests stay meaningful then, and the Wald test is marked invalid.
///
/// With `start`, the null log-likelihood and the score test are still taken at beta = 0.
/// Newton-Raphson starts from `start` when its log-likelihood is finite and not below the
/// null one, else from 0. The iteration count then differs from R's. Evaluating `start`
/// costs one pass, so a warm start saves time only when it lies close to the estimate.
///
/// Throws InputError when x and data differ in rows, names and x differ in columns, x has
/// no column or a non-finite value, start has the wrong length or a non-finite value, or
/// an option is out of range.
CoxFit coxFit(const SortedSurvival& data, const Eigen::MatrixXd& x, const std::vector<std::string>& names,
              const CoxOptions& options, const Eigen::VectorXd* start = nullptr);

} // namespace cutofflab
