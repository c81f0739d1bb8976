#include "survival/cox.h"

#include "common/distributions.h"
#include "common/error.h"
#include "survival/coxlikelihood.h"
#include "survival/eventtable.h"
#include "survival/symmetricfactor.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace cutofflab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------------
// Input checks

void validateInput(const SortedSurvival& data, const Eigen::MatrixXd& x, const std::vector<std::string>& names,
                   const CoxOptions& options, const Eigen::VectorXd* start)
{
    if (static_cast<std::size_t>(x.rows()) != data.size()) {
        throw InputError("Invalid Cox covariates: the matrix has " + std::to_string(x.rows())
                         + " rows but the survival data has " + std::to_string(data.size())
                         + ". Pass one covariate row per survival row, in sorted order.");
    }
    if (x.cols() == 0)
        throw InputError("Invalid Cox covariates: the matrix has no column. Pass at least one covariate.");
    if (names.size() != static_cast<std::size_t>(x.cols())) {
        throw InputError("Invalid Cox covariates: the matrix has " + std::to_string(x.cols()) + " columns but "
                         + std::to_string(names.size()) + " names. Pass one name per column.");
    }
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            if (!std::isfinite(x(i, j))) {
                const std::string& name = names[static_cast<std::size_t>(j)];
                throw InputError("Invalid Cox covariate " + name + ": " + std::to_string(x(i, j)) + " at sorted row "
                                     + std::to_string(i + 1) + " is not a finite number. Leave rows with a missing "
                                     + "covariate out before fitting (subsetRows).",
                                 {std::nullopt, name, std::to_string(x(i, j))});
            }
        }
    }
    if (options.maxIterations < 0) {
        throw InputError("Invalid maximum number of Cox iterations " + std::to_string(options.maxIterations)
                         + ". Use 0 or more, such as 20.");
    }
    if (!(options.epsilon > 0.0) || !std::isfinite(options.epsilon)) {
        throw InputError("Invalid Cox convergence tolerance " + std::to_string(options.epsilon)
                         + ". Use a positive number, such as 1e-9.");
    }
    if (!(options.cholTolerance > 0.0) || !(options.cholTolerance < 1.0)) {
        throw InputError("Invalid Cox collinearity tolerance " + std::to_string(options.cholTolerance)
                         + ". Use a number between 0 and 1, such as 1.8e-12.");
    }
    if (!(options.confLevel > 0.0 && options.confLevel < 1.0)) {
        throw InputError("Invalid confidence level " + std::to_string(options.confLevel)
                         + ". Use a number strictly between 0 and 1, such as 0.95.");
    }
    if (start) {
        if (start->size() != x.cols()) {
            throw InputError("Invalid starting coefficients: " + std::to_string(start->size()) + " values for "
                             + std::to_string(x.cols()) + " covariates. Pass one per column, or none.");
        }
        if (!start->allFinite())
            throw InputError("Invalid starting coefficients: a value is not finite. Pass finite values, or none.");
    }
}

// ---------------------------------------------------------------------------------
// Newton-Raphson

/// A point of the partial likelihood (transformed scale) with its score and factorised
/// information: where Newton-Raphson starts.
struct StartingPoint {
    Eigen::VectorXd beta;
    double loglik = 0.0;
    Eigen::VectorXd score;
    SymmetricFactor information;
};

struct NewtonResult {
    Eigen::VectorXd beta;          ///< transformed scale
    double loglik = 0.0;
    Eigen::VectorXd score;         ///< at beta
    SymmetricFactor information;   ///< factorised information at beta
    int iterations = 0;
    bool converged = false;
};

/// Maximises the partial likelihood by Newton-Raphson with step halving, as survival's
/// coxfit6 does. A trial point whose log-likelihood is below the best so far, or not
/// finite, is moved back towards the best point: half of the way the first time, then
/// 2/3, 3/4 and so on. An accepted point gives the next Newton step. The iteration has
/// converged when |1 - best / new| <= epsilon.
NewtonResult maximise(detail::CoxPartialLikelihood& likelihood, const StartingPoint& start, const CoxOptions& options)
{
    NewtonResult result;
    result.beta = start.beta;
    result.loglik = start.loglik;
    result.score = start.score;
    result.information = start.information;
    if (options.maxIterations == 0)
        return result;

    Eigen::VectorXd trial = start.beta + start.information.solve(start.score);
    Eigen::VectorXd score;
    Eigen::MatrixXd information;
    double best = start.loglik;
    int halving = 0;

    for (int iteration = 1; iteration <= options.maxIterations; ++iteration) {
        result.iterations = iteration;
        const double loglik = likelihood.evaluate(trial, score, information);
        SymmetricFactor factor(information, options.cholTolerance);
        const bool finite = std::isfinite(loglik) && score.allFinite() && information.allFinite();

        // loglik == best also covers a log-likelihood of exactly 0, where the ratio is 0/0.
        if (finite && (loglik == best || std::fabs(1.0 - best / loglik) <= options.epsilon)) {
            result.beta = trial;
            result.loglik = loglik;
            result.score = score;
            result.information = factor;
            result.converged = true;
            return result;
        }

        if (!finite || loglik < best) {
            ++halving;
            const auto h = static_cast<double>(halving);
            trial = (trial + h * result.beta) / (h + 1.0);
        } else {
            halving = 0;
            best = loglik;
            result.beta = trial;
            trial = trial + factor.solve(score);
        }
    }

    // Out of iterations: report the best point, with its own score and information.
    // survival 3.5-3 inverts that information without factorising it again, so the
    // variance R reports here differs from this one, the inverse at the reported point.
    // NOTE: no coefficient is flagged infinite on this path, even when one is diverging
    // too slowly to converge (R then only warns that the fit did not converge).
    result.loglik = likelihood.evaluate(result.beta, score, information);
    result.score = score;
    result.information = SymmetricFactor(information, options.cholTolerance);
    return result;
}

// ---------------------------------------------------------------------------------
// Results

ModelTest chiSquareTest(double chisq, int df)
{
    ModelTest test;
    test.chisq = chisq;
    test.df = df;
    test.p = df == 0 ? 1.0 : chiSquareUpperTail(chisq, df);
    return test;
}

CoxTerm makeTerm(const std::string& name, double coef, double variance, double critical)
{
    CoxTerm term;
    term.name = name;
    term.coef = coef;
    term.hr = std::exp(coef);
    term.se = std::sqrt(variance);
    term.z = coef / term.se;
    term.p = normalTwoSidedP(term.z);
    term.coefLower = coef - critical * term.se;
    term.coefUpper = coef + critical * term.se;
    term.hrLower = std::exp(term.coefLower);
    term.hrUpper = std::exp(term.coefUpper);
    return term;
}

CoxTerm makeInfiniteTerm(const std::string& name, double lastIterate)
{
    CoxTerm term;
    term.name = name;
    term.infinite = true;
    term.coef = std::copysign(kInfinity, lastIterate);
    term.hr = lastIterate < 0.0 ? 0.0 : kInfinity;
    term.se = kInfinity;
    term.z = term.p = kNaN;
    term.coefLower = term.coefUpper = term.hrLower = term.hrUpper = kNaN;
    return term;
}

CoxTerm makeAliasedTerm(const std::string& name)
{
    CoxTerm term;
    term.name = name;
    term.aliased = true;
    term.coef = term.hr = term.se = term.z = term.p = kNaN;
    term.coefLower = term.coefUpper = term.hrLower = term.hrUpper = kNaN;
    return term;
}

/// Concordance of the linear predictor x beta. coxph subtracts sum(beta * means) as
/// well, which changes no ranking.
Concordance linearPredictorConcordance(const SortedSurvival& data, const Eigen::MatrixXd& x, const detail::CoxDesign& design,
                                       const EventTimeTable* table, const Eigen::VectorXd& beta)
{
    if (!design.usesPatterns()) {
        std::vector<double> lp(static_cast<std::size_t>(x.rows()), 0.0);
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            for (Eigen::Index j = 0; j < x.cols(); ++j)
                lp[static_cast<std::size_t>(i)] += x(i, j) * beta(j);
        }
        return computeConcordance(data, lp);
    }

    // Rank the patterns by their linear predictor; equal predictors share a rank.
    const auto p = static_cast<std::size_t>(design.p);
    const std::size_t count = design.patternCount();
    std::vector<double> patternLp(count, 0.0);
    for (std::size_t l = 0; l < count; ++l) {
        for (std::size_t j = 0; j < p; ++j)
            patternLp[l] += design.patternRaw[l * p + j] * beta(static_cast<Eigen::Index>(j));
    }
    std::vector<double> distinct = patternLp;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::vector<std::int32_t> patternRank(count);
    for (std::size_t l = 0; l < count; ++l) {
        patternRank[l] =
            static_cast<std::int32_t>(std::lower_bound(distinct.begin(), distinct.end(), patternLp[l]) - distinct.begin());
    }
    const auto rankCount = static_cast<std::int32_t>(distinct.size());
    if (table)
        return computeConcordanceFromTable(*table, patternRank, rankCount);

    std::vector<std::int32_t> rank(design.patternOf.size());
    for (std::size_t i = 0; i < rank.size(); ++i)
        rank[i] = patternRank[design.patternOf[i]];
    return computeConcordanceFromRanks(data, rank, rankCount);
}

/// Returns the warm start when its log-likelihood is finite and not below the null one,
/// else the null point.
StartingPoint chooseStart(detail::CoxPartialLikelihood& likelihood, const StartingPoint& null,
                          const Eigen::VectorXd* start, const Eigen::VectorXd& scale, const CoxOptions& options)
{
    if (!start)
        return null;
    StartingPoint warm;
    warm.beta = start->cwiseQuotient(scale);
    Eigen::MatrixXd information;
    warm.loglik = likelihood.evaluate(warm.beta, warm.score, information);
    if (!std::isfinite(warm.loglik) || warm.loglik < null.loglik || !warm.score.allFinite()
        || !information.allFinite())
        return null;
    warm.information = SymmetricFactor(information, options.cholTolerance);
    return warm;
}

/// Computes the Wald test beta' V^-1 beta over the estimable coefficients, solving
/// V b = beta as coxph.wtest does. The test is invalid when no coefficient is estimable
/// or one diverges.
ModelTest waldTest(const CoxFit& fit, const std::vector<Eigen::Index>& estimable, bool anyInfinite,
                   const CoxOptions& options)
{
    const auto df = static_cast<Eigen::Index>(estimable.size());
    if (df == 0 || anyInfinite) {
        ModelTest test;
        test.chisq = kNaN;
        test.df = static_cast<int>(df);
        test.p = kNaN;
        test.valid = false;
        return test;
    }
    Eigen::VectorXd beta(df);
    Eigen::MatrixXd covariance(df, df);
    for (Eigen::Index a = 0; a < df; ++a) {
        beta(a) = fit.coefficients(estimable[static_cast<std::size_t>(a)]);
        for (Eigen::Index b = 0; b < df; ++b) {
            covariance(a, b) =
                fit.covariance(estimable[static_cast<std::size_t>(a)], estimable[static_cast<std::size_t>(b)]);
        }
    }
    const SymmetricFactor covarianceFactor(covariance, options.cholTolerance);
    return chiSquareTest(beta.dot(covarianceFactor.solve(beta)), static_cast<int>(df));
}

} // namespace

CoxFit coxFit(const SortedSurvival& data, const Eigen::MatrixXd& x, const std::vector<std::string>& names,
              const CoxOptions& options, const Eigen::VectorXd* start)
{
    validateInput(data, x, names, options, start);

    CoxFit fit;
    fit.n = static_cast<int>(data.size());
    fit.events = static_cast<int>(std::count(data.event.begin(), data.event.end(), std::uint8_t{1}));
    if (fit.n < 2) {
        fit.status = CoxStatus::TooFewRows;
        return fit;
    }
    if (fit.events == 0) {
        fit.status = CoxStatus::NoEvents;
        return fit;
    }

    const detail::CoxDesign design = detail::buildCoxDesign(x);
    const Eigen::Index p = design.p;
    const Eigen::Map<const Eigen::VectorXd> scale(design.scale.data(), p);

    // With few covariate patterns and not too many event times, the rows are counted once
    // per event time and pattern, in a table of at most two entries per row. Each Newton
    // step and the concordance then cost O(event times x patterns) instead of O(rows).
    std::optional<EventTimeTable> table;
    if (design.usesPatterns()) {
        const std::size_t eventTimes = countEventTimes(data);
        if (eventTimes * design.patternCount() <= 2 * data.size())
            table = tabulateEventTimes(data, design.patternOf, design.patternCount(), eventTimes);
    }
    detail::CoxPartialLikelihood likelihood(data, design, table ? &*table : nullptr, options.ties);

    // The null model: log-likelihood, and the score test u' I^-1 u at beta = 0.
    StartingPoint null;
    null.beta = Eigen::VectorXd::Zero(p);
    Eigen::MatrixXd information;
    null.loglik = likelihood.evaluate(null.beta, null.score, information);
    null.information = SymmetricFactor(information, options.cholTolerance);
    fit.loglikNull = null.loglik;
    const double scoreChisq = null.score.dot(null.information.solve(null.score));

    const StartingPoint first = chooseStart(likelihood, null, start, scale, options);
    const NewtonResult newton = maximise(likelihood, first, options);
    fit.iterations = newton.iterations;
    fit.loglik = newton.loglik;

    // Back to the units of x: beta = beta_t * scale, u = u_t / scale, V = D V_t D.
    fit.coefficients = newton.beta.cwiseProduct(scale);
    const Eigen::VectorXd scoreAtEstimate = newton.score.cwiseQuotient(scale);
    fit.covariance = scale.asDiagonal() * newton.information.inverse() * scale.asDiagonal();

    // coxph.fit's divergence check: after convergence, the Newton step still to be taken,
    // |u' V|, is large both in absolute terms and relative to the coefficient.
    std::vector<bool> infinite(static_cast<std::size_t>(p), false);
    if (newton.converged && options.maxIterations > 1) {
        const Eigen::VectorXd nextStep = (scoreAtEstimate.transpose() * fit.covariance).transpose().cwiseAbs();
        const double relativeLimit = std::sqrt(options.epsilon);   // R: toler.inf = sqrt(eps)
        for (Eigen::Index j = 0; j < p; ++j) {
            infinite[static_cast<std::size_t>(j)] =
                nextStep(j) > options.epsilon && nextStep(j) > relativeLimit * std::fabs(fit.coefficients(j));
        }
    }

    const double critical = normalCriticalValue(options.confLevel);
    std::vector<Eigen::Index> estimable;
    bool anyInfinite = false;
    for (Eigen::Index j = 0; j < p; ++j) {
        const std::string& name = names[static_cast<std::size_t>(j)];
        if (newton.information.redundant(j)) {
            fit.coefficients(j) = 0.0;
            fit.terms.push_back(makeAliasedTerm(name));
            continue;
        }
        estimable.push_back(j);
        if (infinite[static_cast<std::size_t>(j)]) {
            fit.terms.push_back(makeInfiniteTerm(name, fit.coefficients(j)));
            anyInfinite = true;
        } else {
            fit.terms.push_back(makeTerm(name, fit.coefficients(j), fit.covariance(j, j), critical));
        }
    }

    const auto df = static_cast<int>(estimable.size());
    fit.lrTest = chiSquareTest(2.0 * (fit.loglik - fit.loglikNull), df);
    fit.scoreTest = chiSquareTest(scoreChisq, df);
    fit.waldTest = waldTest(fit, estimable, anyInfinite, options);

    fit.concordance = linearPredictorConcordance(data, x, design, table ? &*table : nullptr, fit.coefficients);

    if (df < p)
        fit.status = CoxStatus::Singular;
    else if (anyInfinite)
        fit.status = CoxStatus::Diverged;
    else if (!newton.converged)
        fit.status = CoxStatus::NotConverged;
    else
        fit.status = CoxStatus::Converged;
    return fit;
}

} // namespace cutofflab
