// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestlogentry.h"

#include <QAbstractTableModel>
#include <vector>

// The request log: the last `capacity()` exchanges of IncreaseClient, oldest first, as a
// table. Fed by `connect(client, &IncreaseClient::exchange, model, &RequestLogModel::append)`.
// Stored in a circular buffer, so appending to a full log costs the same as to an empty
// one: the oldest row is removed (row 0), the new one inserted at the end.
//
// Response bodies dominate its memory (each up to 256 KiB; a 100-row page is ~24 KB),
// so besides the row count it can be bounded by the bytes of bodies it keeps.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        MethodColumn,
        TargetColumn, // path and query, decoded for reading
        StatusColumn,
        ErrorTypeColumn,
        AttemptColumn,
        LatencyColumn,
        SizeColumn,
        ColumnCount
    };
    enum Role {
        EntryRole = Qt::UserRole + 1, // RequestLogEntry
        IsFailureRole,                // bool, see isFailure()
        StatusClassRole,              // int: 0 no response, else 2, 3, 4 or 5
        SortRole,                     // the column's raw value (numbers as numbers)
    };
    static constexpr int kDefaultCapacity = 5000;

    explicit RequestLogModel(QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    // At least 1. Shrinking below the row count drops the oldest rows.
    void setCapacity(int capacity);
    // 0 (the default): no limit. Else the oldest rows are dropped while the bodies kept
    // would exceed `bytes`; the newest row always stays.
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    void setMaxBodyBytes(qint64 bytes);
    qint64 bodyBytes() const { return m_bodyBytes; }
    // Entries dropped to stay within the bounds since the last clear().
    qint64 droppedCount() const { return m_dropped; }

    const RequestLogEntry &entry(int row) const;
    // Oldest first: what "Save as HAR" writes.
    QList<RequestLogEntry> entries() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // An error status, no response, or an error on a 2xx (a body cut off, not JSON).
    // A cancelled request is not a failure: the user (or a requery) asked for it.
    static bool isFailure(const RequestLogEntry &entry);
    static bool isCancelled(const RequestLogEntry &entry);
    static int statusClass(const RequestLogEntry &entry);
    // "/oauth_connections?cursor=a b&limit=100": percent-decoded, with control
    // characters left encoded so a row stays one line.
    static QString readableTarget(const QUrl &url);

public Q_SLOTS:
    void append(const RequestLogEntry &entry);
    // The retry the exchange `id` announced was cancelled (IncreaseClient::retryCancelled).
    void markRetryCancelled(quint64 id);
    void clear();

private:
    int slotOf(int row) const { return int((size_t(m_head) + size_t(row)) % m_ring.size()); }
    static QVariant display(const RequestLogEntry &entry, int column);
    static QString headerToolTip(int section);
    static QVariant sortValue(const RequestLogEntry &entry, int column);
    void dropOldest(int rows);
    void makeContiguous();

    // Rows are m_count slots from m_head, wrapping; the other slots are empty. The ring
    // grows one slot at a time up to m_capacity, when every slot holds a row.
    std::vector<RequestLogEntry> m_ring;
    int m_head = 0;
    int m_count = 0;
    int m_capacity = kDefaultCapacity;
    qint64 m_maxBodyBytes = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_dropped = 0;
};
