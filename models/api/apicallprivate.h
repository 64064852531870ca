// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apicall.h"
#include "requestlogentry.h"

#include <QElapsedTimer>
#include <QList>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QUrl>

class IncreaseClient;
class QNetworkReply;

// The state machine behind ApiCall: attempt, classify, wait, retry. Lives in models/
// only; ApiCall's public face stays small.
class ApiCallPrivate
{
public:
    ApiCallPrivate(ApiCall *q, IncreaseClient *client, QUrl url, int maxRetries);

    void startAttempt();
    void onReplyFinished();
    void onDeadline();
    void abort();
    // Tear down without emitting (the client is being destroyed).
    void shutdown();
    void finish(const ApiResult &result);
    // The text with every occurrence of the API key replaced by "[redacted]".
    QByteArray redacted(QByteArray text) const;
    QString redacted(QString text) const;

    // What one finished attempt amounts to.
    struct Outcome
    {
        std::optional<ApiError> error;
        bool transportFailure = false; // no usable response: retry as status 0
    };
    Outcome classify(int status, const QByteArray &body, int networkError,
                     const QString &networkErrorText, qint64 contentLength) const;

    ApiCall *q;
    IncreaseClient *client;
    QUrl url;
    int maxRetries;
    int attempt = 0;
    int budgetedRetries = 0;
    QElapsedTimer callClock; // from the first attempt: bounds the time spent retrying
    QPointer<QNetworkReply> reply;
    QTimer deadline;
    QTimer retryTimer;
    QElapsedTimer attemptClock;
    QDateTime attemptStartedAt;
    QList<QSslError> sslErrors;
    RequestLogEntry::Headers requestHeaders;
    bool tokenReserved = false; // the rate limiter's wait for this attempt is over
    quint64 retryAnnounced = 0; // the logged exchange whose retry is waiting, if any
    bool timedOut = false;
    bool tooLarge = false;
    bool cancelled = false;
    bool finished = false;
};
