// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <optional>

// Where a change feed stands, by the server's clock: changes at or after `since` are
// reported; `newest` is the newest event seen (or `since` before any); `recent` holds the
// ids seen in the overlap before `newest`, which the next poll lists again. Saved as JSON
// so a watch resumes where it stopped; it never holds a key or a URL.
struct ChangeFeedState
{
    QDateTime since;  // UTC
    QDateTime newest; // UTC, never before `since`
    QHash<QString, QDateTime> recent;

    static ChangeFeedState startingAt(const QDateTime &since);

    // created_at.on_or_after of the next poll: `newest` minus the overlap.
    QDateTime listFrom(qint64 overlapSeconds) const;
    bool hasSeen(const QString &eventId) const { return recent.contains(eventId); }
    // Records an event and forgets the ids the next poll cannot list again.
    void remember(const QString &eventId, const QDateTime &createdAt, qint64 overlapSeconds);

    QByteArray toJson() const;
    // nullopt with `error` (what is wrong) for anything that is not a state this wrote.
    static std::optional<ChangeFeedState> fromJson(const QByteArray &json, QString *error);

    bool operator==(const ChangeFeedState &o) const
    {
        return since == o.since && newest == o.newest && recent == o.recent;
    }
};
