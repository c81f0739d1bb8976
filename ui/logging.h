#pragma once

#include <QLoggingCategory>

// One category per subsystem of the window. Messages name files, columns and counts,
// never a patient's values. Enable with QT_LOGGING_RULES="cutofflab.ui.*=true".
Q_DECLARE_LOGGING_CATEGORY(lcController)   // cutofflab.ui.controller: jobs started, skipped, dropped
Q_DECLARE_LOGGING_CATEGORY(lcIo)           // cutofflab.ui.io: files opened, read, rejected
Q_DECLARE_LOGGING_CATEGORY(lcExport)       // cutofflab.ui.export: charts and tables written
Q_DECLARE_LOGGING_CATEGORY(lcCharts)       // cutofflab.ui.charts: panels redrawn, degenerate results shown
