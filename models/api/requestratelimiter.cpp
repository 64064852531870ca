// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestratelimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

RequestRateLimiter::RequestRateLimiter(double requestsPerSecond, double burst, Clock clock,
                                       QObject *parent)
    : QObject(parent)
    , m_rate(requestsPerSecond > 0 ? requestsPerSecond : 1.0)
    , m_burst(burst >= 1 ? burst : defaultBurst(m_rate))
    , m_clock(std::move(clock))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] {
            return timer->nsecsElapsed();
        };
    }
    m_tokens = m_burst;
    m_lastNs = m_clock();
}

double RequestRateLimiter::defaultRate(const QString &environment)
{
    // Increase's sandbox allows far fewer requests than production.
    return environment == "sandbox"_L1 ? 20.0 : 100.0;
}

double RequestRateLimiter::defaultBurst(double requestsPerSecond)
{
    // A full second's burst on top of a steady rate would double the rate in that second;
    // a tenth keeps the peak close to the limit the server enforces.
    return std::max(1.0, std::floor(requestsPerSecond / 10.0));
}

void RequestRateLimiter::refill()
{
    const qint64 now = m_clock();
    const double elapsed = double(now - m_lastNs) / 1e9;
    m_lastNs = now;
    m_tokens = std::min(m_burst, m_tokens + elapsed * m_rate);
}

qint64 RequestRateLimiter::reserve()
{
    refill();
    m_tokens -= 1.0;
    if (m_tokens >= 0)
        return 0;
    // At a rate of a few tokens a year the wait outgrows a timer's int (and at a tiny
    // enough one it is infinite, which no integer holds): capped, it stays a long wait
    // instead of wrapping to a negative or short one.
    const double waitMs = std::ceil(-m_tokens / m_rate * 1000.0);
    return waitMs < double(kMaxWaitMs) ? qint64(waitMs) : kMaxWaitMs;
}
