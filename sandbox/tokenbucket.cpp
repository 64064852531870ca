// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenbucket.h"

#include <algorithm>
#include <cmath>

double TokenBucket::capacity() const
{
    return std::max(1.0, m_rate);
}

void TokenBucket::setRate(double requestsPerSecond, qint64 nowMs)
{
    m_rate = std::max(0.0, requestsPerSecond);
    m_tokens = capacity();
    m_lastMs = nowMs;
}

bool TokenBucket::tryTake(qint64 nowMs, qint64 *waitMs)
{
    if (m_rate <= 0.0)
        return true;
    if (nowMs > m_lastMs) {
        m_tokens = std::min(capacity(), m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
        m_lastMs = nowMs;
    }
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return true;
    }
    if (waitMs)
        *waitMs = qint64(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate));
    return false;
}
