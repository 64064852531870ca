// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

// One Event as the API returns it: a record that something happened to an object, such as
// an OAuth Connection created or deactivated. Timestamps stay verbatim strings, like the
// connection's; categories this build does not know are kept as sent (the API adds some
// over time).
struct IncreaseEvent
{
    QString id;                   // e.g. "event_001dzz0r20rzr4zrhrr1364hy80"
    QString createdAt;            // ISO 8601, when it happened (checked to be a date-time)
    QString category;             // e.g. "oauth_connection.created"
    QString associatedObjectId;   // e.g. the connection's id
    QString associatedObjectType; // e.g. "oauth_connection"
    QString type;                 // "event"

    bool operator==(const IncreaseEvent &o) const
    {
        return id == o.id && createdAt == o.createdAt && category == o.category &&
               associatedObjectId == o.associatedObjectId &&
               associatedObjectType == o.associatedObjectType && type == o.type;
    }
    bool operator!=(const IncreaseEvent &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(IncreaseEvent)

namespace EventCategory {
inline constexpr char16_t ConnectionCreated[] = u"oauth_connection.created";
inline constexpr char16_t ConnectionDeactivated[] = u"oauth_connection.deactivated";
} // namespace EventCategory
