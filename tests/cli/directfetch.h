// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

// Reads the local sandbox straight over HTTP, without the code under test, to know what
// the CLI must print.
namespace DirectFetch {

// Every object of a list endpoint, following next_cursor; empty on any error.
QList<QJsonObject> list(const QUrl &baseUrl, const QString &apiKey, const QString &path,
                        QUrlQuery query = {});

// The body of one GET, nullopt unless it is a 200 with a JSON object.
std::optional<QJsonObject> object(const QUrl &baseUrl, const QString &apiKey, const QString &path);

} // namespace DirectFetch
