// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// A token bucket holding one second's worth of requests: a client that stays under the
// rate never sees a 429, a burst above it is cut off after one second's worth.
class TokenBucket
{
public:
    // 0 (or less) disables the limit.
    void setRate(double requestsPerSecond, qint64 nowMs);
    double rate() const { return m_rate; }

    // Takes a token at `nowMs` (a monotonic clock). When none is left, returns false and
    // the milliseconds until one will be.
    bool tryTake(qint64 nowMs, qint64 *waitMs = nullptr);

private:
    double capacity() const;

    double m_rate = 0.0;
    double m_tokens = 0.0;
    qint64 m_lastMs = 0;
};
