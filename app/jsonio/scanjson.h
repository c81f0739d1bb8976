#pragma once

#include "analysis/analyze.h"
#include "cutpoint/bootstrap.h"
#include "cutpoint/markersurvival.h"
#include "cutpoint/maxstat.h"
#include "cutpoint/permutation.h"
#include "cutpoint/scan.h"
#include "cutpoint/twocutoffs.h"
#include "cutpoint/validation.h"
#include "data/cohort.h"

#include <QJsonObject>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cutofflab::jsonio {

/// The p-value methods a scan can report, named as maxstat's pmethod argument.
struct PValueMethods {
    bool lausen92 = true;
    bool lausen94 = true;
    bool hothornLausen = true;
    bool conditionalMonteCarlo = false;
};

/// Validation of the selected cut-off on rows that did not choose it.
enum class ValidationKind { None, SplitSample, CrossValidation };

/// Everything `cutofflab-cli scan` was asked to do, echoed in the output.
struct ScanSettings {
    std::string marker;
    double minProportion = 0.1;
    double maxProportion = 0.9;
    double confidenceLevel = 0.95;
    CoxTies ties = CoxTies::Efron;
    HazardRatioMode hazardRatios = HazardRatioMode::Automatic;
    PValueMethods pMethods;
    std::size_t permutations = 10000;
    std::size_t bootstrapReplicates = 0;   ///< 0: no bootstrap
    std::uint64_t seed = 1;
    ValidationKind validation = ValidationKind::None;
    std::size_t folds = 5;
    double trainingFraction = 0.5;
    bool twoCutoffs = false;
    std::size_t gridSize = 100;
    unsigned threads = 1;
};

/// Results of one scan of one marker; the optional parts are present when requested.
struct ScanReport {
    ScanSettings settings;
    CutoffScan landscape;
    MaxstatResult maxstat;
    std::optional<PermutationResult> conditionalMonteCarlo;
    std::optional<BootstrapResult> bootstrap;
    std::optional<SplitSampleResult> splitSample;
    std::optional<CrossValidationResult> crossValidation;
    std::optional<TwoCutoffScan> twoCutoffs;
    std::optional<RocAnalysis> roc;                 ///< ROC of the marker against the binary outcome, for Youden
    std::vector<AnalysisMessage> messages;
};

/// The JSON form of a scan, the output of `cutofflab-cli scan`; every field is described
/// in docs/cli-scan-json.md. data is the marker's analysed rows (it resolves the Youden
/// threshold into the landscape's cut-offs). Numbers carry full double precision; a
/// value that does not exist is null and the entry's status gives the reason.
QJsonObject scanToJson(const Cohort& cohort, const MarkerSurvival& data, const ScanReport& report);

/// A sentence for the user explaining a cut-off status; empty for CutoffStatus::Ok.
std::string cutoffStatusText(CutoffStatus status, const CandidateSplits& candidates, std::size_t rows,
                             const ScanSettings& settings);

/// Names used in JSON for the statuses and methods of the cut-off routines.
QString cutoffStatusName(CutoffStatus status);
QString pValueStatusName(PValueStatus status);
QString hazardRatioMethodName(HazardRatioMethod method);
QString hazardRatioStatusName(HazardRatioStatus status);

} // namespace cutofflab::jsonio
