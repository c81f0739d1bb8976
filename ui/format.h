#pragma once

#include <QString>

#include <optional>

namespace cutofflab::ui::format {

// Display text of the panels and tables. The text is rounded for reading; the full
// value travels beside it (see fullPrecision) for copying and export.

/// A p-value as reviewers expect it: "< 0.001" below 0.001, else three decimals
/// ("0.046"). NaN and empty give "–" (no test).
QString pValue(double p);
QString pValue(const std::optional<double>& p);

/// A number with about `significant` significant digits and no exponent: 13.8, 0.0457,
/// 1234. Infinity gives "∞" (with its sign), NaN and empty give "–".
QString number(double value, int significant = 3);
QString number(const std::optional<double>& value, int significant = 3);

/// A value such as a cut-off or a time with at most `significant` significant digits
/// and no trailing zeros: 8.58, 12, 0.205.
QString compact(double value, int significant = 4);

/// "2.45 (1.12–5.36)": an estimate with its interval; a missing limit shows as "–".
QString estimateWithInterval(double estimate, const std::optional<double>& lower,
                             const std::optional<double>& upper, int significant = 3);

/// A proportion as a percentage with one decimal: "34.0%".
QString percent(double fraction);

/// The shortest text that reads back as the same double; "NaN",
/// "Inf" and "-Inf" for the special values, empty for a missing value.
QString fullPrecision(double value);
QString fullPrecision(const std::optional<double>& value);

/// An estimate and its interval at full precision for copying: "13.8 (9.1, 20.4)";
/// a missing value is written NA, as R prints it.
QString fullInterval(const std::optional<double>& estimate, const std::optional<double>& lower,
                     const std::optional<double>& upper);

} // namespace cutofflab::ui::format
