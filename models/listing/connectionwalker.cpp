// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionwalker.h"

#include "apicall.h"
#include "apiparsing.h"
#include "cursorpeek.h"
#include "increaseclient.h"

#include <QPointer>

#include <utility>

using namespace Qt::StringLiterals;

ConnectionWalker::ConnectionWalker(IncreaseClient *client, ConnectionQuery query, int maxRetries,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_query(std::move(query))
    , m_maxRetries(maxRetries)
{}

ConnectionWalker::~ConnectionWalker()
{
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->abort();
    }
}

void ConnectionWalker::start()
{
    if (m_running)
        return;
    m_running = true;
    m_pages = 0;
    m_seenCursors.clear();
    m_nextCursor.clear();
    request({});
}

void ConnectionWalker::cancel()
{
    if (!m_running)
        return;
    if (m_call) {
        m_call->abort(); // finishes synchronously: onResult reports Cancelled
        return;
    }
    fail(ApiError::make(ApiError::Kind::Cancelled, tr("Cancelled"),
                        tr("The listing was cancelled.")));
}

bool ConnectionWalker::canRequestNext() const
{
    return m_running && !m_call && !m_nextCursor.isEmpty();
}

bool ConnectionWalker::isFetching() const
{
    return !m_call.isNull();
}

void ConnectionWalker::requestNext()
{
    if (!canRequestNext())
        return;
    request(std::exchange(m_nextCursor, QString()));
}

void ConnectionWalker::request(const QString &cursor)
{
    m_call = m_client->listConnections(m_query, cursor, ApiQuery::kMaxLimit, m_maxRetries);
    connect(m_call, &ApiCall::retryScheduled, this, &ConnectionWalker::retryScheduled);
    connect(m_call, &ApiCall::finished, this, &ConnectionWalker::onResult);
}

void ConnectionWalker::onResult(const ApiResult &result)
{
    m_call = nullptr;
    if (!m_running)
        return;
    if (!result.ok()) {
        fail(*result.error);
        return;
    }
    // Speculate: the server renders the next page while this one is parsed.
    const QString early =
        m_paced ? QString() : CursorPeek::nextCursor(result.body).value_or(QString());
    const bool speculated = !early.isEmpty() && !m_seenCursors.contains(early);
    if (speculated)
        request(early);
    QString error;
    std::optional<ConnectionPage> page = ApiParsing::connectionPage(result.body, &error);
    if (!page) {
        ApiError malformed = ApiError::make(
            ApiError::Kind::MalformedResponse, tr("Malformed response"),
            tr("Page %1 of the listing could not be read: %2.").arg(m_pages + 1).arg(error));
        malformed.httpStatus = result.httpStatus;
        malformed.rawBody = result.body;
        fail(malformed);
        return;
    }
    ++m_pages;
    const bool last = page->nextCursor.isEmpty() || page->data.isEmpty();
    const bool guessedRight = speculated && !last && page->nextCursor == early;
    if (speculated && !guessedRight)
        dropSpeculativeRequest();
    if (!last) {
        if (m_seenCursors.contains(page->nextCursor)) {
            fail(ApiError::make(ApiError::Kind::MalformedResponse,
                                tr("The server returned a repeating cursor"),
                                tr("Page %1 pointed back to a page already read; the listing "
                                   "was stopped rather than loop forever.")
                                    .arg(m_pages)));
            return;
        }
        m_seenCursors.insert(page->nextCursor);
        // Ask for the next page before handing these rows on, so the network works while
        // the receiver formats and writes.
        if (m_paced)
            m_nextCursor = page->nextCursor;
        else if (!guessedRight)
            request(page->nextCursor);
    }
    // A receiver may finish its own work here and delete this walker (deleteLater is
    // the contract, but a plain delete must not crash).
    const QPointer<ConnectionWalker> self(this);
    Q_EMIT pageReady(page->data);
    if (self && last && m_running) {
        m_running = false;
        Q_EMIT finished();
    }
}

void ConnectionWalker::dropSpeculativeRequest()
{
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call = nullptr;
    disconnect(call, nullptr, this, nullptr);
    call->abort();
}

void ConnectionWalker::fail(const ApiError &error)
{
    dropSpeculativeRequest();
    m_running = false;
    Q_EMIT failed(error);
}
