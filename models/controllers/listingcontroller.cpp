// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "listingcontroller.h"

#include "applicationlistmodel.h"
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "increaseclient.h"
#include "loadedrowsearch.h"
#include "noticeboard.h"
#include "windowsettings.h"

#include <QLocale>
#include <utility>

ListingController::ListingController(QSettings *settings, NoticeBoard *notices, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_notices(notices)
    , m_query(WindowSettings::filters(*settings))
    , m_timesInUtc(WindowSettings::timesInUtc(*settings))
{}

void ListingController::setTimesInUtc(bool utc)
{
    WindowSettings::setTimesInUtc(*m_settings, utc);
    m_timesInUtc = utc;
    if (m_session)
        m_session->connections()->setTimesInUtc(utc);
    Q_EMIT summaryChanged(); // a sort by Created names the zone
}

ConnectionTableModel *ListingController::model() const
{
    return m_session && m_listing ? m_session->connections() : nullptr;
}

void ListingController::setSession(ConnectionSession *session)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
    m_notices->clearFrom(this);
    setActivity(QString());
    m_session = session;
    m_listing = false;
    m_namesFailed = false;
    Q_EMIT loadStateChanged();
    if (!session)
        return;

    ConnectionTableModel *connections = session->connections();
    ApplicationListModel *applications = session->applications();
    connections->setTimesInUtc(m_timesInUtc);
    m_sessionConnections = {
        connect(session->client(), &IncreaseClient::inFlightChanged, this,
                &ListingController::inFlightChanged),
        connect(connections, &ConnectionTableModel::fetchFailed, this,
                &ListingController::onFetchFailed),
        connect(connections, &ConnectionTableModel::retryScheduled, this,
                &ListingController::onRetryScheduled),
        connect(connections, &ConnectionTableModel::pageReceived, this,
                &ListingController::onPageReceived),
        connect(connections, &ConnectionTableModel::pageLoaded, this,
                &ListingController::summaryChanged),
        connect(connections, &ConnectionTableModel::queryChanged, this,
                &ListingController::onQueryChanged),
        connect(connections, &ConnectionTableModel::loadingAllChanged, this,
                &ListingController::onLoadingAllChanged),
        connect(connections, &ConnectionTableModel::pageLoaded, this,
                &ListingController::loadStateChanged),
        connect(connections, &ConnectionTableModel::fetchStarted, this,
                &ListingController::loadStateChanged),
        connect(applications, &ApplicationListModel::loaded, this,
                &ListingController::loadStateChanged),
        connect(connections, &ConnectionTableModel::fetchFailed, this,
                &ListingController::loadStateChanged),
        connect(connections, &QAbstractItemModel::modelReset, this,
                &ListingController::loadStateChanged),
        connect(applications, &ApplicationListModel::loaded, this,
                &ListingController::summaryChanged),
        connect(applications, &ApplicationListModel::loadFailed, this,
                [this](const ApiError &error) {
                    m_namesFailed = true;
                    Q_EMIT statusMessage(
                        tr("Application names could not be loaded: %1").arg(error.message()), 0);
                }),
        // The failure stays "until replaced": a later reload that works replaces it, or
        // the line would go on saying the names are missing while the table shows them.
        connect(applications, &ApplicationListModel::loaded, this,
                [this] {
                    if (!std::exchange(m_namesFailed, false))
                        return;
                    Q_EMIT statusMessage(tr("Application names loaded."), kNamesLoadedMs);
                }),
    };
    Q_EMIT inFlightChanged(session->client()->inFlight());
    Q_EMIT summaryChanged();
    if (m_autoLoad)
        start();
}

void ListingController::start()
{
    if (!m_session || m_listing)
        return;
    m_listing = true;
    ConnectionTableModel *connections = m_session->connections();
    Q_EMIT listingStarted(connections);
    Q_EMIT loadStateChanged();
    connections->setQuery(m_query);
    m_session->applications()->reload();
    Q_EMIT summaryChanged();
}

void ListingController::setQuery(const ConnectionQuery &query)
{
    WindowSettings::setFilters(*m_settings, query);
    const bool changed = !(query == m_query);
    m_query = query;
    if (ConnectionTableModel *connections = model()) {
        connections->setQuery(query);
        if (changed)
            Q_EMIT filtersChanged();
    }
    Q_EMIT summaryChanged();
}

void ListingController::refresh()
{
    if (!m_session)
        return;
    if (!m_listing) {
        start();
        return;
    }
    m_notices->clear();
    m_session->connections()->refresh();
    m_session->applications()->reload();
}

void ListingController::loadAll()
{
    if (ConnectionTableModel *connections = model())
        connections->loadAll();
}

void ListingController::cancelLoadAll()
{
    if (ConnectionTableModel *connections = model())
        connections->cancelLoadAll();
}

bool ListingController::canLoadAll() const
{
    const ConnectionTableModel *connections = model();
    return connections && connections->hasMore() && !connections->isLoadingAll();
}

QString ListingController::emptyText() const
{
    const ConnectionTableModel *connections = model();
    if (!connections)
        return m_session ? tr("Press F5 to list the connections.") : tr("Not connected.");
    if (connections->isFetching())
        return tr("Loading…");
    if (connections->lastError())
        return tr("The connections could not be loaded: see the message below.");
    const QStringList &statuses = m_query.statuses;
    QString what = tr("No connections");
    if (statuses == QStringList{QStringLiteral("inactive")})
        what = tr("No inactive connections");
    else if (statuses.isEmpty() || statuses == QStringList{QStringLiteral("active")})
        what = tr("No active connections");
    if (m_query.applicationId.isEmpty())
        return what + u'.';
    const ApplicationListModel *names = m_session->applications();
    const QString application = names && names->nameOf(m_query.applicationId)
                                    ? names->displayName(m_query.applicationId)
                                    : m_query.applicationId;
    return tr("%1 for %2.").arg(what, application);
}

bool ListingController::isLoadingAll() const
{
    const ConnectionTableModel *connections = model();
    return connections && connections->isLoadingAll();
}

ListingController::FindResult ListingController::find(const QString &text, int from,
                                                      bool forward) const
{
    const ConnectionTableModel *connections = model();
    if (!connections || text.isEmpty())
        return {};
    const QLocale locale;
    const std::optional<int> row =
        LoadedRowSearch::find(*connections, m_session->applications(), text, from, forward);
    if (!row)
        return {std::nullopt,
                tr("No match in the %Ln loaded row(s)", nullptr, connections->rowCount())};
    return {row, tr("Row %1 of %2 loaded")
                     .arg(locale.toString(*row + 1), locale.toString(connections->rowCount()))};
}

void ListingController::onFetchFailed(const ApiError &error)
{
    Notice notice;
    notice.error = error;
    notice.actions = Notice::Retry | Notice::ShowInRequestLog | Notice::Dismiss;
    setActivity(QString()); // the notice says it now
    // Retry resumes what failed: Load All, or the one page. canFetchMore() stays false
    // after an error so that views do not hammer a failing server on every scroll.
    m_notices->post(this, notice, [this] {
        if (m_session)
            m_session->connections()->retry();
    });
}

void ListingController::onPageReceived()
{
    // The listing moves again: whatever the notice said about it is over. (Not on
    // pageLoaded: Load All may show rows received before a 429 while its retry waits.)
    m_notices->clearFrom(this);
    setActivity(QString());
}

void ListingController::onLoadingAllChanged(bool loadingAll)
{
    Q_EMIT loadStateChanged();
    // However Load All stopped (Cancel, Esc, the status bar, the last page, a failure), a
    // countdown to its next retry is over.
    const std::optional<Notice> &notice = m_notices->current();
    if (!loadingAll && m_notices->isFrom(this) && notice && notice->isRateLimit())
        m_notices->clear();
    if (!loadingAll)
        setActivity(QString());
}

void ListingController::onQueryChanged()
{
    // A requery aborted whatever the notices spoke of.
    m_notices->clearFrom(this);
    setActivity(QString());
    Q_EMIT summaryChanged();
}

void ListingController::setActivity(const QString &text)
{
    if (text == m_activity)
        return;
    m_activity = text;
    Q_EMIT activityChanged(text);
}

void ListingController::onRetryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason)
{
    if (reason.kind == ApiError::Kind::RateLimited) {
        Notice notice;
        notice.rateLimitDelayMs = delayMs;
        notice.actions = Notice::ShowInRequestLog | Notice::Dismiss;
        // Load All can be stopped while it waits; a single page has nothing else to do.
        if (isLoadingAll())
            notice.actions |= Notice::Cancel;
        m_notices->post(this, notice, {}, [this] { cancelLoadAll(); });
        return;
    }
    setActivity(tr("%1 — retrying (attempt %2) in %3 s")
                    .arg(reason.message())
                    .arg(nextAttempt)
                    .arg(QLocale().toString(double(delayMs) / 1000.0, 'f', 1)));
}
