#include "mainwindow.h"

namespace cutofflab::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Cutoff Lab"));
}

} // namespace cutofflab::ui
