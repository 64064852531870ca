// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The ChangeFeed against the real local sandbox under churn: every event once, in order,
// with its connection; a failed poll does not advance; the overlap does not repeat.
#include "apicall.h"
#include "apiparsing.h"
#include "changefeed.h"
#include "increaseclient.h"
#include "sandboxserver.h"

#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

class TestChangeFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everyEventOnceInOrderWithItsConnection();
    void aFailedPollDoesNotAdvance();
    void theOverlapIsNotReportedTwice();
    void aPollInFlightIsNotDoubled();

private:
    QList<IncreaseEvent> allEventsSince(const QDateTime &since);
    bool pollAndWait(ChangeFeed &feed, QList<ConnectionChange> *changes);

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<IncreaseClient> m_client;
};

void TestChangeFeed::init()
{
    SandboxOptions options;
    options.port = 0;
    options.seed = 5;
    options.connections = 120;
    m_client.reset();
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen());
    ClientConfig config;
    config.baseUrl = m_server->baseUrl();
    config.apiKey = u"test-key"_s;
    config.environment = u"local"_s;
    config.backoffScale = 0.01;
    m_client = std::make_unique<IncreaseClient>(config);
}

bool TestChangeFeed::pollAndWait(ChangeFeed &feed, QList<ConnectionChange> *changes)
{
    QSignalSpy polled(&feed, &ChangeFeed::polled);
    QSignalSpy failed(&feed, &ChangeFeed::failed);
    const auto connection =
        connect(&feed, &ChangeFeed::changed, this,
                [changes](const QList<ConnectionChange> &batch) { *changes += batch; });
    if (!feed.poll())
        return false;
    const bool ended = QTest::qWaitFor([&] { return polled.size() + failed.size() > 0; }, 30000);
    disconnect(connection);
    return ended && polled.size() == 1;
}

QList<IncreaseEvent> TestChangeFeed::allEventsSince(const QDateTime &since)
{
    EventQuery query;
    query.categories = {u"oauth_connection.created"_s, u"oauth_connection.deactivated"_s};
    query.createdOnOrAfter = since.toString(Qt::ISODate);
    QList<IncreaseEvent> events;
    QString cursor;
    do {
        ApiResult result;
        bool done = false;
        connect(m_client->listEvents(query, cursor), &ApiCall::finished, this,
                [&](const ApiResult &r) {
                    result = r;
                    done = true;
                });
        if (!QTest::qWaitFor([&] { return done; }, 30000) || !result.ok())
            return {};
        QString error;
        const std::optional<EventPage> page = ApiParsing::eventPage(result.body, &error);
        if (!page)
            return {};
        events += page->data;
        cursor = page->nextCursor;
    } while (!cursor.isEmpty());
    return events;
}

void TestChangeFeed::everyEventOnceInOrderWithItsConnection()
{
    ChangeFeed feed(m_client.get(), {});
    QSignalSpy started(&feed, &ChangeFeed::started);
    QList<ConnectionChange> changes;
    QVERIFY(pollAndWait(feed, &changes)); // starts at the server's now
    QCOMPARE(started.size(), 1);
    const QDateTime since = started.at(0).at(0).toDateTime();
    QVERIFY(since.isValid());
    QCOMPARE(since.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(since.secsTo(QDateTime::currentDateTimeUtc())) < 5);

    m_server->setChurn(1200);
    for (int i = 0; i < 8; ++i) {
        QTest::qWait(400);
        QVERIFY(pollAndWait(feed, &changes));
    }
    m_server->setChurn(0);
    QVERIFY(pollAndWait(feed, &changes));

    const QList<IncreaseEvent> expected = allEventsSince(since);
    QVERIFY(expected.size() > 40);
    QHash<QString, IncreaseEvent> byId;
    for (const IncreaseEvent &event : expected)
        byId.insert(event.id, event);
    QSet<QString> reported;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const ConnectionChange &change = changes.at(i);
        QVERIFY2(byId.value(change.event.id) == change.event, qPrintable(change.event.id));
        QVERIFY2(!reported.contains(change.event.id), "reported twice");
        reported.insert(change.event.id);
        // In order by created_at. Within one second an event that became visible after a
        // poll comes in a later batch, so ids order only within a poll's batch.
        if (i > 0)
            QVERIFY(changes.at(i - 1).eventTime <= change.eventTime);
        QCOMPARE(change.connection.id, change.event.associatedObjectId);
        if (change.event.category == "oauth_connection.deactivated"_L1)
            QCOMPARE(change.connection.status, u"inactive"_s);
    }
    QCOMPARE(reported.size(), expected.size());
}

void TestChangeFeed::aFailedPollDoesNotAdvance()
{
    ChangeFeed feed(m_client.get(), {});
    feed.setMaxRetries(0);
    QList<ConnectionChange> changes;
    QVERIFY(pollAndWait(feed, &changes));
    for (int i = 0; i < 5; ++i)
        m_server->churnOnce();
    const ChangeFeedState before = *feed.state();

    m_server->setFailRate(1);
    QSignalSpy failed(&feed, &ChangeFeed::failed);
    QVERIFY(!pollAndWait(feed, &changes));
    QCOMPARE(failed.size(), 1);
    QVERIFY(changes.isEmpty());
    QVERIFY(*feed.state() == before);

    m_server->setFailRate(0);
    for (int i = 0; i < 3; ++i)
        m_server->churnOnce();
    QVERIFY(pollAndWait(feed, &changes));
    QCOMPARE(changes.size(), 8); // the span of the failed poll, and what came after
}

void TestChangeFeed::theOverlapIsNotReportedTwice()
{
    ChangeFeed feed(m_client.get(), {});
    QList<ConnectionChange> changes;
    QVERIFY(pollAndWait(feed, &changes));
    for (int i = 0; i < 6; ++i)
        m_server->churnOnce();
    QVERIFY(pollAndWait(feed, &changes));
    QCOMPARE(changes.size(), 6);

    // The next poll lists the same events again (they are within the overlap)...
    const QList<IncreaseEvent> relisted =
        allEventsSince(feed.state()->listFrom(ChangeFeed::kOverlapSeconds));
    QVERIFY(relisted.size() >= 6);
    // ...and reports none of them.
    changes.clear();
    QVERIFY(pollAndWait(feed, &changes));
    QVERIFY(changes.isEmpty());
    m_server->churnOnce();
    QVERIFY(pollAndWait(feed, &changes));
    QCOMPARE(changes.size(), 1);
}

void TestChangeFeed::aPollInFlightIsNotDoubled()
{
    m_server->setLatency(100, 0);
    ChangeFeed feed(m_client.get(), {});
    QSignalSpy polled(&feed, &ChangeFeed::polled);
    const qint64 before = m_server->requestsReceived();
    QVERIFY(feed.poll());
    QVERIFY(!feed.poll());
    QVERIFY(QTest::qWaitFor([&] { return polled.size() == 1; }, 10000));
    // The server's time, then one page of events: no second request of either.
    QCOMPARE(m_server->requestsReceived() - before, 2);
    QCOMPARE(feed.requestCount(), 2);
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
