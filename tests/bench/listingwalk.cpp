#include "listingwalk.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

std::optional<Listing> walkListing(const QUrl &baseUrl, const QString &apiKey, const QString &query,
                                   QString *error)
{
    QNetworkAccessManager network;
    Listing listing;
    QString cursor;
    do {
        // The client's own order of parameters: the cursor first.
        const QString cursorPart = cursor.isEmpty() ? QString() : u"cursor="_s + cursor + u'&';
        const QUrl url(baseUrl.toString() + u"/oauth_connections?"_s + cursorPart + query);
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
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        for (const QJsonValue &row : page.value("data"_L1).toArray())
            listing.ids.append(row.toObject().value("id"_L1).toString().toUtf8());
        listing.pages.append(url);
        listing.bytes += body.size();
        cursor = page.value("next_cursor"_L1).toString();
    } while (!cursor.isEmpty());
    return listing;
}
