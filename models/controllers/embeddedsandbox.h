// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

// The fault knobs of the local sandbox, as `increase-sandbox` takes them.
struct SandboxFaults
{
    int latencyMs = 0;
    int jitterMs = 0;       // adds uniform 0..jitterMs
    double failRate = 0.0;  // fraction of requests answered 500
    double dropRate = 0.0;  // fraction of 200 bodies cut mid-way
    double rateLimit = 0.0; // requests per second; 0: unlimited
    int churnPerMinute = 0; // connections created and deactivated a minute, with events
};

// The local environment's server, running in this process for one session. The window
// knows it only through this interface, so the widget library never links QtHttpServer;
// the desktop entry point (app/desktop/) provides the implementation.
class EmbeddedSandbox : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QUrl baseUrl() const = 0;
    virtual SandboxFaults faults() const = 0;
    // Fault knobs change while serving (Developer → Sandbox Faults…).
    virtual void setLatency(int latencyMs, int jitterMs) = 0;
    virtual void setFailRate(double rate) = 0;
    virtual void setDropRate(double rate) = 0;
    virtual void setRateLimit(double requestsPerSecond) = 0;
    virtual void setChurn(int changesPerMinute) = 0;
};

// Starts a local sandbox that accepts `apiKey` only; nullptr with `error` when it cannot.
using EmbeddedSandboxFactory =
    std::function<std::unique_ptr<EmbeddedSandbox>(const QString &apiKey, QString *error)>;
