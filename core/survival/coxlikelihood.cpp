#include "survival/coxlikelihood.h"

#include "survival/cox.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>

// The tie handling runs once per event time, and on a large cohort a call costs as much
// as its arithmetic. GCC does not inline it on its own.
#if defined(__GNUC__)
#define CUTOFFLAB_ALWAYS_INLINE [[gnu::always_inline]] inline
#else
#define CUTOFFLAB_ALWAYS_INLINE inline
#endif

namespace cutofflab::detail {

namespace {

// ---------------------------------------------------------------------------------
// Design

/// Properties of a column that coxph's centring rule depends on.
struct ColumnKind {
    bool constant = true;      ///< every value equals the first
    bool unitOrZero = true;    ///< every value is -1, 0 or 1
};

/// Classifies a column in one pass. The tests are bitwise, not short-circuit, because a
/// 0/1 column in random order would mispredict a branch on every other row.
ColumnKind classifyColumn(const Eigen::MatrixXd& x, Eigen::Index column)
{
    ColumnKind kind;
    const double first = x(0, column);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const double value = x(i, column);
        kind.constant &= value == first;
        kind.unitOrZero &= (value == 0.0) | (value == 1.0) | (value == -1.0);
    }
    return kind;
}

/// Finds the distinct rows of x. Returns false as soon as there are more than
/// kMaxCoxPatterns.
bool findPatterns(const Eigen::MatrixXd& x, std::vector<double>& patternRaw, std::vector<std::uint16_t>& patternOf)
{
    const auto p = static_cast<std::size_t>(x.cols());
    patternRaw.clear();
    patternOf.assign(static_cast<std::size_t>(x.rows()), 0);
    std::size_t count = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        // Every known pattern is compared, without early exit, so that the loop has a
        // fixed trip count and no data-dependent branch.
        std::size_t found = count;
        for (std::size_t l = 0; l < count; ++l) {
            bool same = true;
            for (std::size_t j = 0; j < p; ++j)
                same &= patternRaw[l * p + j] == x(i, static_cast<Eigen::Index>(j));
            found = same ? l : found;
        }
        if (found == count) {
            if (count == kMaxCoxPatterns) {
                patternRaw.clear();
                patternOf.clear();
                return false;
            }
            for (std::size_t j = 0; j < p; ++j)
                patternRaw.push_back(x(i, static_cast<Eigen::Index>(j)));
            ++count;
        }
        patternOf[static_cast<std::size_t>(i)] = static_cast<std::uint16_t>(found);
    }
    return true;
}

// ---------------------------------------------------------------------------------
// Risk-set sums

/// Sum of the logarithms of positive numbers, with one log() per run of factors whose
/// product stays within [1e-150, 1e150] instead of one per factor. A pass takes one
/// logarithm per event (d at a time with d tied events under Efron's correction), and on
/// a large cohort those dominate a Newton step. The product form changes the sum by a
/// few units in the last place of each log.
class LogSum {
public:
    void add(double value)
    {
        if (value > 1e-100 && value < 1e100) {
            product_ *= value;
            if (product_ > 1e150 || product_ < 1e-150) {
                sum_ += std::log(product_);
                product_ = 1.0;
            }
        } else {
            sum_ += std::log(value);
        }
    }

    double total() const { return sum_ + std::log(product_); }

private:
    double product_ = 1.0;
    double sum_ = 0.0;
};

/// Sums of exp(eta), exp(eta) z and exp(eta) z z' (lower triangle, row j at j * p) over a
/// set of rows. kFixedP > 0 fixes p at compile time, so that the sums live in registers,
/// and 0 means p is known at run time only.
template <int kFixedP>
struct Sums {
    using First = std::conditional_t<(kFixedP > 0), std::array<double, static_cast<std::size_t>(kFixedP)>,
                                     std::vector<double>>;
    using Second = std::conditional_t<(kFixedP > 0), std::array<double, static_cast<std::size_t>(kFixedP * kFixedP)>,
                                      std::vector<double>>;

    double zero = 0.0;
    First first{};
    Second second{};

    explicit Sums(std::size_t p)
    {
        if constexpr (kFixedP == 0) {
            first.assign(p, 0.0);
            second.assign(p * p, 0.0);
        }
    }

    void clear()
    {
        zero = 0.0;
        std::fill(first.begin(), first.end(), 0.0);
        std::fill(second.begin(), second.end(), 0.0);
    }

    /// Adds `count` rows with covariates z and risk exp(eta).
    void add(double count, const double* z, double risk, std::size_t p)
    {
        const double weightedRisk = count * risk;
        zero += weightedRisk;
        for (std::size_t j = 0; j < p; ++j) {
            const double weighted = weightedRisk * z[j];
            first[j] += weighted;
            for (std::size_t k = 0; k <= j; ++k)
                second[j * p + k] += weighted * z[k];
        }
    }
};

/// The score u and the information matrix (lower triangle) accumulated over a pass.
template <int kFixedP>
struct Derivatives {
    typename Sums<kFixedP>::First score{};
    typename Sums<kFixedP>::Second information{};

    explicit Derivatives(std::size_t p)
    {
        if constexpr (kFixedP == 0) {
            score.assign(p, 0.0);
            information.assign(p * p, 0.0);
        }
    }
};

/// Adds the terms of the d events at one time. On entry `atRisk` sums the rows at risk
/// without those events and `events` sums the events. On return atRisk includes the
/// events and events is cleared. The log-likelihood term -sum log(denominator) goes to
/// logDenominators.
template <int kFixedP>
CUTOFFLAB_ALWAYS_INLINE void addEventTime(bool efron, int deaths, Sums<kFixedP>& atRisk, Sums<kFixedP>& events,
                  Derivatives<kFixedP>& derivatives, LogSum& logDenominators, std::size_t p)
{
    const auto d = static_cast<double>(deaths);
    auto& s1 = atRisk.first;
    auto& s2 = atRisk.second;
    auto& u = derivatives.score;
    auto& imat = derivatives.information;

    if (!efron || deaths == 1) {
        // Breslow: the denominator of every event of this time is the full risk set.
        atRisk.zero += events.zero;
        const double s0 = atRisk.zero;
        for (int k = 0; k < deaths; ++k)
            logDenominators.add(s0);
        // One division per event time: the covariance term is (s2 s0 - s1 s1') / s0^2
        // rather than coxfit6's (s2 - mean s1') / s0. It is the same value, and still
        // exactly 0 for a covariate that is constant in the risk set.
        const double inverse = 1.0 / s0;
        const double inverseSquared = inverse * inverse;
        for (std::size_t j = 0; j < p; ++j) {
            s1[j] += events.first[j];
            u[j] -= d * (s1[j] * inverse);
        }
        for (std::size_t j = 0; j < p; ++j) {
            for (std::size_t k = 0; k <= j; ++k) {
                s2[j * p + k] += events.second[j * p + k];
                imat[j * p + k] += d * (s2[j * p + k] * s0 - s1[j] * s1[k]) * inverseSquared;
            }
        }
    } else {
        // Efron (1977): the denominator of the k-th of d tied events (k = 1 .. d) is the
        // risk set with (k - 1) / d of the tied events' weight removed. Adding 1/d of the
        // tied events to the survivors' sums d times gives the same d terms. The mean is a
        // true division, as in coxfit6, so that a covariate that is constant in the risk
        // set adds exactly 0.
        const double share0 = events.zero / d;
        for (std::size_t j = 0; j < p; ++j) {
            events.first[j] /= d;
            for (std::size_t k = 0; k <= j; ++k)
                events.second[j * p + k] /= d;
        }
        for (int step = 0; step < deaths; ++step) {
            atRisk.zero += share0;
            const double s0 = atRisk.zero;
            logDenominators.add(s0);
            for (std::size_t j = 0; j < p; ++j) {
                s1[j] += events.first[j];
                const double mean = s1[j] / s0;
                u[j] -= mean;
                for (std::size_t k = 0; k <= j; ++k) {
                    s2[j * p + k] += events.second[j * p + k];
                    imat[j * p + k] += (s2[j * p + k] - mean * s1[k]) / s0;
                }
            }
        }
    }
    events.clear();
}

} // namespace

// ---------------------------------------------------------------------------------

CoxDesign buildCoxDesign(const Eigen::MatrixXd& x)
{
    CoxDesign design;
    design.p = x.cols();
    const auto n = static_cast<double>(x.rows());
    const auto p = static_cast<std::size_t>(design.p);
    design.mean.assign(p, 0.0);
    design.scale.assign(p, 1.0);

    for (Eigen::Index j = 0; j < design.p; ++j) {
        const auto column = static_cast<std::size_t>(j);
        const ColumnKind kind = classifyColumn(x, j);
        if (kind.constant) {
            design.mean[column] = x(0, j);
            continue;
        }
        if (kind.unitOrZero)
            continue;
        // Centre on the mean, as coxfit6 does: exp(x beta) of a covariate far from 0 (an
        // age of 70 with a log hazard ratio of 10) would overflow, and the risk-set sums
        // would cancel. Then divide by the mean absolute deviation, which leaves the
        // Newton steps unchanged and makes the collinearity tolerance scale-free.
        double sum = 0.0;
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            sum += x(i, j);
        const double mean = sum / n;
        double absoluteDeviation = 0.0;
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            absoluteDeviation += std::fabs(x(i, j) - mean);
        design.mean[column] = mean;
        design.scale[column] = n / absoluteDeviation;
    }

    const auto transform = [&](double value, std::size_t j) { return (value - design.mean[j]) * design.scale[j]; };
    if (findPatterns(x, design.patternRaw, design.patternOf)) {
        design.patternValues.resize(design.patternRaw.size());
        for (std::size_t k = 0; k < design.patternRaw.size(); ++k)
            design.patternValues[k] = transform(design.patternRaw[k], k % p);
    } else {
        design.rowValues.resize(static_cast<std::size_t>(x.rows()) * p);
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            for (std::size_t j = 0; j < p; ++j)
                design.rowValues[static_cast<std::size_t>(i) * p + j] = transform(x(i, static_cast<Eigen::Index>(j)), j);
        }
    }
    return design;
}

CoxPartialLikelihood::CoxPartialLikelihood(const SortedSurvival& data, const CoxDesign& design,
                                           const EventTimeTable* table, CoxTies ties)
    : data_(data), design_(design), table_(table), efron_(ties == CoxTies::Efron),
      p_(static_cast<std::size_t>(design.p))
{
    score_.resize(p_);
    information_.resize(p_ * p_);
    patternEta_.resize(design.patternCount());
    patternRisk_.resize(design.patternCount());
}

double CoxPartialLikelihood::evaluate(const Eigen::VectorXd& beta, Eigen::VectorXd& score,
                                      Eigen::MatrixXd& information)
{
    for (std::size_t l = 0; l < patternEta_.size(); ++l) {
        double eta = 0.0;
        for (std::size_t j = 0; j < p_; ++j)
            eta += beta[static_cast<Eigen::Index>(j)] * design_.patternValues[l * p_ + j];
        patternEta_[l] = eta;
        patternRisk_[l] = std::exp(eta);
    }

    // One and two covariates get code with p fixed at compile time.
    double loglik = 0.0;
    if (table_) {
        if (p_ == 1)
            loglik = accumulateTable<1>();
        else if (p_ == 2)
            loglik = accumulateTable<2>();
        else
            loglik = accumulateTable<0>();
    } else if (design_.usesPatterns()) {
        if (p_ == 1)
            loglik = accumulateRows<1, true>(beta.data());
        else if (p_ == 2)
            loglik = accumulateRows<2, true>(beta.data());
        else
            loglik = accumulateRows<0, true>(beta.data());
    } else {
        if (p_ == 1)
            loglik = accumulateRows<1, false>(beta.data());
        else if (p_ == 2)
            loglik = accumulateRows<2, false>(beta.data());
        else
            loglik = accumulateRows<0, false>(beta.data());
    }

    const auto p = static_cast<Eigen::Index>(p_);
    score.resize(p);
    information.resize(p, p);
    for (std::size_t j = 0; j < p_; ++j) {
        score(static_cast<Eigen::Index>(j)) = score_[j];
        for (std::size_t k = 0; k <= j; ++k) {
            const double value = information_[j * p_ + k];
            information(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(k)) = value;
            information(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) = value;
        }
    }
    return loglik;
}

template <int kFixedP>
double CoxPartialLikelihood::accumulateTable()
{
    const std::size_t p = kFixedP > 0 ? static_cast<std::size_t>(kFixedP) : p_;
    const std::size_t patterns = table_->classCount;
    const std::uint32_t* atRiskCounts = table_->atRisk.data();
    const std::uint32_t* eventCounts = table_->events.data();
    Sums<kFixedP> atRisk(p);
    Sums<kFixedP> events(p);
    Derivatives<kFixedP> derivatives(p);
    double etaSum = 0.0;
    LogSum logDenominators;

    for (std::size_t b = 0; b < table_->eventTimeCount(); ++b) {
        // The risk set of each event time is built afresh from the counts. A zero count
        // needs no branch, because adding 0 rows adds exactly 0.
        atRisk.clear();
        int deaths = 0;
        for (std::size_t l = 0; l < patterns; ++l) {
            const std::uint32_t eventCount = eventCounts[b * patterns + l];
            const std::uint32_t survivorCount = atRiskCounts[b * patterns + l] - eventCount;
            const double* z = design_.patternValues.data() + l * p;
            const double risk = patternRisk_[l];
            const auto eventWeight = static_cast<double>(eventCount);
            atRisk.add(static_cast<double>(survivorCount), z, risk, p);
            events.add(eventWeight, z, risk, p);
            deaths += static_cast<int>(eventCount);
            etaSum += eventWeight * patternEta_[l];
            for (std::size_t j = 0; j < p; ++j)
                derivatives.score[j] += eventWeight * z[j];
        }
        addEventTime<kFixedP>(efron_, deaths, atRisk, events, derivatives, logDenominators, p);
    }

    std::copy(derivatives.score.begin(), derivatives.score.end(), score_.begin());
    std::copy(derivatives.information.begin(), derivatives.information.end(), information_.begin());
    return etaSum - logDenominators.total();
}

template <int kFixedP, bool kPatterns>
double CoxPartialLikelihood::accumulateRows(const double* beta)
{
    const std::size_t p = kFixedP > 0 ? static_cast<std::size_t>(kFixedP) : p_;
    const double* time = data_.time.data();
    const std::uint8_t* event = data_.event.data();
    Sums<kFixedP> atRisk(p);
    Sums<kFixedP> events(p);
    Derivatives<kFixedP> derivatives(p);
    double etaSum = 0.0;
    LogSum logDenominators;

    auto i = static_cast<std::ptrdiff_t>(data_.size()) - 1;
    while (i >= 0) {
        const double currentTime = time[i];
        int deaths = 0;
        do {
            const double* z = nullptr;
            double eta = 0.0;
            double risk = 0.0;
            if constexpr (kPatterns) {
                const std::size_t l = design_.patternOf[static_cast<std::size_t>(i)];
                z = design_.patternValues.data() + l * p;
                eta = patternEta_[l];
                risk = patternRisk_[l];
            } else {
                z = design_.rowValues.data() + static_cast<std::size_t>(i) * p;
                for (std::size_t j = 0; j < p; ++j)
                    eta += beta[j] * z[j];
                risk = std::exp(eta);
            }
            if (event[i]) {
                ++deaths;
                etaSum += eta;
                for (std::size_t j = 0; j < p; ++j)
                    derivatives.score[j] += z[j];
                events.add(1.0, z, risk, p);
            } else {
                atRisk.add(1.0, z, risk, p);
            }
            --i;
        } while (i >= 0 && time[i] == currentTime);
        if (deaths > 0)
            addEventTime<kFixedP>(efron_, deaths, atRisk, events, derivatives, logDenominators, p);
    }

    std::copy(derivatives.score.begin(), derivatives.score.end(), score_.begin());
    std::copy(derivatives.information.begin(), derivatives.information.end(), information_.begin());
    return etaSum - logDenominators.total();
}

} // namespace cutofflab::detail
