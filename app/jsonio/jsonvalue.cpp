#include "jsonio/jsonvalue.h"

#include <cmath>

namespace cutofflab::jsonio {

QJsonValue number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Inf") : QStringLiteral("-Inf");
    return value;
}

QJsonValue number(const std::optional<double>& value)
{
    if (!value)
        return QJsonValue::Null;
    return number(*value);
}

} // namespace cutofflab::jsonio
