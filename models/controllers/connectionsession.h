// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientconfig.h"
#include "connectionchoice.h"
#include "embeddedsandbox.h"

#include <QObject>
#include <QPointer>
#include <memory>

class ApplicationListModel;
class ConnectionTableModel;
class IncreaseClient;

// One live connection: the API client for a base URL and key, the models it feeds, and —
// for the local environment — the in-process sandbox it talks to, with a key made up for
// this run so that a real key never reaches it. Reconnecting builds a new session and
// drops the old one.
class ConnectionSession : public QObject
{
    Q_OBJECT
public:
    // `defaults` brings the timeout, retries and CA file; its URL and key are ignored.
    // `sandboxes` starts the local environment's sandbox. nullptr with `error` when the
    // choice cannot be used (a plain-http remote URL, a sandbox that could not start).
    static ConnectionSession *create(const ConnectionChoice &choice, const QString &apiKey,
                                     const ClientConfig &defaults,
                                     const EmbeddedSandboxFactory &sandboxes, QString *error,
                                     QObject *parent = nullptr);
    ~ConnectionSession() override;

    const ConnectionChoice &choice() const { return m_choice; }
    bool isLocal() const;
    QUrl baseUrl() const;
    IncreaseClient *client() const { return m_client; }
    ConnectionTableModel *connections() const { return m_connections; }
    ApplicationListModel *applications() const { return m_applications; }
    // The in-process sandbox of the local environment, for its fault knobs (Developer →
    // Sandbox faults…); nullptr for every other environment.
    EmbeddedSandbox *sandbox() const { return m_sandbox.get(); }

    // Deletes the session once nothing keeps it (keepWhile): after a switch, an export
    // still running on this session's client finishes first.
    void keepWhile(QObject *work);
    void retire();

private:
    ConnectionSession(const ConnectionChoice &choice, QObject *parent);
    void deleteWhenFree();

    ConnectionChoice m_choice;
    std::unique_ptr<EmbeddedSandbox> m_sandbox;
    QList<QPointer<QObject>> m_keptBy;
    bool m_retired = false;
    IncreaseClient *m_client = nullptr;
    ApplicationListModel *m_applications = nullptr;
    ConnectionTableModel *m_connections = nullptr;
};
