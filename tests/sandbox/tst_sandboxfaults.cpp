// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fault injection of the local sandbox: 500s, bodies cut mid-way, 429s, latency that
// never blocks other requests. Real HTTP on loopback.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failRate();
    void dropRateCutsBodies();
    void dropRateSparesErrors();
    void rateLimit();
    void rateLimitOffAgain();
    void latencyDoesNotBlock();
    void slowAnswerDoesNotHoldBackAFastOne();
    void jitterStaysInRange();
    void clientGoneBeforeDelayedAnswer();
    void serverGoneBeforeDelayedAnswer();

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestSandboxFaults::init()
{
    SandboxOptions options;
    options.port = 0;
    options.connections = 500;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen());
    m_client = std::make_unique<SandboxTestClient>(m_server->baseUrl());
}

void TestSandboxFaults::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestSandboxFaults::failRate()
{
    m_server->setFailRate(1.0);
    for (int i = 0; i < 5; ++i) {
        const HttpResult result = m_client->get("/oauth_connections");
        QCOMPARE(result.status, 500);
        QCOMPARE(result.json()[u"type"].toString(), u"internal_server_error"_s);
        QCOMPARE(result.json()[u"status"].toInt(), 500);
        QCOMPARE(result.headers.value("content-length").toLongLong(), result.body.size());
    }
    m_server->setFailRate(0.5);
    int failures = 0;
    for (int i = 0; i < 200; ++i)
        failures += m_client->get("/oauth_connections?limit=1").status == 500 ? 1 : 0;
    QVERIFY2(failures > 60 && failures < 140, qPrintable(QString::number(failures)));
    m_server->setFailRate(0.0);
    QCOMPARE(m_client->get("/oauth_connections").status, 200);
}

void TestSandboxFaults::dropRateCutsBodies()
{
    m_server->setDropRate(1.0);
    for (int i = 0; i < 3; ++i) {
        RawHttpConnection raw(m_server->baseUrl());
        const RawHttpConnection::Response response = raw.get("/oauth_connections");
        QCOMPARE(response.status, 200);
        QVERIFY(response.closed);
        QVERIFY(response.contentLength > 1000);
        QVERIFY(response.body.size() > 0);
        QVERIFY2(response.body.size() < response.contentLength,
                 qPrintable(u"%1 of %2"_s.arg(response.body.size()).arg(response.contentLength)));
    }
    // What a client library sees (STYLE trap 14).
    const HttpResult result = m_client->get("/oauth_connections");
    QCOMPARE(result.error, QNetworkReply::RemoteHostClosedError);
    QVERIFY(result.body.size() < result.headers.value("content-length").toLongLong());

    m_server->setDropRate(0.0);
    QCOMPARE(m_client->get("/oauth_connections").status, 200);
}

void TestSandboxFaults::dropRateSparesErrors()
{
    m_server->setDropRate(1.0);
    RawHttpConnection raw(m_server->baseUrl());
    const RawHttpConnection::Response response = raw.get("/oauth_connections?limit=0");
    QCOMPARE(response.status, 400);
    QCOMPARE(response.body.size(), response.contentLength);
    QVERIFY(!response.closed);
}

void TestSandboxFaults::rateLimit()
{
    m_server->setRateLimit(5);
    int ok = 0;
    int limited = 0;
    HttpResult last429;
    for (int i = 0; i < 20; ++i) {
        const HttpResult result = m_client->get("/oauth_connections?limit=1");
        if (result.status == 200) {
            ++ok;
        } else {
            QCOMPARE(result.status, 429);
            ++limited;
            last429 = result;
        }
    }
    // The burst is one second's worth; 20 quick requests cannot all pass.
    QVERIFY2(ok >= 5 && limited >= 1, qPrintable(QString::number(ok)));
    QCOMPARE(m_server->rateLimitedResponses(), qint64(limited));
    const QJsonObject error = last429.json();
    QCOMPARE(error[u"type"].toString(), u"rate_limited_error"_s);
    QCOMPARE(error[u"status"].toInt(), 429);
    bool isInteger = false;
    const int retryAfter = last429.headers.value("retry-after").toInt(&isInteger);
    QVERIFY(isInteger);
    QVERIFY(retryAfter >= 1);
    QCOMPARE(error[u"retry_after"].toInt(), retryAfter);
    QCOMPARE(last429.headers.value("content-length").toLongLong(), last429.body.size());

    QTest::qWait(1100); // the bucket refills
    QCOMPARE(m_client->get("/oauth_connections?limit=1").status, 200);
}

void TestSandboxFaults::rateLimitOffAgain()
{
    m_server->setRateLimit(1);
    QCOMPARE(m_client->get("/oauth_connections?limit=1").status, 200);
    QCOMPARE(m_client->get("/oauth_connections?limit=1").status, 429);
    m_server->setRateLimit(0);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(m_client->get("/oauth_connections?limit=1").status, 200);
}

void TestSandboxFaults::latencyDoesNotBlock()
{
    m_server->setLatency(400, 0);
    QElapsedTimer timer;
    timer.start();
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 4; ++i)
        replies.append(m_client->start("/oauth_connections?limit=5"));
    for (QNetworkReply *reply : std::as_const(replies))
        QCOMPARE(SandboxTestClient::finish(reply).status, 200);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 390, qPrintable(QString::number(elapsed)));
    // Served one after the other, four answers would take 1.6 s.
    QVERIFY2(elapsed < 1500, qPrintable(QString::number(elapsed)));
}

void TestSandboxFaults::slowAnswerDoesNotHoldBackAFastOne()
{
    m_server->setLatency(1500, 0);
    const qint64 received = m_server->requestsReceived();
    QNetworkReply *slow = m_client->start("/oauth_connections");
    // The slow request has arrived and waits on its timer.
    QTRY_COMPARE(m_server->requestsReceived(), received + 1);
    m_server->setLatency(0, 0);
    const HttpResult fast = m_client->get("/oauth_connections/nope");
    QCOMPARE(fast.status, 404);
    QVERIFY(!slow->isFinished());
    QVERIFY2(fast.elapsedMs < 1200, qPrintable(QString::number(fast.elapsedMs)));
    const HttpResult slowResult = SandboxTestClient::finish(slow);
    QCOMPARE(slowResult.status, 200);
}

void TestSandboxFaults::jitterStaysInRange()
{
    m_server->setLatency(50, 100);
    for (int i = 0; i < 6; ++i) {
        const HttpResult result = m_client->get("/oauth_connections?limit=1");
        QCOMPARE(result.status, 200);
        QVERIFY2(result.elapsedMs >= 45 && result.elapsedMs < 1500,
                 qPrintable(QString::number(result.elapsedMs)));
    }
}

void TestSandboxFaults::clientGoneBeforeDelayedAnswer()
{
    m_server->setLatency(200, 0);
    {
        RawHttpConnection raw(m_server->baseUrl());
        raw.send("/oauth_connections");
        QTest::qWait(50); // arrived: its answer now waits on a timer
        raw.close();
        QNetworkReply *pending = m_client->start("/oauth_connections");
        QTest::qWait(50);
        pending->abort();
        pending->deleteLater();
    }
    QTest::qWait(400); // the answers' timers would fire now for sockets that are gone
    m_server->setLatency(0, 0);
    QCOMPARE(m_client->get("/oauth_connections").status, 200);
}

void TestSandboxFaults::serverGoneBeforeDelayedAnswer()
{
    m_server->setLatency(300, 0);
    QNetworkReply *pending = m_client->start("/oauth_connections");
    QTest::qWait(50);
    m_server.reset(); // its sockets and their pending answers go with it
    const HttpResult result = SandboxTestClient::finish(pending);
    QVERIFY(result.error != QNetworkReply::NoError);
    QCOMPARE(result.status, 0);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
