// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <optional>

// One OAuth Connection as the API returns it. Timestamps stay verbatim strings so an
// export reproduces the API's bytes exactly; unknown status values are kept as sent.
struct OAuthConnection
{
    QString id;
    QString createdAt;
    std::optional<QString> deletedAt;
    QString groupId;
    QString oauthApplicationId;
    QString status;
    QString type;

    bool operator==(const OAuthConnection &o) const
    {
        return id == o.id && createdAt == o.createdAt && deletedAt == o.deletedAt &&
               groupId == o.groupId && oauthApplicationId == o.oauthApplicationId &&
               status == o.status && type == o.type;
    }
    bool operator!=(const OAuthConnection &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(OAuthConnection)
