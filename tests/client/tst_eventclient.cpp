// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// IncreaseClient's event calls against the real local sandbox: pages parsed by
// ApiParsing::eventPage, filters, retrieve, typed errors, and retries through faults.
#include "apicall.h"
#include "apiparsing.h"
#include "increaseclient.h"
#include "sandboxserver.h"

#include <QSet>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

ApiResult wait(ApiCall *call)
{
    ApiResult result;
    bool done = false;
    QObject::connect(call, &ApiCall::finished, [&](const ApiResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        qWarning("timed out waiting for the call to finish");
    return result;
}

} // namespace

class TestEventClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void walksEveryPageOfAFilter();
    void oneConnectionsHistory();
    void retrieveAndNotFound();
    void unknownCategoryIsInvalidParameters();
    void faultsAreRetried();

private:
    QList<IncreaseEvent> walk(const EventQuery &query, int *pages = nullptr);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<IncreaseClient> m_client;
};

void TestEventClient::initTestCase()
{
    SandboxOptions options;
    options.port = 0;
    options.seed = 21;
    options.connections = 150;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen());
    ClientConfig config;
    config.baseUrl = m_server->baseUrl();
    config.apiKey = u"test-key"_s;
    config.environment = u"local"_s;
    config.backoffScale = 0.01;
    m_client = std::make_unique<IncreaseClient>(config);
}

QList<IncreaseEvent> TestEventClient::walk(const EventQuery &query, int *pages)
{
    QList<IncreaseEvent> events;
    QString cursor;
    int count = 0;
    do {
        const ApiResult result = wait(m_client->listEvents(query, cursor));
        if (!result.ok()) {
            qWarning("%s", qPrintable(result.error->message()));
            return {};
        }
        QString error;
        const std::optional<EventPage> page = ApiParsing::eventPage(result.body, &error);
        if (!page) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        events += page->data;
        cursor = page->nextCursor;
        ++count;
    } while (!cursor.isEmpty());
    if (pages)
        *pages = count;
    return events;
}

void TestEventClient::walksEveryPageOfAFilter()
{
    const QList<IncreaseEvent> all = walk({});
    QVERIFY(all.size() > 150);
    EventQuery deactivated;
    deactivated.categories = {u"oauth_connection.deactivated"_s};
    deactivated.limit = 9;
    int pages = 0;
    const QList<IncreaseEvent> some = walk(deactivated, &pages);
    QList<IncreaseEvent> expected;
    for (const IncreaseEvent &e : all) {
        if (e.category == u"oauth_connection.deactivated"_s)
            expected.append(e);
    }
    QVERIFY(expected.size() > 20);
    QCOMPARE(some, expected);
    QCOMPARE(pages, int((expected.size() + 8) / 9));

    EventQuery later;
    later.createdAfter = all[all.size() / 2].createdAt;
    for (const IncreaseEvent &e : walk(later))
        QVERIFY(e.createdAt > later.createdAfter);
}

void TestEventClient::oneConnectionsHistory()
{
    const QList<IncreaseEvent> all = walk({});
    const IncreaseEvent deactivation = *std::find_if(all.begin(), all.end(), [](const auto &e) {
        return e.category == u"oauth_connection.deactivated"_s;
    });
    EventQuery history;
    history.associatedObjectId = deactivation.associatedObjectId;
    const QList<IncreaseEvent> events = walk(history);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].category, u"oauth_connection.created"_s);
    QCOMPARE(events[1], deactivation);
}

void TestEventClient::retrieveAndNotFound()
{
    const QList<IncreaseEvent> all = walk({});
    const ApiResult found = wait(m_client->retrieveEvent(all.last().id));
    QVERIFY(found.ok());
    QString error;
    QCOMPARE(ApiParsing::eventBody(found.body, &error), all.last());
    const ApiResult missing = wait(m_client->retrieveEvent(u"event_0000000000000000000a"_s));
    QCOMPARE(missing.error->kind, ApiError::Kind::ObjectNotFound);
    QCOMPARE(missing.attempts, 1);
}

void TestEventClient::unknownCategoryIsInvalidParameters()
{
    EventQuery query;
    query.categories = {u"oauth_connection.created"_s, u"oauth_connection.renamed"_s};
    const ApiResult result = wait(m_client->listEvents(query, {}));
    QCOMPARE(result.error->kind, ApiError::Kind::InvalidParameters);
    QCOMPARE(result.error->httpStatus, 400);
    QCOMPARE(result.attempts, 1);
}

void TestEventClient::faultsAreRetried()
{
    const QList<IncreaseEvent> clean = walk({});
    m_server->setFailRate(0.3);
    m_server->setDropRate(0.2);
    const qint64 before = m_server->requestsReceived();
    EventQuery query;
    query.limit = 20;
    ClientConfig config = m_client->config();
    config.maxRetries = 20;
    m_client = std::make_unique<IncreaseClient>(config);
    const QList<IncreaseEvent> faulty = walk(query);
    m_server->setFailRate(0);
    m_server->setDropRate(0);
    QCOMPARE(faulty, clean);
    QVERIFY(m_server->requestsReceived() - before > (clean.size() + 19) / 20);
}

QTEST_GUILESS_MAIN(TestEventClient)
#include "tst_eventclient.moc"
