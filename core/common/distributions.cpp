#include "common/distributions.h"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <cmath>
#include <limits>

namespace cutofflab {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double chiSquareUpperTail(double x, double df)
{
    if (std::isnan(x) || std::isnan(df) || df <= 0)
        return kNaN;
    if (x <= 0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    return boost::math::cdf(boost::math::complement(boost::math::chi_squared(df), x));
}

double normalUpperTail(double z)
{
    if (std::isnan(z))
        return kNaN;
    if (std::isinf(z))
        return z > 0 ? 0.0 : 1.0;
    return boost::math::cdf(boost::math::complement(boost::math::normal(), z));
}

double normalTwoSidedP(double z)
{
    return 2.0 * normalUpperTail(std::fabs(z));
}

double normalDensity(double z)
{
    if (std::isnan(z))
        return kNaN;
    if (std::isinf(z))
        return 0.0;
    return boost::math::pdf(boost::math::normal(), z);
}

double normalCdf(double z)
{
    if (std::isnan(z))
        return kNaN;
    if (std::isinf(z))
        return z > 0 ? 1.0 : 0.0;
    return boost::math::cdf(boost::math::normal(), z);
}

double normalQuantile(double p)
{
    if (!(p > 0.0 && p < 1.0))
        return p == 0.0 ? -std::numeric_limits<double>::infinity()
             : p == 1.0 ? std::numeric_limits<double>::infinity()
                        : kNaN;
    return boost::math::quantile(boost::math::normal(), p);
}

double studentTUpperTail(double t, double df)
{
    if (std::isnan(t) || std::isnan(df) || df <= 0)
        return kNaN;
    if (std::isinf(t))
        return t > 0 ? 0.0 : 1.0;
    if (std::isinf(df))
        return normalUpperTail(t);
    return boost::math::cdf(boost::math::complement(boost::math::students_t(df), t));
}

double studentTQuantile(double p, double df)
{
    if (!(p > 0.0 && p < 1.0) || !(df > 0))
        return kNaN;
    if (std::isinf(df))
        return normalQuantile(p);
    return boost::math::quantile(boost::math::students_t(df), p);
}

double normalCriticalValue(double confLevel)
{
    return normalQuantile(1.0 - (1.0 - confLevel) / 2.0);
}

double fisherFUpperTail(double f, double df1, double df2)
{
    if (std::isnan(f) || std::isnan(df1) || std::isnan(df2) || df1 <= 0 || df2 <= 0)
        return kNaN;
    if (f <= 0)
        return 1.0;
    if (std::isinf(f))
        return 0.0;
    return boost::math::cdf(boost::math::complement(boost::math::fisher_f(df1, df2), f));
}

double betaQuantile(double p, double a, double b)
{
    if (!(p >= 0.0 && p <= 1.0) || !(a > 0.0) || !(b > 0.0) || std::isinf(a) || std::isinf(b))
        return kNaN;
    if (p == 0.0)
        return 0.0;
    if (p == 1.0)
        return 1.0;
    return boost::math::quantile(boost::math::beta_distribution<double>(a, b), p);
}

double logChoose(double n, double k)
{
    if (k < 0 || k > n)
        return -std::numeric_limits<double>::infinity();
    // boost::math::lgamma, not std::lgamma: glibc's lgamma writes the global signgam,
    // a data race when analyses run on worker threads. Evaluating in double rather than
    // Boost's default long double keeps a few ulp of accuracy at a fraction of the cost,
    // which matters for Fisher's test on large tables (one call per possible count).
    using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
    return boost::math::lgamma(n + 1.0, DoublePolicy()) - boost::math::lgamma(k + 1.0, DoublePolicy())
         - boost::math::lgamma(n - k + 1.0, DoublePolicy());
}

} // namespace cutofflab
