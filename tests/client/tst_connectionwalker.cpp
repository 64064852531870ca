// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The cursor walk: where it stops, how it refuses a loop, and what it says about a bad page.
#include "connectionwalker.h"
#include "increaseclient.h"
#include "stagedserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray row(int n)
{
    return R"({"id":"connection_)" + QByteArray::number(n) +
           R"(","created_at":"2024-01-01T00:00:00Z","deleted_at":null,"group_id":"group_1",)"
           R"("oauth_application_id":"application_1","status":"active","type":"oauth_connection"})";
}

QByteArray page(QList<int> ids, const QByteArray &cursorJson)
{
    QByteArrayList rows;
    for (int id : ids)
        rows.append(row(id));
    return R"({"data":[)" + rows.join(',') + R"(],"next_cursor":)" + cursorJson + "}";
}

struct Walk
{
    QList<QString> ids;
    int pages = 0;
    bool finished = false;
    std::optional<ApiError> error;
};

Walk walk(StagedServer &server, int maxRetries = 0)
{
    ClientConfig config;
    config.baseUrl = server.url();
    config.apiKey = u"k"_s;
    IncreaseClient client(config);
    ConnectionWalker walker(&client, {}, maxRetries);
    Walk out;
    bool done = false;
    QObject::connect(&walker, &ConnectionWalker::pageReady,
                     [&](const QList<OAuthConnection> &rows) {
                         ++out.pages;
                         for (const auto &c : rows)
                             out.ids.append(c.id);
                     });
    QObject::connect(&walker, &ConnectionWalker::finished, [&] {
        out.finished = true;
        done = true;
    });
    QObject::connect(&walker, &ConnectionWalker::failed, [&](const ApiError &e) {
        out.error = e;
        done = true;
    });
    walker.start();
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qWarning("timed out waiting for the call to finish");
    return out;
}

} // namespace

class TestConnectionWalker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsCursorsUntilTheEnd_data()
    {
        QTest::addColumn<QByteArray>("lastCursor");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("empty string") << QByteArray(R"("")");
    }
    void followsCursorsUntilTheEnd()
    {
        QFETCH(QByteArray, lastCursor);
        StagedServer server;
        server.stage(200, page({3, 2}, R"("c1")"));
        server.stage(200, page({1}, lastCursor));
        const Walk w = walk(server);
        QVERIFY(w.finished);
        QCOMPARE(w.ids, (QList<QString>{u"connection_3"_s, u"connection_2"_s, u"connection_1"_s}));
        QCOMPARE(server.requests.size(), 2);
        QVERIFY(server.target(1).contains("cursor=c1"));
        QVERIFY(!server.target(0).contains("cursor="));
    }

    void missingCursorEnds()
    {
        StagedServer server;
        server.stage(200, R"({"data":[)" + row(1) + "]}");
        const Walk w = walk(server);
        QVERIFY(w.finished);
        QCOMPARE(w.ids.size(), 1);
        QCOMPARE(server.requests.size(), 1);
    }

    void emptyPageEndsEvenWithACursor()
    {
        StagedServer server;
        server.stage(200, page({2}, R"("c1")"));
        server.stage(200, page({}, R"("c2")"));
        const Walk w = walk(server);
        QVERIFY(w.finished);
        QCOMPARE(w.ids.size(), 1);
        QCOMPARE(server.requests.size(), 2);
    }

    void repeatingCursorIsAnError()
    {
        StagedServer server;
        server.stage(200, page({4}, R"("c1")"));
        server.stage(200, page({3}, R"("c2")"));
        server.stage(200, page({2}, R"("c1")"));
        const Walk w = walk(server);
        QVERIFY(!w.finished);
        QVERIFY(w.error);
        QVERIFY2(w.error->title.contains(u"repeating cursor"_s), qPrintable(w.error->title));
        QCOMPARE(server.requests.size(), 3);
        QCOMPARE(w.ids.size(), 2); // the page that repeats is not handed on
    }

    void malformedPageNamesTheField()
    {
        StagedServer server;
        server.stage(200, page({2}, R"("c1")"));
        server.stage(200, R"({"data":[{"id":"connection_1"}],"next_cursor":null})");
        const Walk w = walk(server);
        QVERIFY(w.error);
        QCOMPARE(w.error->kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(w.error->detail.contains(u"Page 2"_s), qPrintable(w.error->detail));
        QVERIFY2(w.error->detail.contains(u"data[0]"_s), qPrintable(w.error->detail));
    }

    void htmlWithStatus200IsMalformed()
    {
        StagedServer server;
        server.stage(StagedServer::Reply{
            StagedServer::response(200, "<!DOCTYPE html><html>login</html>", {}, "text/html")});
        const Walk w = walk(server);
        QCOMPARE(w.error->kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(w.error->detail.contains(u"HTML"_s), qPrintable(w.error->detail));
    }

    void unknownStatusIsKeptVerbatim()
    {
        StagedServer server;
        QByteArray body = page({1}, "null");
        body.replace(R"("status":"active")", R"("status":"suspended","new_field":{"a":[1]})");
        server.stage(200, body);
        ClientConfig config;
        config.baseUrl = server.url();
        config.apiKey = u"k"_s;
        IncreaseClient client(config);
        ConnectionWalker walker(&client, {}, 0);
        QSignalSpy pages(&walker, &ConnectionWalker::pageReady);
        walker.start();
        QVERIFY(pages.wait(5000));
        const auto rows = pages.at(0).at(0).value<QList<OAuthConnection>>();
        QCOMPARE(rows.at(0).status, u"suspended"_s);
    }

    void cancelReportsCancelled()
    {
        StagedServer server;
        server.stage(StagedServer::Reply{{}, false, true});
        ClientConfig config;
        config.baseUrl = server.url();
        config.apiKey = u"k"_s;
        IncreaseClient client(config);
        ConnectionWalker walker(&client, {}, 0);
        QSignalSpy failed(&walker, &ConnectionWalker::failed);
        walker.start();
        QTRY_COMPARE(server.requests.size(), 1);
        walker.cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Cancelled);
        QVERIFY(!walker.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestConnectionWalker)
#include "tst_connectionwalker.moc"
