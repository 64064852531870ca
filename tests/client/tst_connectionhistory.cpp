// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionHistory against the real local sandbox over loopback: one connection's events
// in order across pages, only the created event for an active one, a failing events
// endpoint and recovery, and a later load winning over an earlier one still in flight.
#include "apicall.h"
#include "apiparsing.h"
#include "connectionhistory.h"
#include "increaseclient.h"
#include "sandboxserver.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

QDateTime instant(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

} // namespace

class TestConnectionHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void inactiveHasCreatedThenDeactivatedAcrossPages();
    void activeHasOnlyCreated();
    void failingEventsEndpointThenRecovery();
    void aLaterLoadAbandonsTheEarlier();

private:
    QList<OAuthConnection> connections(const QString &status);
    QList<IncreaseEvent> loadAndWait(ConnectionHistory &history, const QString &id);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<IncreaseClient> m_client;
};

void TestConnectionHistory::initTestCase()
{
    qRegisterMetaType<ApiError>();
    SandboxOptions options;
    options.port = 0;
    options.seed = 33;
    options.connections = 300;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen());
    ClientConfig config;
    config.baseUrl = m_server->baseUrl();
    config.apiKey = u"test-key"_s;
    config.environment = u"local"_s;
    config.backoffScale = 0.01;
    m_client = std::make_unique<IncreaseClient>(config);
}

void TestConnectionHistory::init()
{
    m_server->setFailRate(0);
    m_server->setLatency(0, 0);
}

QList<OAuthConnection> TestConnectionHistory::connections(const QString &status)
{
    ApiResult result;
    bool done = false;
    ApiCall *call = m_client->listConnections(ConnectionQuery{{status}, {}}, {}, 20);
    connect(call, &ApiCall::finished, this, [&](const ApiResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000) || !result.ok())
        return {};
    QString error;
    const std::optional<ConnectionPage> page = ApiParsing::connectionPage(result.body, &error);
    return page ? page->data : QList<OAuthConnection>{};
}

QList<IncreaseEvent> TestConnectionHistory::loadAndWait(ConnectionHistory &history,
                                                        const QString &id)
{
    QSignalSpy loaded(&history, &ConnectionHistory::loaded);
    QSignalSpy failed(&history, &ConnectionHistory::failed);
    history.load(id);
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 30000) ||
        loaded.isEmpty())
        return {{u"no history"_s, {}, {}, {}, {}, {}}};
    return loaded.first().first().value<QList<IncreaseEvent>>();
}

void TestConnectionHistory::inactiveHasCreatedThenDeactivatedAcrossPages()
{
    const QList<OAuthConnection> inactive = connections(u"inactive"_s);
    QVERIFY(inactive.size() >= 2);
    ConnectionHistory history;
    history.setClient(m_client.get());
    history.setPageSize(1); // one event a page: the deactivation is on the second
    const qint64 before = m_server->requestsServed();
    for (const OAuthConnection &connection : inactive.mid(0, 2)) {
        QVERIFY(connection.deletedAt);
        const QList<IncreaseEvent> events = loadAndWait(history, connection.id);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].category, u"oauth_connection.created"_s);
        QCOMPARE(events[1].category, u"oauth_connection.deactivated"_s);
        QCOMPARE(instant(events[0].createdAt), instant(connection.createdAt));
        QCOMPARE(instant(events[1].createdAt), instant(*connection.deletedAt));
        for (const IncreaseEvent &event : events) {
            QCOMPARE(event.associatedObjectId, connection.id);
            QVERIFY(event.id.startsWith(u"event_"_s));
        }
        QVERIFY(events[0].id != events[1].id);
    }
    QVERIFY(m_server->requestsServed() - before >= 4);
}

void TestConnectionHistory::activeHasOnlyCreated()
{
    const QList<OAuthConnection> active = connections(u"active"_s);
    QVERIFY(!active.isEmpty());
    ConnectionHistory history;
    history.setClient(m_client.get());
    const qint64 before = m_server->requestsServed();
    const QList<IncreaseEvent> events = loadAndWait(history, active.first().id);
    // One request: the server filters by associated_object_id, no walk through every event.
    QCOMPARE(m_server->requestsServed() - before, 1);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].category, u"oauth_connection.created"_s);
    QCOMPARE(events[0].associatedObjectId, active.first().id);
    QCOMPARE(instant(events[0].createdAt), instant(active.first().createdAt));
}

void TestConnectionHistory::failingEventsEndpointThenRecovery()
{
    const QList<OAuthConnection> inactive = connections(u"inactive"_s);
    QVERIFY(!inactive.isEmpty());
    ConnectionHistory history;
    history.setClient(m_client.get());
    QSignalSpy loaded(&history, &ConnectionHistory::loaded);
    QSignalSpy failed(&history, &ConnectionHistory::failed);
    m_server->setFailRate(1);
    const qint64 before = m_server->requestsServed();
    history.load(inactive.first().id);
    QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 30000));
    const auto error = failed.first().first().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::InternalServer);
    QCOMPARE(error.httpStatus, 500);
    // The client's retries applied: the first attempt and its two retries.
    QCOMPARE(m_server->requestsServed() - before, 1 + m_client->config().maxRetries);
    QVERIFY(loaded.isEmpty());
    QVERIFY(!history.isLoading());

    m_server->setFailRate(0);
    const QList<IncreaseEvent> events = loadAndWait(history, inactive.first().id);
    QCOMPARE(events.size(), 2);
}

void TestConnectionHistory::aLaterLoadAbandonsTheEarlier()
{
    const QList<OAuthConnection> inactive = connections(u"inactive"_s);
    const QList<OAuthConnection> active = connections(u"active"_s);
    QVERIFY(!inactive.isEmpty() && !active.isEmpty());
    ConnectionHistory history;
    history.setClient(m_client.get());
    QSignalSpy loaded(&history, &ConnectionHistory::loaded);
    m_server->setLatency(150, 0);
    const qint64 received = m_server->requestsReceived();
    history.load(inactive.first().id);
    QVERIFY(QTest::qWaitFor([&] { return m_server->requestsReceived() > received; }, 5000));
    history.load(active.first().id); // before the first answer
    QCOMPARE(history.connectionId(), active.first().id);
    QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 10000));
    QTest::qWait(400); // time for the first answer, had it been kept
    QCOMPARE(loaded.size(), 1);
    const auto events = loaded.first().first().value<QList<IncreaseEvent>>();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].associatedObjectId, active.first().id);
}

QTEST_GUILESS_MAIN(TestConnectionHistory)
#include "tst_connectionhistory.moc"
