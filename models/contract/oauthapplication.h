// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <optional>

// One OAuth Application. `name` is chosen by the application's owner: untrusted text.
struct OAuthApplication
{
    QString id;
    QString clientId;
    QString createdAt;
    std::optional<QString> deletedAt;
    std::optional<QString> name;
    QString status;
    QString type;

    bool operator==(const OAuthApplication &o) const
    {
        return id == o.id && clientId == o.clientId && createdAt == o.createdAt &&
               deletedAt == o.deletedAt && name == o.name && status == o.status && type == o.type;
    }
    bool operator!=(const OAuthApplication &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(OAuthApplication)
