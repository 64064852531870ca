// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The local sandbox under --churn: new connections and deactivations appear with their
// events at the server's clock, listings and retrieves agree with the events, cursors
// neither repeat nor skip while the data changes, and the changes follow the seed.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString Created = u"oauth_connection.created"_s;
const QString Deactivated = u"oauth_connection.deactivated"_s;

std::unique_ptr<SandboxServer> startServer(quint64 seed, int churnPerMinute)
{
    SandboxOptions options;
    options.port = 0;
    options.seed = seed;
    options.connections = 200;
    options.applications = 4;
    options.churnPerMinute = churnPerMinute;
    auto server = std::make_unique<SandboxServer>(options);
    if (!server->listen())
        return nullptr;
    return server;
}

} // namespace

class TestSandboxChurn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changesAppearWithTheirEvents();
    void noChurnByDefault();
    void cursorsHoldWhileTheDataChanges();
    void deterministicForSeed();
};

void TestSandboxChurn::changesAppearWithTheirEvents()
{
    const auto server = startServer(3, 600); // one change every 100 ms
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl());
    QString failure;
    const QList<QJsonObject> before = client.listAll("/events", &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const qint64 start = QDateTime::currentSecsSinceEpoch();

    QTRY_VERIFY_WITH_TIMEOUT(server->churnChanges() >= 20, 10000);
    server->setChurn(0);
    const qint64 end = QDateTime::currentSecsSinceEpoch();

    const QList<QJsonObject> after = client.listAll("/events", &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(idsOf(after.mid(0, before.size())), idsOf(before)); // new events come last
    const QList<QJsonObject> fresh = after.mid(before.size());
    QCOMPARE(fresh.size(), int(server->churnChanges()));

    // Both kinds, each at the server's clock, and the watch's query finds exactly them.
    int created = 0;
    int deactivated = 0;
    QHash<QString, QString> deactivatedAt;
    for (const QJsonObject &event : fresh) {
        const qint64 at =
            QDateTime::fromString(event[u"created_at"].toString(), Qt::ISODate).toSecsSinceEpoch();
        QVERIFY(at >= start && at <= end);
        const QString category = event[u"category"].toString();
        const QByteArray object = event[u"associated_object_id"].toString().toLatin1();
        const HttpResult connection = client.get("/oauth_connections/" + object);
        QCOMPARE(connection.status, 200);
        if (category == Created) {
            ++created;
            QCOMPARE(connection.json()[u"created_at"], event[u"created_at"]);
        } else {
            QCOMPARE(category, Deactivated);
            ++deactivated;
            QCOMPARE(connection.json()[u"status"].toString(), u"inactive"_s);
            QCOMPARE(connection.json()[u"deleted_at"], event[u"created_at"]);
            deactivatedAt.insert(QString::fromLatin1(object), event[u"created_at"].toString());
        }
    }
    QVERIFY(created > 0);
    QVERIFY(deactivated > 0);
    const QByteArray since = QUrl::toPercentEncoding(
        QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc()).toString(Qt::ISODate));
    const QList<QJsonObject> watched =
        client.listAll("/events?limit=5&created_at.on_or_after=" + since, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(idsOf(watched), idsOf(fresh));

    // A fresh listing agrees with every event: each connection created once, each
    // inactive one deactivated once at its deleted_at, and nothing else.
    const QList<QJsonObject> connections =
        client.listAll("/oauth_connections?limit=37&status.in=active,inactive", &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(connections.size(), 200 + created);
    QHash<QString, QString> createdEvents;
    QHash<QString, QString> deactivatedEvents;
    for (const QJsonObject &event : after) {
        auto &into = event[u"category"].toString() == Created ? createdEvents : deactivatedEvents;
        into.insert(event[u"associated_object_id"].toString(), event[u"created_at"].toString());
    }
    QCOMPARE(createdEvents.size(), connections.size());
    int inactive = 0;
    for (const QJsonObject &c : connections) {
        const QString id = c[u"id"].toString();
        QCOMPARE(createdEvents.value(id), c[u"created_at"].toString());
        if (c[u"status"].toString() == u"inactive"_s) {
            ++inactive;
            QCOMPARE(deactivatedEvents.value(id), c[u"deleted_at"].toString());
        } else {
            QVERIFY(c[u"deleted_at"].isNull());
        }
    }
    QCOMPARE(deactivatedEvents.size(), inactive);
    // The listing stays newest first with the new connections on top.
    QCOMPARE(connections.first()[u"created_at"].toString() >=
                 before.last()[u"created_at"].toString(),
             true);
    const QList<QJsonObject> active = client.listAll("/oauth_connections", &failure);
    for (const QJsonObject &c : active)
        QVERIFY(!deactivatedAt.contains(c[u"id"].toString()));
}

void TestSandboxChurn::noChurnByDefault()
{
    const auto server = startServer(3, 0);
    QVERIFY(server);
    QTest::qWait(300);
    QCOMPARE(server->churnChanges(), 0);
}

// A walk that meets a change between two pages neither repeats a connection nor skips
// one that matched all along: cursors carry a place in the order, not an offset.
void TestSandboxChurn::cursorsHoldWhileTheDataChanges()
{
    const auto server = startServer(5, 0);
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl());
    QString failure;
    for (const QByteArray &base : {QByteArray("/oauth_connections?limit=10"),
                                   QByteArray("/oauth_connections?limit=10&status.in=inactive"),
                                   QByteArray("/events?limit=10")}) {
        const QList<QJsonObject> startSet = client.listAll(base, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QList<QJsonObject> walked;
        QByteArray target = base;
        for (;;) {
            const HttpResult page = client.get(target);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &item : page.json()[u"data"].toArray())
                walked.append(item.toObject());
            for (int i = 0; i < 3; ++i)
                server->churnOnce();
            if (page.json()[u"next_cursor"].isNull())
                break;
            target =
                base + "&cursor=" + QUrl::toPercentEncoding(page.json()[u"next_cursor"].toString());
        }
        const QList<QJsonObject> endSet = client.listAll(base, &failure);
        const QStringList walkedIds = idsOf(walked);
        QCOMPARE(QSet<QString>(walkedIds.begin(), walkedIds.end()).size(), walkedIds.size());
        const QStringList endIds = idsOf(endSet);
        const QSet<QString> atEnd(endIds.begin(), endIds.end());
        for (const QString &id : idsOf(startSet)) {
            if (atEnd.contains(id))
                QVERIFY2(walkedIds.contains(id), qPrintable(QString::fromLatin1(base) + u' ' + id));
        }
    }
}

void TestSandboxChurn::deterministicForSeed()
{
    const auto run = [](quint64 seed) {
        const auto server = startServer(seed, 0);
        for (int i = 0; i < 30; ++i)
            server->churnOnce();
        SandboxTestClient client(server->baseUrl());
        QString failure;
        const QList<QJsonObject> connections =
            client.listAll("/oauth_connections?status.in=active,inactive", &failure);
        QStringList state;
        for (const QJsonObject &c : connections)
            state.append(c[u"id"].toString() + u' ' + c[u"status"].toString());
        state.sort();
        return state;
    };
    const QStringList first = run(9);
    QCOMPARE(first.size() > 200, true);
    QCOMPARE(run(9), first);
    QVERIFY(run(10) != first);
}

QTEST_GUILESS_MAIN(TestSandboxChurn)
#include "tst_sandboxchurn.moc"
