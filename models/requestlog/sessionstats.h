// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestlogentry.h"

#include <QObject>
#include <optional>
#include <vector>

// The session's figures for the status bar: requests, failures, retries, 429s, latency
// percentiles and rows fetched. Fed by IncreaseClient::exchange (record) and by whatever
// loads rows (rowsFetched).
//
// Latencies are kept whole, 4 bytes per request (a million requests: 4 MB), so the
// percentiles are exact; they are sorted on demand, merging only what arrived since.
class SessionStats : public QObject
{
    Q_OBJECT
public:
    explicit SessionStats(QObject *parent = nullptr);

    qint64 requests() const { return m_requests; } // HTTP attempts, retries included
    // Final attempts that failed (no retry followed); cancelled requests are not failures.
    qint64 failures() const { return m_failures; }
    qint64 retries() const { return m_retries; }         // attempts followed by a retry
    qint64 rateLimited() const { return m_rateLimited; } // 429 responses
    qint64 totalRowsFetched() const { return m_rowsFetched; }

    // Nearest-rank percentile (0 < percent <= 100) of the attempts' latencies, cancelled
    // attempts left out; nullopt before the first.
    std::optional<qint64> latencyPercentileMs(double percent) const;

    // "128 requests · 3 failures · 5 retries · 2 × 429 · p50 41 ms · p95 210 ms · 12,800 rows"
    enum Rows { WithRows, WithoutRows };
    QString summary(Rows rows = WithRows) const;

public Q_SLOTS:
    void record(const RequestLogEntry &entry);
    // A retry record() counted was cancelled before it was sent.
    void retryCancelled();
    void rowsFetched(qint64 count);
    void reset();

Q_SIGNALS:
    void changed();

private:
    qint64 m_requests = 0;
    qint64 m_failures = 0;
    qint64 m_retries = 0;
    qint64 m_rateLimited = 0;
    qint64 m_rowsFetched = 0;
    // [0, m_sortedCount) is sorted; the rest arrived since the last percentile query.
    mutable std::vector<qint32> m_latencies;
    mutable size_t m_sortedCount = 0;
};
