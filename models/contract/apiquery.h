// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventquery.h"

#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

// What to list. An empty status list means "the API's default" (active only for
// connections, every status for applications): the parameter is then not sent.
struct ConnectionQuery
{
    QStringList statuses;  // subset of {"active", "inactive"}, in that order
    QString applicationId; // empty: every application

    bool operator==(const ConnectionQuery &o) const
    {
        return statuses == o.statuses && applicationId == o.applicationId;
    }
    bool operator!=(const ConnectionQuery &o) const { return !(*this == o); }
};

namespace ApiQuery {

inline constexpr int kMaxLimit = 100;

// Query for GET /oauth_connections. limit is clamped to 1..100; cursor omitted when empty.
// status.in is sent comma-separated: status.in=active,inactive. Values are stored
// percent-encoded so opaque cursors reach the server verbatim: read one back with
// queryItemValue(key, QUrl::FullyDecoded).
QUrlQuery connectionList(const ConnectionQuery &query, const QString &cursor,
                         int limit = kMaxLimit);

// Query for GET /oauth_applications; statuses subset of {"active","deleted"}.
QUrlQuery applicationList(const QStringList &statuses, const QString &cursor,
                          int limit = kMaxLimit);

// Query for GET /events. category.in is sent comma-separated like status.in
// (category.in=oauth_connection.created,oauth_connection.deactivated); empty members of
// `query` are left out; cursor omitted when empty.
QUrlQuery eventList(const EventQuery &query, const QString &cursor);

// Path ids must match [A-Za-z0-9_-]{1,200}; anything else (".", "..", "/", spaces,
// unicode) is refused before any request. `error` says why.
bool isValidPathId(const QString &id, QString *error = nullptr);

// An id for an error message to quote: whole when it could be an id, else its first
// characters and an ellipsis, so a 10,000-character argument does not bury the reason.
QString quotableId(const QString &id);

// "active" | "inactive" | "all" | "active,inactive" (any order, no duplicates) into the
// status list. nullopt with `error` for anything else. `allowed` is the enum of the list
// (connections: active, inactive; applications: active, deleted).
std::optional<QStringList> parseStatusFilter(const QString &text, const QStringList &allowed,
                                             QString *error);

} // namespace ApiQuery
