// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The API client against a staged loopback server: headers, retries and their waits,
// typed errors, deadlines, cut-off bodies, redirects, and the key kept out of the log.
#include "apicall.h"
#include "increaseclient.h"
#include "stagedserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kKey = u"ic_test_key_SECRET_9876"_s;
const QByteArray kPage = R"({"data":[],"next_cursor":null})";

struct Run
{
    ApiResult result;
    QList<qint64> delays;
    QList<int> nextAttempts;
    QList<RequestLogEntry> log;
    qint64 elapsedMs = 0;
};

ClientConfig configFor(const QUrl &url)
{
    ClientConfig config;
    config.baseUrl = url;
    config.apiKey = kKey;
    config.environment = u"custom"_s;
    config.timeoutMs = 5000;
    config.backoffScale = 0.1; // keep computed backoff short; server-given delays stay exact
    return config;
}

Run run(IncreaseClient &client, ApiCall *call)
{
    Run out;
    bool done = false;
    QElapsedTimer clock;
    clock.start();
    auto logged = QObject::connect(&client, &IncreaseClient::exchange,
                                   [&](const RequestLogEntry &e) { out.log.append(e); });
    QObject::connect(call, &ApiCall::retryScheduled, [&](int next, qint64 delay, const ApiError &) {
        out.delays.append(delay);
        out.nextAttempts.append(next);
    });
    QObject::connect(call, &ApiCall::finished, [&](const ApiResult &r) {
        out.result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        qWarning("timed out waiting for the call to finish");
    out.elapsedMs = clock.elapsed();
    QObject::disconnect(logged);
    return out;
}

QByteArray errorBody(const QByteArray &type, int status, const QByteArray &extra = {})
{
    QByteArray body = "{\"type\":\"" + type + "\",\"status\":" + QByteArray::number(status);
    body += ",\"title\":\"T " + type + "\",\"detail\":\"D " + type + "\"";
    if (!extra.isEmpty())
        body += "," + extra;
    return body + "}";
}

} // namespace

class TestIncreaseClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendsHeadersAndQuery()
    {
        StagedServer server;
        server.stage(200, kPage);
        IncreaseClient client(configFor(server.url()));
        ConnectionQuery query{{u"active"_s, u"inactive"_s}, u"application_abc"_s};
        const Run r = run(client, client.listConnections(query, u"cur+/="_s));
        QVERIFY2(r.result.ok(), qPrintable(r.result.error ? r.result.error->message() : QString()));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.header(0, "Authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(server.header(0, "Accept"), QByteArray("application/json"));
        QVERIFY(server.header(0, "User-Agent").startsWith("IncreaseConnections/"));
        QVERIFY(server.header(0, "User-Agent").contains(" Qt/"));
        const QByteArray target = server.target(0);
        QVERIFY2(target.startsWith("/oauth_connections?"), target.constData());
        QVERIFY2(target.contains("status.in=active,inactive"), target.constData());
        QVERIFY2(target.contains("oauth_application_id=application_abc"), target.constData());
        QVERIFY2(target.contains("cursor=cur%2B%2F%3D"), target.constData());
        QVERIFY2(target.contains("limit=100"), target.constData());
    }

    void retriesRateLimit_data()
    {
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::addColumn<qint64>("minDelay");
        QTest::addColumn<qint64>("maxDelay");
        QTest::newRow("Retry-After seconds")
            << QByteArray("Retry-After") << QByteArray("1") << qint64(1000) << qint64(1000);
        // The date is made when the row runs: "+4" stands for four seconds from then. It has
        // whole seconds, and the answer arrives some milliseconds later.
        QTest::newRow("Retry-After HTTP date")
            << QByteArray("Retry-After") << QByteArray("+4") << qint64(2000) << qint64(4000);
        QTest::newRow("retry-after-ms")
            << QByteArray("retry-after-ms") << QByteArray("150") << qint64(150) << qint64(150);
    }
    void retriesRateLimit()
    {
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        QFETCH(qint64, minDelay);
        QFETCH(qint64, maxDelay);
        if (headerValue == "+4")
            headerValue = QLocale::c()
                              .toString(QDateTime::currentDateTimeUtc().addSecs(4),
                                        u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                              .toLatin1();
        StagedServer server;
        server.stage(429, errorBody("rate_limited_error", 429), {{headerName, headerValue}});
        server.stage(200, kPage);
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QVERIFY(r.result.ok());
        QCOMPARE(r.result.attempts, 2);
        QCOMPARE(r.delays.size(), 1);
        QVERIFY2(r.delays[0] >= minDelay && r.delays[0] <= maxDelay,
                 qPrintable(QString::number(r.delays[0])));
        // The wait really happened between the two requests.
        QCOMPARE(server.requestTimes.size(), 2);
        QVERIFY(server.requestTimes[1] - server.requestTimes[0] >= r.delays[0] - 5);
        QCOMPARE(r.log.size(), 2);
        QVERIFY(r.log[0].willRetry);
        QCOMPARE(r.log[0].httpStatus, 429);
        QCOMPARE(r.log[0].errorType, u"rate_limited_error"_s);
        QCOMPARE(r.log[1].attempt, 2);
    }

    void bodyRetryAfterUsedWithoutHeaders()
    {
        StagedServer server;
        server.stage(429, errorBody("rate_limited_error", 429, R"("retry_after":1)"));
        server.stage(200, kPage);
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QVERIFY(r.result.ok());
        QCOMPARE(r.delays, QList<qint64>{1000});
    }

    void rateLimitWaitsDoNotSpendTheBudget()
    {
        StagedServer server;
        for (int i = 0; i < 3; ++i)
            server.stage(429, errorBody("rate_limited_error", 429), {{"retry-after-ms", "10"}});
        server.stage(200, kPage);
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}, 100, 0));
        QVERIFY(r.result.ok());
        QCOMPARE(r.result.attempts, 4);
    }

    void zeroServerDelayFallsBackToBackoff_data()
    {
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::newRow("Retry-After: 0") << QByteArray("Retry-After") << QByteArray("0");
        QTest::newRow("retry-after-ms: 0") << QByteArray("retry-after-ms") << QByteArray("0");
        QTest::newRow("date in the past")
            << QByteArray("Retry-After") << QByteArray("Fri, 01 Mar 2024 11:59:00 GMT");
    }
    void zeroServerDelayFallsBackToBackoff()
    {
        // A 429 does not spend the retry budget; with a zero wait it would loop at full
        // speed forever. It backs off instead, and the total time still ends it.
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        StagedServer server;
        for (int i = 0; i < 50; ++i)
            server.stage(429, errorBody("rate_limited_error", 429), {{headerName, headerValue}});
        ClientConfig config = configFor(server.url());
        config.maxTotalRetryWaitMs = 400;
        IncreaseClient client(config);
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.error->kind, ApiError::Kind::RateLimited);
        for (qint64 delay : r.delays)
            QVERIFY(delay > 0);
        QVERIFY2(r.result.attempts < 10, qPrintable(QString::number(r.result.attempts)));
    }

    void keyEchoedByTheServerIsRedacted()
    {
        StagedServer server;
        const QByteArray key = kKey.toUtf8();
        QByteArray echo = "{\"type\":\"invalid_api_key_error\",\"status\":401,\"title\":\"Bad key ";
        echo += key + "\",\"detail\":\"You sent Bearer " + key;
        echo += "\",\"reason\":\"no_credential\"}";
        server.stage(401, echo, {{"X-Echo", "Bearer " + key}});
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.error->kind, ApiError::Kind::InvalidApiKey);
        QVERIFY(!r.result.error->message().contains(kKey));
        QVERIFY(!r.result.error->rawBody.contains(key));
        QVERIFY(!r.result.body.contains(key));
        QVERIFY(r.result.error->detail.contains(u"[redacted]"_s));
        QCOMPARE(r.log.size(), 1);
        QVERIFY(!r.log[0].responseBody.contains(key));
        QVERIFY(!r.log[0].errorMessage.contains(kKey));
        for (const auto &h : r.log[0].responseHeaders)
            QVERIFY(!h.second.contains(key));
    }

    void keyInsideDataIsNotAlteredForParsing()
    {
        // Only what is shown or logged is scrubbed; a page whose data happens to hold the
        // key string reaches the parser byte for byte.
        StagedServer server;
        const QByteArray page = "{\"data\":[],\"next_cursor\":\"" + kKey.toUtf8() + "\"}";
        server.stage(200, page);
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QVERIFY(r.result.ok());
        QCOMPARE(r.result.body, page);
        QVERIFY(!r.log[0].responseBody.contains(kKey.toUtf8()));
    }

    void keyWithLineBreaksIsRefused()
    {
        StagedServer server;
        ClientConfig config = configFor(server.url());
        config.apiKey = u"abc\r\nX-Injected: 1"_s;
        IncreaseClient client(config);
        QVERIFY(!client.configurationError().isEmpty());
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.error->kind, ApiError::Kind::InvalidRequest);
        QTest::qWait(50);
        QCOMPARE(server.requests.size(), 0);
    }

    void shortKeyHasNoHint()
    {
        StagedServer server;
        server.stage(200, kPage);
        ClientConfig config = configFor(server.url());
        config.apiKey = u"short"_s;
        IncreaseClient client(config);
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.log.size(), 1);
        QVERIFY(r.log[0].keyHint.isEmpty());
    }

    void destroyingTheClientCancelsItsCalls()
    {
        StagedServer server;
        server.stage(StagedServer::Reply{{}, false, true});
        auto *client = new IncreaseClient(configFor(server.url()));
        ApiCall *call = client->listConnections({}, {});
        std::optional<ApiResult> result;
        QObject::connect(call, &ApiCall::finished, [&](const ApiResult &r) { result = r; });
        QTRY_COMPARE(server.requests.size(), 1);
        delete client;
        QVERIFY(result);
        QCOMPARE(result->error->kind, ApiError::Kind::Cancelled);
    }

    void totalWaitIsBounded()
    {
        StagedServer server;
        for (int i = 0; i < 5; ++i)
            server.stage(429, errorBody("rate_limited_error", 429), {{"retry-after-ms", "600"}});
        ClientConfig config = configFor(server.url());
        config.maxTotalRetryWaitMs = 1000;
        IncreaseClient client(config);
        const Run r = run(client, client.listConnections({}, {}));
        QVERIFY(!r.result.ok());
        QCOMPARE(r.result.error->kind, ApiError::Kind::RateLimited);
        // The first wait fits (the first attempt took well under 400 ms); after 600 ms of
        // waiting, another 600 would pass the 1,000 ms bound.
        QCOMPARE(r.result.attempts, 2);
    }

    void serverErrorsUseBackoffAndBudget()
    {
        StagedServer server;
        for (int i = 0; i < 3; ++i)
            server.stage(500, errorBody("internal_server_error", 500));
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QVERIFY(!r.result.ok());
        QCOMPARE(r.result.error->kind, ApiError::Kind::InternalServer);
        QCOMPARE(r.result.attempts, 3); // 2 retries, like the SDKs
        QCOMPARE(r.nextAttempts, (QList<int>{2, 3}));
        // min(0.5 s * 2^n, 8 s) * (1 - 0.25 * rand), scaled by 0.1 for the test
        QVERIFY(r.delays[0] >= 37 && r.delays[0] <= 50);
        QVERIFY(r.delays[1] >= 75 && r.delays[1] <= 100);
        QCOMPARE(server.requests.size(), 3);
    }

    void shouldRetryHeaderOverrides()
    {
        StagedServer server;
        server.stage(500, errorBody("internal_server_error", 500), {{"x-should-retry", "false"}});
        server.stage(400, errorBody("malformed_request_error", 400), {{"x-should-retry", "true"}});
        server.stage(200, kPage);
        IncreaseClient client(configFor(server.url()));
        const Run first = run(client, client.listConnections({}, {}));
        QCOMPARE(first.result.attempts, 1);
        QCOMPARE(first.result.error->kind, ApiError::Kind::InternalServer);
        const Run second = run(client, client.listConnections({}, {}));
        QVERIFY(second.result.ok());
        QCOMPARE(second.result.attempts, 2);
    }

    void htmlFromAProxyIsRetriedThenReported()
    {
        StagedServer server;
        const QByteArray html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        for (int i = 0; i < 3; ++i)
            server.stage(Reply502(html));
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.attempts, 3);
        QCOMPARE(r.result.error->kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(r.result.error->httpStatus, 502);
        QVERIFY2(r.result.error->detail.contains(u"HTML"_s), qPrintable(r.result.error->detail));
        QCOMPARE(r.result.error->rawBody, html);

        server.stage(Reply502(html));
        server.stage(200, kPage);
        QVERIFY(run(client, client.listConnections({}, {})).result.ok());
    }

    void bodyCutOffMidwayIsRetried()
    {
        StagedServer server;
        const QByteArray full =
            "{\"data\":[],\"next_cursor\":null,\"padding\":\"" + QByteArray(500, 'x') + "\"}";
        server.stageCutOff(full.left(200), full.size());
        server.stage(200, full);
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QVERIFY2(r.result.ok(), qPrintable(r.result.error ? r.result.error->message() : QString()));
        QCOMPARE(r.result.attempts, 2);
        QCOMPARE(r.result.body, full);
        QCOMPARE(r.log[0].errorType, u"network_error"_s);
        QVERIFY(r.log[0].errorMessage.contains(u"cut off"_s));
    }

    void bodyCutOffEveryTimeFails()
    {
        StagedServer server;
        for (int i = 0; i < 3; ++i)
            server.stageCutOff("{\"data\":[", 1000);
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.attempts, 3);
        QCOMPARE(r.result.error->kind, ApiError::Kind::Network);
        QVERIFY(r.result.error->detail.contains(u"of 1000 bytes"_s));
    }

    void attemptDeadline()
    {
        StagedServer server;
        server.stage(StagedServer::Reply{{}, false, true});
        server.stage(StagedServer::Reply{{}, false, true});
        ClientConfig config = configFor(server.url());
        config.timeoutMs = 300;
        config.maxRetries = 1;
        IncreaseClient client(config);
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.error->kind, ApiError::Kind::Timeout);
        QCOMPARE(r.result.attempts, 2);
        QCOMPARE(r.log.size(), 2);
        QCOMPARE(r.log[0].errorType, u"timeout_error"_s);
        QVERIFY2(r.elapsedMs >= 600 && r.elapsedMs < 3000,
                 qPrintable(QString::number(r.elapsedMs)));
    }

    void slowTrickleStillHitsTheDeadline()
    {
        // An inactivity timer would never fire here; the whole-attempt deadline does.
        StagedServer server;
        server.stage(StagedServer::Reply{"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{",
                                         false, false, 0});
        ClientConfig config = configFor(server.url());
        config.timeoutMs = 400;
        config.maxRetries = 0;
        IncreaseClient client(config);
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.error->kind, ApiError::Kind::Timeout);
    }

    void connectionRefused()
    {
        QUrl url;
        {
            StagedServer closed;
            url = closed.url();
        }
        ClientConfig config = configFor(url);
        config.maxRetries = 1;
        IncreaseClient client(config);
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.error->kind, ApiError::Kind::Network);
        QCOMPARE(r.result.attempts, 2);
    }

    void typedErrors_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<int>("kind");
        using K = ApiError::Kind;
        QTest::newRow("invalid_parameters")
            << QByteArray("invalid_parameters_error") << 400
            << QByteArray(R"("errors":[{"field":"limit"}])") << int(K::InvalidParameters);
        QTest::newRow("malformed_request") << QByteArray("malformed_request_error") << 400
                                           << QByteArray() << int(K::MalformedRequest);
        QTest::newRow("invalid_api_key")
            << QByteArray("invalid_api_key_error") << 401
            << QByteArray(R"("reason":"expired_credential")") << int(K::InvalidApiKey);
        QTest::newRow("environment_mismatch") << QByteArray("environment_mismatch_error") << 403
                                              << QByteArray() << int(K::EnvironmentMismatch);
        QTest::newRow("insufficient_permissions")
            << QByteArray("insufficient_permissions_error") << 403 << QByteArray()
            << int(K::InsufficientPermissions);
        QTest::newRow("private_feature")
            << QByteArray("private_feature_error") << 403 << QByteArray() << int(K::PrivateFeature);
        QTest::newRow("api_method_not_found") << QByteArray("api_method_not_found_error") << 404
                                              << QByteArray() << int(K::ApiMethodNotFound);
        QTest::newRow("object_not_found")
            << QByteArray("object_not_found_error") << 404
            << QByteArray(R"("likely_environment":"sandbox")") << int(K::ObjectNotFound);
        QTest::newRow("idempotency_key")
            << QByteArray("idempotency_key_already_used_error") << 409
            << QByteArray(R"("resource_id":"x_1")") << int(K::IdempotencyKeyAlreadyUsed);
        QTest::newRow("invalid_operation") << QByteArray("invalid_operation_error") << 409
                                           << QByteArray() << int(K::InvalidOperation);
        QTest::newRow("rate_limited") << QByteArray("rate_limited_error") << 429
                                      << QByteArray(R"("retry_after":7)") << int(K::RateLimited);
        QTest::newRow("internal_server")
            << QByteArray("internal_server_error") << 500 << QByteArray() << int(K::InternalServer);
        QTest::newRow("unknown type")
            << QByteArray("brand_new_error") << 418 << QByteArray() << int(K::UnknownApiError);
    }
    void typedErrors()
    {
        QFETCH(QByteArray, type);
        QFETCH(int, status);
        QFETCH(QByteArray, extra);
        QFETCH(int, kind);
        StagedServer server;
        server.stage(status, errorBody(type, status, extra), {{"x-should-retry", "false"}});
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QVERIFY(!r.result.ok());
        const ApiError &e = *r.result.error;
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.type, QString::fromLatin1(type));
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.title, u"T "_s + QString::fromLatin1(type));
        QCOMPARE(e.detail, u"D "_s + QString::fromLatin1(type));
        QVERIFY(e.message().contains(QString::fromLatin1(type)));
        if (type == "invalid_api_key_error")
            QCOMPARE(e.reason, u"expired_credential"_s);
        if (type == "rate_limited_error")
            QCOMPARE(e.retryAfter, std::optional<int>(7));
        if (type == "object_not_found_error")
            QCOMPARE(e.likelyEnvironment, u"sandbox"_s);
        if (type == "idempotency_key_already_used_error")
            QCOMPARE(e.resourceId, u"x_1"_s);
        if (type == "invalid_parameters_error")
            QCOMPARE(e.errors.size(), 1);
    }

    void redirectToAnotherHostIsNotFollowed()
    {
        StagedServer elsewhere;
        StagedServer server;
        const QByteArray location = elsewhere.url().toEncoded() + "/oauth_connections";
        server.stage(302, {}, {{"Location", location}});
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.error->kind, ApiError::Kind::InvalidRequest);
        QVERIFY(r.result.error->detail.contains(QString::fromLatin1(location)));
        QTest::qWait(100);
        QCOMPARE(elsewhere.requests.size(), 0);
        QCOMPARE(server.requests.size(), 1);
    }

    void plainHttpToARemoteHostIsRefused()
    {
        ClientConfig config = configFor(QUrl(u"http://api.increase.com"_s));
        IncreaseClient client(config);
        QVERIFY(!client.configurationError().isEmpty());
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.error->kind, ApiError::Kind::InvalidRequest);
        QCOMPARE(r.log.size(), 0);
    }

    void badIdsAreRefusedBeforeAnyRequest_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("dot dot") << u".."_s;
        QTest::newRow("dot") << u"."_s;
        QTest::newRow("traversal") << u"../x"_s;
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("encoded dots") << u"%2e%2e"_s;
        QTest::newRow("space") << u"connection 1"_s;
        QTest::newRow("unicode") << u"connection_é"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("201 chars") << QString(201, u'a');
    }
    void badIdsAreRefusedBeforeAnyRequest()
    {
        QFETCH(QString, id);
        StagedServer server;
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.retrieveConnection(id));
        QCOMPARE(r.result.error->kind, ApiError::Kind::InvalidRequest);
        const Run app = run(client, client.retrieveApplication(id));
        QCOMPARE(app.result.error->kind, ApiError::Kind::InvalidRequest);
        ConnectionQuery query;
        query.applicationId = id.isEmpty() ? u"a/b"_s : id;
        QCOMPARE(run(client, client.listConnections(query, {})).result.error->kind,
                 ApiError::Kind::InvalidRequest);
        QCOMPARE(run(client, client.retrieveEvent(id)).result.error->kind,
                 ApiError::Kind::InvalidRequest);
        EventQuery events;
        events.associatedObjectId = query.applicationId;
        QCOMPARE(run(client, client.listEvents(events, {})).result.error->kind,
                 ApiError::Kind::InvalidRequest);
        QTest::qWait(50);
        QCOMPARE(server.requests.size(), 0);
    }

    void eventCallsSendTheirPathsAndQuery()
    {
        StagedServer server;
        server.stage(200, kPage);
        server.stage(200, R"({"id":"event_x"})");
        IncreaseClient client(configFor(server.url()));
        EventQuery query;
        query.categories = {u"oauth_connection.created"_s, u"oauth_connection.deactivated"_s};
        query.associatedObjectId = u"connection_abc"_s;
        query.createdOnOrAfter = u"2025-06-30T12:00:00Z"_s;
        const Run list = run(client, client.listEvents(query, u"c1"_s));
        QVERIFY(list.result.ok());
        QCOMPARE(list.log.size(), 1); // the request log sees it like any other call
        QCOMPARE(server.target(0),
                 QByteArray("/events?cursor=c1&limit=100&category.in=oauth_connection.created,"
                            "oauth_connection.deactivated&associated_object_id=connection_abc"
                            "&created_at.on_or_after=2025-06-30T12%3A00%3A00Z"));
        QVERIFY(run(client, client.retrieveEvent(u"event_x"_s)).result.ok());
        QCOMPARE(server.target(1), QByteArray("/events/event_x"));
    }

    void eventCallsAreRetriedLikeTheOthers()
    {
        StagedServer server;
        server.stage(500, errorBody("internal_server_error", 500));
        server.stage(429, errorBody("rate_limited_error", 429, "\"retry_after\":0"));
        server.stage(200, kPage);
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listEvents({}, {}));
        QVERIFY(r.result.ok());
        QCOMPARE(r.result.attempts, 3);
        server.stage(500, errorBody("internal_server_error", 500));
        const Run once = run(client, client.retrieveEvent(u"event_x"_s, 0));
        QCOMPARE(once.result.error->kind, ApiError::Kind::InternalServer);
        QCOMPARE(once.result.attempts, 1);
    }

    void retrieveUsesThePathId()
    {
        StagedServer server;
        server.stage(200, R"({"id":"connection_x"})");
        IncreaseClient client(configFor(server.url()));
        QVERIFY(run(client, client.retrieveConnection(QString(200, u'a'))).result.ok());
        QCOMPARE(server.target(0), "/oauth_connections/" + QByteArray(200, 'a'));
    }

    void oversizedBodyIsRefused()
    {
        StagedServer server;
        server.stage(200, QByteArray(5000, ' '));
        ClientConfig config = configFor(server.url());
        config.maxBodyBytes = 1000;
        IncreaseClient client(config);
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.result.error->kind, ApiError::Kind::MalformedResponse);
        QVERIFY(r.result.error->title.contains(u"too large"_s));
        QCOMPARE(r.result.attempts, 1);
    }

    void abortFinishesSynchronouslyWithCancelled()
    {
        StagedServer server;
        server.stage(StagedServer::Reply{{}, false, true});
        IncreaseClient client(configFor(server.url()));
        ApiCall *call = client.listConnections({}, {});
        QSignalSpy finished(call, &ApiCall::finished);
        QTRY_COMPARE(server.requests.size(), 1);
        call->abort();
        QCOMPARE(finished.size(), 1); // inside abort(), not later
        const auto result = finished.at(0).at(0).value<ApiResult>();
        QCOMPARE(result.error->kind, ApiError::Kind::Cancelled);
        QTRY_COMPARE(client.inFlight(), 0);
    }

    void abortDuringRetryWait()
    {
        StagedServer server;
        server.stage(503, errorBody("internal_server_error", 503), {{"Retry-After", "30"}});
        IncreaseClient client(configFor(server.url()));
        ApiCall *call = client.listConnections({}, {});
        QSignalSpy retry(call, &ApiCall::retryScheduled);
        QSignalSpy finished(call, &ApiCall::finished);
        QVERIFY(retry.wait(5000));
        QCOMPARE(retry.at(0).at(1).toLongLong(), 30000);
        call->abort();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<ApiResult>().error->kind, ApiError::Kind::Cancelled);
        QCOMPARE(server.requests.size(), 1);
    }

    void keyNeverInTheRequestLog()
    {
        StagedServer server;
        server.stage(500, errorBody("internal_server_error", 500));
        server.stage(200, kPage);
        IncreaseClient client(configFor(server.url()));
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(r.log.size(), 2);
        for (const RequestLogEntry &e : r.log) {
            QVERIFY(!e.url.toString().contains(kKey));
            for (const auto &h : e.requestHeaders + e.responseHeaders) {
                QVERIFY(!h.first.contains(kKey.toUtf8()));
                QVERIFY(!h.second.contains(kKey.toUtf8()));
                QVERIFY(!h.second.contains(kKey.right(8).toUtf8()));
            }
            QVERIFY(!e.responseBody.contains(kKey.toUtf8()));
            QVERIFY(!e.errorMessage.contains(kKey));
            QCOMPARE(e.keyHint, kKey.right(4));
            QCOMPARE(e.method, QByteArray("GET"));
        }
        const auto auth =
            std::find_if(r.log[0].requestHeaders.cbegin(), r.log[0].requestHeaders.cend(),
                         [](const auto &h) { return h.first == "Authorization"; });
        QVERIFY(auth != r.log[0].requestHeaders.cend());
        QCOMPARE(auth->second, QByteArray(RequestLogEntry::kRedactedAuthorization));
    }

    void inFlightCountsLogicalCalls()
    {
        StagedServer server;
        server.stage(StagedServer::Reply{StagedServer::response(200, kPage), false, false, 100});
        server.stage(StagedServer::Reply{StagedServer::response(200, kPage), false, false, 100});
        IncreaseClient client(configFor(server.url()));
        QSignalSpy changes(&client, &IncreaseClient::inFlightChanged);
        client.listConnections({}, {});
        client.listConnections({}, {});
        QCOMPARE(client.inFlight(), 2);
        QTRY_COMPARE(client.inFlight(), 0);
        QCOMPARE(changes.size(), 4);
    }

private:
    static StagedServer::Reply Reply502(const QByteArray &html)
    {
        return {StagedServer::response(502, html, {}, "text/html")};
    }
};

QTEST_GUILESS_MAIN(TestIncreaseClient)
#include "tst_increaseclient.moc"
