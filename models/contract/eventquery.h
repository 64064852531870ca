// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// What to list from GET /events. Empty members are not sent, so the API's defaults apply
// (every category, every object, all time). Timestamps are ISO 8601 date-times as the API
// takes them, e.g. "2025-06-30T12:00:00Z"; `limit` is clamped to 1..100 when sent.
struct EventQuery
{
    QStringList categories;     // category.in, e.g. {"oauth_connection.created"}
    QString associatedObjectId; // associated_object_id
    QString createdAfter;       // created_at.after (exclusive)
    QString createdBefore;      // created_at.before (exclusive)
    QString createdOnOrAfter;   // created_at.on_or_after
    QString createdOnOrBefore;  // created_at.on_or_before
    int limit = 100;

    bool operator==(const EventQuery &o) const
    {
        return categories == o.categories && associatedObjectId == o.associatedObjectId &&
               createdAfter == o.createdAfter && createdBefore == o.createdBefore &&
               createdOnOrAfter == o.createdOnOrAfter && createdOnOrBefore == o.createdOnOrBefore &&
               limit == o.limit;
    }
    bool operator!=(const EventQuery &o) const { return !(*this == o); }
};
