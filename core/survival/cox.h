#pragma once

#include "survival/concordance.h"
#include "survival/survdata.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace cutofflab {

/// Approximation of the partial likelihood at tied event times.
enum class CoxTies {
    Efron,    ///< Efron (1977), R's default: the k-th of d tied events sees the risk set minus (k-1)/d of the tied events
    Breslow   ///< Breslow (1974): every tied event sees the whole risk set (SAS PHREG, SPSS, statsmodels)
};

/// Fitting controls, named and defaulted as survival::coxph.control (survival 3.5-3).
struct CoxOptions {
    CoxTies ties = CoxTies::Efron;
    int maxIterations = 20;      ///< R: iter.max; at most this many Newton-Raphson steps (0 evaluates the start only)
    double epsilon = 1e-9;       ///< R: eps; converged when |1 - loglik_previous / loglik_new| <= epsilon
    double confLevel = 0.95;     ///< level of the Wald confidence intervals, in (0, 1)
    /// R: toler.chol = .Machine$double.eps^0.75; a pivot of the information matrix below
    /// this times its largest diagonal element marks the covariate as collinear.
    double cholTolerance = 1.8189894035458565e-12;
};

/// One coefficient of a fitted model, R's summary(coxph) row.
///
/// When `infinite` is set the coefficient diverges: coef is +/-infinity (its direction),
/// hr is 0 or +infinity, se is +infinity, and z, p and the four interval limits are NaN,
/// because a Wald statistic means nothing there (R prints z near 0 and p near 1).
/// When `aliased` is set the covariate is collinear with earlier ones and every number
/// is NaN (R: NA).
struct CoxTerm {
    std::string name;
    double coef = 0.0;        ///< log hazard ratio per unit of the covariate
    double hr = 0.0;          ///< exp(coef)
    double se = 0.0;          ///< sqrt of the diagonal of the inverse information matrix
    double z = 0.0;           ///< coef / se
    double p = 0.0;           ///< two-sided Wald p
    double coefLower = 0.0;   ///< coef - z_(1+confLevel)/2 * se
    double coefUpper = 0.0;
    double hrLower = 0.0;     ///< exp(coefLower)
    double hrUpper = 0.0;
    bool infinite = false;    ///< coefficient diverges (monotone likelihood): never shown as a finite HR
    bool aliased = false;     ///< collinear with earlier covariates: not estimable (R: NA)
};

/// A chi-square test of the model against the null model (all coefficients 0).
struct ModelTest {
    double chisq = 0.0;
    int df = 0;
    double p = 1.0;
    bool valid = true;   ///< false for the Wald test when a coefficient diverges or none is estimable
};

enum class CoxStatus {
    Converged,      ///< relative change in log-likelihood <= epsilon
    Diverged,       ///< converged in log-likelihood while some coefficient still moves: it may be
                    ///< infinite (R: "Loglik converged before variable k; coefficient may be infinite")
    NotConverged,   ///< maxIterations reached first (R: "Ran out of iterations and did not converge")
    Singular,       ///< some covariate is collinear with earlier ones (constant, or a linear combination)
    NoEvents,       ///< no row has an event: nothing to fit
    TooFewRows      ///< fewer than 2 rows
};

/// A fitted Cox model with the numbers R's summary(coxph) prints.
///
/// With status NoEvents or TooFewRows only n and events are set, and terms is empty.
struct CoxFit {
    CoxStatus status = CoxStatus::TooFewRows;
    int n = 0;
    int events = 0;
    int iterations = 0;          ///< Newton-Raphson steps taken (R: iter); see coxFit for a warm start
    std::vector<CoxTerm> terms;  ///< one per covariate, in the column order of x
    double loglikNull = 0.0;     ///< partial log-likelihood at beta = 0
    double loglik = 0.0;         ///< partial log-likelihood at the estimate
    ModelTest lrTest;            ///< 2 (loglik - loglikNull), df = estimable coefficients
    ModelTest scoreTest;         ///< u(0)' I(0)^-1 u(0) at beta = 0 (the log-rank test for one group indicator)
    ModelTest waldTest;          ///< beta' V^-1 beta over the estimable coefficients
    Concordance concordance;     ///< of the linear predictor, as coxph reports it
    /// Inverse information matrix at the estimate, in the units of x; rows and columns of
    /// aliased covariates are 0. For a diverging coefficient it holds R's last iterate.
    Eigen::MatrixXd covariance;
    /// Coefficients used in the linear predictor: the estimate, 0 for an aliased covariate,
    /// and the last iterate (as R prints it) for a diverging one.
    Eigen::VectorXd coefficients;
};

/// Fits the Cox proportional hazards model as survival::coxph (survival 3.5-3) does.
///
/// Inputs: `data`, right-censored survival sorted by time with near-tied times collapsed
/// (SortedSurvival's invariants); `x`, one row per row of `data` in sorted order and one
/// column per covariate, already dummy-coded by the caller; `names`, one per column;
/// `start`, optional initial coefficients (a warm start from the previous cut-off).
///
/// Method: Newton-Raphson on the partial log-likelihood with Efron's (1977) or Breslow's
/// handling of tied event times, one O(n p^2) backward pass over the sorted rows per
/// step, as survival's coxfit6: a step that lowers the log-likelihood (or overflows) is
/// halved back towards the previous estimate; iteration stops when the relative change
/// in log-likelihood is <= options.epsilon or after options.maxIterations steps.
/// Covariates are centred and scaled first, except those with values in {-1, 0, 1},
/// as coxph does (its nocenter default).
///
/// Outputs: coefficients with Wald standard errors, z, p and intervals; the likelihood
/// ratio, score (at beta = 0) and Wald tests; the concordance of the linear predictor
/// with its standard error as survival::concordance computes it.
///
/// Divergence follows coxph.fit's check: after convergence, a coefficient whose next
/// Newton step |u' V| is still larger than epsilon and than sqrt(epsilon) |beta| is
/// flagged infinite, and the status is Diverged. The log-likelihood, likelihood-ratio
/// and score tests stay meaningful then; the Wald test is marked invalid.
///
/// Status precedence: TooFewRows, NoEvents, Singular, Diverged, NotConverged, Converged.
///
/// With `start`, the null log-likelihood and the score test are still taken at beta = 0,
/// and Newton-Raphson starts from `start` when its log-likelihood is finite and not
/// below the null one (else from 0); the iteration count then differs from R's.
///
/// Throws InputError when x and data differ in rows, names and x in columns, x has no
/// column or a non-finite value, start has the wrong length or a non-finite value, or an
/// option is out of range.
CoxFit coxFit(const SortedSurvival& data, const Eigen::MatrixXd& x, const std::vector<std::string>& names,
              const CoxOptions& options, const Eigen::VectorXd* start = nullptr);

} // namespace cutofflab
