// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauthconnection.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What the copy commands put on the clipboard. Pure functions: tests need no clipboard.
namespace RowCopy {

// Tab-separated values, one line per row ("\n"), an optional header line first. A tab or
// line break inside a cell becomes a space so every row stays one line of cells.
QString tsv(const QStringList &header, const QList<QStringList> &rows);

// The 7 API fields of a connection, null kept as null.
QJsonObject toJson(const OAuthConnection &connection);
// A JSON array of those objects, indented, as pasted into an editor or a ticket.
QByteArray jsonArray(const QList<OAuthConnection> &connections);

} // namespace RowCopy
