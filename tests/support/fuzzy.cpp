#include "support/fuzzy.h"

#include <cmath>

namespace cutofflab::test {

namespace {

QString describe(const std::optional<double>& value)
{
    if (!value)
        return QStringLiteral("null");
    return QString::number(*value, 'g', 17);
}

} // namespace

bool fuzzyEqual(double actual, double expected, double relative)
{
    if (expected == 0.0)
        return std::fabs(actual) <= 1e-12;
    return std::fabs(actual - expected) <= relative * std::fabs(expected);
}

QString compareNumber(const std::optional<double>& actual, const QJsonValue& expected,
                      const Tolerance& tolerance)
{
    if (!tolerance.compared)
        return {};

    if (expected.isNull() || expected.isUndefined()) {
        if (!actual || std::isnan(*actual))
            return {};
        return QStringLiteral("expected null (R's NA), got %1").arg(describe(actual));
    }
    if (expected.isString()) {
        const QString text = expected.toString();
        if (text == QLatin1String("NaN")) {
            if (!actual || std::isnan(*actual))
                return {};
            return QStringLiteral("expected NaN, got %1").arg(describe(actual));
        }
        const double infinity = text == QLatin1String("-Inf") ? -INFINITY : INFINITY;
        if (text == QLatin1String("Inf") || text == QLatin1String("-Inf")) {
            if (actual && *actual == infinity)
                return {};
            return QStringLiteral("expected %1, got %2").arg(text, describe(actual));
        }
        return QStringLiteral("expected value is the unknown string \"%1\"").arg(text);
    }
    if (!expected.isDouble())
        return QStringLiteral("expected value is not a number");

    const double wanted = expected.toDouble();
    if (!actual)
        return QStringLiteral("expected %1, got null").arg(QString::number(wanted, 'g', 17));
    const double got = *actual;
    bool equal = false;
    if (tolerance.absolute)
        equal = std::fabs(got - wanted) <= *tolerance.absolute;
    else
        equal = fuzzyEqual(got, wanted, tolerance.relative);
    if (equal)
        return {};
    return QStringLiteral("expected %1, got %2 (relative difference %3)")
        .arg(QString::number(wanted, 'g', 17), QString::number(got, 'g', 17),
             QString::number(wanted == 0.0 ? std::fabs(got) : std::fabs(got - wanted) / std::fabs(wanted), 'g', 3));
}

QString compareCount(long long actual, const QJsonValue& expected)
{
    if (!expected.isDouble())
        return QStringLiteral("expected count is missing or not a number");
    const double wanted = expected.toDouble();
    if (static_cast<double>(actual) == wanted)
        return {};
    return QStringLiteral("expected %1, got %2").arg(QString::number(wanted, 'g', 17)).arg(actual);
}

} // namespace cutofflab::test
