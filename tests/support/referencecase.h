#pragma once

#include "io/table.h"
#include "support/fuzzy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace cutofflab::test {

/// Absolute path of a file under tests/data.
QString testDataPath(const QString& relativePath);

/// One R reference case (tests/data/reference/cases/<id>.json) with its dataset, and the
/// analysed rows exactly as the case defines them: rows with an empty marker are left
/// out; for survival cases, rows with an empty time or status too; a value written as
/// "<L" in the case's below-detection-limit column is replaced by L/2.
struct ReferenceCase {
    QString id;
    QJsonObject json;
    io::Table table;

    std::vector<std::size_t> rows;   ///< 0-based data-row index in table of each analysed row

    bool hasSurvival = false;
    std::vector<double> time;             ///< per analysed row (survival cases)
    std::vector<std::uint8_t> event;      ///< 1 when the status column equals event_value

    std::vector<double> marker;      ///< cut-off grouping: the marker; score grouping: first component's marker
    std::vector<int> group;          ///< cut-off: 0 low, 1 high; score: number of components met (0, 1, 2)
    int groupCount = 0;
    QStringList groupNames;          ///< "low", "high" or "0", "1", "2" (group_order of the case)

    std::size_t size() const { return rows.size(); }

    /// Numeric value of any column at an analysed row, nullopt when the cell is empty or
    /// not a number (below-detection-limit replacement applied).
    std::optional<double> number(const QString& column, std::size_t analysedRow) const;

    /// Text of any column at an analysed row, trimmed.
    QString text(const QString& column, std::size_t analysedRow) const;

    /// Tolerance for a field path such as "cox_univariate.efron.terms.coef", after the
    /// case's tolerance.overrides (patterns with "*" for one path segment, matched as a
    /// prefix of the path; several patterns may share one override, comma-separated).
    Tolerance tolerance(const QString& fieldPath) const;
};

/// Ids of every reference case, or of those whose JSON has the top-level block `block`.
QStringList referenceCaseIds(const QString& block = {});

/// Loads a case; QFAILs are not possible here, so it throws std::runtime_error with the
/// reason when a file is missing or malformed.
ReferenceCase loadReferenceCase(const QString& id);

} // namespace cutofflab::test
