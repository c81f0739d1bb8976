#include "analysis/scan.h"

#include "common/error.h"

#include <cmath>
#include <limits>
#include <vector>

namespace cutofflab {

MarkerSurvival markerSurvival(const PreparedCohort& prepared, const std::string& marker)
{
    const Cohort& cohort = prepared.cohort();
    if (!cohort.hasSurvival)
        throw InputError("The cohort has no follow-up time and event columns, so marker \"" + marker
                         + "\" cannot be scanned for a survival cut-off. Choose a time and an event column.");
    const CohortColumn* column = cohort.findColumn(marker);
    if (!column)
        throw InputError("Marker \"" + marker + "\" is not a column of the cohort. Choose one of the cohort's markers.");
    if (!column->numeric)
        throw InputError("Marker \"" + marker + "\" is not numeric, so it has no cut-off. Choose a numeric column.");

    const SortedSurvival& survival = prepared.survival();
    std::vector<double> values(survival.size());
    for (std::size_t k = 0; k < survival.size(); ++k) {
        const std::optional<double>& value = column->values[survival.index[k]];
        values[k] = value ? *value : std::numeric_limits<double>::quiet_NaN();
    }
    return MarkerSurvival::fromSorted(survival, values);
}

MarkerLandscape scanMarker(const PreparedCohort& prepared, const std::string& marker, const MarkerScanOptions& options)
{
    MarkerLandscape landscape;
    landscape.marker = marker;
    landscape.data = markerSurvival(prepared, marker);
    landscape.scan = scanCutoffs(landscape.data, options.scan);

    MaxstatOptions maxstat;
    maxstat.minProportion = options.scan.minProportion;
    maxstat.maxProportion = options.scan.maxProportion;
    maxstat.hothornLausen = options.hothornLausen;
    maxstat.hothornLausenCellLimit = options.hothornLausenCellLimit;
    maxstat.cancel = options.cancel;
    landscape.maxstat = maxstatTest(landscape.data, maxstat);
    return landscape;
}

} // namespace cutofflab
