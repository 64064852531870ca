#include "directfetch.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace {

std::optional<QJsonObject> get(QNetworkAccessManager &network, const QUrl &url,
                               const QString &apiKey)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    if (reply->error() != QNetworkReply::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

QList<QJsonObject> DirectFetch::list(const QUrl &baseUrl, const QString &apiKey,
                                     const QString &path, QUrlQuery query)
{
    QNetworkAccessManager network;
    QList<QJsonObject> objects;
    query.addQueryItem(u"limit"_s, u"100"_s);
    QString cursor;
    for (int page = 0; page < 100000; ++page) {
        QUrl url = baseUrl;
        url.setPath(path);
        QUrlQuery pageQuery = query;
        if (!cursor.isEmpty())
            pageQuery.addQueryItem(u"cursor"_s, cursor);
        url.setQuery(pageQuery);
        const auto body = get(network, url, apiKey);
        if (!body)
            return {};
        const QJsonArray data = body->value(u"data"_s).toArray();
        for (const QJsonValue &value : data)
            objects.append(value.toObject());
        cursor = body->value(u"next_cursor"_s).toString();
        if (cursor.isEmpty() || data.isEmpty())
            return objects;
    }
    return {};
}

std::optional<QJsonObject> DirectFetch::object(const QUrl &baseUrl, const QString &apiKey,
                                               const QString &path)
{
    QNetworkAccessManager network;
    QUrl url = baseUrl;
    url.setPath(path);
    return get(network, url, apiKey);
}
