#pragma once

#include <QMainWindow>

namespace cutofflab::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace cutofflab::ui
