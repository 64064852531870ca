// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apiquery.h"
#include "oauthconnection.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

class ApiCall;
class IncreaseClient;
struct ApiResult;

// Follows next_cursor from the first page to the last, one request in flight, asking for
// the next page as soon as a page's cursor is known: read cheaply before the page is
// parsed when it can be (CursorPeek, checked against the parse), else before its rows
// are handed on.
// Ends on a null/missing/empty cursor or an empty page; a cursor already seen in this
// listing is an error, never an endless loop. Paced, it asks for each page after the
// first only when told to (requestNext), so a merge of several walkers holds only the
// pages it still needs.
class ConnectionWalker : public QObject
{
    Q_OBJECT
public:
    ConnectionWalker(IncreaseClient *client, ConnectionQuery query, int maxRetries,
                     QObject *parent = nullptr);
    ~ConnectionWalker() override;

    void start();
    // Aborts the request in flight; `failed` is emitted with a Cancelled error.
    void cancel();
    bool isRunning() const { return m_running; }
    // Before start(): wait for requestNext() instead of fetching the next page at once.
    void setPaced(bool paced) { m_paced = paced; }
    // Paced only: a next page exists and nothing is in flight.
    bool canRequestNext() const;
    void requestNext();
    bool isFetching() const;
    int pagesReceived() const { return m_pages; }

Q_SIGNALS:
    void pageReady(const QList<OAuthConnection> &rows);
    void retryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    void finished();
    void failed(const ApiError &error);

private:
    void request(const QString &cursor);
    void onResult(const ApiResult &result);
    void fail(const ApiError &error);
    void dropSpeculativeRequest();

    IncreaseClient *m_client;
    ConnectionQuery m_query;
    int m_maxRetries;
    QPointer<ApiCall> m_call;
    QSet<QString> m_seenCursors;
    QString m_nextCursor; // paced: the page to ask for on requestNext()
    int m_pages = 0;
    bool m_running = false;
    bool m_paced = false;
};
