// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <limits>

// A client-side token bucket shared by every request of a partitioned export, so that
// concurrent cursor streams together stay under the API's rate limit instead of meeting
// it as 429s. A request reserves a token and is told how long to wait for it; tokens may
// go negative (reserved for later), which keeps waiting requests in the order they asked.
class RequestRateLimiter : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // monotonic nanoseconds

    // burst < 1: a tenth of the rate, at least 1 (PRODUCT.md §5). `clock` is for tests;
    // by default a monotonic clock.
    explicit RequestRateLimiter(double requestsPerSecond, double burst = 0, Clock clock = {},
                                QObject *parent = nullptr);

    // Defaults per environment: production 100 req/s, the Increase sandbox 20 req/s, the
    // local sandbox and custom URLs 100 req/s.
    static double defaultRate(const QString &environment);
    static double defaultBurst(double requestsPerSecond);

    double rate() const { return m_rate; }
    double burst() const { return m_burst; }

    // The longest wait reserve() returns: all a QTimer's int interval holds (24.8 days).
    static constexpr qint64 kMaxWaitMs = std::numeric_limits<int>::max();

    // Takes a token; returns the milliseconds to wait before sending (0: send now), at
    // most kMaxWaitMs. The wait is rounded up so that a request never goes early.
    qint64 reserve();

private:
    void refill();

    double m_rate;
    double m_burst;
    Clock m_clock;
    double m_tokens;
    qint64 m_lastNs;
};
