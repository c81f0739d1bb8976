#include "format.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cutofflab::ui::format {

namespace {
const QString kMissing = QStringLiteral("–");
}

QString pValue(double p)
{
    if (std::isnan(p))
        return kMissing;
    if (p < 0.001)
        return QStringLiteral("< 0.001");
    return QString::number(p, 'f', 3);
}

QString pValue(const std::optional<double>& p)
{
    return p ? pValue(*p) : kMissing;
}

QString number(double value, int significant)
{
    if (std::isnan(value))
        return kMissing;
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (value == 0.0)
        return QStringLiteral("0");
    // Decimals so that the leading digit plus the decimals make `significant` digits.
    const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const int decimals = std::max(0, significant - 1 - magnitude);
    return QString::number(value, 'f', std::min(decimals, 12));
}

QString compact(double value, int significant)
{
    QString text = number(value, significant);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

QString number(const std::optional<double>& value, int significant)
{
    return value ? number(*value, significant) : kMissing;
}

QString estimateWithInterval(double estimate, const std::optional<double>& lower,
                             const std::optional<double>& upper, int significant)
{
    return QStringLiteral("%1 (%2–%3)")
        .arg(number(estimate, significant), number(lower, significant), number(upper, significant));
}

QString percent(double fraction)
{
    if (std::isnan(fraction))
        return kMissing;
    return QString::number(100.0 * fraction, 'f', 1) + QLatin1Char('%');
}

QString fullPrecision(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Inf") : QStringLiteral("-Inf");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString fullPrecision(const std::optional<double>& value)
{
    return value ? fullPrecision(*value) : QString();
}

QString fullInterval(const std::optional<double>& estimate, const std::optional<double>& lower,
                     const std::optional<double>& upper)
{
    const auto text = [](const std::optional<double>& value) {
        return value ? fullPrecision(*value) : QStringLiteral("NA");
    };
    return QStringLiteral("%1 (%2, %3)").arg(text(estimate), text(lower), text(upper));
}

} // namespace cutofflab::ui::format
