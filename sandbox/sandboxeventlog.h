// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringView>
#include <QtGlobal>
#include <optional>
#include <vector>

class SandboxDataset;

// The dataset's events, derived from its connections rather than stored: one
// `oauth_connection.created` at each created_at and one `oauth_connection.deactivated` at
// each deleted_at. An event is a 32-bit key (row × 2 + kind); its id is that key through a
// seed-keyed permutation, so ids look random, retrieve needs no table, and the only memory
// is the list order: 4 bytes an event, built on the first listing.
class SandboxEventLog
{
public:
    enum Kind : quint8 { Created = 0, Deactivated = 1 };
    static constexpr int IdLength = 20; // after "event_"

    SandboxEventLog(const SandboxDataset &dataset, quint64 seed);

    static quint32 key(quint32 row, Kind kind) { return row * 2 + quint32(kind); }
    static quint32 rowOf(quint32 key) { return key >> 1; }
    static Kind kindOf(quint32 key) { return Kind(key & 1); }

    bool exists(quint32 key) const;
    qint64 time(quint32 key) const; // Unix seconds
    // List order: created_at ascending, then id ascending.
    bool before(quint32 a, quint32 b) const;

    // Every event in list order.
    const std::vector<quint32> &ordered() const;
    // Position of the first event at or after `unixSeconds`, and of the first after `key`.
    size_t firstAtOrAfter(qint64 unixSeconds) const;
    size_t firstAfter(quint32 key) const;
    // An event that has just happened to the dataset (churn).
    void add(quint32 key);

    // The key of an existing event with this id.
    std::optional<quint32> find(QStringView id) const;
    // Appends the event's JSON object, the 6 fields of the `event` schema.
    void appendJson(QByteArray &out, quint32 key) const;

private:
    quint64 idValue(quint32 key) const;
    void writeId(char *out, quint32 key) const;
    quint64 checkValue(quint64 value) const;

    const SandboxDataset &m_dataset;
    quint64 m_key;
    mutable std::vector<quint32> m_ordered;
    mutable bool m_built = false;
};
