#include "binary/contingency.h"

#include "common/distributions.h"
#include "common/error.h"

#include <boost/math/tools/roots.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
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
        : column1_(static_cast<double>(column1)), column2_(static_cast<double>(column2)), row1_(row1)
    {
        lo_ = std::max<std::int64_t>(0, row1 - column2);
        hi_ = std::min(row1, column1);
    }

    std::int64_t lo() const { return lo_; }
    std::int64_t hi() const { return hi_; }

    // The unnormalised weights exp(log P(X = x) + theta x - largest) of the support
    // values whose weight does not underflow to 0; every other value has probability 0
    // in double precision (R's dnhyper scales by the largest term the same way).
    struct Window {
        std::int64_t first = 0;       ///< the support value of weight[0]
        std::vector<double> weight;
        double total = 0.0;
    };

    // The log-weights are concave in x (a product of two binomial coefficients times a
    // geometric factor is log-concave), so their maximum is found by bisection on the
    // sign of the step to the next value, and the weights fall off monotonically on both
    // sides of it. Only the values within 745 of the maximum are visited: O(sqrt(n)) of
    // the support of a large table instead of all of it. The weights are built outwards
    // from the maximum with the ratio of neighbouring binomial terms, a few logarithms a
    // value, instead of log-gamma functions; over the 10^4 steps of a table of 10^6
    // patients that drifts by about 1e-12 relative.
    Window significantWindow(double theta) const
    {
        std::int64_t low = lo_;
        std::int64_t high = hi_;
        while (low < high) {
            const std::int64_t middle = low + (high - low) / 2;
            if (logStep(middle, theta) > 0.0)
                low = middle + 1;
            else
                high = middle;
        }
        const std::int64_t mode = low;

        // Log-weights relative to the maximum, to the left (reversed) and to the right.
        std::vector<double> left;
        double level = 0.0;
        for (std::int64_t x = mode; x > lo_; --x) {
            level -= logStep(x - 1, theta);
            if (level < -745.0)
                break;
            left.push_back(level);
        }
        std::vector<double> right{0.0};
        level = 0.0;
        for (std::int64_t x = mode; x < hi_; ++x) {
            level += logStep(x, theta);
            if (level < -745.0)
                break;
            right.push_back(level);
        }

        Window window;
        window.first = mode - static_cast<std::int64_t>(left.size());
        window.weight.reserve(left.size() + right.size());
        for (auto it = left.rbegin(); it != left.rend(); ++it)
            window.weight.push_back(std::exp(*it));
        for (double value : right)
            window.weight.push_back(std::exp(value));
        for (double weight : window.weight)
            window.total += weight;
        return window;
    }

    double mean(double theta) const
    {
        const Window window = significantWindow(theta);
        double sum = 0.0;
        for (std::size_t i = 0; i < window.weight.size(); ++i)
            sum += window.weight[i] * static_cast<double>(window.first + static_cast<std::int64_t>(i));
        return sum / window.total;
    }

    // P(X <= x) when upper is false, P(X >= x) when upper is true, each summed directly
    // over its own tail so that small tails keep their relative precision.
    double tail(std::int64_t x, double theta, bool upper) const
    {
        const Window window = significantWindow(theta);
        double sum = 0.0;
        for (std::size_t i = 0; i < window.weight.size(); ++i) {
            const std::int64_t value = window.first + static_cast<std::int64_t>(i);
            if (upper ? value >= x : value <= x)
                sum += window.weight[i];
        }
        return sum / window.total;
    }

private:
    // log w(x + 1) - log w(x), with w(x) = choose(column1, x) choose(column2, row1 - x) e^(theta x);
    // x + 1 must lie in the support.
    double logStep(std::int64_t x, double theta) const
    {
        const double k = static_cast<double>(x);
        const double r = static_cast<double>(row1_);
        return std::log((column1_ - k) * (r - k)) - std::log((k + 1.0) * (column2_ - r + k + 1.0)) + theta;
    }

    double column1_ = 0.0;
    double column2_ = 0.0;
    std::int64_t row1_ = 0;
    std::int64_t lo_ = 0;
    std::int64_t hi_ = 0;
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

ConditionalOddsRatio conditionalOddsRatio(const NoncentralHypergeometric& distribution, std::int64_t x,
                                          double confLevel)
{
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

double fisherTwoByTwoP(const NoncentralHypergeometric& distribution, std::int64_t x)
{
    // Values outside the window have probability 0 in double precision, so they add
    // nothing. An observed value outside it has probability 0, and the sum then takes
    // only values of probability 0, as in R.
    const NoncentralHypergeometric::Window window = distribution.significantWindow(0.0);
    const std::int64_t offset = x - window.first;
    const double observed = offset >= 0 && offset < static_cast<std::int64_t>(window.weight.size())
                              ? window.weight[static_cast<std::size_t>(offset)] / window.total
                              : 0.0;
    double p = 0.0;
    for (double weight : window.weight) {
        const double value = weight / window.total;
        if (value <= observed * (1.0 + kFisherRelativeError))
            p += value;
    }
    return std::min(p, 1.0);
}

// Fisher's exact p-value of an r x c table by the network algorithm (Mehta C. R.,
// Patel N. R., J Am Stat Assoc 1983;78:427-434), the method of R's FEXACT in a plain form.
//
// A table with the observed margins has probability
//   P = prod(row totals!) prod(column totals!) / (n! prod(cells!)),
// so "P <= P_observed (1 + 1e-7)" is "S >= S_observed - log(1 + 1e-7)" with
// S = sum of log(cell!). Tables are built one stage (a row of the longer dimension) at a
// time. After a stage only the remaining totals of the other dimension matter for the
// rest of the table, and their order does not, so they are sorted and equal states are
// merged (the network's nodes). Each node keeps the distinct partial sums S of the paths
// that reach it, with their number. Bounds on S over all completions of a node settle
// paths early. When even the smallest completion reaches the threshold, every completion
// counts and their total probability has a closed form. When even the largest stays below
// it, none does. One stage before the end the completion is unique, so every path settles.
class FisherNetwork {
public:
    FisherNetwork(const CountTable& table, std::uint64_t maxSteps)
        : maxSteps_(maxSteps)
    {
        std::vector<std::int64_t> rowTotals;
        std::vector<std::int64_t> columnTotals;
        for (std::size_t r = 0; r < table.rows; ++r)
            if (table.rowTotal(r) > 0)
                rowTotals.push_back(table.rowTotal(r));
        for (std::size_t c = 0; c < table.columns; ++c)
            if (table.columnTotal(c) > 0)
                columnTotals.push_back(table.columnTotal(c));
        // Stages run along the longer dimension so that a node is a short vector. The
        // largest stage goes last, where it costs nothing because the completion is fixed.
        if (rowTotals.size() >= columnTotals.size()) {
            stageTotals_ = rowTotals;
            initialState_ = columnTotals;
        } else {
            stageTotals_ = columnTotals;
            initialState_ = rowTotals;
        }
        std::sort(stageTotals_.begin(), stageTotals_.end());
        std::sort(initialState_.begin(), initialState_.end());

        const auto n = static_cast<std::size_t>(table.total());
        logFactorial_.resize(n + 2, 0.0);
        for (std::size_t k = 2; k < logFactorial_.size(); ++k)
            logFactorial_[k] = logFactorial_[k - 1] + std::log(static_cast<double>(k));

        double observed = 0.0;
        for (std::int64_t count : table.counts)
            observed += lf(count);
        threshold_ = observed - std::log1p(kFisherRelativeError);

        logConstant_ = -lf(table.total());
        for (std::int64_t total : stageTotals_)
            logConstant_ += lf(total);
        for (std::int64_t total : initialState_)
            logConstant_ += lf(total);

        // Per number of stages done: the stage-side bounds and log-mass of the stages left.
        const std::size_t stages = stageTotals_.size();
        stageMin_.assign(stages + 1, 0.0);
        stageMax_.assign(stages + 1, 0.0);
        stageLogFactorials_.assign(stages + 1, 0.0);
        for (std::size_t s = stages; s-- > 0;) {
            stageMin_[s] = stageMin_[s + 1] + evenSplit(stageTotals_[s], initialState_.size());
            stageMax_[s] = stageMax_[s + 1] + lf(stageTotals_[s]);
            stageLogFactorials_[s] = stageLogFactorials_[s + 1] + lf(stageTotals_[s]);
        }
    }

    // Returns the p-value, or nothing when the step limit was reached.
    std::optional<double> run()
    {
        // With one row or one column left after dropping empty ones, only one table has
        // these margins.
        if (stageTotals_.size() < 2 || initialState_.size() < 2)
            return 1.0;

        std::map<std::vector<std::int64_t>, std::vector<Path>> current;
        current[initialState_].push_back({0.0, 1.0});
        for (std::size_t stage = 0; stage + 1 < stageTotals_.size(); ++stage) {
            std::map<std::vector<std::int64_t>, std::vector<Path>> next;
            for (auto& [state, paths] : current) {
                const Source source = prepareSource(paths);
                std::vector<std::int64_t> cells(state.size(), 0);
                expand(stage, state, source, cells, 0, stageTotals_[stage], 0.0, next);
                if (aborted_)
                    return std::nullopt;
            }
            current = std::move(next);
        }
        return std::min(pValue_, 1.0);
    }

private:
    struct Path {
        double logSum = 0.0;   ///< sum of log(cell!) so far
        double count = 0.0;    ///< number of paths with this sum
    };

    // A node's paths, sorted by logSum and merged, with suffix sums of
    // count exp(lowest - logSum) so that any run of settled paths adds in one step.
    struct Source {
        std::vector<Path> paths;
        std::vector<double> suffixWeight;   ///< size paths + 1, last entry 0
        double lowest = 0.0;
    };

    struct Completion {
        double smallest = 0.0;   ///< lower bound on the rest of S
        double largest = 0.0;    ///< upper bound on the rest of S
        double logMass = 0.0;    ///< log of the sum of prod 1 / cells! over completions
    };

    double lf(std::int64_t k) const { return logFactorial_[static_cast<std::size_t>(k)]; }

    // Smallest sum of log(part!) over splits of total into `parts` non-negative integers:
    // the most even split, since log(k!) is convex.
    double evenSplit(std::int64_t total, std::size_t parts) const
    {
        const auto p = static_cast<std::int64_t>(parts);
        const std::int64_t quotient = total / p;
        const std::int64_t remainder = total % p;
        return static_cast<double>(remainder) * lf(quotient + 1) + static_cast<double>(p - remainder) * lf(quotient);
    }

    // Bounds and mass of the completions of a state reached after `stagesDone` stages.
    // Each bound relaxes one set of margins: spreading every total evenly gives a lower
    // bound, putting it in one cell an upper bound.
    Completion completion(const std::vector<std::int64_t>& state, std::size_t stagesDone) const
    {
        const std::size_t stagesLeft = stageTotals_.size() - stagesDone;
        double byState = 0.0;
        double byStateMax = 0.0;
        std::int64_t remaining = 0;
        for (std::int64_t total : state) {
            byState += evenSplit(total, stagesLeft);
            byStateMax += lf(total);
            remaining += total;
        }
        Completion result;
        result.smallest = std::max(byState, stageMin_[stagesDone]);
        result.largest = std::min(byStateMax, stageMax_[stagesDone]);
        if (stagesLeft == 1) {
            // One stage left: it takes what remains, so the bounds are exact.
            result.smallest = byStateMax;
            result.largest = byStateMax;
        }
        // Sum over tables with these margins of prod 1 / cells! = m! / (prod margins!).
        result.logMass = lf(remaining) - byStateMax - stageLogFactorials_[stagesDone];
        return result;
    }

    static Source prepareSource(std::vector<Path>& paths)
    {
        std::sort(paths.begin(), paths.end(), [](const Path& a, const Path& b) { return a.logSum < b.logSum; });
        Source source;
        for (const Path& path : paths) {
            // Sums equal up to rounding belong to the same kind of path.
            if (!source.paths.empty()
                && path.logSum - source.paths.back().logSum <= 1e-12 * std::max(1.0, path.logSum))
                source.paths.back().count += path.count;
            else
                source.paths.push_back(path);
        }
        source.lowest = source.paths.front().logSum;
        source.suffixWeight.assign(source.paths.size() + 1, 0.0);
        for (std::size_t i = source.paths.size(); i-- > 0;)
            source.suffixWeight[i] = source.suffixWeight[i + 1]
                                   + source.paths[i].count * std::exp(source.lowest - source.paths[i].logSum);
        return source;
    }

    // Splits the stage total over the state's entries (cells[0..position) chosen), then
    // moves every path of the source node along that split.
    void expand(std::size_t stage, const std::vector<std::int64_t>& state, const Source& source,
                std::vector<std::int64_t>& cells, std::size_t position, std::int64_t left, double cellSum,
                std::map<std::vector<std::int64_t>, std::vector<Path>>& next)
    {
        if (aborted_)
            return;
        if (position + 1 == state.size()) {
            if (left > state[position])
                return;
            cells[position] = left;
            arrive(stage, state, source, cells, cellSum + lf(left), next);
            return;
        }
        std::int64_t capacityAfter = 0;
        for (std::size_t j = position + 1; j < state.size(); ++j)
            capacityAfter += state[j];
        const std::int64_t low = std::max<std::int64_t>(0, left - capacityAfter);
        const std::int64_t high = std::min(left, state[position]);
        for (std::int64_t value = low; value <= high && !aborted_; ++value) {
            cells[position] = value;
            expand(stage, state, source, cells, position + 1, left - value, cellSum + lf(value), next);
        }
    }

    void arrive(std::size_t stage, const std::vector<std::int64_t>& state, const Source& source,
                const std::vector<std::int64_t>& cells, double cellSum,
                std::map<std::vector<std::int64_t>, std::vector<Path>>& next)
    {
        std::vector<std::int64_t> reached(state.size());
        for (std::size_t j = 0; j < state.size(); ++j)
            reached[j] = state[j] - cells[j];
        const Completion bounds = completion(reached, stage + 1);

        // Paths from firstSettled on reach the threshold with any completion. Paths before
        // firstKept miss it with every completion.
        const auto byLogSum = [](const Path& path, double value) { return path.logSum < value; };
        const auto firstSettled = static_cast<std::size_t>(
            std::lower_bound(source.paths.begin(), source.paths.end(), threshold_ - cellSum - bounds.smallest, byLogSum)
            - source.paths.begin());
        const auto firstKept = static_cast<std::size_t>(
            std::lower_bound(source.paths.begin(), source.paths.end(), threshold_ - cellSum - bounds.largest, byLogSum)
            - source.paths.begin());
        pValue_ += std::exp(logConstant_ - cellSum + bounds.logMass - source.lowest) * source.suffixWeight[firstSettled];

        steps_ += 1 + (firstSettled > firstKept ? firstSettled - firstKept : 0);
        if (steps_ > maxSteps_) {
            aborted_ = true;
            return;
        }
        if (firstSettled <= firstKept)
            return;
        std::sort(reached.begin(), reached.end());
        std::vector<Path>& target = next[reached];
        for (std::size_t i = firstKept; i < firstSettled; ++i)
            target.push_back({source.paths[i].logSum + cellSum, source.paths[i].count});
    }

    std::uint64_t maxSteps_;
    std::uint64_t steps_ = 0;
    bool aborted_ = false;
    std::vector<std::int64_t> stageTotals_;
    std::vector<std::int64_t> initialState_;
    std::vector<double> logFactorial_;
    std::vector<double> stageMin_;
    std::vector<double> stageMax_;
    std::vector<double> stageLogFactorials_;
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

FisherTest fisherExact(const CountTable& table, double confLevel, std::uint64_t maxSteps)
{
    checkTable(table, "Fisher's exact test");
    checkConfLevel(confLevel);

    FisherTest result;
    if (table.rows == 2 && table.columns == 2) {
        // A 2 x 2 table always has a p-value, even an empty one (one table, p = 1), as in R.
        const NoncentralHypergeometric distribution(table.columnTotal(0), table.columnTotal(1), table.rowTotal(0));
        result.p = fisherTwoByTwoP(distribution, table.at(0, 0));
        result.oddsRatio = conditionalOddsRatio(distribution, table.at(0, 0), confLevel);
        return result;
    }

    if (table.total() == 0) {
        result.status = FisherStatus::EmptyTable;
        return result;
    }
    FisherNetwork network(table, maxSteps);
    result.p = network.run();
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
