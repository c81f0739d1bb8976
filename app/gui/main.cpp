#include "controller/analysiscontroller.h"
#include "dialogs/columndialog.h"
#include "mainwindow.h"
#include "panels/inferencepanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace {

// A dark palette for the screenshots of the documentation (and for desktops whose
// style does not follow a dark theme).
QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::red);
    palette.setColor(QPalette::Light, window.lighter(150));
    palette.setColor(QPalette::Midlight, window.lighter(125));
    palette.setColor(QPalette::Mid, window.lighter(170));
    palette.setColor(QPalette::Dark, window.darker(150));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    palette.setColor(QPalette::PlaceholderText, text.darker(160));
    palette.setColor(QPalette::Disabled, QPalette::Text, text.darker(180));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, text.darker(180));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, text.darker(180));
    return palette;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Cutoff Lab"));
    QApplication::setApplicationName(QStringLiteral("Cutoff Lab"));
    QApplication::setApplicationVersion(QStringLiteral(CUTOFFLAB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Explore, test and present biomarker cut-offs. Without a file, opens the simulated example cohort."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "A CSV or TSV cohort file to open."),
                                 QStringLiteral("[file]"));
    const QCommandLineOption paletteOption(
        QStringLiteral("palette"), QApplication::translate("main", "Colour scheme: system (default), light or dark."),
        QStringLiteral("name"), QStringLiteral("system"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window (example cohort) to this PNG file once the first "
                                        "analysis is shown, then quit. For the documentation's images."),
        QStringLiteral("png"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QApplication::translate("main", "Window size as WIDTHxHEIGHT, e.g. 1280x800."),
                                        QStringLiteral("size"), QStringLiteral("1280x800"));
    const QCommandLineOption tabOption(QStringLiteral("tab"),
                                       QApplication::translate("main", "Panel shown first: 0 Kaplan–Meier, 1 ROC, 2 hazard ratios, 3 response, 4 cohort, 5 honest inference."),
                                       QStringLiteral("index"), QStringLiteral("0"));
    const QCommandLineOption scoreOption(QStringLiteral("score"),
                                         QApplication::translate("main", "Start with the 0/1/2 score of the first two markers."));
    const QCommandLineOption cutoffOption(QStringLiteral("cutoff"),
                                          QApplication::translate("main", "Start with this cut-off of the first marker."),
                                          QStringLiteral("value"));
    const QCommandLineOption inferenceOption(
        QStringLiteral("run-inference"),
        QApplication::translate("main", "With --screenshot: run the honest inference (permutations, bootstrap, validation, heat map) before the picture."));
    parser.addOptions({paletteOption, screenshotOption, sizeOption, tabOption, scoreOption, cutoffOption, inferenceOption});
    parser.process(app);

    const QString paletteName = parser.value(paletteOption);
    if (paletteName != QLatin1String("system")) {
        // Fusion draws every widget from the palette, so light and dark look alike everywhere.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(paletteName == QLatin1String("dark") ? darkPalette()
                                                                       : QApplication::style()->standardPalette());
    }

    cutofflab::ui::MainWindow window;
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    if (size.size() == 2)
        window.resize(size[0].toInt(), size[1].toInt());
    window.panelTabs()->setCurrentIndex(parser.value(tabOption).toInt());
    if (parser.isSet(cutoffOption)) {
        cutofflab::GroupingSpec grouping = window.currentRequest().spec.grouping;
        grouping.cutoff = parser.value(cutoffOption).toDouble();
        window.setGrouping(grouping);
    }
    if (parser.isSet(scoreOption))
        window.setScoreGrouping(true);
    window.show();

    const QString file = parser.positionalArguments().isEmpty()
                             ? QString()
                             : QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath();
    if (parser.isSet(screenshotOption) && !file.isEmpty()) {
        // A picture of the column dialog the file opens with.
        const QString target = parser.value(screenshotOption);
        QObject::connect(&window, &cutofflab::ui::MainWindow::fileRead, &window, [&window, target](bool ok) {
            if (!ok) {
                QApplication::exit(1);
                return;
            }
            QTimer::singleShot(500, &window, [&window, target] {
                QWidget* dialog = window.columnDialog();
                const bool saved = dialog && dialog->grab().save(target);
                std::fprintf(stderr, "%s %s\n", saved ? "Saved" : "Could not save", qPrintable(target));
                QApplication::exit(saved ? 0 : 1);
            });
        });
        window.openFile(file);
    } else if (parser.isSet(screenshotOption)) {
        const QString target = parser.value(screenshotOption);
        const bool runInference = parser.isSet(inferenceOption);
        const auto save = [&window, target] {
            QTimer::singleShot(300, &window, [&window, target] {
                const bool saved = window.grab().save(target);
                std::fprintf(stderr, "%s %s\n", saved ? "Saved" : "Could not save", qPrintable(target));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        if (runInference)
            QObject::connect(window.inferencePanel(), &cutofflab::ui::InferencePanel::runFinished, &window, save);
        // Wait for the analysis and the marker scan, then one more turn of the event loop
        // so that every panel has painted.
        QObject::connect(window.controller(), &cutofflab::ui::AnalysisController::idle, &window, [&window, runInference, save] {
            if (!runInference) {
                save();
                return;
            }
            if (!window.inferencePanel()->runner()->isRunning() && !window.inferencePanel()->lastRun())
                window.inferencePanel()->run();
        });
    } else if (!file.isEmpty()) {
        window.openFile(file);
    }
    return app.exec();
}
