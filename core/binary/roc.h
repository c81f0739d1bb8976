#pragma once

#include "binary/proportion.h"
#include "common/cutoffrule.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cutofflab {

/// The side of the marker that counts as test-positive for the ROC curve.
enum class RocDirection {
    Higher,   ///< cases have higher values: positive when marker >= threshold (pROC direction "<")
    Lower,    ///< cases have lower values: positive when marker <= threshold (pROC direction ">")
    Auto      ///< pROC's direction = "auto": Higher when median(controls) <= median(cases), else Lower
};

struct RocOptions {
    RocDirection direction = RocDirection::Higher;
    double confLevel = 0.95;   ///< level of the DeLong interval of the AUC, in (0, 1)
};

/// Status of an ROC analysis: an empty class leaves it incomplete, tied markers need a caveat.
enum class RocStatus {
    Ok,
    NoCases,          ///< no row with isCase = 1 (pROC stops: "No case observation."); nothing computed
    NoControls,       ///< no row with isCase = 0 (pROC stops: "No control observation."); nothing computed
    AllMarkersTied    ///< one distinct marker value: AUC 0.5, curve with thresholds -Inf and +Inf only
};

/// One point of the empirical ROC curve.
struct RocPoint {
    /// pROC's threshold: the mid-point between two consecutive distinct marker values, or
    /// -Inf / +Inf at the ends. pROC moves a mid-point that rounds onto a marker value to
    /// the neighbouring value so that the classification stays the same; so does roc().
    double threshold = 0.0;
    /// The smallest observed marker value above the split, so that "marker >= highGroupFrom"
    /// is the same split as the threshold; empty at the end where no value lies above.
    std::optional<double> highGroupFrom;
    double sensitivity = 0.0;
    double specificity = 0.0;
};

/// A Youden-optimal point of the curve (Youden W. J., Cancer 1950;3:32-35):
/// J = sensitivity + specificity - 1 is maximal.
struct YoudenOptimum {
    RocPoint point;
    double youdenIndex = 0.0;   ///< sensitivity + specificity - 1
};

struct RocResult {
    RocStatus status = RocStatus::Ok;
    std::size_t nCases = 0;
    std::size_t nControls = 0;
    RocDirection direction = RocDirection::Higher;   ///< the direction used: Higher or Lower
    bool directionDetected = false;                  ///< true when chosen by RocDirection::Auto
    /// P(case ranks above a control) + P(tie) / 2 in the direction used (the Mann-Whitney
    /// U / (nCases nControls)); 0.5 when every marker value is tied.
    double auc = 0.5;
    /// DeLong variance of the AUC; empty with fewer than 2 cases or 2 controls, where
    /// pROC's ci.auc() gives NA.
    std::optional<double> aucVariance;
    std::optional<double> aucLower;   ///< auc - z sqrt(variance), cut at 0
    std::optional<double> aucUpper;   ///< auc + z sqrt(variance), cut at 1
    double confLevel = 0.95;
    /// True when some threshold separates cases from controls completely (AUC 1): the
    /// DeLong variance is then 0 and the interval [1, 1], which pROC warns "can be misleading".
    bool perfectSeparation = false;
    /// Every threshold in pROC's order: sensitivity falling from 1 to 0, so thresholds
    /// ascending from -Inf for Higher and descending from +Inf for Lower.
    std::vector<RocPoint> curve;
    /// Every point where J is maximal, in curve order. Ties are decided in exact integer
    /// arithmetic (TP nControls + TN nCases), so mathematically equal J values always tie;
    /// pROC compares the rounded sums se + sp with ==.
    std::vector<YoudenOptimum> youdenOptima;
};

/// Computes the empirical ROC curve of a marker against a binary outcome as pROC 1.18
/// does: roc(response, predictor, levels = c(0, 1), direction) with coords(..., "best",
/// best.method = "youden") and ci.auc(method = "delong").
///
/// The AUC and its variance follow DeLong E. R., DeLong D. M., Clarke-Pearson D. L.,
/// Biometrics 1988;44:837-845: the placement of a case is the share of controls it
/// outranks (ties count 1/2), the placement of a control the share of cases that outrank
/// it; AUC is the mean case placement; the variance is var(case placements) / nCases +
/// var(control placements) / nControls with n - 1 denominators. The placements come from
/// one sort, as in Sun X., Xu W., IEEE Signal Process Lett 2014;21:1389-1393, so the
/// cost is O(n log n) time and O(n) memory. The interval is auc -/+ z sqrt(variance),
/// z the normal quantile of (1 + confLevel) / 2, cut to [0, 1] (pROC's ci.auc).
///
/// Inputs: marker and isCase of equal length, one entry per patient; isCase is 1 for a
/// case and 0 for a control. The caller leaves out patients with a missing marker or
/// outcome. Marker values compare exactly, as in pROC. Throws InputError for spans of
/// different length, an isCase value other than 0 or 1, a marker value that is not
/// finite, or a confLevel outside (0, 1). An empty class gives status NoCases or
/// NoControls with the counts only.
RocResult roc(std::span<const double> marker, std::span<const std::uint8_t> isCase,
              const RocOptions& options = {});

/// Sensitivity and specificity at one threshold.
struct RocCoords {
    double threshold = 0.0;
    double sensitivity = 0.0;
    double specificity = 0.0;
};

/// Returns what pROC's coords(roc, x = threshold, input = "threshold") returns: for
/// direction Higher, positive when marker >= threshold; for Lower, positive when
/// marker <= threshold. Empty when there are no cases or no controls. Same inputs and
/// InputErrors as roc(); direction must be Higher or Lower (the one roc() used).
std::optional<RocCoords> rocCoordsAtThreshold(std::span<const double> marker,
                                              std::span<const std::uint8_t> isCase,
                                              double threshold, RocDirection direction);

/// The 2 x 2 classification of cases and controls by a cut-off, with the high group as
/// test-positive whatever the ROC direction.
struct ConfusionAtCutoff {
    double cutoff = 0.0;
    CutoffRule rule = CutoffRule::GreaterOrEqual;
    std::int64_t truePositives = 0;    ///< cases in the high group
    std::int64_t falseNegatives = 0;   ///< cases in the low group
    std::int64_t falsePositives = 0;   ///< controls in the high group
    std::int64_t trueNegatives = 0;    ///< controls in the low group
    ProportionEstimate sensitivity;    ///< TP / (TP + FN)
    ProportionEstimate specificity;    ///< TN / (TN + FP)
    ProportionEstimate ppv;            ///< TP / (TP + FP), positive predictive value
    ProportionEstimate npv;            ///< TN / (TN + FN), negative predictive value
};

/// Counts cases and controls on each side of the cut-off. Each rate carries its exact
/// Clopper-Pearson interval (see clopperPearson()); a rate with no patients in its
/// denominator has no value. Same inputs and InputErrors as roc(); cutoff must be finite.
ConfusionAtCutoff confusionAtCutoff(std::span<const double> marker, std::span<const std::uint8_t> isCase,
                                    double cutoff, CutoffRule rule, double confLevel = 0.95);

} // namespace cutofflab
