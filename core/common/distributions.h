#pragma once

namespace cutofflab {

// Tail probabilities computed directly as upper tails (Boost.Math complements), never
// as 1 minus a lower tail, so that p-values keep their relative precision down to the
// smallest double. Arguments outside a distribution's support return the limiting
// tail (1 or 0); a NaN argument returns NaN.

/// P(X >= x) for X ~ chi-square with df degrees of freedom (R: pchisq(x, df, lower = FALSE)).
double chiSquareUpperTail(double x, double df);

/// P(Z >= z) for a standard normal Z (R: pnorm(z, lower = FALSE)).
double normalUpperTail(double z);

/// P(|Z| >= |z|), the two-sided normal p-value (R: 2 * pnorm(-abs(z))).
double normalTwoSidedP(double z);

/// Standard normal density at z (R: dnorm(z)).
double normalDensity(double z);

/// Standard normal distribution function at z (R: pnorm(z)).
double normalCdf(double z);

/// Quantile of the standard normal distribution (R: qnorm(p)); p in (0, 1).
double normalQuantile(double p);

/// P(T >= t) for T ~ Student t with df degrees of freedom (R: pt(t, df, lower = FALSE)).
double studentTUpperTail(double t, double df);

/// Quantile of Student's t distribution (R: qt(p, df)); p in (0, 1).
double studentTQuantile(double p, double df);

/// Two-sided z critical value for a confidence level, e.g. 1.959964 for 0.95.
double normalCriticalValue(double confLevel);

/// P(F >= f) for F ~ Fisher's F with df1 and df2 degrees of freedom
/// (R: pf(f, df1, df2, lower = FALSE)).
double fisherFUpperTail(double f, double df1, double df2);

/// Quantile of the beta distribution with shapes a > 0 and b > 0 (R: qbeta(p, a, b));
/// p in [0, 1]. Returns NaN for arguments outside these ranges.
double betaQuantile(double p, double a, double b);

/// Natural logarithm of the binomial coefficient n choose k for 0 <= k <= n, from
/// log-gamma; -Inf when k is outside [0, n].
double logChoose(double n, double k);

} // namespace cutofflab
