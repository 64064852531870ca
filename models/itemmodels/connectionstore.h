// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compactfield.h"
#include "oauthconnection.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

// Loaded connections kept compactly for the table: ids without their constant prefix in
// fixed-size storage, timestamps as integers, status as an enum, application ids and
// types interned. Anything that would not re-render to the exact API string is kept
// verbatim on the side, so every field of at(i) equals what the API sent.
class ConnectionStore
{
public:
    void append(const OAuthConnection &connection);
    // Rewrites row `row` (a watched connection changed): every field as `connection` has it.
    void replace(qsizetype row, const OAuthConnection &connection);
    // The first row from `from` on holding connection `id`, or -1. A scan of the packed
    // ids: about a millisecond for a million rows, without building a string a row.
    qsizetype indexOf(const QString &id, qsizetype from = 0) const;
    void clear();
    qsizetype size() const;
    void reserve(qsizetype rows);

    OAuthConnection at(qsizetype row) const;
    QString id(qsizetype row) const;
    QString createdAt(qsizetype row) const;
    std::optional<QString> deletedAt(qsizetype row) const;
    QString groupId(qsizetype row) const;
    QString oauthApplicationId(qsizetype row) const;
    QString status(qsizetype row) const;
    QString type(qsizetype row) const;
    // Seconds since the epoch (UTC) of created_at / deleted_at, for sorting and display;
    // nullopt when the value is absent or not an ISO 8601 timestamp naming its offset
    // ("Z" or "+01:00"; fractional seconds are truncated).
    // Inline: the figures read both for every row shown.
    std::optional<qint64> createdAtSeconds(qsizetype index) const
    {
        const Row &r = row(index);
        if (r.flags & CreatedVerbatim)
            return verbatimSeconds(index, CreatedField);
        return r.createdAt;
    }
    std::optional<qint64> deletedAtSeconds(qsizetype index) const
    {
        const Row &r = row(index);
        if (r.flags & DeletedNull)
            return std::nullopt;
        if (r.flags & DeletedVerbatim)
            return verbatimSeconds(index, DeletedField);
        return r.deletedAt;
    }
    // Whether deleted_at is null: deletedAtSeconds() is nullopt for a null one and for one
    // that could not be read alike.
    bool deletedAtIsNull(qsizetype index) const { return row(index).flags & DeletedNull; }

    // The same row as the figures read it, without building a string: the status as the
    // API's "active", "inactive" or another value, and the application as an index into
    // applicationIds() (every id interned so far, in the order first seen).
    enum class StatusKind : quint8 { Active, Inactive, Other };
    StatusKind statusKind(qsizetype index) const
    {
        const quint8 status = row(index).status;
        return status == Active     ? StatusKind::Active
               : status == Inactive ? StatusKind::Inactive
                                    : StatusKind::Other;
    }
    quint32 applicationIndex(qsizetype index) const { return row(index).application; }
    const QStringList &applicationIds() const { return m_applicationIds; }

    // Search text prepared once for contains(): as typed for the strings kept verbatim,
    // case-folded into ASCII for the packed fields. Valid until the store changes; it
    // caches the last dates rendered, so one search, on one thread, uses it.
    struct Needle
    {
        QString text;
        CompactField::PackedIdSearch inIds;
        CompactField::PackedIdSearch inGroups;
        CompactField::PackedTimestampSearch inTimestamps;      // as the API sent them
        CompactField::PackedTimestampSearch inShownTimestamps; // as the table shows them
        bool inActive = false;
        bool inInactive = false;
        std::vector<bool> applications; // by interned index: the id (or name) matches
    };
    // `applicationMatches` is asked once for each distinct application id.
    // `timesInUtc`: how the table shows the timestamps ("yyyy-MM-dd HH:mm:ss"), in UTC or
    // in local time.
    Needle needle(const QString &text,
                  const std::function<bool(const QString &applicationId)> &applicationMatches,
                  bool timesInUtc) const;
    // Whether the row's id, status, group id, created_at or deleted_at (as the API sent
    // them, or the timestamps as the table shows them) contain the needle
    // case-insensitively, as QString::contains does, or its application matched; without
    // building the row's strings.
    bool contains(qsizetype row, const Needle &needle) const;

    // Heap bytes the store holds, for the memory benchmark.
    qsizetype bytesUsed() const;

private:
    // 64 bytes a row. The flags say which fields did not fit and live in m_verbatim.
    struct Row
    {
        qint64 createdAt;    // Unix seconds, unless CreatedVerbatim
        qint64 deletedAt;    // Unix seconds, unless DeletedNull or DeletedVerbatim
        char id[20];         // after "connection_", unless IdVerbatim
        char groupId[20];    // after "group_", unless GroupVerbatim
        quint32 application; // index into m_applicationIds
        quint16 type;        // index into m_types, unless TypeVerbatim
        quint8 status;       // Status
        quint8 flags;        // Flag bits
    };
    enum Status : quint8 { Active, Inactive, OtherStatus };
    enum Flag : quint8 {
        IdVerbatim = 1,
        GroupVerbatim = 2,
        CreatedVerbatim = 4,
        DeletedVerbatim = 8,
        DeletedNull = 16,
        TypeVerbatim = 32,
    };
    enum Field : quint8 { IdField, GroupField, CreatedField, DeletedField, StatusField, TypeField };

    // Fixed-size chunks: appending never moves rows (no reallocation stall, no doubled
    // capacity), and a row is found in O(1).
    static constexpr int kChunkShift = 10;
    static constexpr qsizetype kChunkRows = qsizetype(1) << kChunkShift;

    const Row &row(qsizetype index) const
    {
        return m_chunks[size_t(index >> kChunkShift)][size_t(index & (kChunkRows - 1))];
    }
    static quint64 verbatimKey(qsizetype index, Field field) { return quint64(index) << 3 | field; }
    void write(qsizetype index, const OAuthConnection &connection);
    QString verbatim(qsizetype index, Field field) const;
    std::optional<qint64> verbatimSeconds(qsizetype index, Field field) const;
    bool verbatimContains(qsizetype index, Field field, const Needle &needle) const;

    std::vector<std::unique_ptr<Row[]>> m_chunks;
    qsizetype m_size = 0;
    QStringList m_applicationIds;
    QHash<QString, quint32> m_applicationIndex;
    QStringList m_types;
    QHash<QString, quint16> m_typeIndex;
    QHash<quint64, QString> m_verbatim; // key: row << 3 | Field
};
