#include "common/error.h"
#include "io/table.h"
#include "survival/concordance.h"
#include "survival/cox.h"
#include "survival/subset.h"
#include "support/referencecase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace cutofflab;

Q_DECLARE_METATYPE(cutofflab::CoxTies)

namespace {

// ---------------------------------------------------------------------------------
// Building models from the data

struct Model {
    SortedSurvival data;
    Eigen::MatrixXd x;
    std::vector<std::string> names;
};

/// Sorts time/event and puts the covariate columns (given per unsorted row) in sorted order.
Model makeModel(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                const std::vector<std::vector<double>>& columns, const std::vector<std::string>& names)
{
    Model model;
    model.data = SortedSurvival::fromUnsorted(time, event);
    model.x.resize(static_cast<Eigen::Index>(time.size()), static_cast<Eigen::Index>(columns.size()));
    for (std::size_t j = 0; j < columns.size(); ++j) {
        for (std::size_t k = 0; k < time.size(); ++k)
            model.x(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) = columns[j][model.data.index[k]];
    }
    model.names = names;
    return model;
}

CoxOptions withTies(CoxTies ties)
{
    CoxOptions options;
    options.ties = ties;
    return options;
}

/// A small CSV from tests/data/cases with time, event and a text or numeric column.
struct CaseFile {
    io::Table table;

    explicit CaseFile(const QString& name)
        : table(io::readTable(test::testDataPath(QStringLiteral("cases/%1/input.csv").arg(name)).toStdString()))
    {
    }

    std::vector<double> numbers(const std::string& column) const
    {
        const std::size_t index = table.requireColumn(column);
        std::vector<double> values;
        for (std::size_t row = 0; row < table.rowCount(); ++row)
            values.push_back(io::parseNumericCell(table.cell(row, index)).value);
        return values;
    }

    std::vector<std::string> texts(const std::string& column) const
    {
        const std::size_t index = table.requireColumn(column);
        std::vector<std::string> values;
        for (std::size_t row = 0; row < table.rowCount(); ++row)
            values.emplace_back(io::trim(table.cell(row, index)));
        return values;
    }
};

std::vector<std::uint8_t> toEvents(const std::vector<double>& values)
{
    std::vector<std::uint8_t> events;
    for (const double value : values)
        events.push_back(value == 1.0 ? 1 : 0);
    return events;
}

std::vector<double> indicator(const std::vector<std::string>& values, const std::string& level)
{
    std::vector<double> result;
    for (const std::string& value : values)
        result.push_back(value == level ? 1.0 : 0.0);
    return result;
}

// ---------------------------------------------------------------------------------
// Reference models

/// The model of a cox_univariate or cox_score_numeric block: the group indicator (two
/// groups), group dummies against group 0 (score groupings), or the group as a number.
Model referenceUnivariateModel(const test::ReferenceCase& referenceCase, const QString& block)
{
    const QJsonArray covariates = referenceCase.json.value(block).toObject().value(QStringLiteral("covariates")).toArray();
    std::vector<std::vector<double>> columns;
    std::vector<std::string> names;
    for (const QJsonValue& value : covariates) {
        const QString name = value.toObject().value(QStringLiteral("name")).toString();
        std::vector<double> column;
        for (const int group : referenceCase.group) {
            if (name == QLatin1String("high") || name == QLatin1String("score"))
                column.push_back(group);
            else if (name.startsWith(QLatin1String("group_")))
                column.push_back(group == name.mid(6).toInt() ? 1.0 : 0.0);
            else
                throw std::runtime_error("unknown covariate " + name.toStdString());
        }
        columns.push_back(column);
        names.push_back(name.toStdString());
    }
    return makeModel(referenceCase.time, referenceCase.event, columns, names);
}

/// The covariate of a cox_multivariate definition at an analysed row, or nullopt when
/// the cell is empty (the row is left out, as R's model frame does).
std::optional<double> multivariateCovariate(const test::ReferenceCase& referenceCase, const QJsonObject& covariate,
                                            std::size_t row)
{
    const QString type = covariate.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("group indicator"))
        return referenceCase.group[row];
    const QString column = covariate.value(QStringLiteral("column")).toString();
    if (referenceCase.text(column, row).isEmpty())
        return std::nullopt;
    if (type == QLatin1String("numeric"))
        return referenceCase.number(column, row);
    if (covariate.contains(QStringLiteral("cutoff"))) {
        const std::optional<double> value = referenceCase.number(column, row);
        if (!value)
            return std::nullopt;
        return *value >= covariate.value(QStringLiteral("cutoff")).toDouble() ? 1.0 : 0.0;
    }
    const QJsonValue equals = covariate.value(QStringLiteral("equals"));
    if (equals.isDouble()) {
        const std::optional<double> value = referenceCase.number(column, row);
        if (!value)
            return std::nullopt;
        return *value == equals.toDouble() ? 1.0 : 0.0;
    }
    return referenceCase.text(column, row) == equals.toString() ? 1.0 : 0.0;
}

// ---------------------------------------------------------------------------------
// Comparison with a fitted-model block of a reference case

QString tiesName(CoxTies ties)
{
    return ties == CoxTies::Efron ? QStringLiteral("efron") : QStringLiteral("breslow");
}

void compareTest(const test::ReferenceCase& referenceCase, const QString& path, const ModelTest& actual,
                 const QJsonObject& expected)
{
    const test::Tolerance tolerance = referenceCase.tolerance(path);
    if (!tolerance.compared)
        return;
    CUTOFFLAB_COMPARE_NUMBER(path + ".chisq", std::optional<double>(actual.chisq), expected.value("chisq"), tolerance);
    CUTOFFLAB_COMPARE_COUNT(path + ".df", actual.df, expected.value("df"));
    CUTOFFLAB_COMPARE_NUMBER(path + ".p", std::optional<double>(actual.p), expected.value("p"), tolerance);
    if (expected.contains(QStringLiteral("chisq_as_printed_by_summary")) && actual.valid) {
        const double printed = std::round(actual.chisq * 100.0) / 100.0;
        test::Tolerance rounded;
        rounded.absolute = 1e-9;
        CUTOFFLAB_COMPARE_NUMBER(path + ".chisq_as_printed_by_summary", std::optional<double>(printed),
                                 expected.value("chisq_as_printed_by_summary"), rounded);
    }
}

void compareFit(const test::ReferenceCase& referenceCase, const QString& path, const CoxFit& fit,
                const QJsonObject& expected)
{
    if (referenceCase.tolerance(path + ".n").compared) {
        CUTOFFLAB_COMPARE_COUNT(path + ".n", fit.n, expected.value("n"));
        CUTOFFLAB_COMPARE_COUNT(path + ".events", fit.events, expected.value("events"));
    }
    if (referenceCase.tolerance(path + ".iterations").compared)
        CUTOFFLAB_COMPARE_COUNT(path + ".iterations", fit.iterations, expected.value("iterations"));

    const QJsonArray terms = expected.value(QStringLiteral("terms")).toArray();
    const test::Tolerance termTolerance = referenceCase.tolerance(path + ".terms");
    if (termTolerance.compared) {
        QCOMPARE(fit.terms.size(), static_cast<std::size_t>(terms.size()));
        for (qsizetype k = 0; k < terms.size(); ++k) {
            const QJsonObject term = terms[k].toObject();
            const CoxTerm& actual = fit.terms[static_cast<std::size_t>(k)];
            const QString termPath = path + QStringLiteral(".terms[%1]").arg(term.value("name").toString());
            QCOMPARE(QString::fromStdString(actual.name), term.value("name").toString());
            const std::pair<const char*, double> fields[] = {
                {"coef", actual.coef},           {"hr", actual.hr},
                {"se", actual.se},               {"z", actual.z},
                {"p", actual.p},                 {"coef_lower", actual.coefLower},
                {"coef_upper", actual.coefUpper}, {"hr_lower", actual.hrLower},
                {"hr_upper", actual.hrUpper}};
            for (const auto& [field, value] : fields) {
                CUTOFFLAB_COMPARE_NUMBER(termPath + "." + field, std::optional<double>(value), term.value(field),
                                         referenceCase.tolerance(path + ".terms." + field));
            }
        }
    }

    const std::pair<const char*, double> logliks[] = {{"loglik_null", fit.loglikNull}, {"loglik", fit.loglik}};
    for (const auto& [field, value] : logliks) {
        CUTOFFLAB_COMPARE_NUMBER(path + "." + field, std::optional<double>(value), expected.value(field),
                                 referenceCase.tolerance(path + "." + field));
    }
    compareTest(referenceCase, path + ".lr_test", fit.lrTest, expected.value("lr_test").toObject());
    compareTest(referenceCase, path + ".score_test", fit.scoreTest, expected.value("score_test").toObject());
    compareTest(referenceCase, path + ".wald_test", fit.waldTest, expected.value("wald_test").toObject());

    const QString concordancePath = path + ".concordance";
    const test::Tolerance tolerance = referenceCase.tolerance(concordancePath);
    if (tolerance.compared) {
        const QJsonObject concordance = expected.value(QStringLiteral("concordance")).toObject();
        CUTOFFLAB_COMPARE_NUMBER(concordancePath + ".concordance", std::optional<double>(fit.concordance.concordance),
                                 concordance.value("concordance"), tolerance);
        CUTOFFLAB_COMPARE_NUMBER(concordancePath + ".se", std::optional<double>(fit.concordance.se),
                                 concordance.value("se"), tolerance);
        const std::pair<const char*, double> counts[] = {{"concordant", fit.concordance.concordant},
                                                         {"discordant", fit.concordance.discordant},
                                                         {"tied_risk", fit.concordance.tiedRisk},
                                                         {"tied_time", fit.concordance.tiedTime},
                                                         {"tied_both", fit.concordance.tiedBoth}};
        for (const auto& [field, value] : counts) {
            CUTOFFLAB_COMPARE_COUNT(concordancePath + "." + field, std::llround(value), concordance.value(field));
        }
    }
}

/// True when R warned for this model that a coefficient may be infinite.
bool rWarnedInfinite(const test::ReferenceCase& referenceCase, const QString& where)
{
    for (const QJsonValue& value : referenceCase.json.value(QStringLiteral("r_messages")).toArray()) {
        const QJsonObject message = value.toObject();
        if (message.value("where").toString() == where
            && message.value("message").toString().contains(QLatin1String("coefficient may be infinite")))
            return true;
    }
    return false;
}

bool anyNullCoefficient(const QJsonObject& expected)
{
    for (const QJsonValue& term : expected.value(QStringLiteral("terms")).toArray()) {
        if (term.toObject().value("coef").isNull())
            return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------
// Independent checks

/// Log-rank chi-square for two groups by its textbook formula (hypergeometric variance).
double logRankChisq(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                    const std::vector<double>& group)
{
    std::vector<double> times;
    for (std::size_t i = 0; i < time.size(); ++i) {
        if (event[i])
            times.push_back(time[i]);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    double observedMinusExpected = 0.0;
    double variance = 0.0;
    for (const double t : times) {
        double atRisk = 0, atRiskGroup = 0, deaths = 0, deathsGroup = 0;
        for (std::size_t i = 0; i < time.size(); ++i) {
            if (time[i] >= t) {
                atRisk += 1;
                atRiskGroup += group[i];
            }
            if (time[i] == t && event[i]) {
                deaths += 1;
                deathsGroup += group[i];
            }
        }
        observedMinusExpected += deathsGroup - deaths * atRiskGroup / atRisk;
        if (atRisk > 1)
            variance += deaths * (atRiskGroup / atRisk) * (1 - atRiskGroup / atRisk) * (atRisk - deaths) / (atRisk - 1);
    }
    return observedMinusExpected * observedMinusExpected / variance;
}

/// Concordance pair counts and jackknife standard error by enumerating every pair.
Concordance bruteForceConcordance(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                                  const std::vector<double>& risk)
{
    const std::size_t n = time.size();
    std::vector<double> rowConcordant(n, 0), rowDiscordant(n, 0), rowTied(n, 0);
    Concordance result;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (i == j || !event[i])
                continue;
            if (time[j] == time[i] && event[j]) {
                if (j > i)
                    (risk[i] == risk[j] ? result.tiedBoth : result.tiedTime) += 1;
                continue;
            }
            if (time[j] < time[i])
                continue;
            double* counter = risk[i] > risk[j] ? &result.concordant
                              : risk[i] < risk[j] ? &result.discordant
                                                  : &result.tiedRisk;
            *counter += 1;
            std::vector<double>& perRow = risk[i] > risk[j] ? rowConcordant
                                          : risk[i] < risk[j] ? rowDiscordant
                                                              : rowTied;
            perRow[i] += 1;
            perRow[j] += 1;
        }
    }
    const double pairs = result.concordant + result.discordant + result.tiedRisk;
    const double somersD = (result.concordant - result.discordant) / pairs;
    result.concordance = (somersD + 1) / 2;
    double sumSquares = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const double influence =
            (rowConcordant[k] - rowDiscordant[k] - somersD * (rowConcordant[k] + rowDiscordant[k] + rowTied[k])) / pairs;
        sumSquares += influence * influence;
    }
    result.se = std::sqrt(sumSquares / 4);
    return result;
}

} // namespace

class TestCox : public QObject {
    Q_OBJECT

private slots:
    void matchesReferenceUnivariate_data();
    void matchesReferenceUnivariate();
    void matchesReferenceMultivariate_data();
    void matchesReferenceMultivariate();

    void reportsInfiniteHazardRatio_data();
    void reportsInfiniteHazardRatio();
    void separatesEfronAndBreslow_data();
    void separatesEfronAndBreslow();
    void keepsDeathAtTimeZero();
    void agreesOnFiveEventCodings();

    void matchesRWithManyEventTimes_data();
    void matchesRWithManyEventTimes();
    void notConvergedKeepsBestPoint();
    void scoreTestEqualsLogRank_data();
    void scoreTestEqualsLogRank();
    void constantCovariateIsSingular();
    void collinearCovariateIsAliased();
    void allCensoredHasNoEvents();
    void singleRowIsTooFew();
    void warmStartReachesSameEstimate();
    void warmStartFromPoorPointStillConverges();
    void zeroIterationsEvaluatesStart();
    void largeCovariateValuesStayFinite();
    void rejectsInvalidInput();

    void subsetKeepsOrderAndIndex();
    void subsetFitEqualsDirectFit();

    void concordanceMatchesPairEnumeration_data();
    void concordanceMatchesPairEnumeration();
    void concordanceWithoutComparablePairs();
};

// ---------------------------------------------------------------------------------
// Reference cases

void TestCox::matchesReferenceUnivariate_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QString>("block");
    QTest::addColumn<CoxTies>("ties");
    for (const QString& block : {QStringLiteral("cox_univariate"), QStringLiteral("cox_score_numeric")}) {
        for (const QString& id : test::referenceCaseIds(block)) {
            for (const CoxTies ties : {CoxTies::Efron, CoxTies::Breslow}) {
                QTest::newRow(qPrintable(QStringLiteral("%1 %2 %3").arg(id, block, tiesName(ties))))
                    << id << block << ties;
            }
        }
    }
}

void TestCox::matchesReferenceUnivariate()
{
    QFETCH(QString, caseId);
    QFETCH(QString, block);
    QFETCH(CoxTies, ties);
    const test::ReferenceCase referenceCase = test::loadReferenceCase(caseId);
    const Model model = referenceUnivariateModel(referenceCase, block);
    const CoxFit fit = coxFit(model.data, model.x, model.names, withTies(ties));

    const QString path = block + "." + tiesName(ties);
    const QJsonObject expected = referenceCase.json.value(block).toObject().value(tiesName(ties)).toObject();
    compareFit(referenceCase, path, fit, expected);

    const QString where = QStringLiteral("coxph univariate %1").arg(tiesName(ties));
    if (anyNullCoefficient(expected)) {
        QCOMPARE(fit.status, CoxStatus::Singular);
        QVERIFY(fit.terms.front().aliased);
    } else if (block == QLatin1String("cox_univariate") && rWarnedInfinite(referenceCase, where)) {
        QCOMPARE(fit.status, CoxStatus::Diverged);
        QVERIFY(fit.terms.front().infinite);
        QVERIFY(!fit.waldTest.valid);
    } else {
        QCOMPARE(fit.status, CoxStatus::Converged);
    }
}

void TestCox::matchesReferenceMultivariate_data()
{
    QTest::addColumn<QString>("caseId");
    for (const QString& id : test::referenceCaseIds(QStringLiteral("cox_multivariate")))
        QTest::newRow(qPrintable(id)) << id;
}

void TestCox::matchesReferenceMultivariate()
{
    QFETCH(QString, caseId);
    const test::ReferenceCase referenceCase = test::loadReferenceCase(caseId);
    const QJsonObject block = referenceCase.json.value(QStringLiteral("cox_multivariate")).toObject();
    QCOMPARE(block.value("ties").toString(), QStringLiteral("efron"));
    const QJsonArray covariates = block.value(QStringLiteral("covariates")).toArray();

    std::vector<std::vector<double>> columns(static_cast<std::size_t>(covariates.size()));
    std::vector<std::string> names;
    std::vector<std::uint8_t> complete(referenceCase.size(), 1);
    for (qsizetype j = 0; j < covariates.size(); ++j) {
        const QJsonObject covariate = covariates[j].toObject();
        names.push_back(covariate.value("name").toString().toStdString());
        for (std::size_t row = 0; row < referenceCase.size(); ++row) {
            const std::optional<double> value = multivariateCovariate(referenceCase, covariate, row);
            columns[static_cast<std::size_t>(j)].push_back(value.value_or(0.0));
            if (!value)
                complete[row] = 0;
        }
    }
    const long long leftOut = std::count(complete.begin(), complete.end(), std::uint8_t{0});
    CUTOFFLAB_COMPARE_COUNT("rows_left_out_missing_covariate", leftOut, block.value("rows_left_out_missing_covariate"));

    // Sort once on every analysed row, then keep the complete cases.
    const Model all = makeModel(referenceCase.time, referenceCase.event, columns, names);
    std::vector<std::uint8_t> keep(all.data.size());
    for (std::size_t k = 0; k < keep.size(); ++k)
        keep[k] = complete[all.data.index[k]];
    const SortedSurvival data = subsetRows(all.data, keep);
    const Eigen::MatrixXd x = subsetRows(all.x, keep);

    const CoxFit fit = coxFit(data, x, names, CoxOptions{});
    QCOMPARE(fit.status, CoxStatus::Converged);
    compareFit(referenceCase, QStringLiteral("cox_multivariate.fit"), fit, block.value("fit").toObject());
}

// ---------------------------------------------------------------------------------
// Hard cases

void TestCox::reportsInfiniteHazardRatio_data()
{
    QTest::addColumn<CoxTies>("ties");
    QTest::newRow("efron") << CoxTies::Efron;
    QTest::newRow("breslow") << CoxTies::Breslow;
}

void TestCox::reportsInfiniteHazardRatio()
{
    // Low group 8 patients with 6 deaths, high group (marker >= 5) 8 with none: the
    // partial likelihood increases without bound as the log hazard ratio goes to -infinity.
    QFETCH(CoxTies, ties);
    const CaseFile file(QStringLiteral("01-no-events-in-one-group"));
    std::vector<double> high;
    for (const double marker : file.numbers("marker"))
        high.push_back(marker >= 5 ? 1.0 : 0.0);
    const Model model = makeModel(file.numbers("os_months"), toEvents(file.numbers("os_event")), {high}, {"high"});
    const CoxFit fit = coxFit(model.data, model.x, model.names, withTies(ties));

    QCOMPARE(fit.status, CoxStatus::Diverged);
    QCOMPARE(fit.n, 16);
    QCOMPARE(fit.events, 6);
    const CoxTerm& term = fit.terms.front();
    QVERIFY(term.infinite);
    QCOMPARE(term.coef, -std::numeric_limits<double>::infinity());
    QCOMPARE(term.hr, 0.0);
    QVERIFY(std::isnan(term.z));
    QVERIFY(std::isnan(term.p));
    QVERIFY(std::isnan(term.hrLower));
    QVERIFY(std::isnan(term.hrUpper));
    QVERIFY(!fit.waldTest.valid);

    // survival 3.5-3 coxph: the likelihood-ratio and score tests stay meaningful, and the
    // score test is the log-rank test (no tied deaths here).
    QVERIFY(test::fuzzyEqual(fit.loglikNull, -14.60463678549611));
    QVERIFY(test::fuzzyEqual(fit.loglik, -9.218308545098937));
    QVERIFY(test::fuzzyEqual(fit.lrTest.chisq, 10.772656480794346));
    QVERIFY(test::fuzzyEqual(fit.lrTest.p, 0.0010301055856943547));
    QVERIFY(test::fuzzyEqual(fit.scoreTest.chisq, 8.653226841482379));
    QVERIFY(test::fuzzyEqual(fit.scoreTest.p, 0.0032648264122005317));
    QCOMPARE(fit.iterations, 20);
    QVERIFY(test::fuzzyEqual(fit.coefficients(0), -21.682685646052647));
    QVERIFY(test::fuzzyEqual(fit.concordance.concordance, 0.80769230769230771));
    QVERIFY(test::fuzzyEqual(fit.concordance.se, 0.062928096904830394));
    QCOMPARE(fit.concordance.concordant, 40.0);
    QCOMPARE(fit.concordance.discordant, 0.0);
    QCOMPARE(fit.concordance.tiedRisk, 25.0);
}

void TestCox::separatesEfronAndBreslow_data()
{
    QTest::addColumn<CoxTies>("ties");
    QTest::addColumn<double>("coef");
    QTest::addColumn<double>("se");
    QTest::addColumn<double>("hrLower");
    QTest::addColumn<double>("hrUpper");
    QTest::addColumn<double>("waldP");
    QTest::addColumn<double>("lrP");
    QTest::addColumn<double>("scoreChisq");
    QTest::addColumn<int>("iterations");
    // survival 3.5-3 coxph(Surv(pfs_months, pfs_event) ~ high, ties = ...).
    QTest::newRow("efron") << CoxTies::Efron << 1.1589282882497183 << 0.53819825428406931 << 1.1096882203598033
                           << 9.1502159782467061 << 0.031291316612417554 << 0.027334609544507848
                           << 5.082992042714829 << 4;
    QTest::newRow("breslow") << CoxTies::Breslow << 1.0566430329209719 << 0.53411404575636767 << 1.0098469044400955
                             << 8.1946977251706876 << 0.047893772059414814 << 0.042999253828329968
                             << 4.2274162430311177 << 3;
}

void TestCox::separatesEfronAndBreslow()
{
    QFETCH(CoxTies, ties);
    QFETCH(double, coef);
    QFETCH(double, se);
    QFETCH(double, hrLower);
    QFETCH(double, hrUpper);
    QFETCH(double, waldP);
    QFETCH(double, lrP);
    QFETCH(double, scoreChisq);
    QFETCH(int, iterations);
    const CaseFile file(QStringLiteral("11-tied-event-times-efron-breslow"));
    const Model model = makeModel(file.numbers("pfs_months"), toEvents(file.numbers("pfs_event")),
                                  {indicator(file.texts("marker_group"), "high")}, {"high"});
    const CoxFit fit = coxFit(model.data, model.x, model.names, withTies(ties));

    QCOMPARE(fit.status, CoxStatus::Converged);
    QCOMPARE(fit.iterations, iterations);
    const CoxTerm& term = fit.terms.front();
    QVERIFY(test::fuzzyEqual(term.coef, coef));
    QVERIFY(test::fuzzyEqual(term.se, se));
    QVERIFY(test::fuzzyEqual(term.hrLower, hrLower));
    QVERIFY(test::fuzzyEqual(term.hrUpper, hrUpper));
    QVERIFY(test::fuzzyEqual(term.p, waldP));
    QVERIFY(test::fuzzyEqual(fit.lrTest.p, lrP));
    QVERIFY(test::fuzzyEqual(fit.scoreTest.chisq, scoreChisq));
    // The concordance does not depend on the tie method (same ranking of the scores).
    QCOMPARE(fit.concordance.concordant, 89.0);
    QCOMPARE(fit.concordance.discordant, 21.0);
    QCOMPARE(fit.concordance.tiedRisk, 100.0);
    QCOMPARE(fit.concordance.tiedTime, 12.0);
    QCOMPARE(fit.concordance.tiedBoth, 9.0);
    QVERIFY(test::fuzzyEqual(fit.concordance.se, 0.062048772215347318));
}

void TestCox::keepsDeathAtTimeZero()
{
    // Z08 (time -14) is rejected when the cohort is read. The other rows include Z01
    // (death at day 0) and Z02 (censored at day 0), kept under R's convention.
    const CaseFile file(QStringLiteral("13-negative-and-zero-times"));
    const std::vector<double> allTimes = file.numbers("os_days");
    const std::vector<std::uint8_t> allEvents = toEvents(file.numbers("os_event"));
    const std::vector<double> allLow = indicator(file.texts("marker_group"), "low");
    std::vector<double> time, low;
    std::vector<std::uint8_t> event;
    for (std::size_t i = 0; i < allTimes.size(); ++i) {
        if (allTimes[i] < 0)
            continue;
        time.push_back(allTimes[i]);
        event.push_back(allEvents[i]);
        low.push_back(allLow[i]);
    }
    const Model model = makeModel(time, event, {low}, {"low"});
    for (const CoxTies ties : {CoxTies::Efron, CoxTies::Breslow}) {
        const CoxFit fit = coxFit(model.data, model.x, model.names, withTies(ties));
        QCOMPARE(fit.status, CoxStatus::Converged);
        QCOMPARE(fit.n, 13);
        const CoxTerm& term = fit.terms.front();
        QVERIFY(test::fuzzyEqual(term.hr, 0.36898465302681976));
        QVERIFY(test::fuzzyEqual(term.hrLower, 0.066760717728957406));
        QVERIFY(test::fuzzyEqual(term.hrUpper, 2.0393680415791535));
        QVERIFY(test::fuzzyEqual(fit.lrTest.chisq, 1.4025110416037094));
        QVERIFY(test::fuzzyEqual(fit.scoreTest.chisq, 1.4130255540614589));
    }
}

void TestCox::agreesOnFiveEventCodings()
{
    // Every status column codes the same 9 deaths; with the event value each one declares,
    // the model is the one of status_01.
    const CaseFile file(QStringLiteral("14-event-status-codings"));
    const std::vector<double> time = file.numbers("os_months");
    const std::vector<double> low = indicator(file.texts("marker_group"), "low");
    std::vector<std::vector<std::uint8_t>> codings;
    codings.push_back(toEvents(file.numbers("status_01")));
    std::vector<std::uint8_t> fromStatus12, fromVital, fromDeceased, fromCnsr;
    for (const double value : file.numbers("status_12"))
        fromStatus12.push_back(value == 2 ? 1 : 0);
    for (const std::string& value : file.texts("vital_status"))
        fromVital.push_back(io::toLowerAscii(value) == "dead" ? 1 : 0);
    for (const std::string& value : file.texts("deceased"))
        fromDeceased.push_back(value == "TRUE" ? 1 : 0);
    for (const double value : file.numbers("cnsr"))
        fromCnsr.push_back(value == 0 ? 1 : 0);
    codings.insert(codings.end(), {fromStatus12, fromVital, fromDeceased, fromCnsr});

    for (const std::vector<std::uint8_t>& event : codings) {
        const Model model = makeModel(time, event, {low}, {"low"});
        const CoxFit fit = coxFit(model.data, model.x, model.names, CoxOptions{});
        QCOMPARE(fit.events, 9);
        const CoxTerm& term = fit.terms.front();
        QVERIFY(test::fuzzyEqual(term.hr, 0.91625403227996638));
        QVERIFY(test::fuzzyEqual(term.hrLower, 0.24525810793473055));
        QVERIFY(test::fuzzyEqual(term.hrUpper, 3.4230120208409818));
        QVERIFY(test::fuzzyEqual(term.p, 0.89651605638291387));
    }
}

// ---------------------------------------------------------------------------------
// Hand-checkable cases

void TestCox::matchesRWithManyEventTimes_data()
{
    QTest::addColumn<CoxTies>("ties");
    QTest::newRow("efron") << CoxTies::Efron;
    QTest::newRow("breslow") << CoxTies::Breslow;
}

void TestCox::matchesRWithManyEventTimes()
{
    // A 5-level covariate and 32 distinct event times in 60 rows: too many event times
    // for a table of counts, so the fit walks the rows (R: set.seed(7), x5 sampled from
    // 0:4, exponential times rounded to 3 decimals, no ties).
    const std::vector<double> time = {
        0.977, 3.176, 7.558, 4.929, 0.451, 4.646, 2.268, 7.245, 2.110, 9.157, 1.017, 19.403, 3.063, 0.031, 1.853,
        3.397, 3.826, 4.526, 1.361, 0.146, 7.364, 1.255, 4.223, 1.781, 19.308, 0.192, 7.706, 0.390, 8.474, 1.799,
        3.697, 6.222, 1.986, 2.814, 0.010, 2.418, 0.173, 0.365, 5.934, 4.582, 4.964, 3.124, 3.469, 4.632, 4.938,
        3.183, 21.917, 2.706, 5.411, 1.528, 1.869, 23.636, 2.451, 3.000, 8.256, 2.351, 0.129, 3.750, 3.903, 2.270};
    const std::vector<std::uint8_t> event = {1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0,
                                             0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0,
                                             0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1};
    const std::vector<double> level = {1, 2, 3, 1, 1, 2, 2, 1, 3, 2, 3, 1, 2, 4, 3, 2, 1, 1, 3, 2,
                                       3, 0, 2, 3, 0, 2, 4, 4, 0, 4, 4, 0, 1, 3, 4, 1, 1, 1, 2, 1,
                                       4, 2, 4, 0, 3, 1, 1, 4, 1, 4, 0, 0, 3, 3, 0, 2, 4, 3, 3, 1};
    QFETCH(CoxTies, ties);
    const Model model = makeModel(time, event, {level}, {"level"});
    const CoxFit fit = coxFit(model.data, model.x, model.names, withTies(ties));

    QCOMPARE(fit.status, CoxStatus::Converged);
    QCOMPARE(fit.iterations, 3);
    QVERIFY(test::fuzzyEqual(fit.terms[0].coef, 0.12208240266921123));
    QVERIFY(test::fuzzyEqual(fit.terms[0].se, 0.14289074167465574));
    QVERIFY(test::fuzzyEqual(fit.loglikNull, -98.861260710920334));
    QVERIFY(test::fuzzyEqual(fit.loglik, -98.498774170799805));
    QVERIFY(test::fuzzyEqual(fit.scoreTest.chisq, 0.73358370270615314));
    QCOMPARE(fit.concordance.concordant, 404.0);
    QCOMPARE(fit.concordance.discordant, 332.0);
    QCOMPARE(fit.concordance.tiedRisk, 187.0);
    QVERIFY(test::fuzzyEqual(fit.concordance.concordance, 0.53900325027085594));
    QVERIFY(test::fuzzyEqual(fit.concordance.se, 0.064588395677857763));
}

void TestCox::notConvergedKeepsBestPoint()
{
    // survival 3.5-3 with iter.max = 2 warns "Ran out of iterations and did not converge"
    // and reports the last accepted point (its iter is 3, one past the limit).
    const CaseFile file(QStringLiteral("11-tied-event-times-efron-breslow"));
    const Model model = makeModel(file.numbers("pfs_months"), toEvents(file.numbers("pfs_event")),
                                  {indicator(file.texts("marker_group"), "high")}, {"high"});
    CoxOptions options;
    options.maxIterations = 2;
    const CoxFit fit = coxFit(model.data, model.x, model.names, options);
    QCOMPARE(fit.status, CoxStatus::NotConverged);
    QCOMPARE(fit.iterations, 2);
    QVERIFY(test::fuzzyEqual(fit.terms[0].coef, 1.158631394661942, 1e-12));
    QVERIFY(test::fuzzyEqual(fit.loglik, -40.869882343285894, 1e-12));
    QVERIFY(fit.waldTest.valid);
}

void TestCox::scoreTestEqualsLogRank_data()
{
    QTest::addColumn<CoxTies>("ties");
    QTest::newRow("efron") << CoxTies::Efron;
    QTest::newRow("breslow") << CoxTies::Breslow;
}

void TestCox::scoreTestEqualsLogRank()
{
    // Without tied event times the Cox score test of a group indicator is the log-rank test.
    QFETCH(CoxTies, ties);
    const std::vector<double> time = {2, 3, 5, 7, 8, 10, 12, 15, 17, 20, 22, 25};
    const std::vector<std::uint8_t> event = {1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1};
    const std::vector<double> group = {1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0};
    const Model model = makeModel(time, event, {group}, {"group"});
    const CoxFit fit = coxFit(model.data, model.x, model.names, withTies(ties));
    QCOMPARE(fit.status, CoxStatus::Converged);
    QVERIFY(test::fuzzyEqual(fit.scoreTest.chisq, logRankChisq(time, event, group), 1e-12));
    QCOMPARE(fit.scoreTest.df, 1);
}

void TestCox::constantCovariateIsSingular()
{
    const std::vector<double> time = {1, 2, 3, 4, 5, 6};
    const std::vector<std::uint8_t> event = {1, 0, 1, 1, 0, 1};
    for (const double value : {1.0, 7.5}) {
        const Model model = makeModel(time, event, {std::vector<double>(6, value)}, {"constant"});
        const CoxFit fit = coxFit(model.data, model.x, model.names, CoxOptions{});
        // survival 3.5-3: coefficient NA after 1 iteration, loglik -4.276666 at both ends.
        QCOMPARE(fit.status, CoxStatus::Singular);
        QCOMPARE(fit.iterations, 1);
        QVERIFY(fit.terms.front().aliased);
        QVERIFY(std::isnan(fit.terms.front().hr));
        QCOMPARE(fit.loglik, fit.loglikNull);
        QVERIFY(test::fuzzyEqual(fit.loglik, -4.2766661190160553));
        QCOMPARE(fit.lrTest.df, 0);
        QCOMPARE(fit.lrTest.chisq, 0.0);
        QCOMPARE(fit.lrTest.p, 1.0);
        QCOMPARE(fit.scoreTest.chisq, 0.0);
        QVERIFY(!fit.waldTest.valid);
        QCOMPARE(fit.concordance.tiedRisk, 10.0);
        QCOMPARE(fit.concordance.concordance, 0.5);
        QCOMPARE(fit.concordance.se, 0.0);
    }
}

void TestCox::collinearCovariateIsAliased()
{
    // The second column is twice the first: R reports NA for it and fits the first alone.
    const std::vector<double> time = {5, 8, 3, 12, 9, 4, 15, 7, 11, 6};
    const std::vector<std::uint8_t> event = {1, 1, 0, 1, 1, 1, 0, 1, 0, 1};
    const std::vector<double> age = {61, 70, 55, 48, 66, 73, 52, 59, 64, 69};
    std::vector<double> doubled;
    for (const double value : age)
        doubled.push_back(2 * value);
    const Model both = makeModel(time, event, {age, doubled}, {"age", "age2"});
    const Model alone = makeModel(time, event, {age}, {"age"});
    const CoxFit fit = coxFit(both.data, both.x, both.names, CoxOptions{});
    const CoxFit reference = coxFit(alone.data, alone.x, alone.names, CoxOptions{});

    // survival 3.5-3 coxph(Surv(time, status) ~ age + age2): age2 NA, 5 iterations.
    QCOMPARE(fit.status, CoxStatus::Singular);
    QCOMPARE(fit.iterations, 5);
    QVERIFY(!fit.terms[0].aliased);
    QVERIFY(fit.terms[1].aliased);
    QCOMPARE(fit.coefficients(1), 0.0);
    QVERIFY(test::fuzzyEqual(fit.terms[0].coef, 0.12821581642349122));
    QVERIFY(test::fuzzyEqual(fit.terms[0].se, 0.080423828136473599));
    QVERIFY(test::fuzzyEqual(fit.lrTest.chisq, 3.7206603108652452));
    QVERIFY(test::fuzzyEqual(fit.terms[0].coef, reference.terms[0].coef));
    QVERIFY(test::fuzzyEqual(fit.terms[0].se, reference.terms[0].se));
    QCOMPARE(fit.lrTest.df, 1);
    QVERIFY(test::fuzzyEqual(fit.lrTest.chisq, reference.lrTest.chisq));
    QVERIFY(test::fuzzyEqual(fit.waldTest.chisq, reference.waldTest.chisq));
    QCOMPARE(fit.covariance(1, 1), 0.0);
}

void TestCox::allCensoredHasNoEvents()
{
    const Model model = makeModel({1, 2, 3, 4}, {0, 0, 0, 0}, {{0, 1, 0, 1}}, {"group"});
    const CoxFit fit = coxFit(model.data, model.x, model.names, CoxOptions{});
    QCOMPARE(fit.status, CoxStatus::NoEvents);
    QCOMPARE(fit.n, 4);
    QCOMPARE(fit.events, 0);
    QVERIFY(fit.terms.empty());
}

void TestCox::singleRowIsTooFew()
{
    const Model model = makeModel({3}, {1}, {{1}}, {"group"});
    const CoxFit fit = coxFit(model.data, model.x, model.names, CoxOptions{});
    QCOMPARE(fit.status, CoxStatus::TooFewRows);
    QCOMPARE(fit.n, 1);
}

void TestCox::warmStartReachesSameEstimate()
{
    const test::ReferenceCase referenceCase = test::loadReferenceCase(QStringLiteral("veteran_karno_3groups"));
    const Model model = referenceUnivariateModel(referenceCase, QStringLiteral("cox_univariate"));
    const CoxFit cold = coxFit(model.data, model.x, model.names, CoxOptions{});
    const Eigen::VectorXd start = cold.coefficients * 1.05;
    const CoxFit warm = coxFit(model.data, model.x, model.names, CoxOptions{}, &start);
    QCOMPARE(warm.status, CoxStatus::Converged);
    QVERIFY(warm.iterations < cold.iterations);
    for (std::size_t k = 0; k < cold.terms.size(); ++k) {
        QVERIFY(test::fuzzyEqual(warm.terms[k].coef, cold.terms[k].coef, 1e-8));
        QVERIFY(test::fuzzyEqual(warm.terms[k].se, cold.terms[k].se, 1e-8));
    }
    QCOMPARE(warm.loglikNull, cold.loglikNull);
    QCOMPARE(warm.scoreTest.chisq, cold.scoreTest.chisq);
}

void TestCox::warmStartFromPoorPointStillConverges()
{
    // A start far worse than 0 (its log-likelihood is below the null one) is ignored.
    const test::ReferenceCase referenceCase = test::loadReferenceCase(QStringLiteral("veteran_karno_ge60"));
    const Model model = referenceUnivariateModel(referenceCase, QStringLiteral("cox_univariate"));
    const CoxFit cold = coxFit(model.data, model.x, model.names, CoxOptions{});
    const Eigen::VectorXd start = -cold.coefficients * 10.0;
    const CoxFit warm = coxFit(model.data, model.x, model.names, CoxOptions{}, &start);
    QCOMPARE(warm.status, CoxStatus::Converged);
    QCOMPARE(warm.iterations, cold.iterations);
    QVERIFY(test::fuzzyEqual(warm.terms[0].coef, cold.terms[0].coef, 1e-12));
}

void TestCox::zeroIterationsEvaluatesStart()
{
    const Model model = makeModel({1, 2, 3, 4, 5}, {1, 1, 0, 1, 1}, {{0, 1, 0, 1, 1}}, {"group"});
    CoxOptions options;
    options.maxIterations = 0;
    const CoxFit fit = coxFit(model.data, model.x, model.names, options);
    QCOMPARE(fit.status, CoxStatus::NotConverged);
    QCOMPARE(fit.iterations, 0);
    QCOMPARE(fit.coefficients(0), 0.0);
    QCOMPARE(fit.loglik, fit.loglikNull);
}

void TestCox::largeCovariateValuesStayFinite()
{
    // Raw values near 1e6 would overflow exp(x beta) without centring. The hazard ratio
    // per unit is the same as for the values shifted by 1e6.
    const std::vector<double> time = {5, 8, 3, 12, 9, 4, 15, 7, 11, 6};
    const std::vector<std::uint8_t> event = {1, 1, 0, 1, 1, 1, 0, 1, 0, 1};
    const std::vector<double> small = {1.5, 2.0, 0.5, 3.5, 1.0, 2.5, 3.0, 0.0, 4.0, 2.2};
    std::vector<double> large;
    for (const double value : small)
        large.push_back(1e6 + value);
    const Model shifted = makeModel(time, event, {large}, {"x"});
    const Model plain = makeModel(time, event, {small}, {"x"});
    const CoxFit fit = coxFit(shifted.data, shifted.x, shifted.names, CoxOptions{});
    const CoxFit reference = coxFit(plain.data, plain.x, plain.names, CoxOptions{});
    QCOMPARE(fit.status, CoxStatus::Converged);
    QVERIFY(test::fuzzyEqual(fit.terms[0].coef, reference.terms[0].coef, 1e-6));
    QVERIFY(test::fuzzyEqual(fit.loglik, reference.loglik, 1e-9));
}

void TestCox::rejectsInvalidInput()
{
    const Model model = makeModel({1, 2, 3}, {1, 0, 1}, {{0, 1, 1}}, {"group"});
    QVERIFY_THROWS_EXCEPTION(InputError, coxFit(model.data, Eigen::MatrixXd::Zero(2, 1), model.names, CoxOptions{}));
    QVERIFY_THROWS_EXCEPTION(InputError, coxFit(model.data, model.x, {"a", "b"}, CoxOptions{}));
    QVERIFY_THROWS_EXCEPTION(InputError, coxFit(model.data, Eigen::MatrixXd(3, 0), {}, CoxOptions{}));

    Eigen::MatrixXd withNaN = model.x;
    withNaN(1, 0) = std::numeric_limits<double>::quiet_NaN();
    try {
        coxFit(model.data, withNaN, model.names, CoxOptions{});
        QFAIL("a NaN covariate was accepted");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.location().column), QStringLiteral("group"));
        QVERIFY(QString::fromUtf8(error.what()).contains(QLatin1String("sorted row 2")));
    }

    CoxOptions badLevel;
    badLevel.confLevel = 1.0;
    QVERIFY_THROWS_EXCEPTION(InputError, coxFit(model.data, model.x, model.names, badLevel));
    CoxOptions badEpsilon;
    badEpsilon.epsilon = 0.0;
    QVERIFY_THROWS_EXCEPTION(InputError, coxFit(model.data, model.x, model.names, badEpsilon));
    const Eigen::VectorXd wrongStart = Eigen::VectorXd::Zero(2);
    QVERIFY_THROWS_EXCEPTION(InputError, coxFit(model.data, model.x, model.names, CoxOptions{}, &wrongStart));
}

// ---------------------------------------------------------------------------------
// Row subsets

void TestCox::subsetKeepsOrderAndIndex()
{
    const SortedSurvival data = SortedSurvival::fromUnsorted(std::vector<double>{9, 3, 5, 1, 7},
                                                             std::vector<std::uint8_t>{1, 0, 1, 1, 0});
    const std::vector<std::uint8_t> keep = {1, 0, 1, 1, 0};   // sorted times 1, 3, 5, 7, 9
    const SortedSurvival subset = subsetRows(data, keep);
    QCOMPARE(subset.time, (std::vector<double>{1, 5, 7}));
    QCOMPARE(subset.event, (std::vector<std::uint8_t>{1, 1, 0}));
    QCOMPARE(subset.index, (std::vector<std::size_t>{3, 2, 4}));
    QVERIFY_THROWS_EXCEPTION(InputError, subsetRows(data, std::vector<std::uint8_t>{1, 0}));

    Eigen::MatrixXd x(5, 2);
    x << 1, 10, 2, 20, 3, 30, 4, 40, 5, 50;
    const Eigen::MatrixXd kept = subsetRows(x, keep);
    QCOMPARE(kept.rows(), Eigen::Index{3});
    QCOMPARE(kept(1, 1), 30.0);
    QCOMPARE(kept(2, 0), 4.0);
}

void TestCox::subsetFitEqualsDirectFit()
{
    const std::vector<double> time = {5, 8, 3, 12, 9, 4, 15, 7, 11, 6, 2, 13};
    const std::vector<std::uint8_t> event = {1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1};
    const std::vector<double> group = {0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0};
    const std::vector<bool> complete = {true, true, false, true, true, true, true, false, true, true, true, true};
    const Model all = makeModel(time, event, {group}, {"group"});
    std::vector<std::uint8_t> keep(all.data.size());
    for (std::size_t k = 0; k < keep.size(); ++k)
        keep[k] = complete[all.data.index[k]] ? 1 : 0;
    const CoxFit fromSubset = coxFit(subsetRows(all.data, keep), subsetRows(all.x, keep), all.names, CoxOptions{});

    std::vector<double> keptTime, keptGroup;
    std::vector<std::uint8_t> keptEvent;
    for (std::size_t i = 0; i < time.size(); ++i) {
        if (!complete[i])
            continue;
        keptTime.push_back(time[i]);
        keptEvent.push_back(event[i]);
        keptGroup.push_back(group[i]);
    }
    const Model direct = makeModel(keptTime, keptEvent, {keptGroup}, {"group"});
    const CoxFit fromDirect = coxFit(direct.data, direct.x, direct.names, CoxOptions{});
    QCOMPARE(fromSubset.n, 10);
    QCOMPARE(fromSubset.terms[0].coef, fromDirect.terms[0].coef);
    QCOMPARE(fromSubset.concordance.se, fromDirect.concordance.se);
}

// ---------------------------------------------------------------------------------
// Concordance

void TestCox::concordanceMatchesPairEnumeration_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("distinctTimes");
    QTest::addColumn<int>("distinctScores");
    QTest::newRow("few ties") << 60 << 1000 << 1000;
    QTest::newRow("tied times") << 80 << 8 << 1000;
    QTest::newRow("tied scores") << 80 << 1000 << 3;
    QTest::newRow("tied both") << 120 << 6 << 4;
    QTest::newRow("many scores sorted path") << 200 << 20 << 150;
    QTest::newRow("few scores many times") << 100 << 1000 << 30;
}

void TestCox::concordanceMatchesPairEnumeration()
{
    QFETCH(int, rows);
    QFETCH(int, distinctTimes);
    QFETCH(int, distinctScores);
    std::mt19937 generator(20240611u + static_cast<unsigned>(rows));
    std::uniform_int_distribution<int> timeDraw(1, distinctTimes);
    std::uniform_int_distribution<int> scoreDraw(1, distinctScores);
    std::bernoulli_distribution eventDraw(0.6);
    std::vector<double> time, risk;
    std::vector<std::uint8_t> event;
    for (int i = 0; i < rows; ++i) {
        time.push_back(timeDraw(generator));
        event.push_back(eventDraw(generator) ? 1 : 0);
        risk.push_back(0.1 * scoreDraw(generator));
    }
    const SortedSurvival data = SortedSurvival::fromUnsorted(time, event);
    const std::vector<double> sortedRisk = data.toSortedOrder<double>(risk);
    const Concordance fast = computeConcordance(data, sortedRisk);
    const Concordance slow = bruteForceConcordance(time, event, risk);

    QCOMPARE(fast.concordant, slow.concordant);
    QCOMPARE(fast.discordant, slow.discordant);
    QCOMPARE(fast.tiedRisk, slow.tiedRisk);
    QCOMPARE(fast.tiedTime, slow.tiedTime);
    QCOMPARE(fast.tiedBoth, slow.tiedBoth);
    QVERIFY(test::fuzzyEqual(fast.concordance, slow.concordance, 1e-12));
    QVERIFY(test::fuzzyEqual(fast.se, slow.se, 1e-10));
}

void TestCox::concordanceWithoutComparablePairs()
{
    // Both events at the last time: nobody is at risk after them (R: NA).
    const SortedSurvival data =
        SortedSurvival::fromUnsorted(std::vector<double>{1, 2, 3, 3}, std::vector<std::uint8_t>{0, 0, 1, 1});
    const Concordance result = computeConcordance(data, std::vector<double>{0.1, 0.2, 0.3, 0.4});
    QCOMPARE(result.concordant + result.discordant + result.tiedRisk, 0.0);
    QCOMPARE(result.tiedTime, 1.0);
    QVERIFY(std::isnan(result.concordance));
    QVERIFY_THROWS_EXCEPTION(InputError, computeConcordance(data, std::vector<double>{0.1, 0.2}));
}

QTEST_GUILESS_MAIN(TestCox)
#include "tst_cox.moc"
