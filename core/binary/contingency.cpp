#include "binary/contingency.h"

#include "common/distributions.h"
#include "common/error.h"

#include <boost/math/tools/roots.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <string>

namespace cutofflab {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// R's fisher.test() counts a table as "at most as probable" as the observed one when its
// probability is <= observed * (1 + 1e-7).
constexpr double kFisherRelativeError = 1e-7;

void checkTable(const CountTable& table, const char* test)
{
    if (table.rows < 2 || table.columns < 2)
        throw InputError(std::string(test) + " needs a table with at least 2 rows and 2 columns, got "
                         + std::to_string(table.rows) + " x " + std::to_string(table.columns) + ".");
    if (table.counts.size() != table.rows * table.columns)
        throw InputError(std::string(test) + ": the table contains " + std::to_string(table.counts.size())
                         + " counts for " + std::to_string(table.rows) + " x "
                         + std::to_string(table.columns) + " cells.");
    for (std::size_t r = 0; r < table.rows; ++r)
        for (std::size_t c = 0; c < table.columns; ++c)
            if (table.at(r, c) < 0)
                throw InputError(std::string(test) + ": the count in row " + std::to_string(r + 1)
                                     + ", column " + std::to_string(c + 1) + " is negative.",
                                 {std::nullopt, {}, std::to_string(table.at(r, c))});
}

void checkConfLevel(double confLevel)
{
    if (!(confLevel > 0.0 && confLevel < 1.0))
        throw InputError("Invalid confidence level " + std::to_string(confLevel)
                         + ": use a number between 0 and 1, such as 0.95.");
}

// Fisher's noncentral hypergeometric distribution of the top-left count X of a 2 x 2
// table given its margins, as fisher.test() builds it: support lo..hi and
// log P(X = x | odds ratio 1) up to a constant. The odds ratio enters as its logarithm,
// theta, so that every ratio from 0 to infinity is a finite argument.
class NoncentralHypergeometric {
public:
    NoncentralHypergeometric(std::int64_t column1, std::int64_t column2, std::int64_t row1)
    {
        lo_ = std::max<std::int64_t>(0, row1 - column2);
        hi_ = std::min(row1, column1);
        for (std::int64_t x = lo_; x <= hi_; ++x)
            logWeight_.push_back(logChoose(static_cast<double>(column1), static_cast<double>(x))
                                 + logChoose(static_cast<double>(column2), static_cast<double>(row1 - x)));
    }

    std::int64_t lo() const { return lo_; }
    std::int64_t hi() const { return hi_; }

    // Probabilities of lo..hi at log odds ratio theta, scaled by the largest term first
    // so that no term overflows (R: dnhyper).
    std::vector<double> density(double theta) const
    {
        std::vector<double> d(logWeight_.size());
        double largest = -kInfinity;
        for (std::size_t i = 0; i < d.size(); ++i) {
            d[i] = logWeight_[i] + theta * static_cast<double>(lo_ + static_cast<std::int64_t>(i));
            largest = std::max(largest, d[i]);
        }
        double sum = 0.0;
        for (double& value : d) {
            value = std::exp(value - largest);
            sum += value;
        }
        for (double& value : d)
            value /= sum;
        return d;
    }

    double mean(double theta) const
    {
        const std::vector<double> d = density(theta);
        double sum = 0.0;
        for (std::size_t i = 0; i < d.size(); ++i)
            sum += d[i] * static_cast<double>(lo_ + static_cast<std::int64_t>(i));
        return sum;
    }

    // P(X <= x) when upper is false, P(X >= x) when upper is true, each summed directly
    // over its own tail so that small tails keep their relative precision.
    double tail(std::int64_t x, double theta, bool upper) const
    {
        const std::vector<double> d = density(theta);
        double sum = 0.0;
        for (std::size_t i = 0; i < d.size(); ++i) {
            const std::int64_t value = lo_ + static_cast<std::int64_t>(i);
            if (upper ? value >= x : value <= x)
                sum += d[i];
        }
        return sum;
    }

private:
    std::int64_t lo_ = 0;
    std::int64_t hi_ = 0;
    std::vector<double> logWeight_;
};

// Solves f(theta) = 0 for f monotone in theta with a sign change somewhere on the real
// line: brackets the root by doubling steps from 0 towards it, then applies TOMS 748
// (Alefeld, Potra and Shi 1995) to full double precision in theta. A root beyond
// |theta| = 1024 (an odds ratio beyond e^1024, which overflows) returns the last step.
double solveMonotone(const std::function<double(double)>& f, bool increasing)
{
    const double atZero = f(0.0);
    if (atZero == 0.0)
        return 0.0;
    const double direction = (atZero < 0.0) == increasing ? 1.0 : -1.0;
    double inner = 0.0;
    double innerValue = atZero;
    double step = 1.0;
    double outer = direction * step;
    double outerValue = f(outer);
    while ((outerValue < 0.0) == (innerValue < 0.0) && outerValue != 0.0 && step < 1024.0) {
        inner = outer;
        innerValue = outerValue;
        step *= 2.0;
        outer = direction * step;
        outerValue = f(outer);
    }
    if (outerValue == 0.0 || (outerValue < 0.0) == (innerValue < 0.0))
        return outer;

    double a = std::min(inner, outer);
    double b = std::max(inner, outer);
    double fa = a == inner ? innerValue : outerValue;
    double fb = b == inner ? innerValue : outerValue;
    std::uintmax_t iterations = 300;
    const auto [left, right] = boost::math::tools::toms748_solve(
        f, a, b, fa, fb, boost::math::tools::eps_tolerance<double>(std::numeric_limits<double>::digits - 1),
        iterations);
    return left + (right - left) / 2.0;
}

ConditionalOddsRatio conditionalOddsRatio(const CountTable& table, double confLevel)
{
    const std::int64_t x = table.at(0, 0);
    const NoncentralHypergeometric distribution(table.columnTotal(0), table.columnTotal(1), table.rowTotal(0));
    const std::int64_t lo = distribution.lo();
    const std::int64_t hi = distribution.hi();
    const double alpha = (1.0 - confLevel) / 2.0;

    ConditionalOddsRatio result;
    result.confLevel = confLevel;
    result.estimable = lo < hi;

    // Estimate: the root of E[X] = x, which lies strictly inside (0, Inf) unless x is
    // an end of the support (R's mle()).
    if (x == lo) {
        result.estimate = 0.0;
    } else if (x == hi) {
        result.estimate = kInfinity;
    } else {
        const double theta = solveMonotone(
            [&](double t) { return distribution.mean(t) - static_cast<double>(x); }, true);
        result.estimate = std::exp(theta);
    }

    // Lower limit: P(X >= x) = alpha, increasing in theta (R's ncp.L()).
    if (x == lo) {
        result.lower = 0.0;
    } else {
        const double theta = solveMonotone(
            [&](double t) { return distribution.tail(x, t, true) - alpha; }, true);
        result.lower = std::exp(theta);
    }

    // Upper limit: P(X <= x) = alpha, decreasing in theta (R's ncp.U()).
    if (x == hi) {
        result.upper = kInfinity;
    } else {
        const double theta = solveMonotone(
            [&](double t) { return distribution.tail(x, t, false) - alpha; }, false);
        result.upper = std::exp(theta);
    }
    return result;
}

double fisherTwoByTwoP(const CountTable& table)
{
    const NoncentralHypergeometric distribution(table.columnTotal(0), table.columnTotal(1), table.rowTotal(0));
    const std::vector<double> d = distribution.density(0.0);
    const double observed = d[static_cast<std::size_t>(table.at(0, 0) - distribution.lo())];
    double p = 0.0;
    for (double value : d)
        if (value <= observed * (1.0 + kFisherRelativeError))
            p += value;
    return std::min(p, 1.0);
}

// Enumerates the r x c tables with the observed margins, column by column and, within a
// column, row by row. A table's probability is
//   P = prod(row totals!) prod(column totals!) / (n! prod(cells!)),
// so "P <= P_observed (1 + 1e-7)" is "sum log(cells!) >= S_observed - log(1 + 1e-7)".
// The partial sum of log(cells!) only grows as cells are filled, which gives two shortcuts.
// Once it reaches the threshold, every completion counts, and at a column boundary their
// total probability has the closed form of a hypergeometric sum. Once even the largest
// completion, bounded by log(column remainder!) per remaining column, stays below the
// threshold, no completion counts.
class RxCEnumerator {
public:
    RxCEnumerator(const CountTable& table, std::uint64_t maxSteps)
        : table_(table), maxSteps_(maxSteps)
    {
        const auto n = static_cast<std::size_t>(table.total());
        logFactorial_.resize(n + 1, 0.0);
        for (std::size_t k = 2; k <= n; ++k)
            logFactorial_[k] = logFactorial_[k - 1] + std::log(static_cast<double>(k));

        rowRemaining_.resize(table.rows);
        for (std::size_t r = 0; r < table.rows; ++r)
            rowRemaining_[r] = table.rowTotal(r);
        columnTotals_.resize(table.columns);
        for (std::size_t c = 0; c < table.columns; ++c)
            columnTotals_[c] = table.columnTotal(c);

        double observed = 0.0;
        for (std::int64_t count : table.counts)
            observed += lf(count);
        threshold_ = observed - std::log1p(kFisherRelativeError);

        logConstant_ = -lf(table.total());
        for (std::int64_t total : rowRemaining_)
            logConstant_ += lf(total);
        for (std::int64_t total : columnTotals_)
            logConstant_ += lf(total);
    }

    // Returns the p-value, or nothing when the step limit was reached.
    std::optional<double> run()
    {
        startColumn(0, 0.0);
        if (aborted_)
            return std::nullopt;
        return std::min(pValue_, 1.0);
    }

private:
    double lf(std::int64_t k) const { return logFactorial_[static_cast<std::size_t>(k)]; }

    // Sum over remaining columns from `column` of log(total!), the largest sum of
    // log(cells!) any completion can add.
    double completionBound(std::size_t column, std::int64_t currentRemainder) const
    {
        double bound = lf(currentRemainder);
        for (std::size_t c = column + 1; c < table_.columns; ++c)
            bound += lf(columnTotals_[c]);
        return bound;
    }

    void startColumn(std::size_t column, double partial)
    {
        if (aborted_)
            return;
        if (column + 1 == table_.columns) {
            // The last column is fixed by the row remainders.
            double sum = partial;
            for (std::int64_t remaining : rowRemaining_)
                sum += lf(remaining);
            addTable(sum);
            return;
        }
        if (partial >= threshold_) {
            // Every completion counts: sum over completions of prod 1 / cells! equals
            // m! / (prod row remainders! prod remaining column totals!), m the cells left.
            std::int64_t left = 0;
            double logSum = 0.0;
            for (std::int64_t remaining : rowRemaining_) {
                left += remaining;
                logSum -= lf(remaining);
            }
            for (std::size_t c = column; c < table_.columns; ++c)
                logSum -= lf(columnTotals_[c]);
            logSum += lf(left);
            pValue_ += std::exp(logConstant_ - partial + logSum);
            return;
        }
        fillCell(column, 0, columnTotals_[column], partial);
    }

    void fillCell(std::size_t column, std::size_t row, std::int64_t columnRemainder, double partial)
    {
        if (aborted_)
            return;
        if (++steps_ > maxSteps_) {
            aborted_ = true;
            return;
        }
        if (partial + completionBound(column, columnRemainder) < threshold_)
            return;   // no completion reaches the threshold
        if (row + 1 == table_.rows) {
            if (columnRemainder > rowRemaining_[row])
                return;
            rowRemaining_[row] -= columnRemainder;
            startColumn(column + 1, partial + lf(columnRemainder));
            rowRemaining_[row] += columnRemainder;
            return;
        }
        std::int64_t capacityBelow = 0;
        for (std::size_t r = row + 1; r < table_.rows; ++r)
            capacityBelow += rowRemaining_[r];
        const std::int64_t low = std::max<std::int64_t>(0, columnRemainder - capacityBelow);
        const std::int64_t high = std::min(columnRemainder, rowRemaining_[row]);
        for (std::int64_t value = low; value <= high && !aborted_; ++value) {
            rowRemaining_[row] -= value;
            fillCell(column, row + 1, columnRemainder - value, partial + lf(value));
            rowRemaining_[row] += value;
        }
    }

    void addTable(double sumLogFactorials)
    {
        if (sumLogFactorials >= threshold_)
            pValue_ += std::exp(logConstant_ - sumLogFactorials);
    }

    const CountTable& table_;
    std::uint64_t maxSteps_;
    std::uint64_t steps_ = 0;
    bool aborted_ = false;
    std::vector<double> logFactorial_;
    std::vector<std::int64_t> rowRemaining_;
    std::vector<std::int64_t> columnTotals_;
    double threshold_ = 0.0;
    double logConstant_ = 0.0;
    double pValue_ = 0.0;
};

} // namespace

CountTable CountTable::fromRows(std::initializer_list<std::initializer_list<std::int64_t>> cells)
{
    CountTable table;
    table.rows = cells.size();
    table.columns = cells.size() == 0 ? 0 : cells.begin()->size();
    for (const auto& row : cells) {
        if (row.size() != table.columns)
            throw InputError("Every row of a count table must have " + std::to_string(table.columns)
                             + " cells, got a row with " + std::to_string(row.size()) + ".");
        table.counts.insert(table.counts.end(), row.begin(), row.end());
    }
    return table;
}

std::int64_t CountTable::rowTotal(std::size_t row) const
{
    std::int64_t sum = 0;
    for (std::size_t c = 0; c < columns; ++c)
        sum += at(row, c);
    return sum;
}

std::int64_t CountTable::columnTotal(std::size_t column) const
{
    std::int64_t sum = 0;
    for (std::size_t r = 0; r < rows; ++r)
        sum += at(r, column);
    return sum;
}

std::int64_t CountTable::total() const
{
    return std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
}

CountTable crossTabulate(std::span<const int> rowIndex, std::span<const int> columnIndex,
                         std::size_t rows, std::size_t columns)
{
    if (rowIndex.size() != columnIndex.size())
        throw InputError("Cross-tabulation needs one column index per row index, got "
                         + std::to_string(rowIndex.size()) + " and " + std::to_string(columnIndex.size()) + ".");
    CountTable table(rows, columns);
    for (std::size_t i = 0; i < rowIndex.size(); ++i) {
        if (rowIndex[i] < 0 || columnIndex[i] < 0)
            continue;
        if (static_cast<std::size_t>(rowIndex[i]) >= rows || static_cast<std::size_t>(columnIndex[i]) >= columns)
            throw InputError("Cross-tabulation: row " + std::to_string(i + 1) + " has index ("
                                 + std::to_string(rowIndex[i]) + ", " + std::to_string(columnIndex[i])
                                 + ") outside a " + std::to_string(rows) + " x " + std::to_string(columns) + " table.",
                             {i + 1, {}, {}});
        ++table.at(static_cast<std::size_t>(rowIndex[i]), static_cast<std::size_t>(columnIndex[i]));
    }
    return table;
}

ChiSquareTest pearsonChiSquare(const CountTable& table, bool yatesCorrection)
{
    checkTable(table, "The chi-square test");

    ChiSquareTest result;
    result.df = static_cast<int>((table.rows - 1) * (table.columns - 1));
    const auto n = static_cast<double>(table.total());
    if (n == 0.0) {
        result.status = ChiSquareStatus::EmptyTable;
        return result;
    }

    result.expected.resize(table.counts.size());
    bool zeroExpected = false;
    for (std::size_t r = 0; r < table.rows; ++r) {
        for (std::size_t c = 0; c < table.columns; ++c) {
            const double e = static_cast<double>(table.rowTotal(r)) * static_cast<double>(table.columnTotal(c)) / n;
            result.expected[r * table.columns + c] = e;
            zeroExpected = zeroExpected || e == 0.0;
            result.lowExpectedCount = result.lowExpectedCount || e < 5.0;
        }
    }
    if (zeroExpected) {
        result.status = ChiSquareStatus::ZeroMargin;
        return result;
    }

    // Yates (1934): R subtracts one value, the smallest |O - E| capped at 0.5, from every
    // cell; in a 2 x 2 table all |O - E| are equal anyway.
    if (yatesCorrection && table.rows == 2 && table.columns == 2) {
        double smallest = 0.5;
        for (std::size_t i = 0; i < table.counts.size(); ++i)
            smallest = std::min(smallest, std::fabs(static_cast<double>(table.counts[i]) - result.expected[i]));
        result.continuityCorrection = smallest;
    }

    double statistic = 0.0;
    for (std::size_t i = 0; i < table.counts.size(); ++i) {
        const double deviation = std::fabs(static_cast<double>(table.counts[i]) - result.expected[i])
                               - result.continuityCorrection;
        statistic += deviation * deviation / result.expected[i];
    }
    result.statistic = statistic;
    result.p = chiSquareUpperTail(statistic, result.df);
    return result;
}

FisherTest fisherExact(const CountTable& table, double confLevel, std::uint64_t maxTables)
{
    checkTable(table, "Fisher's exact test");
    checkConfLevel(confLevel);

    FisherTest result;
    if (table.rows == 2 && table.columns == 2) {
        // A 2 x 2 table always has a p-value, even an empty one (one table, p = 1), as in R.
        result.p = fisherTwoByTwoP(table);
        result.oddsRatio = conditionalOddsRatio(table, confLevel);
        return result;
    }

    if (table.total() == 0) {
        result.status = FisherStatus::EmptyTable;
        return result;
    }
    RxCEnumerator enumerator(table, maxTables);
    result.p = enumerator.run();
    if (!result.p)
        result.status = FisherStatus::TooManyTables;
    return result;
}

std::optional<double> sampleOddsRatio(const CountTable& table)
{
    if (table.rows != 2 || table.columns != 2)
        throw InputError("The sample odds ratio needs a 2 x 2 table, got " + std::to_string(table.rows) + " x "
                         + std::to_string(table.columns) + ".");
    const double numerator = static_cast<double>(table.at(0, 0)) * static_cast<double>(table.at(1, 1));
    const double denominator = static_cast<double>(table.at(0, 1)) * static_cast<double>(table.at(1, 0));
    if (denominator == 0.0)
        return numerator == 0.0 ? std::nullopt : std::optional<double>(kInfinity);
    return numerator / denominator;
}

ResponseTableAnalysis analyzeResponseTable(const CountTable& table, double confLevel)
{
    checkTable(table, "The response table");
    checkConfLevel(confLevel);
    if (table.columns != 2)
        throw InputError("A response table has 2 columns (positive, negative), got "
                         + std::to_string(table.columns) + ".");

    ResponseTableAnalysis result;
    result.table = table;
    for (std::size_t r = 0; r < table.rows; ++r)
        result.positiveRate.push_back(clopperPearson(table.at(r, 0), table.rowTotal(r), confLevel));
    result.chiSquare = pearsonChiSquare(table, false);
    if (table.rows == 2) {
        result.chiSquareYates = pearsonChiSquare(table, true);
        result.sampleOddsRatio = sampleOddsRatio(table);
    }
    result.fisher = fisherExact(table, confLevel);
    return result;
}

} // namespace cutofflab
