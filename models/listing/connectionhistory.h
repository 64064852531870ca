// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "increaseevent.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

class ApiCall;
class IncreaseClient;
struct ApiResult;

// One connection's history: its oauth_connection.created and .deactivated events
// (GET /events?associated_object_id=…, every page), oldest first. One load at a time: a
// new load abandons the one before, so a reply for another connection is never reported.
class ConnectionHistory : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionHistory(QObject *parent = nullptr);
    ~ConnectionHistory() override;

    // The client to list with (its retries and rate limit apply); null: loads fail.
    void setClient(IncreaseClient *client);
    // Events a page; the API's maximum unless a test wants to see the pages.
    void setPageSize(int limit) { m_pageSize = limit; }

    void load(const QString &connectionId);
    void cancel();
    bool isLoading() const { return !m_call.isNull(); }
    // The connection of the latest load; empty before any.
    QString connectionId() const { return m_connectionId; }

Q_SIGNALS:
    // Ascending by created_at (ties by id), each event once.
    void loaded(const QList<IncreaseEvent> &events);
    void failed(const ApiError &error);

private:
    void request(const QString &cursor);
    void onResult(quint64 generation, const ApiResult &result);
    void fail(const ApiError &error);

    QPointer<IncreaseClient> m_client;
    int m_pageSize = 100;
    QPointer<ApiCall> m_call;
    quint64 m_generation = 0; // bumped before every abort: abort() finishes synchronously
    QString m_connectionId;
    QSet<QString> m_seenCursors;
    QSet<QString> m_seenIds;
    QList<IncreaseEvent> m_events;
};
