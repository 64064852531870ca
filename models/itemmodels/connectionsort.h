// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <functional>

class ConnectionStore;

// Orders loaded rows for the table once every page is in. Pure: it returns a permutation
// of store rows and leaves the store alone. Stable, so rows that compare equal keep the
// API's order (newest first) in both directions.
namespace ConnectionSort {

enum class Key { Id, Status, Application, GroupId, Created, Deleted };

// `applicationName` names an application id (the Application column sorts by name,
// case-insensitively). Timestamps sort by instant; a null deleted_at sorts before any
// date, and a timestamp that cannot be read sorts before the readable ones.
QList<int> permutation(const ConnectionStore &store, Key key, Qt::SortOrder order,
                       const std::function<QString(const QString &)> &applicationName);
// The same over some store rows only, `apiOrder` listing them in the API's order (rows a
// watch removed are left out, rows it inserted are in their place).
QList<int> permutation(const ConnectionStore &store, const QList<int> &apiOrder, Key key,
                       Qt::SortOrder order,
                       const std::function<QString(const QString &)> &applicationName);

// Store rows `a` and `b` compared by `key` as permutation() orders them (ascending):
// negative, zero or positive. For placing one row in a sorted table.
int compare(const ConnectionStore &store, Key key, int a, int b,
            const std::function<QString(const QString &)> &applicationName);

} // namespace ConnectionSort
