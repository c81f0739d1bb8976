#include "io/roleguess.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

namespace cutofflab::ui {

namespace {

bool nameMatches(const QString& name, const QString& pattern)
{
    const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
    return expression.match(name).hasMatch();
}

// Names are matched whole or by their parts split at "_", "." and spaces, so "os_months"
// and "OS.time" count as time columns but "status" does not count as "os".
const QString kTimeName = QStringLiteral(
    R"(^(time|futime|survtime|os|pfs|dfs|efs|rfs|ttp|days|months|years|follow.?up)$|)"
    R"(^(os|pfs|dfs|efs|rfs|ttp)[_. ]|[_. ](time|months?|days|years|mo)$|^time[_. ]|survival[_. ]?time)");
const QString kEventName = QStringLiteral(
    R"(death|dead|died|status|event|cens|vital|deceased|^os[_. ]?(event|status|cens)$|^fustat$)");
const QString kResponseName = QStringLiteral(R"(respon|^orr$|^or$|^outcome$|^cr$|^bor$|recist)");
const QString kIdName = QStringLiteral(
    R"(^(id|patient|patient[_. ]?id|pid|subject|subject[_. ]?id|usubjid|case|case[_. ]?id|rownames|record[_. ]?id)$)");
const QString kMarkerName = QStringLiteral(
    R"(^il[_-]?\d|^tnf|^crp$|^afp|^cea$|^ca[_-]?\d|^psa$|^ldh$|^nlr$|^plr$|^pd-?l1|^ki-?67|^her2|^vegf|^s100|^ndka|^mge$|)"
    R"(marker|express|level|conc|_pg_ml|_ng_ml|_u_ml|_iu_ml|_ug_l|_mg_l|pg/ml|ng/ml|u/ml)");

bool isIdLike(const ColumnSummary& column, std::size_t rowCount)
{
    return nameMatches(column.name, kIdName) && column.missingCount == 0 && column.distinctCount == rowCount;
}

// Translation context of the sentences that explain a guess.
struct RoleGuessText {
    Q_DECLARE_TR_FUNCTIONS(RoleGuess)
};

} // namespace

bool ColumnSummary::coded() const
{
    if (!numeric() || distinctCount * 4 > numberCount)
        return false;
    const bool wholeNumbers = integerCount == numberCount && belowLimitCount == 0;
    return distinctCount <= 3 || (wholeNumbers && distinctCount <= 20);
}

std::vector<ColumnSummary> summarizeColumns(const io::Table& table)
{
    std::vector<ColumnSummary> summaries(table.columnCount());
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        ColumnSummary& summary = summaries[c];
        summary.name = QString::fromStdString(table.columns[c]);
        std::unordered_set<std::string> distinct;
        for (std::size_t r = 0; r < table.rowCount(); ++r) {
            const std::string& text = table.cell(r, c);
            const io::NumericCell cell = io::parseNumericCell(text, table.decimalMark);
            switch (cell.kind) {
            case io::NumericCell::Kind::Missing:
                ++summary.missingCount;
                continue;
            case io::NumericCell::Kind::Invalid:
                ++summary.textCount;
                break;
            case io::NumericCell::Kind::BelowLimit:
                ++summary.belowLimitCount;
                ++summary.numberCount;
                break;
            case io::NumericCell::Kind::Number:
                ++summary.numberCount;
                if (std::floor(cell.value) == cell.value)
                    ++summary.integerCount;
                break;
            case io::NumericCell::Kind::AboveLimit:
                ++summary.numberCount;
                break;
            }
            const auto [position, inserted] = distinct.emplace(io::trim(text));
            if (!inserted)
                continue;
            if (summary.levels.size() < ColumnSummary::kMaxLevels)
                summary.levels.append(QString::fromStdString(*position));
            else
                summary.moreLevels = true;
        }
        summary.distinctCount = distinct.size();
    }
    return summaries;
}

RoleGuess guessColumnRoles(const io::Table& table)
{
    RoleGuess guess;
    guess.columns = summarizeColumns(table);
    guess.roles.assign(table.columnCount(), ColumnRole::Ignore);
    const auto& columns = guess.columns;
    auto& roles = guess.roles;
    const auto unassigned = [&](std::size_t c) { return roles[c] == ColumnRole::Ignore; };

    // At most one id, time, event and response column: the first that fits.
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (isIdLike(columns[c], table.rowCount())) {
            roles[c] = ColumnRole::Id;
            guess.reasons << RoleGuessText::tr("\"%1\" identifies the patients (every value differs).").arg(columns[c].name);
            break;
        }
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (unassigned(c) && columns[c].numeric() && nameMatches(columns[c].name, kTimeName)) {
            roles[c] = ColumnRole::Time;
            guess.reasons << RoleGuessText::tr("\"%1\" is numeric and named like a follow-up time.").arg(columns[c].name);
            break;
        }
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const ColumnSummary& column = columns[c];
        const qsizetype levelCount = column.levels.size();
        const bool statusLike = nameMatches(column.name, QStringLiteral("status"));
        if (unassigned(c) && !column.moreLevels && nameMatches(column.name, kEventName)
            && (levelCount == 2 || (statusLike && levelCount == 3))) {
            roles[c] = ColumnRole::Event;
            guess.reasons << RoleGuessText::tr("\"%1\" has %2 distinct values and is named like an event status.")
                                 .arg(column.name)
                                 .arg(levelCount);
            break;
        }
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const ColumnSummary& column = columns[c];
        if (unassigned(c) && !column.moreLevels && column.levels.size() == 2 && nameMatches(column.name, kResponseName)) {
            roles[c] = ColumnRole::Response;
            guess.reasons << RoleGuessText::tr("\"%1\" has two values (%2) and is named like a response.")
                                 .arg(column.name, column.levels.join(QStringLiteral("/")));
            break;
        }
    }

    // Markers: numeric columns named like one; failing that, every other numeric column
    // that contains measurements rather than codes.
    QStringList markers;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (unassigned(c) && columns[c].numeric() && nameMatches(columns[c].name, kMarkerName)) {
            roles[c] = ColumnRole::Marker;
            markers << columns[c].name;
        }
    }
    if (markers.isEmpty()) {
        QStringList coded;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (!unassigned(c) || !columns[c].numeric())
                continue;
            if (columns[c].coded()) {
                coded << columns[c].name;
            } else {
                roles[c] = ColumnRole::Marker;
                markers << columns[c].name;
            }
        }
        if (!markers.isEmpty())
            guess.reasons << RoleGuessText::tr("No column is named like a biomarker, so the other numeric columns with many values are offered as markers: %1.")
                                 .arg(markers.join(QStringLiteral(", ")));
        if (!coded.isEmpty())
            guess.reasons << RoleGuessText::tr("Numeric columns with a few repeated codes (such as 1/2 or 0-4) are offered as covariates: %1.")
                                 .arg(coded.join(QStringLiteral(", ")));
    } else {
        guess.reasons << RoleGuessText::tr("Named like biomarkers: %1.").arg(markers.join(QStringLiteral(", ")));
    }

    // Covariates: the rest, unless a text column has too many values to be a category.
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (unassigned(c) && (columns[c].numeric() || !columns[c].moreLevels) && !columns[c].levels.isEmpty())
            roles[c] = ColumnRole::Covariate;
    }
    return guess;
}

ColumnRoles toColumnRoles(const io::Table& table, const std::vector<ColumnRole>& roles,
                          const std::optional<std::string>& eventValue)
{
    ColumnRoles result;
    for (std::size_t c = 0; c < roles.size() && c < table.columnCount(); ++c) {
        const std::string& name = table.columns[c];
        switch (roles[c]) {
        case ColumnRole::Ignore:
            break;
        case ColumnRole::Id:
            result.id = name;
            break;
        case ColumnRole::Time:
            result.time = name;
            break;
        case ColumnRole::Event:
            result.event = name;
            break;
        case ColumnRole::Marker:
            result.markers.push_back(name);
            break;
        case ColumnRole::Response:
        case ColumnRole::Covariate:
            result.covariates.push_back(name);
            break;
        }
    }
    if (!result.event.empty())
        result.eventValue = eventValue;
    return result;
}

QString columnWithRole(const io::Table& table, const std::vector<ColumnRole>& roles, ColumnRole role)
{
    const auto it = std::find(roles.begin(), roles.end(), role);
    if (it == roles.end())
        return {};
    return QString::fromStdString(table.columns[static_cast<std::size_t>(it - roles.begin())]);
}

} // namespace cutofflab::ui
