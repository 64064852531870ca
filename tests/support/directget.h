// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

class QNetworkAccessManager;

// The server read straight over HTTP, without the client under test: the reference the
// tests and the benchmarks compare the real output with. Both wait in a local event loop,
// so they need a QCoreApplication.

// One GET with `apiKey` as the bearer token: the body, or nullopt and "GET <url>: <reason>"
// in `error` on anything but a 2xx.
std::optional<QByteArray> directGet(QNetworkAccessManager &network, const QUrl &url,
                                    const QString &apiKey, QString *error);

// Follows next_cursor from the first page (cursor empty) until a page has no cursor or no
// rows, over one connection. `pageUrl` makes each page's URL from the cursor; `onPage` is
// given that URL, the raw body and its "data". Empty when the walk reached the end, else
// why not: a page that is not a 2xx JSON object, or a cursor that never ends.
QString walkPages(const QString &apiKey, const std::function<QUrl(const QString &cursor)> &pageUrl,
                  const std::function<void(const QUrl &url, const QByteArray &body,
                                           const QJsonArray &data)> &onPage);
