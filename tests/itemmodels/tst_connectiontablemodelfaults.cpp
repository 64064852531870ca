// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The connection table against a staged server that misbehaves on purpose: a repeating
// cursor, a page that is not JSON. Under QAbstractItemModelTester, which keeps fetching.
#include "connectiontablemodel.h"
#include "localsandbox.h"
#include "stagedserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray row(int n)
{
    const QByteArray id = QByteArray::number(n).rightJustified(20, '0');
    return "{\"id\":\"connection_" + id +
           "\",\"created_at\":\"2024-01-01T00:00:00Z\",\"deleted_at\":null,"
           "\"group_id\":\"group_aaaaaaaaaaaaaaaaaaaa\",\"oauth_application_id\":\"application_1\","
           "\"status\":\"active\",\"type\":\"oauth_connection\"}";
}

QByteArray page(int first, int count, const QByteArray &cursorJson)
{
    QByteArrayList rows;
    for (int n = first; n < first + count; ++n)
        rows.append(row(n));
    return "{\"data\":[" + rows.join(',') + "],\"next_cursor\":" + cursorJson + "}";
}

ClientConfig configFor(const StagedServer &server)
{
    ClientConfig config;
    config.baseUrl = server.url();
    config.apiKey = u"test-key"_s;
    config.maxRetries = 0;
    return config;
}

// A table over `server` already asked for the unfiltered listing, under the tester.
struct StagedTable
{
    explicit StagedTable(const StagedServer &server)
        : client(configFor(server))
        , model(&client)
        , failed(&model, &ConnectionTableModel::fetchFailed)
    {
        // The query first: a tester made earlier would ask for a page of the old query,
        // and that aborted request could still take one of the staged replies.
        model.setQuery({});
        tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    IncreaseClient client;
    ConnectionTableModel model;
    QSignalSpy failed;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

class TestConnectionTableModelFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void repeatingCursorStopsLoading()
    {
        StagedServer server;
        server.stage(200, page(1, 3, "\"c1\""));
        server.stage(200, page(4, 3, "\"c2\""));
        server.stage(200, page(7, 3, "\"c1\""));
        StagedTable table(server);
        ConnectionTableModel &model = table.model;
        QSignalSpy &failed = table.failed;
        QVERIFY(failed.wait(10000));

        QCOMPARE(server.requests.size(), 3);
        QVERIFY(server.target(1).contains("cursor=c1"));
        QVERIFY(server.target(2).contains("cursor=c2"));
        QCOMPARE(model.rowCount(), 6); // the looping page's rows are not added
        QCOMPARE(model.lastError()->title, u"The server returned a repeating cursor"_s);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.isSortable()); // the listing is not complete
        QTest::qWait(50);
        QCOMPARE(server.requests.size(), 3); // and nothing loops
    }

    void malformedPageKeepsRowsAndRetriesTheSameCursor()
    {
        StagedServer server;
        server.stage(200, page(1, 2, "\"c1\""));
        server.stage(200, "<html>gateway</html>");
        server.stage(200, page(3, 2, "null"));
        StagedTable table(server);
        ConnectionTableModel &model = table.model;
        QSignalSpy &failed = table.failed;
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).value<ApiError>().kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.hasMore());

        model.fetchMore({}); // Retry
        QVERIFY(waitUntil([&] { return !model.hasMore() && !model.isFetching(); }, 10000));
        QCOMPARE(server.requests.size(), 3);
        QVERIFY(server.target(2).contains("cursor=c1"));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.connectionAt(3).id, u"connection_00000000000000000004"_s);
        QVERIFY(!model.lastError());
        QVERIFY(model.isSortable());
    }
};

QTEST_GUILESS_MAIN(TestConnectionTableModelFaults)
#include "tst_connectiontablemodelfaults.moc"
