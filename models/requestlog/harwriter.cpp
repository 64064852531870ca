// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "harwriter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringDecoder>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

struct Reason
{
    int status;
    QStringView text;
};

// The client does not keep the reason phrase; these are the standard ones.
constexpr Reason kReasons[] = {
    {200, u"OK"},
    {201, u"Created"},
    {204, u"No Content"},
    {301, u"Moved Permanently"},
    {302, u"Found"},
    {304, u"Not Modified"},
    {307, u"Temporary Redirect"},
    {308, u"Permanent Redirect"},
    {400, u"Bad Request"},
    {401, u"Unauthorized"},
    {403, u"Forbidden"},
    {404, u"Not Found"},
    {405, u"Method Not Allowed"},
    {408, u"Request Timeout"},
    {409, u"Conflict"},
    {410, u"Gone"},
    {422, u"Unprocessable Content"},
    {429, u"Too Many Requests"},
    {500, u"Internal Server Error"},
    {502, u"Bad Gateway"},
    {503, u"Service Unavailable"},
    {504, u"Gateway Timeout"},
};

QString statusText(int status)
{
    for (const Reason &reason : kReasons) {
        if (reason.status == status)
            return reason.text.toString();
    }
    return {};
}

QByteArray headerValue(const RequestLogEntry::Headers &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonArray headerArray(const RequestLogEntry::Headers &headers, bool redactAuthorization)
{
    QJsonArray out;
    for (const auto &[name, value] : headers) {
        const bool isAuthorization = name.compare("Authorization", Qt::CaseInsensitive) == 0;
        const QString shown = redactAuthorization && isAuthorization
                                  ? QString::fromLatin1(RequestLogEntry::kRedactedAuthorization)
                                  : QString::fromUtf8(value);
        out.append(QJsonObject{{u"name"_s, QString::fromLatin1(name)}, {u"value"_s, shown}});
    }
    return out;
}

QJsonArray queryArray(const QUrl &url)
{
    QJsonArray out;
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        out.append(QJsonObject{{u"name"_s, name}, {u"value"_s, value}});
    return out;
}

// The protocol the client recorded for the response; without one (no response, or an
// entry from before it was recorded), plain http is taken as HTTP/1.1 (h2c is opt-in
// and recorded) and https stays unknown (""), since ALPN may have picked HTTP/2.
QString httpVersion(const RequestLogEntry &entry)
{
    if (!entry.httpVersion.isEmpty())
        return QString::fromLatin1(entry.httpVersion);
    return entry.url.scheme() == u"http"_s ? u"HTTP/1.1"_s : QString();
}

QJsonObject content(const RequestLogEntry &entry)
{
    const QByteArray mimeType = headerValue(entry.responseHeaders, "Content-Type");
    QJsonObject out{
        {u"size"_s, entry.bytesReceived},
        {u"mimeType"_s, mimeType.isEmpty() ? u"x-unknown"_s : QString::fromLatin1(mimeType)},
    };
    if (!entry.responseBody.isEmpty()) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8.decode(entry.responseBody);
        if (utf8.hasError()) {
            out.insert(u"text"_s, QString::fromLatin1(entry.responseBody.toBase64()));
            out.insert(u"encoding"_s, u"base64"_s);
        } else {
            out.insert(u"text"_s, text);
        }
    }
    if (entry.bodyTruncated)
        out.insert(u"comment"_s, u"text cut to the request log's 256 KiB"_s);
    return out;
}

QJsonObject harEntry(const RequestLogEntry &entry)
{
    const bool answered = entry.httpStatus > 0;
    const QString version = answered ? httpVersion(entry) : QString();
    const QJsonObject request{
        {u"method"_s, QString::fromLatin1(entry.method)},
        {u"url"_s,
         QString::fromLatin1(entry.url.toEncoded(QUrl::RemoveUserInfo | QUrl::RemoveFragment))},
        {u"httpVersion"_s, httpVersion(entry)},
        {u"cookies"_s, QJsonArray()},
        {u"headers"_s, headerArray(entry.requestHeaders, true)},
        {u"queryString"_s, queryArray(entry.url)},
        {u"headersSize"_s, -1},
        {u"bodySize"_s, 0},
    };
    const QJsonObject response{
        {u"status"_s, answered ? entry.httpStatus : 0},
        {u"statusText"_s, statusText(entry.httpStatus)},
        {u"httpVersion"_s, version},
        {u"cookies"_s, QJsonArray()},
        {u"headers"_s, headerArray(entry.responseHeaders, false)},
        {u"content"_s, content(entry)},
        {u"redirectURL"_s, QString::fromUtf8(headerValue(entry.responseHeaders, "Location"))},
        {u"headersSize"_s, -1},
        {u"bodySize"_s, answered ? entry.bytesReceived : qint64(-1)},
    };
    // One wait: the client measures the attempt as a whole, not its phases.
    const QJsonObject timings{
        {u"send"_s, 0},
        {u"wait"_s, entry.latencyMs},
        {u"receive"_s, 0},
    };
    QJsonObject out{
        {u"startedDateTime"_s, entry.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"time"_s, entry.latencyMs},
        {u"request"_s, request},
        {u"response"_s, response},
        {u"cache"_s, QJsonObject()},
        {u"timings"_s, timings},
        {u"_attempt"_s, entry.attempt},
    };
    if (!entry.errorType.isEmpty()) {
        out.insert(u"_error"_s,
                   QJsonObject{{u"type"_s, entry.errorType}, {u"message"_s, entry.errorMessage}});
    }
    if (entry.willRetry) {
        out.insert(u"_willRetry"_s, true);
        out.insert(u"_retryDelayMs"_s, entry.retryDelayMs);
        if (entry.retryCancelled)
            out.insert(u"_retryCancelled"_s, true);
    }
    if (entry.bodyTruncated)
        out.insert(u"_bodyTruncated"_s, true);
    return out;
}

// Streams entry by entry, so a full log is never held twice as a JSON tree.
bool writeHar(QIODevice &out, const QList<RequestLogEntry> &entries, const QString &creatorVersion)
{
    const QJsonObject creator{{u"name"_s, QString::fromLatin1(HarWriter::kCreatorName)},
                              {u"version"_s, creatorVersion}};
    bool ok = out.write("{\"log\": {\n\"version\": \"1.2\",\n\"creator\": ") >= 0 &&
              out.write(QJsonDocument(creator).toJson(QJsonDocument::Compact)) >= 0 &&
              out.write(",\n\"pages\": [],\n\"entries\": [") >= 0;
    for (qsizetype i = 0; ok && i < entries.size(); ++i) {
        ok = out.write(i == 0 ? "\n" : ",\n") >= 0 &&
             out.write(QJsonDocument(harEntry(entries.at(i))).toJson(QJsonDocument::Compact)) >= 0;
    }
    return ok && out.write("\n]\n}}\n") >= 0;
}

} // namespace

namespace HarWriter {

QByteArray toHar(const QList<RequestLogEntry> &entries, const QString &creatorVersion)
{
    QByteArray har;
    QBuffer buffer(&har);
    buffer.open(QIODevice::WriteOnly);
    writeHar(buffer, entries, creatorVersion);
    return har;
}

bool saveHar(const QString &path, const QList<RequestLogEntry> &entries,
             const QString &creatorVersion, QString *error)
{
    QSaveFile file(path);
    const bool saved =
        file.open(QIODevice::WriteOnly) && writeHar(file, entries, creatorVersion) && file.commit();
    if (!saved && error) {
        *error = QCoreApplication::translate("HarWriter", "Could not save %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return saved;
}

} // namespace HarWriter
