// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apicall.h"

#include "apicallprivate.h"
#include "apiparsing.h"
#include "increaseclient.h"
#include "requestratelimiter.h"
#include "retrypolicy.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

RetryPolicy::Headers responseHeaders(const QNetworkReply *reply)
{
    RetryPolicy::Headers headers;
    const auto pairs = reply->rawHeaderPairs();
    headers.reserve(pairs.size());
    for (const auto &pair : pairs)
        headers.append({pair.first, pair.second});
    return headers;
}

QString statusText(int status, const QByteArray &reason)
{
    return reason.isEmpty() ? u"HTTP %1"_s.arg(status)
                            : u"HTTP %1 %2"_s.arg(status).arg(QString::fromLatin1(reason));
}

} // namespace

ApiCall::ApiCall(QObject *parent)
    : QObject(parent)
{}

constexpr qsizetype kMinRedactedKeyLength = RequestLogEntry::kMinRedactedKeyLength;

QByteArray ApiCallPrivate::redacted(QByteArray text) const
{
    const QByteArray key = client->config().apiKey.toUtf8();
    // replace() detaches even when nothing matches: a copy of every page body.
    if (key.size() < kMinRedactedKeyLength || !text.contains(key))
        return text;
    return text.replace(key, RequestLogEntry::kRedacted);
}

QString ApiCallPrivate::redacted(QString text) const
{
    const QString &key = client->config().apiKey;
    return key.size() < kMinRedactedKeyLength
               ? text
               : text.replace(key, QString::fromLatin1(RequestLogEntry::kRedacted));
}

ApiCall::~ApiCall()
{
    if (d)
        d->shutdown();
    delete d;
}

void ApiCall::abort()
{
    if (d)
        d->abort();
}

bool ApiCall::isFinished() const
{
    return !d || d->finished;
}

ApiCallPrivate::ApiCallPrivate(ApiCall *call, IncreaseClient *owner, QUrl target, int retries)
    : q(call)
    , client(owner)
    , url(std::move(target))
    , maxRetries(retries)
{
    deadline.setSingleShot(true);
    retryTimer.setSingleShot(true);
    // A coarse timer may fire 5 % early: a server-given wait must not end before it said.
    deadline.setTimerType(Qt::PreciseTimer);
    retryTimer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&deadline, &QTimer::timeout, q, [this] { onDeadline(); });
    QObject::connect(&retryTimer, &QTimer::timeout, q, [this] { startAttempt(); });
}

void ApiCallPrivate::startAttempt()
{
    // Retries count against the limit too: the server counts every request it receives.
    if (!tokenReserved && client->rateLimiter()) {
        const qint64 wait = client->rateLimiter()->reserve();
        if (wait > 0) {
            tokenReserved = true;
            static_assert(RequestRateLimiter::kMaxWaitMs <= std::numeric_limits<int>::max(),
                          "a limiter's wait fits a timer's interval");
            retryTimer.start(int(wait)); // abort() stops this wait like a retry's
            return;
        }
    }
    tokenReserved = false;
    retryAnnounced = 0; // the announced retry is being sent now
    if (attempt == 0)
        callClock.start();
    ++attempt;
    timedOut = false;
    tooLarge = false;
    sslErrors.clear();

    QNetworkRequest request(url);
    // Any redirect is reported, never followed: the Authorization header must not travel.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", IncreaseClient::userAgent());
    request.setRawHeader("Authorization", "Bearer " + client->config().apiKey.toUtf8());
    if (client->m_sslConfiguration)
        request.setSslConfiguration(*client->m_sslConfiguration);
    // Over TLS, ALPN picks HTTP/2 by itself; the attribute would skip that negotiation.
    if (client->config().http2PriorKnowledge && url.scheme() == "http"_L1)
        request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    if (!client->config().http2OverTls && url.scheme() == "https"_L1)
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    requestHeaders = {{"Accept", "application/json"},
                      {"User-Agent", IncreaseClient::userAgent()},
                      {"Authorization", RequestLogEntry::kRedactedAuthorization}};

    attemptStartedAt = QDateTime::currentDateTimeUtc();
    attemptClock.start();
    reply = client->network()->get(request);
    reply->setParent(q);
    const qint64 maxBody = client->config().maxBodyBytes;
    QObject::connect(reply, &QNetworkReply::metaDataChanged, q, [this, maxBody] {
        if (!reply)
            return;
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBody) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, q,
                     [this, maxBody](qint64 received, qint64) {
                         if (reply && received > maxBody && !tooLarge) {
                             tooLarge = true;
                             reply->abort();
                         }
                     });
    // downloadProgress is throttled; readyRead sees the buffer grow past the cap at once.
    QObject::connect(reply, &QNetworkReply::readyRead, q, [this, maxBody] {
        if (reply && reply->bytesAvailable() > maxBody && !tooLarge) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::sslErrors, q,
                     [this](const QList<QSslError> &errors) { sslErrors = errors; });
    QObject::connect(reply, &QNetworkReply::finished, q, [this] { onReplyFinished(); });
    deadline.start(client->config().timeoutMs);
}

void ApiCallPrivate::onDeadline()
{
    if (reply && reply->isRunning()) {
        timedOut = true;
        reply->abort();
    }
}

ApiCallPrivate::Outcome ApiCallPrivate::classify(int status, const QByteArray &body,
                                                 int networkError, const QString &errorText,
                                                 qint64 contentLength) const
{
    using Kind = ApiError::Kind;
    const auto error = static_cast<QNetworkReply::NetworkError>(networkError);
    if (cancelled)
        return {ApiError::make(Kind::Cancelled, u"Cancelled"_s, u"The request was cancelled."_s),
                false};
    if (timedOut)
        return {ApiError::make(
                    Kind::Timeout, u"Timed out"_s,
                    u"No complete response within %1 ms. The server or the network is "
                    "slow; try again, or raise --timeout-ms."_s.arg(client->config().timeoutMs)),
                true};
    if (tooLarge)
        return {ApiError::make(Kind::MalformedResponse, u"Response too large"_s,
                               u"The response body is larger than %1 MiB, far beyond any page "
                               "Increase sends; it was refused."_s.arg(
                                   client->config().maxBodyBytes / (1024 * 1024))),
                false};
    if (error == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty()) {
        QStringList problems;
        for (const QSslError &e : sslErrors)
            problems.append(e.errorString());
        const QString detail = problems.isEmpty() ? errorText : problems.join(u"; "_s);
        return {
            ApiError::make(
                Kind::Tls, u"TLS error"_s,
                u"%1. The connection was not trusted and nothing was sent. If a "
                "TLS-inspecting proxy is in the way, pass its CA with --ca-file."_s.arg(detail)),
            false};
    }
    if (status == 0) {
        return {
            ApiError::make(Kind::Network, u"Network error"_s,
                           u"%1. Check the network connection and the base URL."_s.arg(errorText)),
            true};
    }
    if (status >= 200 && status < 300) {
        const bool cutOff =
            error != QNetworkReply::NoError || (contentLength >= 0 && body.size() < contentLength);
        if (cutOff) {
            return {ApiError::make(
                        Kind::Network, u"Response cut off"_s,
                        contentLength >= 0
                            ? u"The connection closed after %1 of %2 bytes of the response."_s
                                  .arg(body.size())
                                  .arg(contentLength)
                            : u"The connection failed mid-response: %1."_s.arg(errorText)),
                    true};
        }
        return {};
    }
    if (status >= 300 && status < 400) {
        const QString location = QString::fromUtf8(reply->rawHeader("Location"));
        return {ApiError::make(Kind::InvalidRequest, u"Redirect not followed"_s,
                               u"The server answered HTTP %1 and redirected to '%2'. Redirects "
                               "are not followed so that the API key never travels elsewhere; "
                               "check the base URL."_s.arg(status)
                                   .arg(location)),
                false};
    }
    if (auto apiError = ApiParsing::apiError(status, body)) {
        apiError->httpStatus = status;
        apiError->rawBody = body;
        return {apiError, false};
    }
    const QByteArray reason =
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    ApiError malformed = ApiError::make(
        Kind::MalformedResponse, statusText(status, reason),
        u"The server answered HTTP %1 without an Increase error: %2."_s.arg(status).arg(
            ApiParsing::describeNonJson(body)));
    malformed.httpStatus = status;
    malformed.rawBody = body;
    return {malformed, false};
}

void ApiCallPrivate::onReplyFinished()
{
    deadline.stop();
    QNetworkReply *finishedReply = reply;
    if (!finishedReply)
        return;
    reply = nullptr;
    // An aborted reply can still deliver queued metaDataChanged/downloadProgress; they
    // must not reach handlers that expect a live attempt.
    QObject::disconnect(finishedReply, nullptr, q, nullptr);
    finishedReply->deleteLater();

    const qint64 latency = attemptClock.elapsed();
    const int status = finishedReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body =
        tooLarge || !finishedReply->isOpen() ? QByteArray() : finishedReply->readAll();
    const QVariant lengthHeader = finishedReply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 contentLength = lengthHeader.isValid() ? lengthHeader.toLongLong() : -1;
    const RetryPolicy::Headers headers = responseHeaders(finishedReply);

    // classify() reads the reply for the redirect target and reason phrase.
    reply = finishedReply;
    Outcome outcome =
        classify(status, body, finishedReply->error(), finishedReply->errorString(), contentLength);
    reply = nullptr;
    // A server or proxy that echoes request headers must not carry the key any further:
    // whatever is shown or logged is scrubbed. Data handed on for parsing stays as sent.
    if (outcome.error) {
        outcome.error->title = redacted(outcome.error->title);
        outcome.error->detail = redacted(outcome.error->detail);
        outcome.error->rawBody = redacted(outcome.error->rawBody);
    }
    RetryPolicy::Headers loggedHeaders = headers;
    for (auto &header : loggedHeaders)
        header.second = redacted(header.second);

    RequestLogEntry entry;
    entry.id = IncreaseClient::nextExchangeId();
    entry.startedAt = attemptStartedAt;
    entry.method = "GET";
    entry.url = url;
    entry.attempt = attempt;
    entry.httpStatus = status;
    entry.latencyMs = latency;
    entry.bytesReceived = body.size();
    if (status > 0) {
        entry.httpVersion =
            finishedReply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool()
                ? QByteArrayLiteral("HTTP/2")
                : QByteArrayLiteral("HTTP/1.1");
    }
    entry.requestHeaders = requestHeaders;
    entry.responseHeaders = loggedHeaders;
    entry.responseBody = redacted(body.left(RequestLogEntry::kMaxLoggedBody + 64))
                             .left(RequestLogEntry::kMaxLoggedBody);
    entry.bodyTruncated = body.size() > RequestLogEntry::kMaxLoggedBody;
    // Last 4 characters to tell keys apart on screen; a short key would be given away whole.
    if (client->config().apiKey.size() >= 12)
        entry.keyHint = client->config().apiKey.right(4);
    if (outcome.error) {
        entry.errorType = outcome.error->type;
        entry.errorMessage = outcome.error->message();
    }

    ApiResult result;
    result.error = outcome.error;
    result.httpStatus = status;
    result.body = outcome.error ? redacted(body) : body;
    result.latencyMs = latency;
    result.attempts = attempt;
    for (const auto &header : headers) {
        if (header.first.compare("date", Qt::CaseInsensitive) == 0)
            result.serverDate = RetryPolicy::parseHttpDate(header.second);
    }

    const bool retryable =
        outcome.error && !cancelled &&
        (outcome.transportFailure || outcome.error->isIncreaseError() ||
         outcome.error->kind == ApiError::Kind::MalformedResponse) &&
        RetryPolicy::shouldRetry(outcome.transportFailure ? 0 : status, headers) && !tooLarge;
    if (retryable) {
        const bool rateLimited = status == 429;
        const std::optional<qint64> serverDelay = RetryPolicy::serverDelayMs(
            headers, outcome.error->retryAfter, QDateTime::currentDateTimeUtc());
        const qint64 delay =
            serverDelay ? *serverDelay
                        : qint64(double(RetryPolicy::backoffMs(
                                     attempt - 1, QRandomGenerator::global()->generateDouble())) *
                                 client->config().backoffScale);
        // 429 waits do not spend the retry budget; the call's total time bounds them.
        const bool withinBudget = rateLimited || budgetedRetries < maxRetries;
        if (withinBudget && callClock.elapsed() + delay <= client->config().maxTotalRetryWaitMs) {
            if (!rateLimited)
                ++budgetedRetries;
            entry.willRetry = true;
            entry.retryDelayMs = delay;
            retryAnnounced = entry.id;
            // Receivers may abort this call, or destroy the client, from these signals.
            const QPointer<ApiCall> self(q);
            Q_EMIT client->exchange(entry);
            if (!self || finished)
                return;
            Q_EMIT q->retryScheduled(attempt + 1, delay, *outcome.error);
            if (!self || finished)
                return;
            retryTimer.start(int(delay));
            return;
        }
    }
    const QPointer<ApiCall> self(q);
    Q_EMIT client->exchange(entry);
    if (self && !finished)
        finish(result);
}

void ApiCallPrivate::abort()
{
    if (finished)
        return;
    cancelled = true;
    if (reply) {
        // abort() emits finished synchronously: onReplyFinished reports Cancelled.
        reply->abort();
        return;
    }
    retryTimer.stop();
    if (const quint64 announced = std::exchange(retryAnnounced, 0)) {
        const QPointer<ApiCall> self(q);
        Q_EMIT client->retryCancelled(announced);
        if (!self || finished)
            return;
    }
    ApiResult result;
    result.error =
        ApiError::make(ApiError::Kind::Cancelled, u"Cancelled"_s, u"The request was cancelled."_s);
    result.attempts = attempt;
    finish(result);
}

void ApiCallPrivate::shutdown()
{
    finished = true;
    deadline.stop();
    retryTimer.stop();
    if (reply) {
        QObject::disconnect(reply, nullptr, q, nullptr);
        reply->abort();
        delete reply.data();
    }
}

void ApiCallPrivate::finish(const ApiResult &result)
{
    if (finished)
        return;
    finished = true;
    deadline.stop();
    retryTimer.stop();
    ApiResult final = result;
    final.finishedAt = QDateTime::currentDateTimeUtc();
    client->adjustInFlight(-1);
    // Before emitting: a receiver may destroy the client, and with it this call.
    q->deleteLater();
    Q_EMIT q->finished(final);
}
