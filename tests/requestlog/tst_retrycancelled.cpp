// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A 429 whose automatic retry is cancelled while it waits (a requery, Cancel, Esc) is
// marked so in the request log, the session figures and the HAR: the log must not say
// "retried" when no further attempt was sent (issue 11, defect 2).
#include "apicall.h"
#include "harwriter.h"
#include "increaseclient.h"
#include "requestlogdetail.h"
#include "requestlogmodel.h"
#include "sandboxserver.h"
#include "sessionstats.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

class TestRetryCancelled : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCancelledRetryIsMarkedInTheLog()
    {
        // Given a sandbox that allows one request now and the next in a few seconds
        SandboxOptions options;
        options.port = 0;
        options.connections = 50;
        options.rateLimit = 0.2;
        SandboxServer server(options);
        QVERIFY(server.listen());
        ClientConfig config;
        config.baseUrl = server.baseUrl();
        config.apiKey = u"ic_test_key_retry_cancel"_s;
        IncreaseClient client(config);
        RequestLogModel log;
        QAbstractItemModelTester tester(&log);
        SessionStats stats;
        QObject::connect(&client, &IncreaseClient::exchange, &log, &RequestLogModel::append);
        QObject::connect(&client, &IncreaseClient::retryCancelled, &log,
                         &RequestLogModel::markRetryCancelled);
        QObject::connect(&client, &IncreaseClient::exchange, &stats, &SessionStats::record);
        QObject::connect(&client, &IncreaseClient::retryCancelled, &stats,
                         &SessionStats::retryCancelled);
        QSignalSpy cancelled(&client, &IncreaseClient::retryCancelled);

        ApiCall *first = client.listConnections({}, {});
        QSignalSpy firstDone(first, &ApiCall::finished);
        QVERIFY(firstDone.wait(10000));

        // when the second is rate limited and cancelled while its retry waits
        ApiCall *second = client.listConnections({}, {});
        QSignalSpy retrying(second, &ApiCall::retryScheduled);
        QVERIFY(retrying.wait(10000));
        QCOMPARE(log.rowCount(), 2);
        const RequestLogEntry announced = log.entry(1);
        QCOMPARE(announced.httpStatus, 429);
        QVERIFY(announced.willRetry);
        QVERIFY(!announced.retryCancelled);
        QCOMPARE(stats.retries(), 1);
        const qint64 received = server.requestsReceived();
        second->abort();

        // then the 429's entry says its retry was cancelled, and nothing more was sent
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(cancelled.at(0).at(0).toULongLong(), announced.id);
        QCOMPARE(log.rowCount(), 2);
        QVERIFY(log.entry(1).retryCancelled);
        QCOMPARE(stats.retries(), 0);
        const QString summary = RequestLogDetail::summaryFor(log.entry(1));
        QVERIFY2(summary.contains(u"Retry cancelled"_s), qPrintable(summary));
        QVERIFY2(!summary.contains(u"Retried after"_s), qPrintable(summary));
        QTest::qWait(200);
        QCOMPARE(server.requestsReceived(), received);

        const QJsonArray entries = QJsonDocument::fromJson(HarWriter::toHar(log.entries(), u"0"_s))
                                       .object()[u"log"_s][u"entries"_s]
                                       .toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1)[u"_retryCancelled"_s].toBool(), true);
        QVERIFY(!entries.at(0).toObject().contains(u"_retryCancelled"_s));
    }

    void idsAreUniqueAcrossClients()
    {
        // One log follows every client the window had: ids must not repeat between them.
        const quint64 a = IncreaseClient::nextExchangeId();
        const quint64 b = IncreaseClient::nextExchangeId();
        QVERIFY(a != 0);
        QVERIFY(b > a);
    }
};

QTEST_MAIN(TestRetryCancelled)
#include "tst_retrycancelled.moc"
