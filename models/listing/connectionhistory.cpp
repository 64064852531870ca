// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionhistory.h"

#include "apicall.h"
#include "apiparsing.h"
#include "eventquery.h"
#include "increaseclient.h"

#include <QDateTime>
#include <algorithm>

ConnectionHistory::ConnectionHistory(QObject *parent)
    : QObject(parent)
{}

ConnectionHistory::~ConnectionHistory()
{
    cancel();
}

void ConnectionHistory::setClient(IncreaseClient *client)
{
    cancel();
    m_client = client;
}

void ConnectionHistory::cancel()
{
    ++m_generation;
    if (ApiCall *call = m_call.data()) {
        m_call = nullptr;
        disconnect(call, nullptr, this, nullptr);
        call->abort();
    }
}

void ConnectionHistory::load(const QString &connectionId)
{
    cancel();
    m_connectionId = connectionId;
    m_seenCursors.clear();
    m_seenIds.clear();
    m_events.clear();
    if (!m_client) {
        fail(ApiError::make(ApiError::Kind::InvalidRequest, tr("Not connected")));
        return;
    }
    request({});
}

void ConnectionHistory::request(const QString &cursor)
{
    EventQuery query;
    query.categories = {QString::fromUtf16(EventCategory::ConnectionCreated),
                        QString::fromUtf16(EventCategory::ConnectionDeactivated)};
    query.associatedObjectId = m_connectionId;
    query.limit = m_pageSize;
    const quint64 generation = m_generation;
    m_call = m_client->listEvents(query, cursor);
    connect(m_call, &ApiCall::finished, this,
            [this, generation](const ApiResult &result) { onResult(generation, result); });
}

void ConnectionHistory::onResult(quint64 generation, const ApiResult &result)
{
    if (generation != m_generation)
        return; // a later load (or a cancel) made this reply stale
    m_call = nullptr;
    if (!result.ok()) {
        fail(*result.error);
        return;
    }
    QString error;
    std::optional<EventPage> page = ApiParsing::eventPage(result.body, &error);
    if (!page) {
        ApiError malformed =
            ApiError::make(ApiError::Kind::MalformedResponse, tr("Malformed response"),
                           tr("The connection's events could not be read: %1.").arg(error));
        malformed.httpStatus = result.httpStatus;
        malformed.rawBody = result.body;
        fail(malformed);
        return;
    }
    for (IncreaseEvent &event : page->data) {
        // The API filters by associated_object_id; an event for another object would be
        // shown as this connection's history, so it is left out.
        if (event.associatedObjectId != m_connectionId || m_seenIds.contains(event.id))
            continue;
        m_seenIds.insert(event.id);
        m_events.append(std::move(event));
    }
    if (page->nextCursor.isEmpty() || page->data.isEmpty()) {
        // The API lists oldest first; sorted again so the order never depends on pages.
        std::stable_sort(m_events.begin(), m_events.end(), [](const auto &a, const auto &b) {
            const QDateTime at = QDateTime::fromString(a.createdAt, Qt::ISODateWithMs);
            const QDateTime bt = QDateTime::fromString(b.createdAt, Qt::ISODateWithMs);
            return at != bt ? at < bt : a.id < b.id;
        });
        Q_EMIT loaded(m_events);
        return;
    }
    if (m_seenCursors.contains(page->nextCursor)) {
        fail(ApiError::make(ApiError::Kind::MalformedResponse,
                            tr("The server returned a repeating cursor"),
                            tr("The connection's events pointed back to a page already read.")));
        return;
    }
    m_seenCursors.insert(page->nextCursor);
    request(page->nextCursor);
}

void ConnectionHistory::fail(const ApiError &error)
{
    m_events.clear();
    Q_EMIT failed(error);
}
