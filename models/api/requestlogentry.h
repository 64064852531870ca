// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>

// One HTTP attempt as the request log shows it. Holds no part of the API key except
// `keyHint` (its last 4 characters), which only the on-screen log may show.
struct RequestLogEntry
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    QDateTime startedAt; // UTC
    QByteArray method;
    QUrl url;
    int attempt = 1;    // 1 for the first try
    int httpStatus = 0; // 0: no response
    QString errorType;  // empty on success; ApiError::type otherwise
    QString errorMessage;
    qint64 latencyMs = 0;
    qint64 bytesReceived = 0;
    QByteArray httpVersion; // "HTTP/1.1" or "HTTP/2"; empty when no response came
    Headers requestHeaders; // Authorization as "Bearer [redacted]"
    Headers responseHeaders;
    QByteArray responseBody; // capped at kMaxLoggedBody
    bool bodyTruncated = false;
    bool willRetry = false;
    qint64 retryDelayMs = 0;
    // The retry it announced was cancelled while it waited (a requery, Cancel, Esc): no
    // further attempt was sent. Set afterwards, through IncreaseClient::retryCancelled.
    bool retryCancelled = false;
    quint64 id = 0; // unique in the process, from 1
    QString keyHint;

    static constexpr qint64 kMaxLoggedBody = 256 * 1024;
    static constexpr char kRedactedAuthorization[] = "Bearer [redacted]";
    static constexpr char kRedacted[] = "[redacted]";
    // Keys shorter than this are not searched for in text: every "k" of a log would become
    // "[redacted]". Real Increase keys are far longer.
    static constexpr qsizetype kMinRedactedKeyLength = 8;
};

Q_DECLARE_METATYPE(RequestLogEntry)
