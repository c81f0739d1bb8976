#include "binary/groupcompare.h"

#include "common/distributions.h"
#include "common/error.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>

namespace cutofflab {

namespace {

std::string formatValue(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

void checkConfLevel(double confLevel)
{
    if (!(confLevel > 0.0 && confLevel < 1.0))
        throw InputError("Invalid confidence level " + formatValue(confLevel)
                         + ": use a number between 0 and 1, such as 0.95.");
}

// The non-missing values; NaN is missing, an infinite value is rejected.
std::vector<double> presentValues(std::span<const double> values, std::size_t* missing = nullptr)
{
    std::vector<double> present;
    present.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i])) {
            if (missing)
                ++*missing;
            continue;
        }
        if (std::isinf(values[i]))
            throw InputError("Value " + std::string(values[i] > 0 ? "Inf" : "-Inf") + " in row "
                                 + std::to_string(i + 1) + " is not a finite number.",
                             {i + 1, {}, values[i] > 0 ? "Inf" : "-Inf"});
        present.push_back(values[i]);
    }
    return present;
}

// R's mean(): the sum in extended precision divided by n, refined by the mean residual.
double mean(std::span<const double> values)
{
    long double sum = 0.0L;
    for (double value : values)
        sum += value;
    const long double n = static_cast<long double>(values.size());
    long double average = sum / n;
    long double residual = 0.0L;
    for (double value : values)
        residual += value - average;
    average += residual / n;
    return static_cast<double>(average);
}

// Sample variance with the n - 1 denominator, two-pass. Preconditions: size >= 2.
double variance(std::span<const double> values, double average)
{
    long double squares = 0.0L;
    for (double value : values) {
        const long double deviation = static_cast<long double>(value) - average;
        squares += deviation * deviation;
    }
    return static_cast<double>(squares / static_cast<long double>(values.size() - 1));
}

// Average ranks (R's rank(ties.method = "average")) of the concatenation of samples,
// with the sizes of the tie groups.
struct Ranking {
    std::vector<double> ranks;          ///< in input order
    std::vector<std::size_t> tieSizes;  ///< one entry per distinct value
};

Ranking averageRanks(std::span<const double> values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });

    Ranking ranking;
    ranking.ranks.resize(values.size());
    std::size_t start = 0;
    while (start < order.size()) {
        std::size_t end = start + 1;
        while (end < order.size() && values[order[end]] == values[order[start]])
            ++end;
        const double rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2.0;
        for (std::size_t k = start; k < end; ++k)
            ranking.ranks[order[k]] = rank;
        ranking.tieSizes.push_back(end - start);
        start = end;
    }
    return ranking;
}

// Number of ways the ranks 1..nX+nY split into nX ranks for x with each value of
// U = (sum of x ranks) - nX (nX + 1) / 2, for U = 0 .. nX nY (the exact null
// distribution of W that R's cwilcox() counts). Dynamic programme over the ranks with
// additions only, so the counts stay exact up to 2^53 and keep relative precision beyond.
std::vector<double> wilcoxonCounts(std::size_t nX, std::size_t nY)
{
    const std::size_t n = nX + nY;
    const std::size_t maxSum = nX * (2 * n - nX + 1) / 2;
    // ways[j][s]: subsets of size j of the ranks seen so far with rank sum s.
    std::vector<std::vector<double>> ways(nX + 1, std::vector<double>(maxSum + 1, 0.0));
    ways[0][0] = 1.0;
    for (std::size_t rank = 1; rank <= n; ++rank) {
        for (std::size_t j = std::min(rank, nX); j >= 1; --j) {
            std::vector<double>& current = ways[j];
            const std::vector<double>& previous = ways[j - 1];
            // j ranks out of 1..rank sum to at most the j largest of them.
            const std::size_t largest = std::min(maxSum, j * (2 * rank - j + 1) / 2);
            for (std::size_t s = largest; s >= rank; --s)
                current[s] += previous[s - rank];
        }
    }
    const std::size_t minSum = nX * (nX + 1) / 2;
    return {ways[nX].begin() + static_cast<std::ptrdiff_t>(minSum),
            ways[nX].begin() + static_cast<std::ptrdiff_t>(minSum + nX * nY + 1)};
}

std::string lowerAscii(const std::string& text)
{
    std::string lower = text;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

std::optional<double> parseNumber(const std::string& text)
{
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

std::vector<std::string> sortLevels(std::vector<std::string> levels)
{
    bool allNumbers = true;
    for (const std::string& level : levels)
        allNumbers = allNumbers && parseNumber(level).has_value();
    if (allNumbers) {
        std::sort(levels.begin(), levels.end(),
                  [](const std::string& a, const std::string& b) { return *parseNumber(a) < *parseNumber(b); });
    } else {
        std::sort(levels.begin(), levels.end(), [](const std::string& a, const std::string& b) {
            const std::string la = lowerAscii(a);
            const std::string lb = lowerAscii(b);
            return la != lb ? la < lb : a < b;
        });
    }
    return levels;
}

void checkGroups(std::span<const int> group, int groupCount, std::size_t valueCount, const char* what)
{
    if (group.size() != valueCount)
        throw InputError(std::string(what) + ": " + std::to_string(group.size()) + " group entries for "
                         + std::to_string(valueCount) + " values; give one group per row.");
    if (groupCount < 1)
        throw InputError(std::string(what) + " needs at least one group, got " + std::to_string(groupCount) + ".");
    for (std::size_t i = 0; i < group.size(); ++i)
        if (group[i] >= groupCount)
            throw InputError(std::string(what) + ": row " + std::to_string(i + 1) + " has group "
                                 + std::to_string(group[i]) + ", but there are only " + std::to_string(groupCount)
                                 + " groups (0 to " + std::to_string(groupCount - 1) + ").",
                             {i + 1, {}, std::to_string(group[i])});
}

// Values of each group (NaN left out), for the k-group tests.
std::vector<std::vector<double>> splitByGroup(std::span<const double> values, std::span<const int> group)
{
    if (values.size() != group.size())
        throw InputError("Group comparison: " + std::to_string(group.size()) + " group entries for "
                         + std::to_string(values.size()) + " values; give one group per row.");
    int groupCount = 0;
    for (int g : group)
        groupCount = std::max(groupCount, g + 1);
    std::vector<std::vector<double>> groups(static_cast<std::size_t>(groupCount));
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (group[i] < 0 || std::isnan(values[i]))
            continue;
        if (std::isinf(values[i]))
            throw InputError("Value in row " + std::to_string(i + 1) + " is not a finite number.",
                             {i + 1, {}, values[i] > 0 ? "Inf" : "-Inf"});
        groups[static_cast<std::size_t>(group[i])].push_back(values[i]);
    }
    std::erase_if(groups, [](const std::vector<double>& g) { return g.empty(); });
    return groups;
}

} // namespace

double quantileType7(std::span<const double> sorted, double probability)
{
    const std::size_t n = sorted.size();
    const double index = 1.0 + static_cast<double>(n - 1) * probability;
    const auto lo = static_cast<std::size_t>(std::floor(index));
    const auto hi = static_cast<std::size_t>(std::ceil(index));
    const double atLo = sorted[lo - 1];
    if (index > static_cast<double>(lo) && sorted[hi - 1] != atLo) {
        const double h = index - static_cast<double>(lo);
        return (1.0 - h) * atLo + h * sorted[hi - 1];
    }
    return atLo;
}

NumericSummary summarizeNumeric(std::span<const double> values)
{
    NumericSummary summary;
    std::vector<double> present = presentValues(values, &summary.missing);
    summary.n = present.size();
    if (present.empty())
        return summary;

    std::sort(present.begin(), present.end());
    const double average = mean(present);
    summary.mean = average;
    if (present.size() >= 2)
        summary.sd = std::sqrt(variance(present, average));
    summary.min = present.front();
    summary.q1 = quantileType7(present, 0.25);
    summary.median = quantileType7(present, 0.5);
    summary.q3 = quantileType7(present, 0.75);
    summary.max = present.back();
    return summary;
}

NumericSummary summarizeNumeric(std::span<const std::optional<double>> values)
{
    std::vector<double> plain(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        plain[i] = values[i] ? *values[i] : std::numeric_limits<double>::quiet_NaN();
    return summarizeNumeric(std::span<const double>(plain));
}

std::string_view rMessage(TTestStatus status)
{
    switch (status) {
    case TTestStatus::Ok: return {};
    case TTestStatus::NotEnoughX: return "not enough 'x' observations";
    case TTestStatus::NotEnoughY: return "not enough 'y' observations";
    case TTestStatus::NotEnoughObservations: return "not enough observations";
    case TTestStatus::ConstantData: return "data are essentially constant";
    }
    return {};
}

TTest tTest(std::span<const double> xValues, std::span<const double> yValues, bool equalVariance, double confLevel)
{
    checkConfLevel(confLevel);
    const std::vector<double> x = presentValues(xValues);
    const std::vector<double> y = presentValues(yValues);

    TTest result;
    result.equalVariance = equalVariance;
    result.confLevel = confLevel;
    result.nX = x.size();
    result.nY = y.size();
    if (!x.empty())
        result.meanX = mean(x);
    if (!y.empty())
        result.meanY = mean(y);
    if (result.meanX && result.meanY)
        result.difference = *result.meanX - *result.meanY;

    // R's order of checks in t.test.default.
    const std::size_t minimum = equalVariance ? 1 : 2;
    if (x.size() < minimum) {
        result.status = TTestStatus::NotEnoughX;
        return result;
    }
    if (y.size() < minimum) {
        result.status = TTestStatus::NotEnoughY;
        return result;
    }
    if (equalVariance && x.size() + y.size() < 3) {
        result.status = TTestStatus::NotEnoughObservations;
        return result;
    }

    const double nx = static_cast<double>(x.size());
    const double ny = static_cast<double>(y.size());
    const double mx = *result.meanX;
    const double my = *result.meanY;
    const double vx = x.size() > 1 ? variance(x, mx) : 0.0;
    const double vy = y.size() > 1 ? variance(y, my) : 0.0;

    double df = 0.0;
    double standardError = 0.0;
    if (equalVariance) {
        df = nx + ny - 2.0;
        const double pooled = ((nx - 1.0) * vx + (ny - 1.0) * vy) / df;
        standardError = std::sqrt(pooled * (1.0 / nx + 1.0 / ny));
    } else {
        const double seX2 = vx / nx;
        const double seY2 = vy / ny;
        standardError = std::sqrt(seX2 + seY2);
        df = std::pow(standardError, 4) / (seX2 * seX2 / (nx - 1.0) + seY2 * seY2 / (ny - 1.0));
    }
    if (standardError < 10.0 * std::numeric_limits<double>::epsilon() * std::max(std::fabs(mx), std::fabs(my))) {
        result.status = TTestStatus::ConstantData;
        return result;
    }

    const double t = (mx - my) / standardError;
    const double critical = studentTQuantile(1.0 - (1.0 - confLevel) / 2.0, df);
    result.t = t;
    result.df = df;
    result.p = 2.0 * studentTUpperTail(std::fabs(t), df);
    result.lower = (t - critical) * standardError;
    result.upper = (t + critical) * standardError;
    return result;
}

WilcoxonTest wilcoxonRankSum(std::span<const double> xValues, std::span<const double> yValues)
{
    const std::vector<double> x = presentValues(xValues);
    const std::vector<double> y = presentValues(yValues);

    WilcoxonTest result;
    result.nX = x.size();
    result.nY = y.size();
    if (x.empty()) {
        result.status = WilcoxonStatus::NotEnoughX;
        return result;
    }
    if (y.empty()) {
        result.status = WilcoxonStatus::NotEnoughY;
        return result;
    }

    std::vector<double> combined = x;
    combined.insert(combined.end(), y.begin(), y.end());
    const Ranking ranking = averageRanks(combined);
    const double nx = static_cast<double>(x.size());
    const double ny = static_cast<double>(y.size());
    double rankSum = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i)
        rankSum += ranking.ranks[i];
    const double w = rankSum - nx * (nx + 1.0) / 2.0;
    result.statistic = w;
    result.ties = ranking.tieSizes.size() != combined.size();

    if (x.size() < 50 && y.size() < 50 && !result.ties) {
        // Exact: the tail on the side of the observed W, doubled (R's pwilcox()).
        result.method = WilcoxonMethod::Exact;
        const std::vector<double> counts = wilcoxonCounts(x.size(), y.size());
        const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
        const auto observed = static_cast<std::size_t>(w);
        double tail = 0.0;
        if (w > nx * ny / 2.0) {
            for (std::size_t u = observed; u < counts.size(); ++u)
                tail += counts[u];
        } else {
            for (std::size_t u = 0; u <= observed; ++u)
                tail += counts[u];
        }
        result.p = std::min(1.0, 2.0 * tail / total);
        return result;
    }

    result.method = WilcoxonMethod::NormalApproximation;
    double tieTerm = 0.0;
    for (std::size_t size : ranking.tieSizes) {
        const double t = static_cast<double>(size);
        tieTerm += t * t * t - t;
    }
    const double n = nx + ny;
    const double sigma = std::sqrt(nx * ny / 12.0 * ((n + 1.0) - tieTerm / (n * (n - 1.0))));
    if (sigma == 0.0) {
        result.status = WilcoxonStatus::AllTied;
        return result;
    }
    const double centred = w - nx * ny / 2.0;
    double correction = 0.0;   // R: sign(z) * 0.5
    if (centred > 0)
        correction = 0.5;
    else if (centred < 0)
        correction = -0.5;
    const double z = (centred - correction) / sigma;
    result.p = std::min(1.0, normalTwoSidedP(z));
    return result;
}

GroupTest kruskalWallis(std::span<const double> values, std::span<const int> group)
{
    const std::vector<std::vector<double>> groups = splitByGroup(values, group);
    GroupTest result;
    if (groups.size() < 2) {
        result.status = GroupTestStatus::NotEnoughGroups;
        return result;
    }
    std::vector<double> combined;
    for (const auto& g : groups)
        combined.insert(combined.end(), g.begin(), g.end());
    const double n = static_cast<double>(combined.size());
    if (combined.size() < 2) {
        result.status = GroupTestStatus::NotEnoughObservations;
        return result;
    }

    const Ranking ranking = averageRanks(combined);
    double weighted = 0.0;
    std::size_t offset = 0;
    for (const auto& g : groups) {
        double rankSum = 0.0;
        for (std::size_t i = 0; i < g.size(); ++i)
            rankSum += ranking.ranks[offset + i];
        weighted += rankSum * rankSum / static_cast<double>(g.size());
        offset += g.size();
    }
    double tieTerm = 0.0;
    for (std::size_t size : ranking.tieSizes) {
        const double t = static_cast<double>(size);
        tieTerm += t * t * t - t;
    }
    const double tieCorrection = 1.0 - tieTerm / (n * n * n - n);
    result.df1 = static_cast<double>(groups.size() - 1);
    if (tieCorrection <= 0.0) {
        result.status = GroupTestStatus::NoVariation;
        return result;
    }
    const double statistic = (12.0 * weighted / (n * (n + 1.0)) - 3.0 * (n + 1.0)) / tieCorrection;
    result.statistic = statistic;
    result.p = chiSquareUpperTail(statistic, result.df1);
    return result;
}

GroupTest oneWayAnova(std::span<const double> values, std::span<const int> group)
{
    const std::vector<std::vector<double>> groups = splitByGroup(values, group);
    GroupTest result;
    if (groups.size() < 2) {
        result.status = GroupTestStatus::NotEnoughGroups;
        return result;
    }
    for (const auto& g : groups) {
        if (g.size() < 2) {
            result.status = GroupTestStatus::NotEnoughObservations;
            return result;
        }
    }

    std::vector<double> combined;
    for (const auto& g : groups)
        combined.insert(combined.end(), g.begin(), g.end());
    const double grandMean = mean(combined);
    const double n = static_cast<double>(combined.size());
    const double k = static_cast<double>(groups.size());
    double between = 0.0;
    double within = 0.0;
    for (const auto& g : groups) {
        const double groupMean = mean(g);
        between += static_cast<double>(g.size()) * (groupMean - grandMean) * (groupMean - grandMean);
        within += static_cast<double>(g.size() - 1) * variance(g, groupMean);
    }
    result.df1 = k - 1.0;
    result.df2 = n - k;
    if (within <= 0.0) {
        result.status = GroupTestStatus::NoVariation;
        return result;
    }
    const double statistic = (between / result.df1) / (within / result.df2);
    result.statistic = statistic;
    result.p = fisherFUpperTail(statistic, result.df1, result.df2);
    return result;
}

CategoricalComparison compareCategories(std::span<const int> group, int groupCount,
                                        std::span<const std::optional<std::string>> labels,
                                        std::span<const std::string> levelOrder, double confLevel)
{
    checkGroups(group, groupCount, labels.size(), "Categorical comparison");
    checkConfLevel(confLevel);
    const auto groups = static_cast<std::size_t>(groupCount);

    CategoricalComparison result;
    if (levelOrder.empty()) {
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (group[i] >= 0 && labels[i] && !labels[i]->empty())
                seen.push_back(*labels[i]);
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        result.levels = sortLevels(std::move(seen));
    } else {
        result.levels.assign(levelOrder.begin(), levelOrder.end());
    }
    std::map<std::string, std::size_t> levelIndex;
    for (std::size_t l = 0; l < result.levels.size(); ++l)
        levelIndex.emplace(result.levels[l], l);

    result.counts = CountTable(result.levels.size(), groups);
    result.overallCounts.assign(result.levels.size(), 0);
    result.nonMissing.assign(groups, 0);
    result.missing.assign(groups, 0);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (group[i] < 0)
            continue;
        const auto g = static_cast<std::size_t>(group[i]);
        if (!labels[i] || labels[i]->empty()) {
            ++result.missing[g];
            ++result.missingOverall;
            continue;
        }
        const auto found = levelIndex.find(*labels[i]);
        if (found == levelIndex.end())
            throw InputError("Category \"" + *labels[i] + "\" in row " + std::to_string(i + 1)
                                 + " is not among the listed levels.",
                             {i + 1, {}, *labels[i]});
        ++result.counts.at(found->second, g);
        ++result.overallCounts[found->second];
        ++result.nonMissing[g];
    }

    // The tested table keeps the levels and groups with data, as table() of factors
    // without unused levels does in R.
    std::vector<std::size_t> usedLevels;
    for (std::size_t l = 0; l < result.levels.size(); ++l)
        if (result.overallCounts[l] > 0)
            usedLevels.push_back(l);
    std::vector<std::size_t> usedGroups;
    for (std::size_t g = 0; g < groups; ++g)
        if (result.nonMissing[g] > 0)
            usedGroups.push_back(g);
    if (usedLevels.size() < 2 || usedGroups.size() < 2)
        return result;

    CountTable tested(usedLevels.size(), usedGroups.size());
    for (std::size_t l = 0; l < usedLevels.size(); ++l)
        for (std::size_t g = 0; g < usedGroups.size(); ++g)
            tested.at(l, g) = result.counts.at(usedLevels[l], usedGroups[g]);

    result.chiSquare = pearsonChiSquare(tested, true);
    result.fisher = fisherExact(tested, confLevel);
    if (result.chiSquare->lowExpectedCount) {
        result.testUsed = CategoricalTestUsed::FisherExact;
        result.p = result.fisher->p;
    } else {
        result.testUsed = CategoricalTestUsed::ChiSquare;
        result.p = result.chiSquare->p;
    }
    return result;
}

BaselineRow baselineNumericRow(const std::string& variable, std::span<const int> group, int groupCount,
                               std::span<const std::optional<double>> values, double confLevel)
{
    checkGroups(group, groupCount, values.size(), "Baseline row");
    checkConfLevel(confLevel);
    if (groupCount < 2)
        throw InputError("A baseline table compares at least 2 groups, got " + std::to_string(groupCount) + ".");

    BaselineRow row;
    row.variable = variable;
    row.numeric = true;
    row.groupCount = groupCount;

    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> grouped;   // every row with a group; NaN where missing
    std::vector<int> groupOfGrouped;
    std::vector<std::vector<double>> perGroup(static_cast<std::size_t>(groupCount));
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (group[i] < 0)
            continue;
        const double value = values[i] ? *values[i] : nan;
        grouped.push_back(value);
        groupOfGrouped.push_back(group[i]);
        perGroup[static_cast<std::size_t>(group[i])].push_back(value);
    }

    row.overall = summarizeNumeric(std::span<const double>(grouped));
    for (const auto& g : perGroup)
        row.perGroup.push_back(summarizeNumeric(std::span<const double>(g)));

    if (groupCount == 2) {
        row.welch = tTest(perGroup[1], perGroup[0], false, confLevel);
        row.student = tTest(perGroup[1], perGroup[0], true, confLevel);
        row.wilcoxon = wilcoxonRankSum(perGroup[1], perGroup[0]);
    } else {
        row.anova = oneWayAnova(grouped, groupOfGrouped);
        row.kruskal = kruskalWallis(grouped, groupOfGrouped);
    }
    return row;
}

BaselineRow baselineCategoricalRow(const std::string& variable, std::span<const int> group, int groupCount,
                                   std::span<const std::optional<std::string>> labels,
                                   std::span<const std::string> levelOrder, double confLevel)
{
    if (groupCount < 2)
        throw InputError("A baseline table compares at least 2 groups, got " + std::to_string(groupCount) + ".");
    BaselineRow row;
    row.variable = variable;
    row.numeric = false;
    row.groupCount = groupCount;
    row.categorical = compareCategories(group, groupCount, labels, levelOrder, confLevel);
    return row;
}

} // namespace cutofflab
