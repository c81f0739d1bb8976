#pragma once

#include <QJsonValue>

#include <optional>

namespace cutofflab::jsonio {

/// JSON form of a double: a number, or the strings "NaN", "Inf", "-Inf" for values that
/// JSON numbers cannot carry (the convention of the R reference files).
QJsonValue number(double value);

/// JSON form of an optional double: null when empty (a median not reached, an undefined
/// confidence limit), else as number().
QJsonValue number(const std::optional<double>& value);

} // namespace cutofflab::jsonio
