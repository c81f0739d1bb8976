#include "io/errortext.h"

#include <QCoreApplication>
#include <QStringList>

namespace cutofflab::ui {

namespace {
struct ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};
} // namespace

QString errorLocation(const InputError& error)
{
    const InputError::Location& location = error.location();
    QStringList parts;
    if (location.row)
        parts << ErrorText::tr("Row %1").arg(*location.row);
    if (!location.column.empty())
        parts << ErrorText::tr("column %1").arg(QString::fromStdString(location.column));
    if (!location.value.empty())
        parts << ErrorText::tr("value \"%1\"").arg(QString::fromStdString(location.value));
    if (!parts.isEmpty())
        parts.first()[0] = parts.first()[0].toUpper();
    return parts.join(QStringLiteral(" · "));
}

QString errorText(const InputError& error)
{
    const QString location = errorLocation(error);
    const QString message = QString::fromStdString(error.what());
    return location.isEmpty() ? message : message + QLatin1Char('\n') + location;
}

} // namespace cutofflab::ui
