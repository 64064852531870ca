// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "directfetch.h"

#include "directget.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

QList<QJsonObject> DirectFetch::list(const QUrl &baseUrl, const QString &apiKey,
                                     const QString &path, QUrlQuery query)
{
    QList<QJsonObject> objects;
    query.addQueryItem(u"limit"_s, u"100"_s);
    const QString failure = walkPages(
        apiKey,
        [&](const QString &cursor) {
            QUrl url = baseUrl;
            url.setPath(path);
            QUrlQuery pageQuery = query;
            if (!cursor.isEmpty())
                pageQuery.addQueryItem(u"cursor"_s, cursor);
            url.setQuery(pageQuery);
            return url;
        },
        [&](const QUrl &, const QByteArray &, const QJsonArray &data) {
            for (const QJsonValue &value : data)
                objects.append(value.toObject());
        });
    if (!failure.isEmpty()) {
        qWarning("direct listing of %s failed: %s", qUtf8Printable(path), qUtf8Printable(failure));
        return {};
    }
    return objects;
}

std::optional<QJsonObject> DirectFetch::object(const QUrl &baseUrl, const QString &apiKey,
                                               const QString &path)
{
    QNetworkAccessManager network;
    QUrl url = baseUrl;
    url.setPath(path);
    QString error;
    const std::optional<QByteArray> body = directGet(network, url, apiKey, &error);
    if (!body)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(*body);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}
