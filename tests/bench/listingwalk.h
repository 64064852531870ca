// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QList>
#include <QUrl>
#include <optional>

// Every page URL of one listing, found by following next_cursor, with the ids the server
// returned in order: the raw-transfer peer fetches exactly these pages again, and both
// exports are checked against these ids.
struct Listing
{
    QList<QUrl> pages;
    QByteArrayList ids;
    qint64 bytes = 0; // the bodies of every page
};

// Walks `GET /oauth_connections?<query>` from the first page to the last (query as the
// client sends it, without the cursor). Needs a running QCoreApplication.
std::optional<Listing> walkListing(const QUrl &baseUrl, const QString &apiKey, const QString &query,
                                   QString *error);
