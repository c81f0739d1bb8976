#pragma once

#include "export/chartexport.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace cutofflab::ui {

/// Asks for the format, the size in pixels and the resolution of an exported chart.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const QString& chartTitle, const QSize& screenSize, QWidget* parent = nullptr);

    ChartExportOptions options() const;
    /// "png", "svg" or "pdf".
    QString format() const;

private:
    QComboBox* format_;
    QSpinBox* width_;
    QSpinBox* height_;
    QSpinBox* dpi_;
};

} // namespace cutofflab::ui
