#include "analysis/spec.h"

#include "common/error.h"
#include "io/table.h"

#include <sstream>

namespace cutofflab {

namespace {

std::string formatNumber(double value)
{
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

} // namespace

CovariateSpec CovariateSpec::parse(const std::string& text)
{
    CovariateSpec spec;
    std::string body(io::trim(text));

    if (const auto colon = body.find(":ref="); colon != std::string::npos) {
        spec.referenceLevel = std::string(io::trim(body.substr(colon + 5)));
        body = std::string(io::trim(body.substr(0, colon)));
    }

    // The longest operator first, so that "<=" is not read as "<".
    struct Operator {
        const char* token;
        Comparison comparison;
    };
    constexpr Operator operators[] = {{"<=", Comparison::LessOrEqual}, {">=", Comparison::GreaterOrEqual},
                                      {"<", Comparison::Less},         {">", Comparison::Greater},
                                      {"==", Comparison::Equal},       {"=", Comparison::Equal}};
    for (const Operator& op : operators) {
        const auto at = body.find(op.token);
        if (at == std::string::npos)
            continue;
        spec.column = std::string(io::trim(body.substr(0, at)));
        const std::string right(io::trim(body.substr(at + std::char_traits<char>::length(op.token))));
        spec.comparison = op.comparison;
        if (op.comparison == Comparison::Equal) {
            spec.equalsLabel = right;
            const io::NumericCell number = io::parseNumericCell(right);
            if (number.kind == io::NumericCell::Kind::Number)
                spec.threshold = number.value;
        } else {
            const io::NumericCell number = io::parseNumericCell(right);
            if (number.kind != io::NumericCell::Kind::Number) {
                throw InputError("The covariate \"" + text + "\" compares with \"" + right
                                     + "\", which is not a number. Write it as, for example, albumin<36.",
                                 {std::nullopt, spec.column, right});
            }
            spec.threshold = number.value;
        }
        if (spec.column.empty() || right.empty()) {
            throw InputError("The covariate \"" + text
                             + "\" is incomplete. Write a column name, optionally followed by a comparison such as <36 or =B.");
        }
        return spec;
    }
    spec.column = body;
    if (spec.column.empty())
        throw InputError("A covariate name is empty. Separate covariates with single commas.");
    return spec;
}

std::string CovariateSpec::label() const
{
    switch (comparison) {
    case Comparison::None:
        return column;
    case Comparison::Less:
        return column + "<" + formatNumber(threshold);
    case Comparison::LessOrEqual:
        return column + "<=" + formatNumber(threshold);
    case Comparison::Greater:
        return column + ">" + formatNumber(threshold);
    case Comparison::GreaterOrEqual:
        return column + ">=" + formatNumber(threshold);
    case Comparison::Equal:
        return column + "=" + equalsLabel;
    }
    return column;
}

} // namespace cutofflab
