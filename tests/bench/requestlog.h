// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSet>
#include <QStringList>

// What the export's --verbose request log on stderr says about how it listed: one line an
// exchange, "<ISO time> GET <path?query> -> <status> (attempt N, L ms, B bytes...)".
struct RequestLogSummary
{
    int requests = 0;
    int rateLimited = 0;      // answered 429
    int applicationLists = 0; // GET /oauth_applications: a partitioned export asks first
    QSet<QString> partitions; // oauth_application_id filters seen: one per stream
    int peakInFlight = 0;     // most exchanges overlapping in time (from start and latency)
    QStringList otherLines;   // whatever else it said (notes, warnings)

    // "one sequential stream" or "N streams by application", for the printed lines.
    QString streams() const;
};

RequestLogSummary summarizeRequestLog(const QByteArray &stderrText);
