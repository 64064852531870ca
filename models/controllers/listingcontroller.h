// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apiquery.h"

#include <QObject>
#include <QPointer>
#include <optional>

class ConnectionSession;
class ConnectionTableModel;
class NoticeBoard;
class QSettings;

// The listing the table shows: its query (remembered in the settings), when it starts,
// Load All and its cancellation, and what the notice above the table says about it — a
// failed page with Retry (which resumes Load All if that failed), the rate-limit countdown
// while the client waits, other retries on the status line until the page arrives. Every
// way of stopping (Cancel, Esc, a requery, another session) takes its notices back. The
// window attaches the model when listingStarted() says so.
class ListingController : public QObject
{
    Q_OBJECT
public:
    ListingController(QSettings *settings, NoticeBoard *notices, QObject *parent = nullptr);

    // Off: a new session lists nothing until refresh() (F5). Tests use it to show a
    // production window without sending a request.
    void setAutoLoad(bool autoLoad) { m_autoLoad = autoLoad; }
    // Follows `session`'s models from now on (nullptr: none), listing at once unless
    // auto-load is off.
    void setSession(ConnectionSession *session);
    // The session's connections once listing has started, else nullptr.
    ConnectionTableModel *model() const;

    // The table's timestamps in UTC or local time, remembered; applies to every session.
    bool timesInUtc() const { return m_timesInUtc; }
    void setTimesInUtc(bool utc);

    const ConnectionQuery &query() const { return m_query; }
    // A filter change: remembered, and listed again if listing.
    void setQuery(const ConnectionQuery &query);

    // Lists again from the first page (or starts listing), names included.
    void refresh();
    void loadAll();
    void cancelLoadAll();
    bool isLoadingAll() const;
    // Pages remain and Load All is not already running.
    bool canLoadAll() const;
    // What an empty table says: why it is empty ("No inactive connections for Payroll
    // Bridge"), or that it is still loading or could not be loaded.
    QString emptyText() const;

    // Ctrl+F over the rows already loaded (never fetching more): the next match after
    // `from` (-1: from the top), or before it backwards, and what the find bar says.
    struct FindResult
    {
        std::optional<int> row;
        QString message;
    };
    FindResult find(const QString &text, int from, bool forward) const;

Q_SIGNALS:
    // The table shows `model` from now on (a view asks an empty model for its first page).
    void listingStarted(ConnectionTableModel *model);
    // The query, the application names or the rows loaded changed: the summary line is
    // out of date.
    void summaryChanged();
    // The table lists another query now: a connection shown elsewhere may not be in it.
    void filtersChanged();
    // canLoadAll() or isLoadingAll() may have changed.
    void loadStateChanged();
    void inFlightChanged(int requests);
    // A line for the status bar for `timeoutMs` (0: until replaced).
    void statusMessage(const QString &text, int timeoutMs);
    // What the listing is waiting for ("… retrying (attempt 2) in 0.5 s"); empty once the
    // page arrived, failed for good or was cancelled.
    void activityChanged(const QString &text);

private:
    void start();
    void onFetchFailed(const ApiError &error);
    void onPageReceived();
    void onRetryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    void onLoadingAllChanged(bool loadingAll);
    void onQueryChanged();
    void setActivity(const QString &text);

    QSettings *m_settings;
    NoticeBoard *m_notices;
    QPointer<ConnectionSession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;
    ConnectionQuery m_query;
    bool m_autoLoad = true;
    bool m_timesInUtc = false;
    bool m_listing = false;     // the session's model is attached and listing
    bool m_namesFailed = false; // the status line says the names could not be loaded
    static constexpr int kNamesLoadedMs = 4000;
    QString m_activity;
};
