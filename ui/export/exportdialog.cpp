#include "export/exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace cutofflab::ui {

ExportDialog::ExportDialog(const QString& chartTitle, const QSize& screenSize, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export %1").arg(chartTitle));
    format_ = new QComboBox(this);
    format_->addItem(tr("PNG image"), QStringLiteral("png"));
    format_->addItem(tr("SVG drawing"), QStringLiteral("svg"));
    format_->addItem(tr("PDF document"), QStringLiteral("pdf"));
    format_->setToolTip(tr("PNG for slides and documents, SVG and PDF for journals (vector graphics)."));

    // Default: the on-screen layout at 300 dpi.
    width_ = new QSpinBox(this);
    width_->setRange(100, 20000);
    width_->setSuffix(tr(" px"));
    width_->setValue(qRound(screenSize.width() * 300.0 / 96.0));
    height_ = new QSpinBox(this);
    height_->setRange(100, 20000);
    height_->setSuffix(tr(" px"));
    height_->setValue(qRound(screenSize.height() * 300.0 / 96.0));
    dpi_ = new QSpinBox(this);
    dpi_->setRange(48, 1200);
    dpi_->setValue(300);
    dpi_->setSuffix(tr(" dpi"));
    dpi_->setToolTip(tr("Text and lines are drawn at this resolution: the same size in pixels at a higher dpi gives a larger picture."));

    auto* hint = new QLabel(tr("The chart is laid out at width × 96 / dpi screen pixels and drawn at the resolution chosen."), this);
    hint->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QFormLayout(this);
    layout->addRow(tr("&Format:"), format_);
    layout->addRow(tr("&Width:"), width_);
    layout->addRow(tr("&Height:"), height_);
    layout->addRow(tr("&Resolution:"), dpi_);
    layout->addRow(hint);
    layout->addRow(buttons);
}

ChartExportOptions ExportDialog::options() const
{
    ChartExportOptions options;
    options.pixelSize = QSize(width_->value(), height_->value());
    options.dpi = dpi_->value();
    return options;
}

QString ExportDialog::format() const
{
    return format_->currentData().toString();
}

} // namespace cutofflab::ui
