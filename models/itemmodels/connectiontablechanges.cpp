// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// What a watch does to the table: ConnectionTableModel::applyChange and the marks it
// leaves. Kept apart from the listing's paging, which it must never disturb.

#include "connectiontablemodel.h"

#include "compactfield.h"
#include "connectionsort.h"

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

bool ConnectionTableModel::admits(const OAuthConnection &connection) const
{
    // No status filter is the API's default: active connections only.
    const bool status = m_query.statuses.isEmpty() ? connection.status == "active"_L1
                                                   : m_query.statuses.contains(connection.status);
    return status && (m_query.applicationId.isEmpty() ||
                      connection.oauthApplicationId == m_query.applicationId);
}

void ConnectionTableModel::goLive()
{
    // The same rows in the same order, now listed explicitly so rows can come and go.
    if (m_live)
        return;
    m_rows = apiOrder();
    m_live = true;
}

QList<int> ConnectionTableModel::apiOrder() const
{
    if (m_live)
        return m_rows;
    QList<int> rows(m_shown);
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
}

int ConnectionTableModel::apiInsertionRow(const OAuthConnection &connection) const
{
    // The API lists newest first by created_at, ties by id descending; a row the server
    // listed otherwise only makes the place approximate.
    const std::optional<qint64> created = CompactField::isoSeconds(connection.createdAt);
    const QString &id = connection.id;
    const auto before = std::partition_point(m_rows.cbegin(), m_rows.cend(), [&](int row) {
        const std::optional<qint64> rowCreated = m_store.createdAtSeconds(row);
        if (rowCreated != created)
            return rowCreated.value_or(std::numeric_limits<qint64>::min()) >
                   created.value_or(std::numeric_limits<qint64>::min());
        return m_store.id(row) > id;
    });
    return int(before - m_rows.cbegin());
}

int ConnectionTableModel::sortedInsertionRow(int storeIndex) const
{
    const auto key = ConnectionSort::Key(m_sortColumn);
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const auto names = [this](const QString &applicationId) {
        return applicationName(applicationId);
    };
    const auto before = std::partition_point(m_order.cbegin(), m_order.cend(), [&](int row) {
        const int c = ConnectionSort::compare(m_store, key, row, storeIndex, names);
        return ascending ? c < 0 : c > 0;
    });
    return int(before - m_order.cbegin());
}

ConnectionTableModel::ChangeOutcome
ConnectionTableModel::applyChange(const OAuthConnection &connection, RowMark mark,
                                  const QDateTime &at)
{
    // Rows Load All holds back go in first, so a row's place is among every row received.
    if (m_shown < m_store.size()) {
        const quint64 generation = m_generation;
        insertPending();
        if (generation != m_generation)
            return ChangeOutcome::Ignored; // a listener requeried: the change is for no one
    }
    goLive();

    const bool admitted = admits(connection);
    // A row removed earlier stays in the store, and a page may have stored an id twice:
    // the shown one is the one to change.
    int found = -1;
    int apiRow = -1;
    for (qsizetype stored = m_store.indexOf(connection.id); stored >= 0;
         stored = m_store.indexOf(connection.id, stored + 1)) {
        if (found < 0)
            found = int(stored);
        if (const qsizetype shown = m_rows.indexOf(int(stored)); shown >= 0) {
            found = int(stored);
            apiRow = int(shown);
            break;
        }
    }
    if (apiRow >= 0) {
        if (admitted && m_store.at(found) == connection)
            return ChangeOutcome::Unchanged; // not news: no mark
        m_store.replace(found, connection);
        const int viewRow = isSorted() ? int(m_order.indexOf(found)) : apiRow;
        if (!admitted) {
            beginRemoveRows({}, viewRow, viewRow);
            m_rows.removeAt(apiRow);
            if (isSorted())
                m_order.removeAt(viewRow);
            m_marks.remove(found);
            endRemoveRows();
            return ChangeOutcome::Removed;
        }
        m_marks.insert(found, {mark, at});
        Q_EMIT dataChanged(index(viewRow, 0), index(viewRow, ColumnCount - 1));
        return ChangeOutcome::Updated;
    }
    if (found >= 0)
        m_store.replace(found, connection); // a row removed earlier stays current
    if (!admitted)
        return ChangeOutcome::Ignored;
    const int apiPlace = apiInsertionRow(connection);
    if (m_hasMore && apiPlace == m_rows.size())
        return ChangeOutcome::Ignored; // older than every row loaded: a later page has it

    int storeIndex = found;
    if (found < 0) {
        m_store.append(connection);
        storeIndex = int(m_store.size()) - 1;
        m_shown = int(m_store.size());
    }
    const int viewRow = isSorted() ? sortedInsertionRow(storeIndex) : apiPlace;
    beginInsertRows({}, viewRow, viewRow);
    m_rows.insert(apiPlace, storeIndex);
    if (isSorted())
        m_order.insert(viewRow, storeIndex);
    m_liveIds.insert(connection.id);
    m_marks.insert(storeIndex, {mark, at});
    endInsertRows();
    return ChangeOutcome::Inserted;
}

QList<int> ConnectionTableModel::markedRows() const
{
    QList<int> rows;
    if (m_marks.isEmpty())
        return rows;
    for (int row = 0, count = rowCount(); row < count; ++row) {
        if (m_marks.contains(storeRow(row)))
            rows.append(row);
    }
    return rows;
}

void ConnectionTableModel::clearMarks()
{
    const QList<int> rows = markedRows();
    m_marks.clear();
    for (const int row : rows)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                           {RecentChangeRole, RecentChangeTimeRole});
}
