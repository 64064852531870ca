// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <optional>

// When and how long to wait before retrying a GET, like Increase's official SDKs.
namespace RetryPolicy {

using Headers = QList<QPair<QByteArray, QByteArray>>;

inline constexpr qint64 kMaxServerDelayMs = 120 * 1000;
inline constexpr qint64 kMaxBackoffMs = 8000;
inline constexpr qint64 kInitialBackoffMs = 500;

// httpStatus 0 means no response (connection error, deadline, cut-off body).
// x-should-retry: true/false overrides; else 408, 409, 429, >= 500 and transport failures.
bool shouldRetry(int httpStatus, const Headers &headers);

// The server's requested delay: retry-after-ms, else Retry-After (seconds or HTTP date,
// relative to `now`), else the body's retry_after (seconds). Capped at kMaxServerDelayMs.
std::optional<qint64> serverDelayMs(const Headers &headers, std::optional<int> bodyRetryAfter,
                                    const QDateTime &now);

// min(0.5 s * 2^retryIndex, 8 s) * (1 - 0.25 * random01), retryIndex from 0.
qint64 backoffMs(int retryIndex, double random01);

// An HTTP date (IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"); invalid when it is not one.
QDateTime parseHttpDate(const QByteArray &value);

} // namespace RetryPolicy
