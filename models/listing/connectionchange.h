// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "increaseevent.h"
#include "oauthconnection.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>

// One change a feed reports: the event, and the connection it concerns as retrieved after
// the event was listed (so possibly changed again since).
struct ConnectionChange
{
    IncreaseEvent event;
    QDateTime eventTime; // event.createdAt, parsed (UTC)
    OAuthConnection connection;
    QJsonObject rawConnection; // as the API sent it
};

Q_DECLARE_METATYPE(ConnectionChange)
