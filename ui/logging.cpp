#include "logging.h"

Q_LOGGING_CATEGORY(lcController, "cutofflab.ui.controller", QtWarningMsg)
Q_LOGGING_CATEGORY(lcIo, "cutofflab.ui.io", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExport, "cutofflab.ui.export", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCharts, "cutofflab.ui.charts", QtWarningMsg)
