// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "listingwalk.h"

#include "directget.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

std::optional<Listing> walkListing(const QUrl &baseUrl, const QString &apiKey, const QString &query,
                                   QString *error)
{
    Listing listing;
    const QString failure = walkPages(
        apiKey,
        [&](const QString &cursor) {
            // The client's own order of parameters: the cursor first.
            const QString cursorPart = cursor.isEmpty() ? QString() : u"cursor="_s + cursor + u'&';
            return QUrl(baseUrl.toString() + u"/oauth_connections?"_s + cursorPart + query);
        },
        [&](const QUrl &url, const QByteArray &body, const QJsonArray &data) {
            for (const QJsonValue &row : data)
                listing.ids.append(row.toObject().value("id"_L1).toString().toUtf8());
            listing.pages.append(url);
            listing.bytes += body.size();
        });
    if (!failure.isEmpty()) {
        *error = failure;
        return std::nullopt;
    }
    return listing;
}
