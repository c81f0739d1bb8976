#pragma once

#include <QLabel>
#include <QTableWidget>

namespace cutofflab::ui {

/// A read-only table of results. Each cell shows rounded text and keeps the full value
/// (Qt::UserRole) for copying: Ctrl+C and the context menu copy the selection, or the
/// whole table when nothing is selected, as tab-separated text at full precision.
class ResultTable : public QTableWidget {
    Q_OBJECT
public:
    static constexpr int kFullPrecisionRole = Qt::UserRole + 7;

    explicit ResultTable(QWidget* parent = nullptr);

    /// Sets a cell: `shown` is displayed, `full` is copied (the shown text when empty).
    void setCell(int row, int column, const QString& shown, const QString& full = {},
                 const QString& toolTip = {});
    /// Clears the rows and sets the column headers (with an optional tooltip each).
    void reset(const QStringList& headers, const QStringList& toolTips = {});

    /// The table (or the selection) as tab-separated text at full precision.
    QString copyText(bool selectionOnly) const;
    void copyToClipboard();

    /// Sets the height to fit every row, so the table needs no scroll bar of its own.
    void fitHeightToRows();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
};

/// A line of text above a panel's chart that states what is degenerate or needs care
/// (a group without events, a hazard ratio that is not estimable). Hidden when empty.
class NoticeLabel : public QLabel {
    Q_OBJECT
public:
    explicit NoticeLabel(QWidget* parent = nullptr);
    void setNotices(const QStringList& notices);
    QStringList notices() const { return notices_; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QStringList notices_;
};

} // namespace cutofflab::ui
