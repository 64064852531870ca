// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlog.h"

#include <QDateTime>
#include <QRegularExpression>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

QString RequestLogSummary::streams() const
{
    return partitions.isEmpty() ? u"one sequential stream"_s
                                : u"%1 streams by application"_s.arg(partitions.size());
}

RequestLogSummary summarizeRequestLog(const QByteArray &stderrText)
{
    static const QRegularExpression exchange(
        u"^(\\S+) [A-Z]+ (\\S+) -> (\\d+|no response)[^(]*\\(attempt \\d+, (\\d+) ms"_s);
    static const QRegularExpression application(u"[?&]oauth_application_id=([^&\\s]+)"_s);
    RequestLogSummary summary;
    // +1 when an exchange starts, -1 when it ends: the running sum is what is in flight.
    QList<std::pair<qint64, int>> edges;
    for (const QByteArray &raw : stderrText.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty())
            continue;
        const QRegularExpressionMatch match = exchange.match(line);
        if (!match.hasMatch()) {
            summary.otherLines.append(line);
            continue;
        }
        ++summary.requests;
        if (match.captured(3) == "429"_L1)
            ++summary.rateLimited;
        const QString target = match.captured(2);
        if (target.startsWith("/oauth_applications"_L1))
            ++summary.applicationLists;
        const QRegularExpressionMatch partition = application.match(target);
        if (target.startsWith("/oauth_connections"_L1) && partition.hasMatch())
            summary.partitions.insert(partition.captured(1));
        const QDateTime started = QDateTime::fromString(match.captured(1), Qt::ISODateWithMs);
        if (started.isValid()) {
            const qint64 at = started.toMSecsSinceEpoch();
            edges.append({at, 1});
            edges.append({at + match.captured(4).toLongLong(), -1});
        }
    }
    // Ends sort before starts at the same millisecond: back-to-back is not overlapping.
    std::sort(edges.begin(), edges.end());
    int inFlight = 0;
    for (const auto &edge : std::as_const(edges)) {
        inFlight += edge.second;
        summary.peakInFlight = std::max(summary.peakInFlight, inFlight);
    }
    return summary;
}
