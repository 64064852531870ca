// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTableView>
#include <QTimer>

class ApplicationListModel;
class ColumnFitter;
class ConnectionTableModel;
class QAction;
class QMenu;

// The connection table. The API has no sort, so the rows stay in its order (newest first)
// and sorting is enabled only once every page is loaded — setSortingEnabled sorts at once
// (STYLE.md trap 8). Rows have a fixed height and columns are never ResizeToContents, so
// a growing table is never measured row by row (trap 9). Owns the copy commands and the
// row context menu.
class ConnectionTableView : public QTableView
{
    Q_OBJECT
public:
    // Waits this long after the current row changes before asking for the detail, so
    // holding an arrow key does not send one request per row.
    static constexpr int kSelectionSettleMs = 150;

    explicit ConnectionTableView(QWidget *parent = nullptr);

    void setConnectionModel(ConnectionTableModel *model, const ApplicationListModel *names);
    ConnectionTableModel *connectionModel() const;

    // Column widths, order and visibility saved by an earlier run; the sort it may hold is
    // dropped (sorting waits until every page is loaded). The widths are kept only when
    // the user had sized the columns; else the columns fit the table's width.
    void restoreHeaderState(const QByteArray &state);

    // Until the user drags a column's edge the columns fit the table's width (ColumnFitter);
    // after, the widths are the user's, until Fit Columns to Window.
    bool columnsSizedByUser() const;
    void setColumnsSizedByUser(bool byUser);
    void fitColumnsToWindow();
    // The header's menu: Fit Columns to Window, then a check box for each column but ID.
    // Parented to the view; the caller runs and deletes it.
    QMenu *headerMenu();

    // The selected rows, top to bottom.
    QList<int> selectedRows() const;
    // Selected rows as TSV: a header line of the API field names, then the API's values.
    QString selectionAsTsv(bool withHeader = true) const;
    // Selected rows as a JSON array of the 7 API fields.
    QByteArray selectionAsJson() const;

    // Makes `row` current and selected and scrolls to it.
    void goToRow(int row);
    // What the viewport says while the model has no rows.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

    // Go to ID: selects and shows the row of `id` when it is loaded, else clears the
    // selection so that no other row stays highlighted. True when the row was found.
    bool selectConnection(const QString &id);

    // The row context menu for `index` (Copy Cell, Copy Row, Copy JSON, Filter by This
    // Application), parented to the view; the caller runs and deletes it.
    QMenu *contextMenuFor(const QModelIndex &index);

    QAction *copyAction() const { return m_copy; }
    QAction *copyJsonAction() const { return m_copyJson; }

Q_SIGNALS:
    // The current row settled on a connection.
    void connectionSelected(const QString &id);
    void filterByApplicationRequested(const QString &applicationId);
    // Something went to the clipboard, e.g. "Copied 3 rows as TSV" (for the status line).
    void copied(const QString &what);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    // Only rows painted ask the model to prefetch: a keyboard search or a screen reader
    // walking the rows' data must not load pages.
    void paintEvent(QPaintEvent *event) override;

private:
    void updateSorting();
    void fitColumns();
    void copyRows(bool asJson, bool withHeader = true);
    void onCurrentRowChanged(const QModelIndex &current);
    void holdScrollAnchor(const QModelIndex &parent, int first);
    void restoreScrollAnchor();

    QPointer<ConnectionTableModel> m_model;
    QPointer<const ApplicationListModel> m_names;
    QList<QMetaObject::Connection> m_modelConnections;
    QAction *m_copy;
    QAction *m_copyJson;
    QTimer m_selectionSettle;
    QString m_emptyText;
    ColumnFitter *m_fitter;
    QPersistentModelIndex m_anchor; // the first row shown while rows go in above it
    int m_anchorRow = -1;
};
