// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The local sandbox's refusals, over real HTTP on loopback: Bearer authentication and
// its 401 reasons, 404s for unknown objects, paths and methods, and the headers every
// response carries whatever its status.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

class TestSandboxErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void authentication_data();
    void authentication();
    void expectedKeyOnly();
    void retrieve();
    void unknownMethods_data();
    void unknownMethods();
    void headersOnEveryResponse_data();
    void headersOnEveryResponse();
    void busyPort();

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
    QList<QJsonObject> m_all;
    QList<QJsonObject> m_applications;
};

void TestSandboxErrors::initTestCase()
{
    SandboxOptions options;
    options.port = 0;
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->listen(&error), qPrintable(error));
    m_client = std::make_unique<SandboxTestClient>(m_server->baseUrl());
    QString failure;
    m_all = m_client->listAll("/oauth_connections?status.in=active,inactive", &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_applications = m_client->listAll("/oauth_applications", &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestSandboxErrors::authentication_data()
{
    QTest::addColumn<std::optional<QByteArray>>("header");
    QTest::addColumn<QString>("reason");
    QTest::newRow("none") << std::optional<QByteArray>() << u"no_header"_s;
    QTest::newRow("basic") << std::optional<QByteArray>("Basic dXNlcjpwYXNz") << u"no_credential"_s;
    QTest::newRow("bare key") << std::optional<QByteArray>("secret_key") << u"no_credential"_s;
    QTest::newRow("empty bearer") << std::optional<QByteArray>("Bearer ") << u"no_credential"_s;
    QTest::newRow("bearer only") << std::optional<QByteArray>("Bearer") << u"no_credential"_s;
    QTest::newRow("empty") << std::optional<QByteArray>("") << u"no_credential"_s;
    QTest::newRow("any key") << std::optional<QByteArray>("Bearer anything") << QString();
    QTest::newRow("lower-case scheme") << std::optional<QByteArray>("bearer k") << QString();
}

void TestSandboxErrors::authentication()
{
    QFETCH(std::optional<QByteArray>, header);
    QFETCH(QString, reason);
    for (const QByteArray &path : {QByteArray("/oauth_connections"), QByteArray("/nope")}) {
        const HttpResult result = m_client->send("GET", path, header);
        if (reason.isEmpty()) {
            QVERIFY(result.status != 401);
            continue;
        }
        QCOMPARE(result.status, 401);
        const QJsonObject error = result.json();
        QCOMPARE(error[u"type"].toString(), u"invalid_api_key_error"_s);
        QCOMPARE(error[u"status"].toInt(), 401);
        QCOMPARE(error[u"reason"].toString(), reason);
        QVERIFY(error[u"title"].isString());
        QVERIFY(error[u"detail"].isString());
    }
}

void TestSandboxErrors::expectedKeyOnly()
{
    SandboxOptions options;
    options.port = 0;
    options.apiKey = u"sandbox-key"_s;
    SandboxServer server(options);
    QVERIFY(server.listen());
    const HttpResult wrong =
        SandboxTestClient(server.baseUrl(), "other-key").get("/oauth_connections");
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.json()[u"reason"].toString(), u"no_credential"_s);
    QVERIFY(!wrong.body.contains("other-key"));
    QCOMPARE(SandboxTestClient(server.baseUrl(), "sandbox-key").get("/oauth_connections").status,
             200);
}

void TestSandboxErrors::retrieve()
{
    for (const qsizetype i : {qsizetype(0), qsizetype(1234), m_all.size() - 1}) {
        const QJsonObject &listed = m_all[i];
        const HttpResult result =
            m_client->get("/oauth_connections/" + listed[u"id"].toString().toUtf8());
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json(), listed);
    }
    const HttpResult app =
        m_client->get("/oauth_applications/" + m_applications[2][u"id"].toString().toUtf8());
    QCOMPARE(app.status, 200);
    QCOMPARE(app.json(), m_applications[2]);

    for (const QByteArray &target :
         {QByteArray("/oauth_connections/connection_doesnotexist00000000"),
          QByteArray("/oauth_connections/x"), QByteArray("/oauth_connections/%22%3Cscript%3E"),
          QByteArray("/oauth_applications/application_doesnotexist0000000")}) {
        const HttpResult missing = m_client->get(target);
        QCOMPARE(missing.status, 404);
        const QJsonObject error = missing.json();
        QCOMPARE(error[u"type"].toString(), u"object_not_found_error"_s);
        QCOMPARE(error[u"status"].toInt(), 404);
        QVERIFY(error.contains(u"likely_environment"));
        QVERIFY(error[u"likely_environment"].isNull());
    }
}

void TestSandboxErrors::unknownMethods_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("unknown path") << QByteArray("GET") << QByteArray("/nope");
    QTest::newRow("root") << QByteArray("GET") << QByteArray("/");
    QTest::newRow("singular") << QByteArray("GET") << QByteArray("/oauth_connection");
    QTest::newRow("too deep") << QByteArray("GET") << QByteArray("/oauth_connections/a/b");
    QTest::newRow("trailing slash") << QByteArray("GET") << QByteArray("/oauth_connections/");
    QTest::newRow("POST list") << QByteArray("POST") << QByteArray("/oauth_connections");
    QTest::newRow("DELETE item") << QByteArray("DELETE")
                                 << QByteArray("/oauth_applications/application_x");
    QTest::newRow("PATCH") << QByteArray("PATCH") << QByteArray("/oauth_applications");
    QTest::newRow("HEAD") << QByteArray("HEAD") << QByteArray("/oauth_connections");
}

void TestSandboxErrors::unknownMethods()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    const HttpResult result = m_client->send(method, target, QByteArray("Bearer k"));
    QCOMPARE(result.status, 404);
    QCOMPARE(result.headers.value("content-type"), QByteArray("application/json"));
    if (method == "HEAD") {
        QVERIFY(result.body.isEmpty());
        QCOMPARE(m_client->get("/oauth_applications").status, 200); // the connection is intact
        return;
    }
    const QJsonObject error = result.json();
    QCOMPARE(error[u"type"].toString(), u"api_method_not_found_error"_s);
    QCOMPARE(error[u"status"].toInt(), 404);
    QVERIFY(error[u"title"].isString());
}

void TestSandboxErrors::headersOnEveryResponse_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::newRow("page") << QByteArray("/oauth_connections") << 200;
    QTest::newRow("last page") << QByteArray("/oauth_applications") << 200;
    QTest::newRow("400") << QByteArray("/oauth_connections?limit=0") << 400;
    QTest::newRow("404") << QByteArray("/nope") << 404;
}

void TestSandboxErrors::headersOnEveryResponse()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    RawHttpConnection raw(m_server->baseUrl());
    const RawHttpConnection::Response response = raw.get(target);
    QCOMPARE(response.status, status);
    QVERIFY(response.headerBlock.contains("\r\ncontent-type: application/json"));
    QCOMPARE(response.contentLength, response.body.size());
    QVERIFY(!response.closed);
    QCOMPARE(raw.get("/oauth_connections/x", "").status, 401); // empty key, same socket
}

void TestSandboxErrors::busyPort()
{
    SandboxOptions options;
    options.port = m_server->port();
    SandboxServer second(options);
    QString error;
    QVERIFY(!second.listen(&error));
    QVERIFY2(error.contains(QString::number(options.port)), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSandboxErrors)
#include "tst_sandboxerrors.moc"
