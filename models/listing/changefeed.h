// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "changefeedstate.h"
#include "connectionchange.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

class ApiCall;
class IncreaseClient;
struct ApiResult;
struct EventPage;

// What a feed reports. The status rule looks at the membership an event changes, not at
// the connection as retrieved (which may have changed again since): a created connection
// enters "active"; a deactivated one leaves "active" and enters "inactive". So `Active`
// reports both (a watcher of active connections wants to know one left), `Inactive` only
// deactivations, `All` both. The application filter compares the retrieved connection's
// oauth_application_id.
struct ChangeFeedFilter
{
    enum class Status { All, Active, Inactive };
    Status status = Status::All;
    QString applicationId; // empty: every application

    bool covers(const IncreaseEvent &event) const; // the status rule
};

// The OAuth connections' change feed: each poll lists the created and deactivated events
// from the newest seen (minus an overlap) by the server's clock, every page, keeps those
// not seen before, retrieves each one's connection in (created_at, id) order and reports
// them as one batch. A poll that fails (retries exhausted, a bad body) reports nothing and
// leaves the state as it was, so the next poll covers the same span again.
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    // Events can become visible to a listing some time after their created_at (they are
    // written after the change they record, and a replica may lag): each poll lists again
    // this far back from the newest event seen, and the ids it remembers drop the repeats.
    static constexpr qint64 kOverlapSeconds = 60;

    ChangeFeed(IncreaseClient *client, ChangeFeedFilter filter, QObject *parent = nullptr);
    ~ChangeFeed() override;

    // Resumes from a saved state, or starts at an instant of the server's clock. Without
    // either, the first poll starts at the server's "now": the Date of its first response.
    void setState(const ChangeFeedState &state);
    void startAt(const QDateTime &since);
    const std::optional<ChangeFeedState> &state() const { return m_state; }
    void setMaxRetries(int maxRetries) { m_maxRetries = maxRetries; }

    // Starts a poll; false (and nothing sent) while one is in flight.
    bool poll();
    bool isPolling() const { return m_polling; }
    // Aborts the poll in flight: nothing is reported, the state stays as it was.
    void cancel();

    // Requests sent by this feed so far (listings and retrieves, retries not counted).
    int requestCount() const { return m_requests; }

Q_SIGNALS:
    // The server's clock gave the start (no state and no start instant were set).
    void started(const QDateTime &since);
    // The new changes of a poll, in (created_at, id) order; state() already includes them.
    void changed(const QList<ConnectionChange> &changes);
    // A poll ended well: `reported` changes (0 when nothing new), after `changed`.
    void polled(int reported);
    // A poll failed; the state is unchanged.
    void failed(const ApiError &error);

private:
    void requestServerTime();
    void listPage(const QString &cursor);
    void onPage(const ApiResult &result);
    void retrieveNext();
    void onConnection(const ApiResult &result);
    void complete();
    void fail(const ApiError &error);
    ApiCall *track(ApiCall *call);

    IncreaseClient *m_client;
    ChangeFeedFilter m_filter;
    std::optional<ChangeFeedState> m_state;
    int m_maxRetries = -1;
    int m_requests = 0;

    // The poll in flight.
    bool m_polling = false;
    quint64 m_generation = 0;
    QPointer<ApiCall> m_call;
    QList<IncreaseEvent> m_listed;
    QList<ConnectionChange> m_pending; // new events in order, connections filled in
    qsizetype m_retrieved = 0;         // how many of m_pending have their connection
    QList<ConnectionChange> m_batch;   // what this poll reports
};
