#pragma once

// Kaplan-Meier estimation equal to R's survival package (version 3.5-3):
// survfit(Surv(time, event) ~ group, conf.type = ...), summary(fit, censored = TRUE),
// summary(fit, times = ..., extend = TRUE), summary(fit)$table, quantile(fit) and
// print(fit, rmean = horizon).

#include "survival/survdata.h"

#include <optional>
#include <span>
#include <vector>

namespace cutofflab {

/// Transform of the pointwise confidence interval of S(t), as R's conf.type. The limits
/// are those of R's survfit_confint, with se the Greenwood standard error of log S(t)
/// (see KmPoint) and z the two-sided normal critical value of the confidence level:
///   Plain  ("plain"):   S -/+ z se S, cut to [0, 1] (the linear interval of
///                        Klein & Moeschberger 2003, eq. 4.3.1);
///   Log    ("log", R's default): S exp(-/+ z se), upper limit cut at 1;
///   LogLog ("log-log"):  exp(-exp(log(-log S) -/+ z se / log S)), that is
///                        S^exp(+/- z se / log S), undefined where S = 0 or S = 1.
/// Every interval is undefined where S = 0.
enum class ConfType { Plain, Log, LogLog };

struct KmOptions {
    ConfType confType = ConfType::Log;
    double confLevel = 0.95;              ///< in (0, 1)
    std::vector<double> times;            ///< times for KaplanMeier::atTimes, finite and >= 0, any order
    std::optional<double> rmstHorizon;    ///< restricted mean survival time up to this time (> 0)
};

/// One distinct time (event or censoring) of a curve, as a row of
/// summary(fit, censored = TRUE).
struct KmPoint {
    double time;
    int nRisk;                      ///< rows with follow-up time >= time
    int nEvent;                     ///< events at time
    int nCensor;                    ///< rows censored at time
    double surv;                    ///< Kaplan-Meier product of (1 - d/n) over event times <= time
    /// Standard error of S(t) (R's summary std.err): S(t) times Greenwood's standard error
    /// of log S(t), sqrt(sum d / (n (n - d))) over event times <= t. Empty where S(t) = 0,
    /// where R gives NaN.
    std::optional<double> stdErr;
    std::optional<double> lower;    ///< CI of KaplanMeier::confType; empty where R gives NA
    std::optional<double> upper;
};

/// A survival quantile: the time by which a fraction `probability` of the group has had
/// the event, with its confidence interval. An empty value means "not reached": the
/// curve (or its confidence limit) never falls to 1 - probability.
struct SurvivalQuantile {
    double probability;
    std::optional<double> estimate;
    std::optional<double> lower;    ///< from the lower confidence curve of S
    std::optional<double> upper;    ///< from the upper confidence curve of S
};

/// Survival at a chosen time, as a row of summary(fit, times = ..., extend = TRUE).
struct KmAtTime {
    double time;
    int nRisk;                      ///< rows with follow-up time >= time (0 beyond the last follow-up)
    int eventsUpToTime;             ///< events at times <= time
    int censoredUpToTime;           ///< rows censored at times <= time
    bool beyondLastFollowUp;        ///< time > the group's last follow-up time
    /// S at the last distinct time <= time, carried forward beyond the last follow-up as
    /// R does; 1 before the first time.
    double surv;
    std::optional<double> stdErr;   ///< as KmPoint::stdErr; 0 before the first time
    /// CI as KmPoint, except that before the first time (when that is > 0) both limits
    /// are 1 for every transform, log-log included, as R's summary gives them.
    std::optional<double> lower;
    std::optional<double> upper;
};

/// Restricted mean survival time: the area under the Kaplan-Meier curve from 0 to the
/// horizon, as rmean and se(rmean) of print(fit, rmean = horizon) (R's survmean). The
/// variance is the Greenwood-type sum over event times t_i <= horizon of
/// d_i / (n_i (n_i - d_i)) A_i^2, with A_i the area under S from t_i to the horizon;
/// a term with n_i = d_i counts 0, as in R.
struct RestrictedMean {
    double horizon;
    double estimate;
    double stdErr;
    /// estimate -/+ z stdErr at the options' confidence level (a Wald interval; R prints
    /// no interval for rmean). Empty when stdErr is 0.
    std::optional<double> lower;
    std::optional<double> upper;
    /// The horizon is after the group's last follow-up time. R extends the last value
    /// of S to the horizon and still reports a number, which then rests on that guess.
    /// (A horizon before the group's first time gives estimate = horizon, stdErr 0; R
    /// accepts it unless it is before the first time of every group.)
    bool beyondLastFollowUp = false;
};

struct KaplanMeier {
    int n = 0;
    int events = 0;
    ConfType confType = ConfType::Log;
    double confLevel = 0.95;
    std::vector<KmPoint> curve;     ///< one point per distinct time, ascending

    /// Median with CI as the median, LCL and UCL columns of summary(fit)$table: the
    /// first time at which the curve is below 0.5 + 1.5e-8. When the curve is 0.5 there
    /// (within 1.5e-8), the median is the mid-point between that time and the next time
    /// the curve drops. The same rule on the lower and upper CI curves gives the limits,
    /// skipping points where a limit is NA.
    SurvivalQuantile median;

    /// Probabilities 0.25, 0.5 and 0.75 as quantile(fit): the first time at which
    /// 1 - S >= p (within 1.5e-8); when 1 - S equals p there, the mid-point between that
    /// time and the first time 1 - S > p, or the last follow-up time if the curve stays
    /// at 1 - p until the end. The 0.5 entry can differ from `median` only when the
    /// curve ends exactly at 0.5 (the table rule then takes the first time at 0.5).
    std::vector<SurvivalQuantile> quartiles;

    std::vector<KmAtTime> atTimes;  ///< one per KmOptions::times, in the order given
    std::optional<RestrictedMean> rmst;   ///< set when KmOptions::rmstHorizon is set
};

/// Estimates the Kaplan-Meier curve of all rows of data (R: survfit(Surv(time, event) ~ 1)).
///
/// data must satisfy the SortedSurvival invariants (ascending, near ties collapsed),
/// and rows tied in time make one point of the curve. One pass over the data: O(n) for
/// the rows plus, per distinct time, a square root and up to three exponentials for
/// the interval. An empty data set gives n = 0 and an empty curve. Throws InputError
/// when options are invalid: confLevel outside (0, 1), a time that is negative or not
/// finite, a horizon that is not a positive finite number.
KaplanMeier kaplanMeier(const SortedSurvival& data, const KmOptions& options);

/// Estimates the Kaplan-Meier curve of each group (R: survfit(Surv(time, event) ~ group))
/// in one pass over the sorted rows, with no sorting.
///
/// group gives each sorted row's group, 0 .. groupCount-1, or kNoGroup to leave the row
/// out. Returns groupCount estimates in group order. A group with no rows gets n = 0, an
/// empty curve, no atTimes, no rmst and empty quantiles (R returns no curve for it).
/// Throws InputError for invalid options (see kaplanMeier) or group arguments.
std::vector<KaplanMeier> kaplanMeierByGroup(const SortedSurvival& data, std::span<const int> group,
                                            int groupCount, const KmOptions& options);

/// Same as above, writing into `results` (resized to groupCount). Each curve keeps its
/// storage from the previous call, so a caller that recomputes on every move of a
/// cut-off allocates almost nothing once the storage has grown. On InputError,
/// results is left unchanged.
void kaplanMeierByGroup(const SortedSurvival& data, std::span<const int> group, int groupCount,
                        const KmOptions& options, std::vector<KaplanMeier>& results);

} // namespace cutofflab
