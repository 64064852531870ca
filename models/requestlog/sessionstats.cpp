// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionstats.h"

#include "requestlogmodel.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

SessionStats::SessionStats(QObject *parent)
    : QObject(parent)
{}

void SessionStats::record(const RequestLogEntry &entry)
{
    ++m_requests;
    if (entry.willRetry)
        ++m_retries;
    else if (RequestLogModel::isFailure(entry))
        ++m_failures;
    if (entry.httpStatus == 429)
        ++m_rateLimited;
    // An aborted attempt's latency is when the user gave up, not how the server answered.
    if (!RequestLogModel::isCancelled(entry)) {
        const qint64 clamped =
            std::clamp<qint64>(entry.latencyMs, 0, std::numeric_limits<qint32>::max());
        m_latencies.push_back(qint32(clamped));
    }
    Q_EMIT changed();
}

void SessionStats::retryCancelled()
{
    if (m_retries == 0)
        return;
    --m_retries;
    Q_EMIT changed();
}

void SessionStats::rowsFetched(qint64 count)
{
    m_rowsFetched += count;
    Q_EMIT changed();
}

void SessionStats::reset()
{
    m_requests = m_failures = m_retries = m_rateLimited = m_rowsFetched = 0;
    std::vector<qint32>().swap(m_latencies);
    m_sortedCount = 0;
    Q_EMIT changed();
}

std::optional<qint64> SessionStats::latencyPercentileMs(double percent) const
{
    if (m_latencies.empty() || !(percent > 0.0 && percent <= 100.0))
        return std::nullopt;
    if (m_sortedCount < m_latencies.size()) {
        const auto middle = m_latencies.begin() + std::ptrdiff_t(m_sortedCount);
        std::sort(middle, m_latencies.end());
        std::inplace_merge(m_latencies.begin(), middle, m_latencies.end());
        m_sortedCount = m_latencies.size();
    }
    // Nearest rank: the smallest value with at least `percent` % of the values at or below it.
    const auto rank = size_t(std::ceil(percent * double(m_latencies.size()) / 100.0));
    return m_latencies[std::max<size_t>(rank, 1) - 1];
}

QString SessionStats::summary(Rows rows) const
{
    const QLocale locale;
    // English plurals without a translation catalogue; translators get both forms.
    const auto counted = [&locale](qint64 n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(locale.toString(n));
    };
    QStringList parts{
        counted(m_requests, tr("1 request"), tr("%1 requests")),
        counted(m_failures, tr("1 failure"), tr("%1 failures")),
        counted(m_retries, tr("1 retry"), tr("%1 retries")),
        tr("%1 × 429").arg(locale.toString(m_rateLimited)),
    };
    if (const auto p50 = latencyPercentileMs(50))
        parts << tr("p50 %1 ms").arg(locale.toString(*p50));
    if (const auto p95 = latencyPercentileMs(95))
        parts << tr("p95 %1 ms").arg(locale.toString(*p95));
    if (rows == WithRows)
        parts << counted(m_rowsFetched, tr("1 row"), tr("%1 rows"));
    return parts.join(u" · "_s);
}
