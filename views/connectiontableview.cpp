// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontableview.h"

#include "applicationlistmodel.h"
#include "changemarkdelegate.h"
#include "columnfitter.h"
#include "connectiontablemodel.h"
#include "middleelidedelegate.h"
#include "rowcopy.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The room an id's text takes: its prefix and twenty random letters and digits, of a
// width a little above the average, so that nearly every id fits whole (trap 9: from the
// font, never from the rows).
int idTextWidth(const QFontMetrics &metrics, const QString &prefix)
{
    static const QString alphabet = u"abcdefghijklmnopqrstuvwxyz0123456789"_s;
    const double average = double(metrics.horizontalAdvance(alphabet)) / double(alphabet.size());
    return metrics.horizontalAdvance(prefix) + int(std::ceil(20 * average * 1.1));
}

const QString kConnectionPrefix = u"connection_"_s;
const QString kGroupPrefix = u"group_"_s;

// The API field behind each column: the copy header, so pasted values keep their meaning
// (the Application column copies the application's id, the timestamps as sent).
QString apiFieldName(int column)
{
    switch (column) {
    case ConnectionTableModel::IdColumn:
        return u"id"_s;
    case ConnectionTableModel::StatusColumn:
        return u"status"_s;
    case ConnectionTableModel::ApplicationColumn:
        return u"oauth_application_id"_s;
    case ConnectionTableModel::GroupIdColumn:
        return u"group_id"_s;
    case ConnectionTableModel::CreatedColumn:
        return u"created_at"_s;
    case ConnectionTableModel::DeletedColumn:
        return u"deleted_at"_s;
    }
    return {};
}

// Ids differ at both ends, and every id of a column starts with the same prefix
// ("connection_", "group_"): a column too narrow for its ids drops the prefix on every row
// (not only on the rows whose letters are wider: the column reads alike), then a cut id
// loses its middle, so what is shown is the part that tells rows apart ("xwmry6…gckmacf").
class IdElideDelegate : public MiddleElideDelegate
{
public:
    IdElideDelegate(const QString &prefix, QObject *parent)
        : MiddleElideDelegate(parent)
        , m_prefix(prefix)
    {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        MiddleElideDelegate::initStyleOption(option, index);
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        // As QCommonStyle lays out an item's text: its rectangle less a margin each side.
        const int room =
            style->subElementRect(QStyle::SE_ItemViewItemText, option, option->widget).width() -
            2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option->widget) + 1);
        if (option->text.startsWith(m_prefix) && idTextWidth(option->fontMetrics, m_prefix) > room)
            option->text = option->text.mid(m_prefix.size());
        ChangeMark::apply(option, index);
    }

private:
    QString m_prefix;
};

void putOnClipboard(const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
}

} // namespace

ConnectionTableView::ConnectionTableView(QWidget *parent)
    : QTableView(parent)
    , m_copy(new QAction(tr("&Copy Rows"), this))
    , m_copyJson(new QAction(tr("Copy Rows as &JSON"), this))
    , m_fitter(new ColumnFitter(horizontalHeader()))
{
    setAccessibleName(tr("Connections"));
    setAccessibleDescription(tr("One row a connection; the selected row shows in the detail "
                                "pane. Ctrl+C copies the selected rows, Ctrl+Shift+C as JSON"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Whole rows: Tab leaves the table for the detail pane instead of walking its cells.
    setTabKeyNavigation(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setAlternatingRowColors(true);
    setItemDelegate(new ChangeMarkDelegate(this));
    setItemDelegateForColumn(ConnectionTableModel::IdColumn,
                             new IdElideDelegate(kConnectionPrefix, this));
    setItemDelegateForColumn(ConnectionTableModel::GroupIdColumn,
                             new IdElideDelegate(kGroupPrefix, this));

    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // The fitter shares the width out; a stretched last column would take all the room.
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultSectionSize(fontMetrics().horizontalAdvance(u'x') * 24);
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &at) {
                const std::unique_ptr<QMenu> menu(headerMenu());
                menu->exec(horizontalHeader()->mapToGlobal(at));
            });

    // Only while the table has focus: line edits elsewhere keep their own Ctrl+C.
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copy->setToolTip(tr("Copy the selected rows as tab-separated values"));
    m_copyJson->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyJson->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyJson->setToolTip(tr("Copy the selected rows as a JSON array"));
    addAction(m_copy);
    addAction(m_copyJson);
    connect(m_copy, &QAction::triggered, this, [this] { copyRows(false); });
    connect(m_copyJson, &QAction::triggered, this, [this] { copyRows(true); });

    m_selectionSettle.setSingleShot(true);
    m_selectionSettle.setInterval(kSelectionSettleMs);
    connect(&m_selectionSettle, &QTimer::timeout, this, [this] {
        // Only a row the user selected: focus arriving makes the first row current without
        // selecting it, and that must not load it into the detail pane.
        const QModelIndex current = currentIndex();
        if (m_model && current.isValid() && selectionModel()->isRowSelected(current.row(), {}))
            Q_EMIT connectionSelected(
                current.data(ConnectionTableModel::ConnectionIdRole).toString());
    });
}

void ConnectionTableView::setConnectionModel(ConnectionTableModel *model,
                                             const ApplicationListModel *names)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_selectionSettle.stop();

    // Sorting off before the model changes: enabling it later must not sort the new rows.
    setSortingEnabled(false);
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_model = model;
    m_names = names;
    setModel(model);
    // setModel() makes new selection models (the view's, each header's) and leaves the old
    // ones to their parent: they would pile up with every session.
    const QList<QItemSelectionModel *> inUse{selectionModel(), horizontalHeader()->selectionModel(),
                                             verticalHeader()->selectionModel()};
    for (QItemSelectionModel *selection : findChildren<QItemSelectionModel *>()) {
        if (!inUse.contains(selection))
            delete selection;
    }
    if (!model)
        return;
    fitColumns();
    m_modelConnections = {
        connect(model, &ConnectionTableModel::pageLoaded, this,
                &ConnectionTableView::updateSorting),
        connect(model, &ConnectionTableModel::fetchStarted, this,
                &ConnectionTableView::updateSorting),
        connect(model, &QAbstractItemModel::modelReset, this, &ConnectionTableView::updateSorting),
        connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &ConnectionTableView::onCurrentRowChanged),
        // A watch inserts and removes rows above the ones shown: they stay where they were.
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                &ConnectionTableView::holdScrollAnchor),
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &ConnectionTableView::holdScrollAnchor),
        connect(model, &QAbstractItemModel::rowsInserted, this,
                &ConnectionTableView::restoreScrollAnchor),
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                &ConnectionTableView::restoreScrollAnchor),
    };
    updateSorting();
}

void ConnectionTableView::fitColumns()
{
    // Widths from the font and the shape of the values, never from the rows (trap 9). The
    // room beyond goes to the application's name first, then the group; a narrow window
    // takes it from the ids and names, which elide (ids in the middle). Created and
    // Deleted keep the whole timestamp, Status its word.
    const QFontMetrics metrics = fontMetrics();
    const int padding = 8; // the cell margins of Fusion and most styles
    const auto width = [&](const QString &sample) {
        return metrics.horizontalAdvance(sample) + padding;
    };
    const auto header = [&](int column) {
        // Room for the sort arrow beside the title.
        return width(model()->headerData(column, Qt::Horizontal).toString()) + 2 * padding;
    };
    const auto whole = [](int natural) {
        return ColumnFitter::Column{natural, natural, 0, 0};
    };
    const int timestamp = width(u"2025-06-24 14:21:42"_s);
    QList<ColumnFitter::Column> columns(ConnectionTableModel::ColumnCount);
    const auto id = [&](const QString &prefix) {
        return idTextWidth(metrics, prefix) + padding;
    };
    columns[ConnectionTableModel::IdColumn] = {id(kConnectionPrefix), width(u"xwmry6…gckmacf"_s), 0,
                                               id(QString())};
    columns[ConnectionTableModel::StatusColumn] =
        whole(std::max(width(tr("Inactive")), header(ConnectionTableModel::StatusColumn)));
    columns[ConnectionTableModel::ApplicationColumn] = {width(u"Acme Treasury Syn"_s),
                                                        width(u"Acme Tre…"_s), 2};
    columns[ConnectionTableModel::GroupIdColumn] = {id(kGroupPrefix), width(u"lb050x…qrs3lp"_s), 1,
                                                    id(QString())};
    columns[ConnectionTableModel::CreatedColumn] =
        whole(std::max(timestamp, header(ConnectionTableModel::CreatedColumn)));
    columns[ConnectionTableModel::DeletedColumn] =
        whole(std::max(timestamp, header(ConnectionTableModel::DeletedColumn)));
    m_fitter->setColumns(columns);
}

void ConnectionTableView::restoreHeaderState(const QByteArray &state)
{
    if (state.isEmpty() || !horizontalHeader()->restoreState(state))
        return;
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    horizontalHeader()->setSortIndicatorShown(isSortingEnabled());
    // restoreState() brings back the stretch it was saved with, and the widths; those
    // stand only if the user chose them.
    horizontalHeader()->setStretchLastSection(false);
    m_fitter->refit();
}

bool ConnectionTableView::columnsSizedByUser() const
{
    return m_fitter->isSizedByUser();
}

void ConnectionTableView::setColumnsSizedByUser(bool byUser)
{
    m_fitter->setSizedByUser(byUser);
    m_fitter->refit();
}

void ConnectionTableView::fitColumnsToWindow()
{
    m_fitter->fitToWidth();
}

QMenu *ConnectionTableView::headerMenu()
{
    auto *menu = new QMenu(this);
    QAction *fit = menu->addAction(tr("&Fit Columns to Window"), this,
                                   &ConnectionTableView::fitColumnsToWindow);
    fit->setEnabled(m_fitter->isSizedByUser());
    if (!model())
        return menu;
    menu->addSeparator();
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        QAction *shown = menu->addAction(model()->headerData(column, Qt::Horizontal).toString());
        shown->setCheckable(true);
        shown->setChecked(!header->isSectionHidden(column));
        shown->setEnabled(column != ConnectionTableModel::IdColumn); // a row needs its id
        connect(shown, &QAction::toggled, this, [this, header, column](bool on) {
            header->setSectionHidden(column, !on);
            m_fitter->refit();
        });
    }
    return menu;
}

void ConnectionTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    m_fitter->setAvailableWidth(viewport()->width());
}

ConnectionTableModel *ConnectionTableView::connectionModel() const
{
    return m_model;
}

void ConnectionTableView::updateSorting()
{
    const bool sortable = m_model && m_model->isSortable();
    if (sortable == isSortingEnabled())
        return;
    // With no indicator, enabling sorting asks the model for sort(-1): the API order stays
    // until the user clicks a header. A requery drops any sort the user chose.
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(sortable);
}

void ConnectionTableView::onCurrentRowChanged(const QModelIndex &current)
{
    if (current.isValid())
        m_selectionSettle.start();
    else
        m_selectionSettle.stop();
}

void ConnectionTableView::copyRows(bool asJson, bool withHeader)
{
    const int rows = int(selectedRows().size());
    if (rows == 0) {
        Q_EMIT copied(tr("Nothing selected to copy"));
        return;
    }
    putOnClipboard(asJson ? QString::fromUtf8(selectionAsJson()) : selectionAsTsv(withHeader));
    Q_EMIT copied(asJson ? tr("Copied %Ln row(s) as JSON", nullptr, rows)
                         : tr("Copied %Ln row(s) as tab-separated values", nullptr, rows));
}

QList<int> ConnectionTableView::selectedRows() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    const QModelIndexList indexes = selectionModel()->selectedRows();
    rows.reserve(indexes.size());
    for (const QModelIndex &index : indexes)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

QString ConnectionTableView::selectionAsTsv(bool withHeader) const
{
    if (!m_model)
        return {};
    QList<int> columns; // in the order the user sees them
    for (int visual = 0; visual < horizontalHeader()->count(); ++visual) {
        const int logical = horizontalHeader()->logicalIndex(visual);
        if (!isColumnHidden(logical))
            columns.append(logical);
    }
    QStringList header;
    if (withHeader) {
        for (int column : std::as_const(columns))
            header.append(apiFieldName(column));
    }
    QList<QStringList> rows;
    const QList<int> selected = selectedRows();
    rows.reserve(selected.size());
    for (int row : selected) {
        QStringList cells;
        cells.reserve(columns.size());
        for (int column : std::as_const(columns))
            cells.append(
                m_model->index(row, column).data(ConnectionTableModel::ApiValueRole).toString());
        rows.append(cells);
    }
    return RowCopy::tsv(header, rows);
}

QByteArray ConnectionTableView::selectionAsJson() const
{
    QList<OAuthConnection> connections;
    if (m_model) {
        const QList<int> selected = selectedRows();
        connections.reserve(selected.size());
        for (int row : selected)
            connections.append(m_model->connectionAt(row));
    }
    return RowCopy::jsonArray(connections);
}

void ConnectionTableView::goToRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index =
        m_model->index(row, currentIndex().isValid() ? currentIndex().column() : 0);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    scrollTo(index);
}

bool ConnectionTableView::selectConnection(const QString &id)
{
    const int row = m_model ? m_model->rowOf(id) : -1;
    if (row >= 0) {
        goToRow(row);
        return true;
    }
    if (selectionModel()) {
        selectionModel()->clearSelection();
        selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
    }
    return false;
}

void ConnectionTableView::setEmptyText(const QString &text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    viewport()->update();
}

void ConnectionTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!m_model || m_model->rowCount() == 0) {
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(16, 16, -16, -16),
                         Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_emptyText);
        return;
    }
    const int last = rowAt(viewport()->height() - 1);
    m_model->prefetchNear(last < 0 ? m_model->rowCount() - 1 : last);
}

void ConnectionTableView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(viewport()->mapFromGlobal(event->globalPos()));
    if (!m_model || !index.isValid())
        return;
    const std::unique_ptr<QMenu> menu(contextMenuFor(index));
    menu->exec(event->globalPos());
}

QMenu *ConnectionTableView::contextMenuFor(const QModelIndex &index)
{
    if (!selectionModel()->isRowSelected(index.row(), {}))
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);

    // The menu runs its own event loop: rows may arrive or the model reset meanwhile.
    const QPersistentModelIndex cell(index);
    auto *menu = new QMenu(this);
    menu->addAction(tr("Copy &Cell"), this, [this, cell] {
        putOnClipboard(cell.data(Qt::DisplayRole).toString());
        Q_EMIT copied(tr("Copied the cell"));
    });
    menu->addAction(tr("Copy &Row"), this, [this] { copyRows(false, false); });
    menu->addAction(tr("Copy &JSON"), this, [this] { copyRows(true); });
    menu->addSeparator();
    const QString applicationId = m_model->connectionAt(index.row()).oauthApplicationId;
    menu->addAction(tr("&Filter by This Application"), this,
                    [this, applicationId] { Q_EMIT filterByApplicationRequested(applicationId); });
    return menu;
}

void ConnectionTableView::holdScrollAnchor(const QModelIndex &parent, int first)
{
    m_anchor = QPersistentModelIndex();
    // At the very top the new rows show (that is where an operator looks for them);
    // scrolled down, the first row shown stays first.
    const int top = rowAt(0);
    if (parent.isValid() || verticalScrollBar()->value() == 0 || top < 0 || first > top)
        return;
    m_anchor = QPersistentModelIndex(model()->index(top, 0));
    m_anchorRow = top;
}

void ConnectionTableView::restoreScrollAnchor()
{
    if (!m_anchor.isValid())
        return;
    const int moved = m_anchor.row() - m_anchorRow;
    m_anchor = QPersistentModelIndex();
    if (moved == 0)
        return;
    updateGeometries(); // the scroll bar's range must know the new rows first
    const int step = verticalScrollMode() == QAbstractItemView::ScrollPerItem
                         ? 1
                         : verticalHeader()->defaultSectionSize();
    verticalScrollBar()->setValue(verticalScrollBar()->value() + moved * step);
}
