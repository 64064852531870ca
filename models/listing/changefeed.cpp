// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "changefeed.h"

#include "apicall.h"
#include "apiparsing.h"
#include "eventquery.h"
#include "increaseclient.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString isoSeconds(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODate);
}

EventQuery categoriesQuery()
{
    EventQuery query;
    query.categories = {QStringView(EventCategory::ConnectionCreated).toString(),
                        QStringView(EventCategory::ConnectionDeactivated).toString()};
    return query;
}

ApiError malformed(const QString &why)
{
    return ApiError::make(ApiError::Kind::MalformedResponse,
                          QCoreApplication::translate("ChangeFeed", "Unexpected response"), why);
}

} // namespace

bool ChangeFeedFilter::covers(const IncreaseEvent &event) const
{
    if (status == Status::Inactive)
        return event.category == QStringView(EventCategory::ConnectionDeactivated);
    return true;
}

ChangeFeed::ChangeFeed(IncreaseClient *client, ChangeFeedFilter filter, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_filter(std::move(filter))
{}

ChangeFeed::~ChangeFeed()
{
    cancel();
}

void ChangeFeed::setState(const ChangeFeedState &state)
{
    m_state = state;
}

void ChangeFeed::startAt(const QDateTime &since)
{
    m_state = ChangeFeedState::startingAt(since);
}

bool ChangeFeed::poll()
{
    if (m_polling)
        return false;
    m_polling = true;
    m_listed.clear();
    m_pending.clear();
    m_batch.clear();
    m_retrieved = 0;
    if (!m_state)
        requestServerTime();
    else
        listPage({});
    return true;
}

void ChangeFeed::cancel()
{
    if (!m_polling)
        return;
    m_polling = false;
    ++m_generation; // before abort(): it reports synchronously
    if (m_call && !m_call->isFinished())
        m_call->abort();
    m_call.clear();
}

ApiCall *ChangeFeed::track(ApiCall *call)
{
    ++m_requests;
    m_call = call;
    return call;
}

void ChangeFeed::requestServerTime()
{
    // The smallest request there is; only its Date matters.
    EventQuery query = categoriesQuery();
    query.limit = 1;
    const quint64 generation = m_generation;
    connect(track(m_client->listEvents(query, {}, m_maxRetries)), &ApiCall::finished, this,
            [this, generation](const ApiResult &result) {
                if (generation != m_generation)
                    return;
                if (!result.ok())
                    return fail(*result.error);
                if (!result.serverDate.isValid())
                    return fail(malformed(tr("The server sent no Date header, so there is no "
                                             "server time to start from; give --since")));
                m_state = ChangeFeedState::startingAt(result.serverDate);
                Q_EMIT started(m_state->since);
                if (generation == m_generation)
                    listPage({});
            });
}

void ChangeFeed::listPage(const QString &cursor)
{
    EventQuery query = categoriesQuery();
    query.createdOnOrAfter = isoSeconds(m_state->listFrom(kOverlapSeconds));
    const quint64 generation = m_generation;
    connect(track(m_client->listEvents(query, cursor, m_maxRetries)), &ApiCall::finished, this,
            [this, generation](const ApiResult &result) {
                if (generation == m_generation)
                    onPage(result);
            });
}

void ChangeFeed::onPage(const ApiResult &result)
{
    m_call.clear();
    if (!result.ok())
        return fail(*result.error);
    QString why;
    const std::optional<EventPage> page = ApiParsing::eventPage(result.body, &why);
    if (!page)
        return fail(malformed(why));
    m_listed += page->data;
    if (!page->nextCursor.isEmpty())
        return listPage(page->nextCursor);

    QSet<QString> listed; // a page boundary may repeat an event under churn
    for (const IncreaseEvent &event : std::as_const(m_listed)) {
        const QDateTime at = QDateTime::fromString(event.createdAt, Qt::ISODateWithMs).toUTC();
        if (!at.isValid())
            return fail(malformed(tr("event %1 has no valid created_at").arg(event.id)));
        if (at < m_state->since || m_state->hasSeen(event.id) || listed.contains(event.id))
            continue;
        listed.insert(event.id);
        ConnectionChange change;
        change.event = event;
        change.eventTime = at;
        m_pending.append(change);
    }
    m_listed.clear();
    std::sort(m_pending.begin(), m_pending.end(),
              [](const ConnectionChange &a, const ConnectionChange &b) {
                  return a.eventTime != b.eventTime ? a.eventTime < b.eventTime
                                                    : a.event.id < b.event.id;
              });
    retrieveNext();
}

void ChangeFeed::retrieveNext()
{
    while (m_retrieved < m_pending.size() && !m_filter.covers(m_pending.at(m_retrieved).event))
        ++m_retrieved;
    if (m_retrieved == m_pending.size())
        return complete();
    const quint64 generation = m_generation;
    const QString id = m_pending.at(m_retrieved).event.associatedObjectId;
    connect(track(m_client->retrieveConnection(id, m_maxRetries)), &ApiCall::finished, this,
            [this, generation](const ApiResult &result) {
                if (generation == m_generation)
                    onConnection(result);
            });
}

void ChangeFeed::onConnection(const ApiResult &result)
{
    m_call.clear();
    if (!result.ok())
        return fail(*result.error);
    QString why;
    ConnectionChange &change = m_pending[m_retrieved];
    const std::optional<OAuthConnection> connection =
        ApiParsing::connectionBody(result.body, &why, &change.rawConnection);
    if (!connection)
        return fail(malformed(why));
    change.connection = *connection;
    if (m_filter.applicationId.isEmpty() ||
        connection->oauthApplicationId == m_filter.applicationId)
        m_batch.append(change);
    ++m_retrieved;
    retrieveNext();
}

void ChangeFeed::complete()
{
    for (const ConnectionChange &change : std::as_const(m_pending))
        m_state->remember(change.event.id, change.eventTime, kOverlapSeconds);
    m_pending.clear();
    m_polling = false;
    const QList<ConnectionChange> batch = std::exchange(m_batch, {});
    const QPointer<ChangeFeed> self(this);
    if (!batch.isEmpty())
        Q_EMIT changed(batch);
    if (self)
        Q_EMIT polled(int(batch.size()));
}

void ChangeFeed::fail(const ApiError &error)
{
    m_call.clear();
    m_polling = false;
    m_listed.clear();
    m_pending.clear();
    m_batch.clear();
    ++m_generation;
    Q_EMIT failed(error);
}
