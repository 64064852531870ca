// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestlogentry.h"

#include <QString>

// Made-up log entries, shaped like those IncreaseClient emits.
namespace RequestLogFixtures {

inline RequestLogEntry entry(int number, int status = 200, const QString &errorType = {})
{
    using namespace Qt::StringLiterals;
    RequestLogEntry e;
    e.startedAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 678), Qt::UTC).addMSecs(number);
    e.method = "GET";
    e.url = QUrl(u"http://127.0.0.1:4010/oauth_connections?limit=100&cursor=c"_s +
                 QString::number(number));
    e.attempt = 1;
    e.httpStatus = status;
    e.errorType = errorType;
    e.latencyMs = number % 1000;
    e.bytesReceived = 1536;
    e.requestHeaders = {{"Accept", "application/json"},
                        {"User-Agent", "IncreaseConnections/0.1.0 Qt/6.4.2"},
                        {"Authorization", RequestLogEntry::kRedactedAuthorization}};
    e.responseHeaders = {{"Content-Type", "application/json"}};
    e.responseBody = "{\"data\":[],\"next_cursor\":null}";
    e.keyHint = u"4321"_s;
    return e;
}

} // namespace RequestLogFixtures
