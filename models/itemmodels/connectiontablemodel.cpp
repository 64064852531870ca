// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontablemodel.h"

#include "apicall.h"
#include "apiparsing.h"
#include "applicationlistmodel.h"
#include "connectionsort.h"
#include "increaseclient.h"

#include <QLocale>

using namespace Qt::StringLiterals;

static_assert(int(ConnectionSort::Key::Id) == ConnectionTableModel::IdColumn &&
                  int(ConnectionSort::Key::Status) == ConnectionTableModel::StatusColumn &&
                  int(ConnectionSort::Key::Application) ==
                      ConnectionTableModel::ApplicationColumn &&
                  int(ConnectionSort::Key::GroupId) == ConnectionTableModel::GroupIdColumn &&
                  int(ConnectionSort::Key::Created) == ConnectionTableModel::CreatedColumn &&
                  int(ConnectionSort::Key::Deleted) == ConnectionTableModel::DeletedColumn,
              "sort keys follow the columns");

namespace {

// A painted row this close to the end prefetches the next page: about two screens of
// rows, so the page is usually in before the user reaches the end.
constexpr int kPrefetchRows = 50;
// While Load All streams pages in, rows go in at most this often: every insertion makes
// the view lay out and repaint the rows it shows, which costs more than a page.
constexpr int kLoadAllInsertIntervalMs = 100;

QString localTime(qint64 seconds, QLocale::FormatType format)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds, Qt::LocalTime), format);
}

QString utcTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

// Unambiguous and the same width in every row: a table of timestamps is compared by eye.
QString cellTime(qint64 seconds, bool utc)
{
    return QDateTime::fromSecsSinceEpoch(seconds, utc ? Qt::UTC : Qt::LocalTime)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

ConnectionTableModel::ConnectionTableModel(IncreaseClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    m_prefetchTimer.setSingleShot(true);
    m_prefetchTimer.setInterval(0);
    connect(&m_prefetchTimer, &QTimer::timeout, this, [this] {
        if (canFetchMore({}))
            fetchMore({});
    });
    m_insertTimer.setSingleShot(true);
    m_insertTimer.setInterval(kLoadAllInsertIntervalMs);
    connect(&m_insertTimer, &QTimer::timeout, this, &ConnectionTableModel::insertPending);
}

ConnectionTableModel::~ConnectionTableModel()
{
    ++m_generation;
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->abort();
    }
}

void ConnectionTableModel::setApplicationNames(const ApplicationListModel *applications)
{
    disconnect(m_namesConnection);
    m_applications = applications;
    if (applications) {
        m_namesConnection = connect(applications, &ApplicationListModel::loaded, this,
                                    &ConnectionTableModel::onApplicationNames);
    }
    onApplicationNames();
}

void ConnectionTableModel::setQuery(const ConnectionQuery &query)
{
    requery(query);
}

void ConnectionTableModel::refresh()
{
    requery(m_query);
}

void ConnectionTableModel::requery(const ConnectionQuery &query)
{
    // abort() delivers its Cancelled reply synchronously: the generation must already be
    // new so onPage drops it.
    ++m_generation;
    if (ApiCall *call = m_call.data()) {
        m_call = nullptr;
        call->abort();
    }
    m_prefetchTimer.stop();
    m_insertTimer.stop();

    beginResetModel();
    m_shown = 0;
    m_duplicates = DuplicateFilter(true);
    m_duplicatesDropped = 0;
    m_store.clear();
    m_order.clear();
    m_sortColumn = -1;
    m_live = false;
    m_rows.clear();
    m_liveIds.clear();
    m_marks.clear();
    m_listedAt = {};
    m_firstPageReceived = false;
    m_nextCursor.clear();
    m_seenCursors.clear();
    m_hasMore = true;
    const bool wasLoadingAll = std::exchange(m_loadingAll, false);
    m_resumeLoadAll = false;
    m_paused = false;
    m_lastError.reset();
    m_query = query;
    endResetModel();

    if (wasLoadingAll)
        Q_EMIT loadingAllChanged(false);
    Q_EMIT queryChanged(m_query);
    // A view or the model tester may already have asked for the first page while the
    // reset was signalled; fetchMore's guard makes this a no-op then.
    fetchMore({});
}

int ConnectionTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return isSorted() ? int(m_order.size()) : m_live ? int(m_rows.size()) : m_shown;
}

int ConnectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ConnectionTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && m_call.isNull() && !m_paused;
}

void ConnectionTableModel::fetchMore(const QModelIndex &parent)
{
    // The view calls this after every layout while the last row shows, and the model
    // tester on every signal: one page in flight at a time.
    if (parent.isValid() || !m_hasMore || !m_call.isNull())
        return;
    m_paused = false; // an explicit call after an error is the user's Retry
    startFetch();
}

void ConnectionTableModel::loadAll()
{
    if (!m_hasMore)
        return;
    m_resumeLoadAll = false;
    setLoadingAll(true);
    fetchMore({});
}

void ConnectionTableModel::cancelLoadAll()
{
    if (!m_loadingAll)
        return;
    setLoadingAll(false);
    // The rows received stay. They go in while the page request is still in flight, so a
    // view answering the insertion with fetchMore() does not start another one.
    if (m_shown < m_store.size()) {
        const quint64 generation = m_generation;
        insertPending();
        if (generation != m_generation)
            return; // a listener requeried: nothing of the old listing is left to stop
    }
    // A user's cancel is not an error: the Cancelled reply is dropped like a stale one.
    ++m_generation;
    if (ApiCall *call = m_call.data()) {
        m_call = nullptr;
        call->abort();
    }
}

void ConnectionTableModel::setTimesInUtc(bool utc)
{
    if (utc == m_timesInUtc)
        return;
    m_timesInUtc = utc;
    Q_EMIT headerDataChanged(Qt::Horizontal, CreatedColumn, DeletedColumn);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, CreatedColumn), index(rowCount() - 1, DeletedColumn),
                           {Qt::DisplayRole});
}

int ConnectionTableModel::rowOf(const QString &id) const
{
    for (int row = 0, rows = rowCount(); row < rows; ++row) {
        if (m_store.id(storeRow(row)) == id)
            return row;
    }
    return -1;
}

void ConnectionTableModel::retry()
{
    if (std::exchange(m_resumeLoadAll, false))
        loadAll();
    else
        fetchMore({});
}

void ConnectionTableModel::setLoadingAll(bool loadingAll)
{
    if (m_loadingAll == loadingAll)
        return;
    m_loadingAll = loadingAll;
    Q_EMIT loadingAllChanged(loadingAll);
}

void ConnectionTableModel::startFetch()
{
    const quint64 generation = m_generation;
    m_call = m_client->listConnections(m_query, m_nextCursor);
    connect(m_call, &ApiCall::retryScheduled, this,
            [this, generation](int nextAttempt, qint64 delayMs, const ApiError &reason) {
                if (generation == m_generation)
                    Q_EMIT retryScheduled(nextAttempt, delayMs, reason);
            });
    connect(m_call, &ApiCall::finished, this,
            [this, generation](const ApiResult &result) { onPage(generation, result); });
    Q_EMIT fetchStarted();
}

void ConnectionTableModel::onPage(quint64 generation, const ApiResult &result)
{
    if (generation != m_generation)
        return; // a reply for an older query, or one the user cancelled
    m_call = nullptr;
    m_lastFetchAt =
        result.finishedAt.isValid() ? result.finishedAt : QDateTime::currentDateTimeUtc();
    if (!result.ok()) {
        fail(*result.error);
        return;
    }
    QString error;
    std::optional<ConnectionPage> page = ApiParsing::connectionPage(result.body, &error);
    if (!page) {
        ApiError malformed =
            ApiError::make(ApiError::Kind::MalformedResponse, tr("Malformed response"),
                           tr("A page of connections could not be read: %1.").arg(error));
        malformed.httpStatus = result.httpStatus;
        malformed.rawBody = result.body;
        fail(malformed);
        return;
    }
    const bool last = page->nextCursor.isEmpty() || page->data.isEmpty();
    if (!last && m_seenCursors.contains(page->nextCursor)) {
        // Retrying the same cursor would only repeat this, so it pauses like any error;
        // the rows of this page are dropped as they are likely ones already shown.
        fail(ApiError::make(ApiError::Kind::MalformedResponse,
                            tr("The server returned a repeating cursor"),
                            tr("A page pointed back to a page already read; loading was "
                               "stopped rather than loop forever.")));
        return;
    }
    m_lastError.reset();
    if (!std::exchange(m_firstPageReceived, true))
        m_listedAt = result.serverDate;
    m_hasMore = !last;
    if (!last) {
        m_seenCursors.insert(page->nextCursor);
        m_nextCursor = page->nextCursor;
        // While loading everything, the next request travels while these rows go in.
        if (m_loadingAll)
            startFetch();
    } else {
        setLoadingAll(false);
    }
    storePage(page->data);
    Q_EMIT pageReceived();
    if (m_loadingAll) {
        if (!m_insertTimer.isActive())
            m_insertTimer.start();
        return;
    }
    insertPending();
}

void ConnectionTableModel::insertPending()
{
    m_insertTimer.stop();
    const quint64 generation = m_generation;
    const int inserted = int(m_store.size()) - m_shown;
    if (inserted > 0) {
        const int first = rowCount();
        beginInsertRows({}, first, first + inserted - 1);
        for (int row = m_shown; row < int(m_store.size()); ++row) {
            if (m_live)
                m_rows.append(row);
            if (isSorted())
                m_order.append(row);
        }
        m_shown = int(m_store.size());
        endInsertRows();
    }
    if (generation != m_generation)
        return;     // a listener of rowsInserted requeried: this page's news is stale
    if (!m_hasMore) // sorting just became possible: the header tooltips say so
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    Q_EMIT pageLoaded(inserted, m_hasMore);
}

void ConnectionTableModel::fail(const ApiError &error)
{
    if (m_shown < m_store.size()) {
        const quint64 generation = m_generation;
        insertPending(); // what arrived before the failure is shown
        if (generation != m_generation)
            return;
    }
    m_lastError = error;
    m_paused = true;
    m_resumeLoadAll = m_loadingAll;
    setLoadingAll(false);
    Q_EMIT fetchFailed(error);
}

void ConnectionTableModel::storePage(const QList<OAuthConnection> &rows)
{
    // A connection created or deleted during the listing shifts rows across a page
    // boundary: the server repeats them, the table shows them once.
    for (const OAuthConnection &connection : rows) {
        if (m_duplicates.check(connection) == DuplicateFilter::Verdict::Duplicate ||
            (!m_liveIds.isEmpty() && m_liveIds.contains(connection.id)))
            ++m_duplicatesDropped;
        else
            m_store.append(connection);
    }
}

void ConnectionTableModel::onApplicationNames()
{
    if (rowCount() == 0)
        return;
    Q_EMIT dataChanged(index(0, ApplicationColumn), index(rowCount() - 1, ApplicationColumn),
                       {Qt::DisplayRole, Qt::ToolTipRole, SortRole});
}

void ConnectionTableModel::prefetchNear(int row)
{
    if (row >= rowCount() - kPrefetchRows && canFetchMore({}) && !m_prefetchTimer.isActive())
        m_prefetchTimer.start();
}

QVariant ConnectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = storeRow(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (const auto mark = m_marks.constFind(row); mark != m_marks.cend()) {
            const QString when =
                QLocale().toString(mark->at.toLocalTime().time(), QLocale::LongFormat);
            const QString change = mark->kind == RowMark::Created
                                       ? tr("New since the listing began (created %1)")
                                       : tr("Deactivated since the listing began (%1)");
            const QString cell = toolTipData(row, index.column()).toString();
            return cell.isEmpty() ? change.arg(when) : QString(change.arg(when) + u'\n' + cell);
        }
        return toolTipData(row, index.column());
    case ConnectionIdRole:
        return m_store.id(row);
    case ApiValueRole:
        return apiValue(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case RecentChangeRole:
        if (const auto mark = m_marks.constFind(row); mark != m_marks.cend())
            return int(mark->kind);
        return {};
    case RecentChangeTimeRole:
        if (const auto mark = m_marks.constFind(row); mark != m_marks.cend())
            return mark->at;
        return {};
    default:
        return {};
    }
}

QString ConnectionTableModel::applicationName(const QString &applicationId) const
{
    return m_applications ? m_applications->displayName(applicationId) : applicationId;
}

QVariant ConnectionTableModel::displayData(int row, int column) const
{
    switch (column) {
    case IdColumn:
        return m_store.id(row);
    case StatusColumn: {
        const QString status = m_store.status(row);
        if (status == "active"_L1)
            return tr("Active");
        if (status == "inactive"_L1)
            return tr("Inactive");
        return status;
    }
    case ApplicationColumn:
        return applicationName(m_store.oauthApplicationId(row));
    case GroupIdColumn:
        return m_store.groupId(row);
    case CreatedColumn:
        if (const std::optional<qint64> seconds = m_store.createdAtSeconds(row))
            return cellTime(*seconds, m_timesInUtc);
        return m_store.createdAt(row);
    case DeletedColumn:
        if (const std::optional<qint64> seconds = m_store.deletedAtSeconds(row))
            return cellTime(*seconds, m_timesInUtc);
        return m_store.deletedAt(row).value_or(QString());
    }
    return {};
}

QVariant ConnectionTableModel::toolTipData(int row, int column) const
{
    std::optional<QString> verbatim;
    std::optional<qint64> seconds;
    switch (column) {
    case CreatedColumn:
        verbatim = m_store.createdAt(row);
        seconds = m_store.createdAtSeconds(row);
        break;
    case DeletedColumn:
        verbatim = m_store.deletedAt(row);
        seconds = m_store.deletedAtSeconds(row);
        if (!verbatim)
            return tr("Not deleted");
        break;
    case ApplicationColumn:
        // The id only: a name is untrusted text, and tooltips guess at rich text.
        return m_store.oauthApplicationId(row);
    default:
        return apiValue(row, column);
    }
    if (!seconds)
        return *verbatim;
    const QString utc = utcTime(*seconds);
    QString text =
        tr("%1 (UTC)\n%2 (local time)").arg(utc, localTime(*seconds, QLocale::LongFormat));
    if (*verbatim != utc)
        text += u'\n' + tr("As sent: %1").arg(*verbatim);
    return text;
}

QVariant ConnectionTableModel::apiValue(int row, int column) const
{
    switch (column) {
    case IdColumn:
        return m_store.id(row);
    case StatusColumn:
        return m_store.status(row);
    case ApplicationColumn:
        return m_store.oauthApplicationId(row);
    case GroupIdColumn:
        return m_store.groupId(row);
    case CreatedColumn:
        return m_store.createdAt(row);
    case DeletedColumn:
        if (std::optional<QString> deleted = m_store.deletedAt(row))
            return *deleted;
        return {}; // null in the API
    }
    return {};
}

QVariant ConnectionTableModel::sortValue(int row, int column) const
{
    switch (column) {
    case ApplicationColumn:
        return applicationName(m_store.oauthApplicationId(row));
    case CreatedColumn:
        if (const std::optional<qint64> seconds = m_store.createdAtSeconds(row))
            return *seconds;
        return {};
    case DeletedColumn:
        if (const std::optional<qint64> seconds = m_store.deletedAtSeconds(row))
            return *seconds;
        return {};
    default:
        return apiValue(row, column);
    }
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("ID");
        case StatusColumn:
            return tr("Status");
        case ApplicationColumn:
            return tr("Application");
        case GroupIdColumn:
            return tr("Group ID");
        case CreatedColumn:
            return m_timesInUtc ? tr("Created (UTC)") : tr("Created (local)");
        case DeletedColumn:
            return m_timesInUtc ? tr("Deleted (UTC)") : tr("Deleted (local)");
        }
    }
    if (role == Qt::ToolTipRole) {
        if (isSorted())
            return tr("Sorted by %1; refresh to return to the API order (newest first)")
                .arg(headerData(m_sortColumn, orientation, Qt::DisplayRole).toString());
        if (!isSortable())
            return tr("API order (newest first); sorting is available once every page is "
                      "loaded");
        return tr("API order (newest first); click to sort");
    }
    return {};
}

void ConnectionTableModel::sort(int column, Qt::SortOrder order)
{
    // The API has no sort: ordering a partial list would show a false picture.
    if (!isSortable())
        return;
    const bool apiOrderWanted = column < 0 || column >= ColumnCount;
    if (apiOrderWanted && !isSorted())
        return;

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> storeRows;
    storeRows.reserve(before.size());
    for (const QModelIndex &index : before)
        storeRows.append(storeRow(index.row()));

    if (apiOrderWanted) {
        m_order.clear();
        m_sortColumn = -1;
    } else {
        m_order = ConnectionSort::permutation(
            m_store, apiOrder(), ConnectionSort::Key(column), order,
            [this](const QString &applicationId) { return applicationName(applicationId); });
        m_sortColumn = column;
        m_sortOrder = order;
    }

    QList<int> viewRowOf(m_store.size(), -1);
    for (int row = 0, rows = rowCount(); row < rows; ++row)
        viewRowOf[storeRow(row)] = row;
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(viewRowOf.at(storeRows.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}
