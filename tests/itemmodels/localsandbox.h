// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "increaseclient.h"
#include "oauthconnection.h"
#include "sandboxoptions.h"
#include "sandboxserver.h"

#include <QList>

class ConnectionTableModel;
#include <functional>
#include <memory>

// The local sandbox in-process on a free loopback port, and a client pointed at it: the
// item models are tested against real HTTP, the way the window uses them.
class LocalSandbox
{
public:
    explicit LocalSandbox(SandboxOptions options = {}, int maxRetries = 2);
    ~LocalSandbox();

    bool isListening() const { return m_listening; }
    SandboxServer &server() { return *m_server; }
    IncreaseClient &client() { return *m_client; }

    // Every row of `query` in the API's order through ConnectionWalker: the reference
    // listing the models are compared with. Empty and a warning on failure.
    QList<OAuthConnection> listAll(const ConnectionQuery &query);
    // Ids of every application (active and deleted).
    QStringList applicationIds();

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<IncreaseClient> m_client;
    bool m_listening = false;
};

// Runs the event loop until `done` holds or `timeoutMs` passes; true if it holds.
// QTest::qWaitFor sleeps 10 ms between rounds, which with the server in the same thread
// costs about 30 ms a page; this checks every millisecond and sleeps only in the loop.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 30000);
// What a view does while the user scrolls to the bottom: asks for more whenever it may,
// until the listing ends. False on a timeout.
bool scrollToEnd(ConnectionTableModel &model);
