// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// "Save as HAR": valid HAR 1.2 with every required field, the request log's extras under
// `_` names, Authorization redacted with no part of the key, and an atomic save.
#include "harcheck.h"
#include "harwriter.h"
#include "requestlogfixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using RequestLogFixtures::entry;

namespace {

QJsonObject parsed(const QByteArray &har)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(har, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("HAR is not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QJsonArray entriesOf(const QByteArray &har)
{
    return parsed(har)[u"log"_s][u"entries"_s].toArray();
}

QString headerValue(const QJsonValue &headers, const QString &name)
{
    for (const QJsonValue &header : headers.toArray()) {
        if (header[u"name"_s].toString().compare(name, Qt::CaseInsensitive) == 0)
            return header[u"value"_s].toString();
    }
    return {};
}

} // namespace

class TestHarWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesTheLogHeader()
    {
        const QJsonObject log = parsed(HarWriter::toHar({}, u"0.1.0"_s))[u"log"_s].toObject();
        QCOMPARE(log[u"version"_s].toString(), u"1.2"_s);
        QCOMPARE(log[u"creator"_s][u"name"_s].toString(), u"Increase Connections"_s);
        QCOMPARE(log[u"creator"_s][u"version"_s].toString(), u"0.1.0"_s);
        QVERIFY(log[u"entries"_s].isArray());
        QCOMPARE(log[u"entries"_s].toArray().size(), 0);
    }

    void writesAnAnsweredRequest()
    {
        RequestLogEntry e = entry(7);
        e.url = QUrl::fromEncoded("http://127.0.0.1:4010/oauth_connections?limit=100"
                                  "&cursor=a%20b%26c&status.in=active,inactive");
        e.latencyMs = 41;
        e.attempt = 2;
        const QJsonArray entries = entriesOf(HarWriter::toHar({e}, u"0.1.0"_s));
        QCOMPARE(entries.size(), 1);
        const QJsonObject har = entries.at(0).toObject();
        QCOMPARE(HarCheck::problems(har), QStringList());

        QCOMPARE(har[u"startedDateTime"_s].toString(), u"2025-01-02T03:04:05.685Z"_s);
        QCOMPARE(har[u"time"_s].toInt(), 41);
        QCOMPARE(har[u"timings"_s][u"wait"_s].toInt(), 41);
        QCOMPARE(har[u"_attempt"_s].toInt(), 2);
        QVERIFY(!har.contains(u"_error"_s));
        const QJsonValue request = har[u"request"_s];
        QCOMPARE(request[u"method"_s].toString(), u"GET"_s);
        QCOMPARE(request[u"url"_s].toString(), QString::fromLatin1(e.url.toEncoded()));
        QCOMPARE(request[u"httpVersion"_s].toString(), u"HTTP/1.1"_s);
        QCOMPARE(request[u"bodySize"_s].toInt(), 0);
        // Over https the protocol is what the client recorded (ALPN may pick HTTP/2).
        RequestLogEntry h2 = e;
        h2.url.setScheme(u"https"_s);
        h2.httpVersion = "HTTP/2";
        const QJsonObject h2Har = entriesOf(HarWriter::toHar({h2}, u"0.1.0"_s)).at(0).toObject();
        QCOMPARE(h2Har[u"request"_s][u"httpVersion"_s].toString(), u"HTTP/2"_s);
        QCOMPARE(h2Har[u"response"_s][u"httpVersion"_s].toString(), u"HTTP/2"_s);
        const QJsonArray query = request[u"queryString"_s].toArray();
        QCOMPARE(query.size(), 3);
        QCOMPARE(query.at(1)[u"name"_s].toString(), u"cursor"_s);
        QCOMPARE(query.at(1)[u"value"_s].toString(), u"a b&c"_s);
        QCOMPARE(headerValue(request[u"headers"_s], u"Authorization"_s), u"Bearer [redacted]"_s);
        QCOMPARE(headerValue(request[u"headers"_s], u"Accept"_s), u"application/json"_s);

        const QJsonValue response = har[u"response"_s];
        QCOMPARE(response[u"status"_s].toInt(), 200);
        QCOMPARE(response[u"statusText"_s].toString(), u"OK"_s);
        QCOMPARE(response[u"bodySize"_s].toInt(), 1536);
        QCOMPARE(response[u"redirectURL"_s].toString(), QString());
        QCOMPARE(response[u"content"_s][u"mimeType"_s].toString(), u"application/json"_s);
        QCOMPARE(response[u"content"_s][u"size"_s].toInt(), 1536);
        QCOMPARE(response[u"content"_s][u"text"_s].toString(), QString::fromUtf8(e.responseBody));
        QCOMPARE(headerValue(response[u"headers"_s], u"Content-Type"_s), u"application/json"_s);
    }

    void writesARequestWithoutResponse()
    {
        RequestLogEntry e = entry(8, 0, u"timeout_error"_s);
        e.errorMessage = u"The request timed out after 60000 ms (timeout_error)"_s;
        e.responseHeaders.clear();
        e.responseBody.clear();
        e.bytesReceived = 0;
        e.willRetry = true;
        e.retryDelayMs = 500;
        const QJsonObject har = entriesOf(HarWriter::toHar({e}, u"0.1.0"_s)).at(0).toObject();
        QCOMPARE(HarCheck::problems(har), QStringList());
        QCOMPARE(har[u"response"_s][u"status"_s].toInt(), 0);
        QCOMPARE(har[u"response"_s][u"statusText"_s].toString(), QString());
        QCOMPARE(har[u"response"_s][u"bodySize"_s].toInt(), -1);
        QCOMPARE(har[u"response"_s][u"content"_s][u"size"_s].toInt(), 0);
        QVERIFY(!har[u"response"_s][u"content"_s].toObject().contains(u"text"_s));
        QCOMPARE(har[u"_error"_s][u"type"_s].toString(), u"timeout_error"_s);
        QCOMPARE(har[u"_error"_s][u"message"_s].toString(), e.errorMessage);
        QCOMPARE(har[u"_willRetry"_s].toBool(), true);
        QCOMPARE(har[u"_retryDelayMs"_s].toInt(), 500);
    }

    void keepsOddBodiesAndRedirects()
    {
        RequestLogEntry binary = entry(1, 502, u"malformed_response_error"_s);
        binary.responseHeaders = {{"Content-Type", "application/octet-stream"}};
        binary.responseBody = QByteArray("\xff\xfe\x00\x01", 4);
        RequestLogEntry cut = entry(2);
        cut.bodyTruncated = true;
        RequestLogEntry moved = entry(3, 302, u"malformed_response_error"_s);
        moved.responseHeaders = {{"location", "https://elsewhere.example/"}};
        moved.responseBody.clear();

        const QJsonArray entries = entriesOf(HarWriter::toHar({binary, cut, moved}, u"0.1.0"_s));
        QCOMPARE(entries.size(), 3);
        for (const QJsonValue &har : entries)
            QCOMPARE(HarCheck::problems(har.toObject()), QStringList());
        const QJsonValue content = entries.at(0)[u"response"_s][u"content"_s];
        QCOMPARE(content[u"encoding"_s].toString(), u"base64"_s);
        QCOMPARE(QByteArray::fromBase64(content[u"text"_s].toString().toLatin1()),
                 binary.responseBody);
        QCOMPARE(entries.at(0)[u"response"_s][u"statusText"_s].toString(), u"Bad Gateway"_s);
        QCOMPARE(entries.at(1)[u"_bodyTruncated"_s].toBool(), true);
        QCOMPARE(entries.at(2)[u"response"_s][u"redirectURL"_s].toString(),
                 u"https://elsewhere.example/"_s);
        QCOMPARE(entries.at(2)[u"response"_s][u"content"_s][u"mimeType"_s].toString(),
                 u"x-unknown"_s);
    }

    void holdsNoPartOfTheKey()
    {
        const QByteArray key = "ic_test_key_SECRET_4321";
        RequestLogEntry e = entry(1);
        e.keyHint = u"4321"_s;
        e.requestHeaders.last().second = "Bearer " + key; // even if the log held it
        const QByteArray har = HarWriter::toHar({e}, u"0.1.0"_s);
        QVERIFY(!har.contains(key));
        QVERIFY(!har.contains("4321"));
        QVERIFY(har.contains("Bearer [redacted]"));
    }

    void savesAtomically()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"session.har"_s);
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous");
        old.close();

        const QList<RequestLogEntry> entries{entry(1), entry(2, 0, u"network_error"_s)};
        QString error;
        QVERIFY2(HarWriter::saveHar(path, entries, u"0.1.0"_s, &error), qPrintable(error));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), HarWriter::toHar(entries, u"0.1.0"_s));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"session.har"_s});

        const QString nowhere = dir.filePath(u"missing/session.har"_s);
        QVERIFY(!HarWriter::saveHar(nowhere, entries, u"0.1.0"_s, &error));
        QVERIFY2(error.contains(u"session.har"_s), qPrintable(error));
        QVERIFY(!QFile::exists(nowhere));
    }
};

QTEST_GUILESS_MAIN(TestHarWriter)
#include "tst_harwriter.moc"
