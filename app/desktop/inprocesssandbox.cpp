// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "inprocesssandbox.h"

#include "sandboxserver.h"

InProcessSandbox::InProcessSandbox(std::unique_ptr<SandboxServer> server)
    : m_server(std::move(server))
{}

InProcessSandbox::~InProcessSandbox() = default;

std::unique_ptr<EmbeddedSandbox> InProcessSandbox::start(const QString &apiKey, QString *error)
{
    SandboxOptions options;
    options.port = 0;
    options.apiKey = apiKey;
    auto server = std::make_unique<SandboxServer>(options);
    if (!server->listen(error))
        return nullptr;
    return std::unique_ptr<EmbeddedSandbox>(new InProcessSandbox(std::move(server)));
}

QUrl InProcessSandbox::baseUrl() const
{
    return m_server->baseUrl();
}

SandboxFaults InProcessSandbox::faults() const
{
    const SandboxOptions &options = m_server->options();
    return SandboxFaults{options.latencyMs, options.jitterMs,  options.failRate,
                         options.dropRate,  options.rateLimit, options.churnPerMinute};
}

void InProcessSandbox::setChurn(int changesPerMinute)
{
    m_server->setChurn(changesPerMinute);
}

void InProcessSandbox::setLatency(int latencyMs, int jitterMs)
{
    m_server->setLatency(latencyMs, jitterMs);
}

void InProcessSandbox::setFailRate(double rate)
{
    m_server->setFailRate(rate);
}

void InProcessSandbox::setDropRate(double rate)
{
    m_server->setDropRate(rate);
}

void InProcessSandbox::setRateLimit(double requestsPerSecond)
{
    m_server->setRateLimit(requestsPerSecond);
}
