#include "panels/resultpanel.h"

#include "format.h"

#include <QStringList>

#include <cstring>

namespace cutofflab::ui {

QStringList messagesFor(const AnalysisResult& result, std::initializer_list<const char*> parts)
{
    QStringList texts;
    for (const AnalysisMessage& message : result.messages) {
        for (const char* part : parts) {
            if (message.part == part) {
                const QString text = QString::fromStdString(message.text);
                if (!texts.contains(text))
                    texts << text;
            }
        }
    }
    return texts;
}

QString groupDisplayName(const AnalysisResult& result, const AnalysisSpec& spec, int group)
{
    const QString name = QString::fromStdString(result.grouping.names.at(static_cast<std::size_t>(group)));
    if (spec.grouping.kind == GroupingSpec::Kind::Score)
        return ResultPanel::tr("score %1").arg(name);
    return name;
}

QString groupDefinition(const AnalysisResult& result, const AnalysisSpec& spec, int group)
{
    const QString name = groupDisplayName(result, spec, group);
    const GroupingSpec& grouping = spec.grouping;
    if (grouping.kind != GroupingSpec::Kind::Cutoff || result.grouping.groupCount != 2)
        return name;
    const QString marker = QString::fromStdString(grouping.marker);
    const QString value = format::compact(grouping.cutoff, 4);
    const bool greater = grouping.rule == CutoffRule::Greater;
    if (group == 1)
        return ResultPanel::tr("%1: %2 %3 %4").arg(name, marker, greater ? QStringLiteral(">") : QStringLiteral("≥"), value);
    return ResultPanel::tr("%1: %2 %3 %4").arg(name, marker, greater ? QStringLiteral("≤") : QStringLiteral("<"), value);
}

} // namespace cutofflab::ui
