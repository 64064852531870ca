// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "embeddedsandbox.h"

#include <memory>

class SandboxServer;

// The local environment's sandbox (sandbox/) running in this process on a free loopback
// port, with generated demo data; what the window's EmbeddedSandbox interface stands for.
class InProcessSandbox : public EmbeddedSandbox
{
    Q_OBJECT
public:
    ~InProcessSandbox() override;

    // Listens with a key made up for this run; nullptr with `error` when it cannot.
    static std::unique_ptr<EmbeddedSandbox> start(const QString &apiKey, QString *error);

    QUrl baseUrl() const override;
    SandboxFaults faults() const override;
    void setChurn(int changesPerMinute) override;
    void setLatency(int latencyMs, int jitterMs) override;
    void setFailRate(double rate) override;
    void setDropRate(double rate) override;
    void setRateLimit(double requestsPerSecond) override;

private:
    explicit InProcessSandbox(std::unique_ptr<SandboxServer> server);

    std::unique_ptr<SandboxServer> m_server;
};
