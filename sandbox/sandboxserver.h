// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxoptions.h"

#include <QObject>
#include <QUrl>
#include <memory>

// The local Increase sandbox: the OAuth connection, application and event endpoints of
// the contract on QtHttpServer, over deterministic generated data, with fault injection
// and, on request, churn.
// Listens on 127.0.0.1 only.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(SandboxOptions options, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Generates the data (if not yet) and listens. False with `error` on failure.
    bool listen(QString *error = nullptr);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT

    const SandboxOptions &options() const;
    // Fault knobs can change while serving (tests, the app's developer menu).
    void setLatency(int latencyMs, int jitterMs);
    void setFailRate(double rate);
    void setDropRate(double rate);
    void setRateLimit(double requestsPerSecond);
    // Changes a minute (SandboxOptions::churnPerMinute); 0 stops the churn.
    void setChurn(int changesPerMinute);
    // Makes one churn change now, whatever the rate: for tests that want no timer.
    void churnOnce();

    // Counters since start, for tests and benchmarks.
    qint64 requestsServed() const;
    qint64 requestsReceived() const; // including those still waiting on injected latency
    qint64 rateLimitedResponses() const;
    qint64 churnChanges() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
