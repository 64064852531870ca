// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apiquery.h"
#include "connectionstore.h"
#include "duplicatefilter.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

class ApiCall;
class IncreaseClient;
class ApplicationListModel;
struct ApiResult;

// The connections of one query, filled page by page as the view scrolls
// (canFetchMore/fetchMore, one page request in flight, next page prefetched before the
// end). setQuery() requeries: the generation is bumped before the in-flight reply is
// aborted, the model resets once, and a stale reply can never add rows. An error keeps
// the rows already loaded. Rows are in the API's order; sorting is offered only once
// every page is loaded (see sort()).
//
// Load All inserts the pages it receives at most every 100 ms, together, so the window
// stays responsive however fast they arrive; a page asked for otherwise goes in at once.
//
// Prefetch: a view that paints one of the last 50 rows calls prefetchNear(row), which
// queues a fetchMore (at most one, never from inside the call), so the next page is
// requested before the user gets there. data() never fetches: a keyboard search or a
// screen reader walking the rows must not load pages. After an error (fetchFailed)
// canFetchMore() is false so views stop asking on every scroll; hasMore() stays true, and
// retry() (the Retry action), an explicit fetchMore(), loadAll() or refresh() resumes.
//
// A watch keeps the rows current without a reset (applyChange): a connection that changed
// is updated in place, inserted at its place (the top, for a new one), or removed when the
// query no longer admits it; selection, scroll position and loaded rows stay. Rows it
// changed are marked (RecentChangeRole) until clearMarks() or a requery.
class ConnectionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        StatusColumn,
        ApplicationColumn,
        GroupIdColumn,
        CreatedColumn,
        DeletedColumn,
        ColumnCount
    };
    enum Role {
        ConnectionIdRole = Qt::UserRole + 1, // the row's id, any column
        ApiValueRole, // the cell's value exactly as the API sent it (timestamps verbatim)
        SortRole,     // numbers for timestamps, strings otherwise
        // A row the watch changed: its RowMark as an int; invalid for other rows.
        RecentChangeRole,
        RecentChangeTimeRole, // when that change happened (the event's time, UTC)
    };
    enum class RowMark { Created, Deactivated };
    // Unchanged: the row shown already was the connection as retrieved (the listing saw
    // the change: it happened in the same second as the listing's Date).
    enum class ChangeOutcome { Inserted, Updated, Removed, Unchanged, Ignored };

    explicit ConnectionTableModel(IncreaseClient *client, QObject *parent = nullptr);
    ~ConnectionTableModel() override;

    // Names applications in the Application column; may be set later or be null.
    void setApplicationNames(const ApplicationListModel *applications);

    // The Created and Deleted columns as "2025-06-30 09:15:32", in UTC or in local time;
    // the headers say which ("Created (UTC)"). Local time by default.
    void setTimesInUtc(bool utc);
    bool timesInUtc() const { return m_timesInUtc; }

    void setQuery(const ConnectionQuery &query);
    const ConnectionQuery &query() const { return m_query; }
    void refresh(); // requery with the same query

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Sorts loaded rows (stable: ties keep the API order); does nothing while more pages
    // remain or a page is in flight. A column outside the table (-1) restores API order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Keeps fetching pages until the listing ends (progress via pageLoaded); cancelLoadAll
    // stops after aborting the page in flight (rows loaded stay).
    void loadAll();
    void cancelLoadAll();
    bool isLoadingAll() const { return m_loadingAll; }
    // After a failure: resumes what failed — Load All if it was loading everything, else
    // the one page.
    void retry();
    // A view shows `row`: near the end, the next page is asked for.
    void prefetchNear(int row);

    bool isFetching() const { return !m_call.isNull(); }
    bool hasMore() const { return m_hasMore; }
    bool isSortable() const { return !m_hasMore && !isFetching(); }
    QDateTime lastFetchAt() const { return m_lastFetchAt; }
    std::optional<ApiError> lastError() const { return m_lastError; }

    // The row showing connection `id`, or -1 when it is not loaded (a scan: Go to ID).
    int rowOf(const QString &id) const;

    OAuthConnection connectionAt(int row) const { return m_store.at(storeRow(row)); }
    // Every row received, including those Load All has not inserted yet.
    const ConnectionStore &store() const { return m_store; }
    // The store row shown at `row` (they differ once sorted).
    int storeRowAt(int row) const { return storeRow(row); }
    // Rows the server repeated across pages in this query, shown once.
    qint64 duplicatesDropped() const { return m_duplicatesDropped; }

    // The server's clock (its Date header) when it answered the first page of this query;
    // invalid before that page, or when the server sent no Date. Where a watch starts.
    QDateTime listedAt() const { return m_listedAt; }
    bool firstPageReceived() const { return m_firstPageReceived; }

    // `connection`, as retrieved after a watch saw it change (`mark`, at `at`): updated in
    // place when shown, removed when the query no longer admits it (a deactivated one under
    // "active"), inserted where the API would list it when the query admits it and it is
    // not shown — unless that is past the last row loaded while pages remain (a later page
    // brings it). Sorted, a new row goes where the sort puts it (first among equals).
    ChangeOutcome applyChange(const OAuthConnection &connection, RowMark mark, const QDateTime &at);
    // The rows marked by applyChange, top to bottom.
    QList<int> markedRows() const;
    void clearMarks();

Q_SIGNALS:
    void fetchStarted();
    void pageLoaded(int rowsAdded, bool moreAvailable);
    // A page arrived (its rows may go in later, while Load All batches them): whatever
    // the listing waited for is over.
    void pageReceived();
    void fetchFailed(const ApiError &error);
    void queryChanged(const ConnectionQuery &query);
    void retryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    // Load All began or ended (the last page, an error, a cancel, a requery).
    void loadingAllChanged(bool loadingAll);

private:
    void requery(const ConnectionQuery &query);
    void setLoadingAll(bool loadingAll);
    void startFetch();
    void onPage(quint64 generation, const ApiResult &result);
    void fail(const ApiError &error);
    void storePage(const QList<OAuthConnection> &rows);
    void insertPending(); // makes the rows stored so far visible
    void onApplicationNames();
    int storeRow(int row) const
    {
        return isSorted() ? m_order.at(row) : m_live ? m_rows.at(row) : row;
    }
    bool isSorted() const { return m_sortColumn >= 0; }
    bool admits(const OAuthConnection &connection) const;
    void goLive();
    QList<int> apiOrder() const;
    int apiInsertionRow(const OAuthConnection &connection) const;
    int sortedInsertionRow(int storeIndex) const;
    QVariant displayData(int row, int column) const;
    QVariant toolTipData(int row, int column) const;
    QVariant apiValue(int row, int column) const;
    QVariant sortValue(int row, int column) const;
    QString applicationName(const QString &applicationId) const;

    IncreaseClient *m_client;
    QPointer<const ApplicationListModel> m_applications;
    QMetaObject::Connection m_namesConnection;
    ConnectionQuery m_query;
    ConnectionStore m_store;
    // Which store rows show, in which order. Until a watch changes a row, the API order is
    // the store's (rows 0 to m_shown); after, m_rows lists the rows shown in the API order
    // (m_live). Sorted (m_sortColumn set), m_order lists them in the sort's order.
    QList<int> m_order;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_live = false;
    QList<int> m_rows;
    QSet<QString> m_liveIds; // inserted by a watch: a later page must not repeat them
    struct Mark
    {
        RowMark kind;
        QDateTime at;
    };
    QHash<int, Mark> m_marks; // by store row
    QDateTime m_listedAt;
    bool m_firstPageReceived = false;
    QPointer<ApiCall> m_call;
    QString m_nextCursor;
    QSet<QString> m_seenCursors;
    // Identifies the request whose reply may still change the model; bumped by requery
    // and cancelLoadAll before they abort, so the reply that abort() delivers is dropped.
    quint64 m_generation = 0;
    bool m_hasMore = true;
    bool m_loadingAll = false;
    bool m_resumeLoadAll = false; // the last failure interrupted Load All
    bool m_timesInUtc = false;
    // After an error the view's automatic fetchMore calls stop (canFetchMore is false) so
    // a failing server is not hammered on every scroll; an explicit fetchMore() retries.
    bool m_paused = false;
    // prefetchNear() asks for the next page through this zero-interval timer, so
    // prefetching never happens inside a view's paint.
    QTimer m_prefetchTimer;
    // Load All stores each page as it arrives but inserts (shows) the stored rows together
    // (insertPending), so the view repaints a few times a second rather than once per
    // page, and an insertion costs no more than announcing rows. Store rows from
    // m_shown on are not yet in the model.
    int m_shown = 0;
    QTimer m_insertTimer;
    DuplicateFilter m_duplicates{true}; // remembers the last pages' ids only
    qint64 m_duplicatesDropped = 0;
    QDateTime m_lastFetchAt;
    std::optional<ApiError> m_lastError;
};
