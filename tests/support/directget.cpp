// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "directget.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

std::optional<QByteArray> directGet(QNetworkAccessManager &network, const QUrl &url,
                                    const QString &apiKey, QString *error)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError) {
        *error = u"GET %1: %2"_s.arg(url.toString(), reply->errorString());
        return std::nullopt;
    }
    return body;
}

QString walkPages(const QString &apiKey, const std::function<QUrl(const QString &cursor)> &pageUrl,
                  const std::function<void(const QUrl &url, const QByteArray &body,
                                           const QJsonArray &data)> &onPage)
{
    // Far more than any listing here has pages; a cursor that loops fails instead of hanging.
    constexpr int kMaxPages = 100000;
    QNetworkAccessManager network;
    QString cursor;
    for (int pages = 0; pages < kMaxPages; ++pages) {
        const QUrl url = pageUrl(cursor);
        QString error;
        const std::optional<QByteArray> body = directGet(network, url, apiKey, &error);
        if (!body)
            return error;
        const QJsonDocument document = QJsonDocument::fromJson(*body);
        if (!document.isObject())
            return u"GET %1: the body is not a JSON object"_s.arg(url.toString());
        const QJsonObject page = document.object();
        const QJsonArray data = page.value("data"_L1).toArray();
        onPage(url, *body, data);
        cursor = page.value("next_cursor"_L1).toString();
        if (cursor.isEmpty() || data.isEmpty())
            return {};
    }
    return u"more than %1 pages: the cursor never ends"_s.arg(kMaxPages);
}
