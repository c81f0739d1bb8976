#pragma once

#include "common/error.h"

#include <QString>

namespace cutofflab::ui {

/// The location of an input error as one line: "Row 12 · column time · value "-3"";
/// empty when the error names no row, column or value.
QString errorLocation(const InputError& error);

/// The message followed by its location on a second line, as message boxes show it.
QString errorText(const InputError& error);

} // namespace cutofflab::ui
