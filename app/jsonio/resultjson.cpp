#include "jsonio/resultjson.h"

#include "jsonio/jsonvalue.h"

#include <QJsonArray>

#include <cmath>

namespace cutofflab::jsonio {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

/// A finite number, or null when the value is NaN (a statistic that does not exist).
QJsonValue finiteOrNull(double value)
{
    if (std::isnan(value))
        return QJsonValue::Null;
    return number(value);
}

QJsonArray numbers(const std::vector<double>& values)
{
    QJsonArray array;
    for (double value : values)
        array.append(number(value));
    return array;
}

QJsonArray counts(const std::vector<int>& values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QJsonArray strings(const std::vector<std::string>& values)
{
    QJsonArray array;
    for (const auto& value : values)
        array.append(qs(value));
    return array;
}

QJsonObject excludedToJson(const ExcludedRow& row)
{
    QJsonObject object;
    object[QStringLiteral("row")] = static_cast<qint64>(row.row);
    if (!row.id.empty())
        object[QStringLiteral("id")] = qs(row.id);
    object[QStringLiteral("column")] = qs(row.column);
    object[QStringLiteral("value")] = qs(row.value);
    object[QStringLiteral("reason")] = qs(row.reason);
    return object;
}

QJsonArray excludedToJson(const std::vector<ExcludedRow>& rows)
{
    QJsonArray array;
    for (const ExcludedRow& row : rows)
        array.append(excludedToJson(row));
    return array;
}

QJsonObject quantileToJson(const SurvivalQuantile& quantile)
{
    QJsonObject object;
    object[QStringLiteral("probability")] = quantile.probability;
    object[QStringLiteral("estimate")] = number(quantile.estimate);
    object[QStringLiteral("lower")] = number(quantile.lower);
    object[QStringLiteral("upper")] = number(quantile.upper);
    return object;
}

QJsonObject kmToJson(const KaplanMeier& km)
{
    QJsonObject object;
    object[QStringLiteral("n")] = km.n;
    object[QStringLiteral("events")] = km.events;
    QJsonObject median;
    median[QStringLiteral("estimate")] = number(km.median.estimate);
    median[QStringLiteral("lower")] = number(km.median.lower);
    median[QStringLiteral("upper")] = number(km.median.upper);
    object[QStringLiteral("median")] = median;
    QJsonArray quartiles;
    for (const SurvivalQuantile& quantile : km.quartiles)
        quartiles.append(quantileToJson(quantile));
    object[QStringLiteral("quantiles")] = quartiles;

    QJsonArray atTimes;
    for (const KmAtTime& at : km.atTimes) {
        QJsonObject entry;
        entry[QStringLiteral("time")] = at.time;
        entry[QStringLiteral("n_risk")] = at.nRisk;
        entry[QStringLiteral("events_up_to_time")] = at.eventsUpToTime;
        entry[QStringLiteral("censored_up_to_time")] = at.censoredUpToTime;
        entry[QStringLiteral("beyond_last_follow_up")] = at.beyondLastFollowUp;
        entry[QStringLiteral("surv")] = at.surv;
        entry[QStringLiteral("std_err")] = number(at.stdErr);
        entry[QStringLiteral("lower")] = number(at.lower);
        entry[QStringLiteral("upper")] = number(at.upper);
        atTimes.append(entry);
    }
    object[QStringLiteral("at_times")] = atTimes;

    if (km.rmst) {
        QJsonObject rmst;
        rmst[QStringLiteral("horizon")] = km.rmst->horizon;
        rmst[QStringLiteral("estimate")] = km.rmst->estimate;
        rmst[QStringLiteral("std_err")] = km.rmst->stdErr;
        rmst[QStringLiteral("lower")] = number(km.rmst->lower);
        rmst[QStringLiteral("upper")] = number(km.rmst->upper);
        rmst[QStringLiteral("beyond_last_follow_up")] = km.rmst->beyondLastFollowUp;
        object[QStringLiteral("rmst")] = rmst;
    }

    QJsonArray time, nRisk, nEvent, nCensor, surv, stdErr, lower, upper;
    for (const KmPoint& point : km.curve) {
        time.append(point.time);
        nRisk.append(point.nRisk);
        nEvent.append(point.nEvent);
        nCensor.append(point.nCensor);
        surv.append(point.surv);
        stdErr.append(number(point.stdErr));
        lower.append(number(point.lower));
        upper.append(number(point.upper));
    }
    QJsonObject curve;
    curve[QStringLiteral("time")] = time;
    curve[QStringLiteral("n_risk")] = nRisk;
    curve[QStringLiteral("n_event")] = nEvent;
    curve[QStringLiteral("n_censor")] = nCensor;
    curve[QStringLiteral("surv")] = surv;
    curve[QStringLiteral("std_err")] = stdErr;
    curve[QStringLiteral("lower")] = lower;
    curve[QStringLiteral("upper")] = upper;
    object[QStringLiteral("curve")] = curve;
    return object;
}

QString testStatusName(TestStatus status)
{
    switch (status) {
    case TestStatus::Ok:
        return QStringLiteral("ok");
    case TestStatus::FewerThanTwoGroups:
        return QStringLiteral("fewer_than_two_groups");
    case TestStatus::NoEvents:
        return QStringLiteral("no_events");
    case TestStatus::FewerThanTwoGroupsAtRisk:
        return QStringLiteral("fewer_than_two_groups_at_risk");
    case TestStatus::SingularVariance:
        return QStringLiteral("singular_variance");
    }
    return QStringLiteral("unknown");
}

QJsonObject logRankToJson(const LogRankResult& test, const Grouping& grouping)
{
    QJsonObject object;
    object[QStringLiteral("status")] = testStatusName(test.status);
    object[QStringLiteral("rho")] = test.rho;
    QJsonArray groups;
    for (int g : test.groups)
        groups.append(qs(grouping.names[static_cast<std::size_t>(g)]));
    object[QStringLiteral("groups")] = groups;
    object[QStringLiteral("n")] = counts(test.n);
    object[QStringLiteral("observed")] = numbers(test.observed);
    object[QStringLiteral("expected")] = numbers(test.expected);
    QJsonArray variance;
    for (Eigen::Index r = 0; r < test.variance.rows(); ++r) {
        QJsonArray row;
        for (Eigen::Index c = 0; c < test.variance.cols(); ++c)
            row.append(test.variance(r, c));
        variance.append(row);
    }
    object[QStringLiteral("variance")] = variance;
    if (test.status == TestStatus::Ok) {
        object[QStringLiteral("chisq")] = test.chisq;
        object[QStringLiteral("df")] = test.df;
        object[QStringLiteral("p")] = test.p;
    } else {
        object[QStringLiteral("chisq")] = QJsonValue::Null;
        object[QStringLiteral("df")] = QJsonValue::Null;
        object[QStringLiteral("p")] = QJsonValue::Null;
    }
    return object;
}

QString coxStatusName(CoxStatus status)
{
    switch (status) {
    case CoxStatus::Converged:
        return QStringLiteral("converged");
    case CoxStatus::Diverged:
        return QStringLiteral("diverged");
    case CoxStatus::NotConverged:
        return QStringLiteral("not_converged");
    case CoxStatus::Singular:
        return QStringLiteral("singular");
    case CoxStatus::NoEvents:
        return QStringLiteral("no_events");
    case CoxStatus::TooFewRows:
        return QStringLiteral("too_few_rows");
    }
    return QStringLiteral("unknown");
}

QJsonObject modelTestToJson(const ModelTest& test)
{
    QJsonObject object;
    object[QStringLiteral("valid")] = test.valid;
    object[QStringLiteral("chisq")] = test.valid ? finiteOrNull(test.chisq) : QJsonValue(QJsonValue::Null);
    object[QStringLiteral("df")] = test.df;
    object[QStringLiteral("p")] = test.valid ? finiteOrNull(test.p) : QJsonValue(QJsonValue::Null);
    return object;
}

QJsonObject coxToJson(const CoxModel& model, CoxTies ties)
{
    const CoxFit& fit = model.fit;
    QJsonObject object;
    object[QStringLiteral("ties")] = tiesName(ties);
    object[QStringLiteral("status")] = coxStatusName(fit.status);
    object[QStringLiteral("n")] = fit.n;
    object[QStringLiteral("events")] = fit.events;
    object[QStringLiteral("iterations")] = fit.iterations;
    QJsonArray terms;
    for (std::size_t t = 0; t < fit.terms.size(); ++t) {
        const CoxTerm& term = fit.terms[t];
        QJsonObject entry;
        entry[QStringLiteral("name")] = qs(term.name);
        if (t < model.termDefinitions.size())
            entry[QStringLiteral("definition")] = qs(model.termDefinitions[t]);
        entry[QStringLiteral("infinite")] = term.infinite;
        entry[QStringLiteral("aliased")] = term.aliased;
        entry[QStringLiteral("coef")] = finiteOrNull(term.coef);
        entry[QStringLiteral("hr")] = finiteOrNull(term.hr);
        entry[QStringLiteral("se")] = finiteOrNull(term.se);
        entry[QStringLiteral("z")] = finiteOrNull(term.z);
        entry[QStringLiteral("p")] = finiteOrNull(term.p);
        entry[QStringLiteral("coef_lower")] = finiteOrNull(term.coefLower);
        entry[QStringLiteral("coef_upper")] = finiteOrNull(term.coefUpper);
        entry[QStringLiteral("hr_lower")] = finiteOrNull(term.hrLower);
        entry[QStringLiteral("hr_upper")] = finiteOrNull(term.hrUpper);
        terms.append(entry);
    }
    object[QStringLiteral("terms")] = terms;
    if (fit.status != CoxStatus::NoEvents && fit.status != CoxStatus::TooFewRows) {
        object[QStringLiteral("loglik_null")] = fit.loglikNull;
        object[QStringLiteral("loglik")] = fit.loglik;
        object[QStringLiteral("lr_test")] = modelTestToJson(fit.lrTest);
        object[QStringLiteral("score_test")] = modelTestToJson(fit.scoreTest);
        object[QStringLiteral("wald_test")] = modelTestToJson(fit.waldTest);
        QJsonObject concordance;
        concordance[QStringLiteral("concordance")] = finiteOrNull(fit.concordance.concordance);
        concordance[QStringLiteral("se")] = finiteOrNull(fit.concordance.se);
        concordance[QStringLiteral("concordant")] = fit.concordance.concordant;
        concordance[QStringLiteral("discordant")] = fit.concordance.discordant;
        concordance[QStringLiteral("tied_risk")] = fit.concordance.tiedRisk;
        concordance[QStringLiteral("tied_time")] = fit.concordance.tiedTime;
        concordance[QStringLiteral("tied_both")] = fit.concordance.tiedBoth;
        object[QStringLiteral("concordance")] = concordance;
    }
    object[QStringLiteral("rows_left_out")] = excludedToJson(model.excluded);
    return object;
}

QJsonObject proportionToJson(const ProportionEstimate& estimate)
{
    QJsonObject object;
    object[QStringLiteral("successes")] = static_cast<qint64>(estimate.successes);
    object[QStringLiteral("trials")] = static_cast<qint64>(estimate.trials);
    object[QStringLiteral("estimate")] = number(estimate.estimate);
    object[QStringLiteral("lower")] = number(estimate.lower);
    object[QStringLiteral("upper")] = number(estimate.upper);
    return object;
}

QJsonObject outcomeToJson(const BinaryOutcome& outcome)
{
    QJsonObject object;
    object[QStringLiteral("type")] = qs(outcome.kind);
    object[QStringLiteral("description")] = qs(outcome.description);
    if (outcome.landmarkTime)
        object[QStringLiteral("landmark_time")] = *outcome.landmarkTime;
    object[QStringLiteral("positive_value")] = qs(outcome.positiveLabel);
    object[QStringLiteral("negative_value")] = qs(outcome.negativeLabel);
    object[QStringLiteral("n_positive")] = static_cast<qint64>(outcome.casesCount);
    object[QStringLiteral("n_negative")] = static_cast<qint64>(outcome.controlsCount);
    object[QStringLiteral("rows_left_out")] = static_cast<qint64>(outcome.leftOut);
    return object;
}

QJsonValue thresholdValue(double threshold)
{
    return number(threshold);
}

QJsonObject rocPointToJson(const RocPoint& point)
{
    QJsonObject object;
    object[QStringLiteral("threshold")] = thresholdValue(point.threshold);
    object[QStringLiteral("high_group_from")] = number(point.highGroupFrom);
    object[QStringLiteral("sensitivity")] = point.sensitivity;
    object[QStringLiteral("specificity")] = point.specificity;
    return object;
}

QString rocStatusName(RocStatus status)
{
    switch (status) {
    case RocStatus::Ok:
        return QStringLiteral("ok");
    case RocStatus::NoCases:
        return QStringLiteral("no_cases");
    case RocStatus::NoControls:
        return QStringLiteral("no_controls");
    case RocStatus::AllMarkersTied:
        return QStringLiteral("all_markers_tied");
    }
    return QStringLiteral("unknown");
}

QJsonObject rocToJson(const RocAnalysis& analysis)
{
    const RocResult& roc = analysis.roc;
    QJsonObject object;
    object[QStringLiteral("marker")] = qs(analysis.marker);
    object[QStringLiteral("outcome")] = outcomeToJson(analysis.outcome);
    object[QStringLiteral("status")] = rocStatusName(roc.status);
    object[QStringLiteral("n_cases")] = static_cast<qint64>(roc.nCases);
    object[QStringLiteral("n_controls")] = static_cast<qint64>(roc.nControls);
    object[QStringLiteral("direction")] = roc.direction == RocDirection::Lower ? QStringLiteral(">") : QStringLiteral("<");
    object[QStringLiteral("direction_meaning")] = roc.direction == RocDirection::Lower
        ? QStringLiteral("cases tend to have lower values: positive when marker <= threshold")
        : QStringLiteral("cases tend to have higher values: positive when marker >= threshold");
    object[QStringLiteral("direction_detected")] = roc.directionDetected;
    if (roc.status == RocStatus::NoCases || roc.status == RocStatus::NoControls)
        return object;
    object[QStringLiteral("auc")] = roc.auc;
    object[QStringLiteral("auc_var_delong")] = number(roc.aucVariance);
    QJsonObject ci;
    ci[QStringLiteral("level")] = roc.confLevel;
    ci[QStringLiteral("lower")] = number(roc.aucLower);
    ci[QStringLiteral("upper")] = number(roc.aucUpper);
    object[QStringLiteral("auc_ci_delong")] = ci;
    object[QStringLiteral("perfect_separation")] = roc.perfectSeparation;
    QJsonArray youden;
    for (const YoudenOptimum& optimum : roc.youdenOptima) {
        QJsonObject entry = rocPointToJson(optimum.point);
        entry[QStringLiteral("youden_index")] = optimum.youdenIndex;
        youden.append(entry);
    }
    object[QStringLiteral("youden_best")] = youden;
    if (analysis.atCutoff) {
        const ConfusionAtCutoff& at = *analysis.atCutoff;
        QJsonObject entry;
        entry[QStringLiteral("cutoff")] = at.cutoff;
        entry[QStringLiteral("rule")] = at.rule == CutoffRule::Greater ? QStringLiteral(">") : QStringLiteral(">=");
        entry[QStringLiteral("true_pos")] = static_cast<qint64>(at.truePositives);
        entry[QStringLiteral("false_neg")] = static_cast<qint64>(at.falseNegatives);
        entry[QStringLiteral("false_pos")] = static_cast<qint64>(at.falsePositives);
        entry[QStringLiteral("true_neg")] = static_cast<qint64>(at.trueNegatives);
        entry[QStringLiteral("sensitivity")] = proportionToJson(at.sensitivity);
        entry[QStringLiteral("specificity")] = proportionToJson(at.specificity);
        entry[QStringLiteral("ppv")] = proportionToJson(at.ppv);
        entry[QStringLiteral("npv")] = proportionToJson(at.npv);
        object[QStringLiteral("at_cutoff")] = entry;
    }
    if (analysis.rocCoordsAtCutoff) {
        QJsonObject entry;
        entry[QStringLiteral("threshold")] = analysis.rocCoordsAtCutoff->threshold;
        entry[QStringLiteral("sensitivity")] = analysis.rocCoordsAtCutoff->sensitivity;
        entry[QStringLiteral("specificity")] = analysis.rocCoordsAtCutoff->specificity;
        object[QStringLiteral("proc_coords_at_cutoff")] = entry;
    }
    QJsonArray threshold, highFrom, sensitivity, specificity;
    for (const RocPoint& point : roc.curve) {
        threshold.append(thresholdValue(point.threshold));
        highFrom.append(number(point.highGroupFrom));
        sensitivity.append(point.sensitivity);
        specificity.append(point.specificity);
    }
    QJsonObject curve;
    curve[QStringLiteral("threshold")] = threshold;
    curve[QStringLiteral("high_group_from")] = highFrom;
    curve[QStringLiteral("sensitivity")] = sensitivity;
    curve[QStringLiteral("specificity")] = specificity;
    object[QStringLiteral("curve")] = curve;
    return object;
}

QJsonObject chiSquareToJson(const ChiSquareTest& test)
{
    QJsonObject object;
    object[QStringLiteral("statistic")] = number(test.statistic);
    object[QStringLiteral("df")] = test.df;
    object[QStringLiteral("p")] = number(test.p);
    object[QStringLiteral("continuity_correction")] = test.continuityCorrection;
    object[QStringLiteral("low_expected_count")] = test.lowExpectedCount;
    object[QStringLiteral("expected")] = numbers(test.expected);
    return object;
}

QJsonObject responseToJson(const ResponseAnalysis& response)
{
    const ResponseTableAnalysis& analysis = response.table;
    QJsonObject object;
    object[QStringLiteral("outcome")] = outcomeToJson(response.outcome);
    QJsonObject table;
    table[QStringLiteral("row_order")] = strings(response.rowGroups);
    table[QStringLiteral("column_order")] =
        QJsonArray{qs(response.outcome.positiveLabel), qs(response.outcome.negativeLabel)};
    QJsonArray rows;
    for (std::size_t r = 0; r < analysis.table.rows; ++r)
        rows.append(QJsonArray{static_cast<qint64>(analysis.table.at(r, 0)), static_cast<qint64>(analysis.table.at(r, 1))});
    table[QStringLiteral("counts")] = rows;
    object[QStringLiteral("table")] = table;
    QJsonArray rates;
    for (std::size_t r = 0; r < analysis.positiveRate.size(); ++r) {
        QJsonObject rate = proportionToJson(analysis.positiveRate[r]);
        rate[QStringLiteral("group")] = qs(response.rowGroups[r]);
        rates.append(rate);
    }
    object[QStringLiteral("positive_rate")] = rates;
    object[QStringLiteral("chisq")] = chiSquareToJson(analysis.chiSquare);
    if (analysis.chiSquareYates)
        object[QStringLiteral("chisq_yates")] = chiSquareToJson(*analysis.chiSquareYates);
    if (analysis.table.rows == 2)
        object[QStringLiteral("sample_odds_ratio")] = number(analysis.sampleOddsRatio);
    QJsonObject fisher;
    fisher[QStringLiteral("p")] = number(analysis.fisher.p);
    if (analysis.fisher.oddsRatio) {
        fisher[QStringLiteral("odds_ratio")] = number(analysis.fisher.oddsRatio->estimate);
        QJsonObject ci;
        ci[QStringLiteral("level")] = analysis.fisher.oddsRatio->confLevel;
        ci[QStringLiteral("lower")] = number(analysis.fisher.oddsRatio->lower);
        ci[QStringLiteral("upper")] = number(analysis.fisher.oddsRatio->upper);
        fisher[QStringLiteral("ci")] = ci;
        fisher[QStringLiteral("odds_ratio_estimable")] = analysis.fisher.oddsRatio->estimable;
    }
    object[QStringLiteral("fisher")] = fisher;
    return object;
}

QJsonObject summaryToJson(const NumericSummary& summary)
{
    QJsonObject object;
    object[QStringLiteral("n")] = static_cast<qint64>(summary.n);
    object[QStringLiteral("missing")] = static_cast<qint64>(summary.missing);
    object[QStringLiteral("mean")] = number(summary.mean);
    object[QStringLiteral("sd")] = number(summary.sd);
    object[QStringLiteral("min")] = number(summary.min);
    object[QStringLiteral("q1")] = number(summary.q1);
    object[QStringLiteral("median")] = number(summary.median);
    object[QStringLiteral("q3")] = number(summary.q3);
    object[QStringLiteral("max")] = number(summary.max);
    return object;
}

QJsonObject tTestToJson(const TTest& test)
{
    QJsonObject object;
    object[QStringLiteral("status")] = test.status == TTestStatus::Ok ? QStringLiteral("ok") : QString::fromUtf8(rMessage(test.status).data(), static_cast<qsizetype>(rMessage(test.status).size()));
    object[QStringLiteral("difference")] = number(test.difference);
    object[QStringLiteral("t")] = number(test.t);
    object[QStringLiteral("df")] = number(test.df);
    object[QStringLiteral("p")] = number(test.p);
    object[QStringLiteral("diff_lower")] = number(test.lower);
    object[QStringLiteral("diff_upper")] = number(test.upper);
    return object;
}

QJsonObject groupTestToJson(const GroupTest& test)
{
    QJsonObject object;
    object[QStringLiteral("ok")] = test.status == GroupTestStatus::Ok;
    object[QStringLiteral("statistic")] = number(test.statistic);
    object[QStringLiteral("df1")] = test.df1;
    object[QStringLiteral("df2")] = test.df2;
    object[QStringLiteral("p")] = number(test.p);
    return object;
}

QJsonObject baselineToJson(const BaselineRow& row, const Grouping& grouping)
{
    QJsonObject object;
    object[QStringLiteral("variable")] = qs(row.variable);
    object[QStringLiteral("type")] = row.numeric ? QStringLiteral("numeric") : QStringLiteral("categorical");
    if (row.numeric) {
        object[QStringLiteral("overall")] = summaryToJson(row.overall);
        QJsonArray perGroup;
        for (std::size_t g = 0; g < row.perGroup.size(); ++g) {
            QJsonObject summary = summaryToJson(row.perGroup[g]);
            summary[QStringLiteral("group")] = qs(grouping.names[g]);
            perGroup.append(summary);
        }
        object[QStringLiteral("groups")] = perGroup;
        if (row.welch)
            object[QStringLiteral("welch")] = tTestToJson(*row.welch);
        if (row.student)
            object[QStringLiteral("student")] = tTestToJson(*row.student);
        if (row.wilcoxon) {
            QJsonObject wilcoxon;
            wilcoxon[QStringLiteral("ok")] = row.wilcoxon->status == WilcoxonStatus::Ok;
            wilcoxon[QStringLiteral("method")] = row.wilcoxon->method == WilcoxonMethod::Exact
                ? QStringLiteral("exact")
                : QStringLiteral("normal approximation with continuity correction");
            wilcoxon[QStringLiteral("statistic")] = number(row.wilcoxon->statistic);
            wilcoxon[QStringLiteral("p")] = number(row.wilcoxon->p);
            object[QStringLiteral("wilcoxon")] = wilcoxon;
        }
        if (row.anova)
            object[QStringLiteral("anova")] = groupTestToJson(*row.anova);
        if (row.kruskal)
            object[QStringLiteral("kruskal_wallis")] = groupTestToJson(*row.kruskal);
        return object;
    }
    if (!row.categorical)
        return object;
    const CategoricalComparison& categorical = *row.categorical;
    QJsonArray levels;
    for (std::size_t l = 0; l < categorical.levels.size(); ++l) {
        QJsonObject level;
        level[QStringLiteral("level")] = qs(categorical.levels[l]);
        level[QStringLiteral("overall")] = static_cast<qint64>(categorical.overallCounts[l]);
        QJsonArray counts;
        for (std::size_t g = 0; g < categorical.counts.columns; ++g)
            counts.append(static_cast<qint64>(categorical.counts.at(l, g)));
        level[QStringLiteral("counts")] = counts;
        levels.append(level);
    }
    object[QStringLiteral("levels")] = levels;
    QJsonArray missing;
    for (auto count : categorical.missing)
        missing.append(static_cast<qint64>(count));
    object[QStringLiteral("missing")] = missing;
    object[QStringLiteral("test")] = categorical.testUsed == CategoricalTestUsed::FisherExact ? QStringLiteral("fisher")
                                   : categorical.testUsed == CategoricalTestUsed::ChiSquare  ? QStringLiteral("chisq")
                                                                                              : QStringLiteral("none");
    object[QStringLiteral("p")] = number(categorical.p);
    return object;
}

} // namespace

QString confTypeName(ConfType type)
{
    switch (type) {
    case ConfType::Plain:
        return QStringLiteral("plain");
    case ConfType::Log:
        return QStringLiteral("log");
    case ConfType::LogLog:
        return QStringLiteral("log-log");
    }
    return QStringLiteral("log");
}

QString tiesName(CoxTies ties)
{
    return ties == CoxTies::Breslow ? QStringLiteral("breslow") : QStringLiteral("efron");
}

QString ruleName(CutoffRule rule)
{
    return rule == CutoffRule::Greater ? QStringLiteral(">") : QStringLiteral(">=");
}

QJsonObject cohortToJson(const Cohort& cohort)
{
    QJsonObject object;
    object[QStringLiteral("rows_in_file")] = static_cast<qint64>(cohort.rowsInFile);
    object[QStringLiteral("rows_read")] = static_cast<qint64>(cohort.size());
    object[QStringLiteral("excluded")] = excludedToJson(cohort.excluded);
    if (cohort.hasSurvival) {
        QJsonObject coding;
        coding[QStringLiteral("time_column")] = qs(cohort.timeColumn);
        coding[QStringLiteral("event_column")] = qs(cohort.eventColumn);
        coding[QStringLiteral("event_value")] = qs(cohort.eventCoding.eventValue);
        coding[QStringLiteral("censored_values")] = strings(cohort.eventCoding.censoredValues);
        coding[QStringLiteral("rule")] = qs(cohort.eventCoding.rule);
        coding[QStringLiteral("detected")] = cohort.eventCoding.detected;
        object[QStringLiteral("survival")] = coding;
    }
    object[QStringLiteral("notes")] = strings(cohort.notes);
    return object;
}

QJsonObject resultToJson(const PreparedCohort& prepared, const AnalysisSpec& spec, const AnalysisResult& result)
{
    const Cohort& cohort = prepared.cohort();
    QJsonObject root;
    root[QStringLiteral("format_version")] = QStringLiteral("1.0");
    root[QStringLiteral("cutofflab_version")] = QStringLiteral(CUTOFFLAB_VERSION);
    root[QStringLiteral("cohort")] = cohortToJson(cohort);

    QJsonObject grouping;
    const GroupingSpec& g = spec.grouping;
    switch (g.kind) {
    case GroupingSpec::Kind::Cutoff:
        grouping[QStringLiteral("type")] = QStringLiteral("cutoff");
        grouping[QStringLiteral("marker")] = qs(g.marker);
        grouping[QStringLiteral("cutoff")] = g.cutoff;
        grouping[QStringLiteral("high_rule")] = ruleName(g.rule);
        break;
    case GroupingSpec::Kind::Score:
        grouping[QStringLiteral("type")] = QStringLiteral("score");
        grouping[QStringLiteral("components")] = QJsonArray{
            QJsonObject{{QStringLiteral("marker"), qs(g.marker)}, {QStringLiteral("cutoff"), g.cutoff}, {QStringLiteral("rule"), ruleName(g.rule)}},
            QJsonObject{{QStringLiteral("marker"), qs(g.marker2)}, {QStringLiteral("cutoff"), g.cutoff2}, {QStringLiteral("rule"), ruleName(g.rule2)}}};
        break;
    case GroupingSpec::Kind::Quantiles:
        grouping[QStringLiteral("type")] = QStringLiteral("quantiles");
        grouping[QStringLiteral("marker")] = qs(g.marker);
        grouping[QStringLiteral("groups")] = g.quantileGroups;
        grouping[QStringLiteral("cutpoints")] = numbers(result.grouping.cutpoints);
        grouping[QStringLiteral("high_rule")] = ruleName(g.rule);
        break;
    case GroupingSpec::Kind::Column:
        grouping[QStringLiteral("type")] = QStringLiteral("column");
        grouping[QStringLiteral("column")] = qs(g.column);
        break;
    }
    grouping[QStringLiteral("group_order")] = strings(result.grouping.names);
    grouping[QStringLiteral("rows_in_no_group")] = excludedToJson(result.grouping.excluded);
    root[QStringLiteral("grouping")] = grouping;

    QJsonObject rows;
    rows[QStringLiteral("analysed")] = static_cast<qint64>(result.analysedRows);
    root[QStringLiteral("rows")] = rows;

    QJsonArray groups;
    for (const GroupSummary& group : result.groups) {
        QJsonObject entry;
        entry[QStringLiteral("group")] = qs(group.name);
        entry[QStringLiteral("n")] = group.n;
        if (cohort.hasSurvival)
            entry[QStringLiteral("events")] = group.events;
        groups.append(entry);
    }
    root[QStringLiteral("groups")] = groups;

    if (result.overall) {
        QJsonObject km;
        km[QStringLiteral("conf_type")] = confTypeName(spec.confType);
        km[QStringLiteral("conf_level")] = spec.confLevel;
        km[QStringLiteral("times")] = numbers(spec.times);
        km[QStringLiteral("overall")] = kmToJson(*result.overall);
        QJsonArray perGroup;
        for (std::size_t k = 0; k < result.km.size(); ++k) {
            QJsonObject entry = kmToJson(result.km[k]);
            entry[QStringLiteral("group")] = qs(result.grouping.names[k]);
            perGroup.append(entry);
        }
        km[QStringLiteral("groups")] = perGroup;
        root[QStringLiteral("km")] = km;
    }
    if (result.logRank)
        root[QStringLiteral("logrank")] = logRankToJson(*result.logRank, result.grouping);
    if (result.trend) {
        QJsonObject trend;
        trend[QStringLiteral("status")] = testStatusName(result.trend->status);
        trend[QStringLiteral("scores")] = numbers(result.trend->scores);
        trend[QStringLiteral("chisq")] = result.trend->statistic;
        trend[QStringLiteral("df")] = 1;
        trend[QStringLiteral("z")] = result.trend->z;
        trend[QStringLiteral("p")] = result.trend->p;
        root[QStringLiteral("logrank_trend")] = trend;
    }
    if (result.coxUnivariate)
        root[QStringLiteral("cox_univariate")] = coxToJson(*result.coxUnivariate, spec.ties);
    if (result.coxScoreNumeric)
        root[QStringLiteral("cox_score_numeric")] = coxToJson(*result.coxScoreNumeric, spec.ties);
    if (result.coxMultivariate)
        root[QStringLiteral("cox_multivariate")] = coxToJson(*result.coxMultivariate, spec.ties);
    if (!result.coxCovariates.empty()) {
        QJsonArray models;
        for (const CoxModel& model : result.coxCovariates)
            models.append(coxToJson(model, spec.ties));
        root[QStringLiteral("cox_covariates")] = models;
    }
    if (result.roc)
        root[QStringLiteral("roc")] = rocToJson(*result.roc);
    if (result.response)
        root[QStringLiteral("binary_by_group")] = responseToJson(*result.response);

    if (!result.baseline.empty()) {
        QJsonArray baseline;
        for (const BaselineRow& row : result.baseline)
            baseline.append(baselineToJson(row, result.grouping));
        root[QStringLiteral("baseline")] = baseline;
    }

    QJsonArray messages;
    for (const AnalysisMessage& message : result.messages) {
        messages.append(QJsonObject{{QStringLiteral("part"), qs(message.part)},
                                    {QStringLiteral("code"), qs(message.code)},
                                    {QStringLiteral("text"), qs(message.text)}});
    }
    root[QStringLiteral("messages")] = messages;
    return root;
}

} // namespace cutofflab::jsonio
