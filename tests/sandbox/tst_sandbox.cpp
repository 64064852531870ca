// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The local sandbox's listings, over real HTTP on loopback: shapes, order, every filter,
// limits, cursors bound to their filter, determinism, keep-alive.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression ConnectionId(u"^connection_[a-z0-9]{20}$"_s);
const QRegularExpression GroupId(u"^group_[a-z0-9]{20}$"_s);
const QRegularExpression ApplicationId(u"^application_[a-z0-9]{20}$"_s);
const QRegularExpression ClientId(u"^client_id_[a-z0-9]{20}$"_s);
const QRegularExpression Timestamp(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s);

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

// Newest first, ties by id descending.
bool listedBefore(const QJsonObject &a, const QJsonObject &b)
{
    const QString createdA = a[u"created_at"].toString();
    const QString createdB = b[u"created_at"].toString();
    return createdA != createdB ? createdA > createdB : a[u"id"].toString() > b[u"id"].toString();
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connectionShape();
    void everyResponseIsDated();
    void applicationShape();
    void everyConnectionOnceInOrder();
    void filters_data();
    void filters();
    void limitBounds_data();
    void limitBounds();
    void badStatus_data();
    void badStatus();
    void cursorBoundToFilter();
    void deterministicForSeed();
    void keepAliveAndEncodedComma();

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
    QList<QJsonObject> m_all;          // every connection, both statuses
    QList<QJsonObject> m_applications; // every application
};

void TestSandbox::initTestCase()
{
    SandboxOptions options;
    options.port = 0;
    options.seed = 7;
    options.tricky = true; // applicationShape counts the null and formula-shaped names
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->listen(&error), qPrintable(error));
    QCOMPARE(m_server->baseUrl().host(), u"127.0.0.1"_s);
    m_client = std::make_unique<SandboxTestClient>(m_server->baseUrl());

    QString failure;
    m_all = m_client->listAll("/oauth_connections?status.in=active,inactive", &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_applications = m_client->listAll("/oauth_applications", &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

// A watch starts from the server's clock: every answer, errors included, carries an
// RFC 7231 Date in GMT within a few seconds of now.
void TestSandbox::everyResponseIsDated()
{
    for (const QByteArray &target :
         {QByteArray("/oauth_connections?limit=1"), QByteArray("/events?limit=1"),
          QByteArray("/oauth_connections/connection_nope"),
          QByteArray("/events?category.in=no_such_category")}) {
        const HttpResult result = m_client->get(target);
        const QByteArray date = result.headers.value("date");
        QVERIFY2(date.endsWith(" GMT"), target.constData());
        const QDateTime parsed = QLocale::c().toDateTime(QString::fromLatin1(date),
                                                         u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
        QVERIFY2(parsed.isValid(), date.constData());
        QDateTime asUtc = parsed;
        asUtc.setTimeSpec(Qt::UTC);
        QVERIFY(qAbs(asUtc.secsTo(QDateTime::currentDateTimeUtc())) < 5);
    }
}

void TestSandbox::connectionShape()
{
    const HttpResult page = m_client->get("/oauth_connections");
    QCOMPARE(page.status, 200);
    const QJsonObject object = page.json();
    QCOMPARE(sortedKeys(object), (QStringList{u"data"_s, u"next_cursor"_s}));
    QVERIFY(object[u"next_cursor"].isString());
    const QJsonArray data = object[u"data"].toArray();
    QCOMPARE(data.size(), 100); // the default limit
    const QStringList fields = {u"created_at"_s,           u"deleted_at"_s, u"group_id"_s, u"id"_s,
                                u"oauth_application_id"_s, u"status"_s,     u"type"_s};
    for (const QJsonValue &value : data) {
        const QJsonObject c = value.toObject();
        QCOMPARE(sortedKeys(c), fields);
        QVERIFY2(ConnectionId.match(c[u"id"].toString()).hasMatch(),
                 qPrintable(c[u"id"].toString()));
        QVERIFY(GroupId.match(c[u"group_id"].toString()).hasMatch());
        QVERIFY(ApplicationId.match(c[u"oauth_application_id"].toString()).hasMatch());
        QVERIFY(Timestamp.match(c[u"created_at"].toString()).hasMatch());
        QCOMPARE(c[u"type"].toString(), u"oauth_connection"_s);
        QCOMPARE(c[u"status"].toString(), u"active"_s); // the default filter
        QVERIFY(c[u"deleted_at"].isNull());
    }
}

void TestSandbox::applicationShape()
{
    QCOMPARE(m_applications.size(), 8);
    const QStringList fields = {u"client_id"_s, u"created_at"_s, u"deleted_at"_s, u"id"_s,
                                u"name"_s,      u"status"_s,     u"type"_s};
    int deleted = 0;
    int nullNames = 0;
    bool nasty = false;
    for (qsizetype i = 0; i < m_applications.size(); ++i) {
        const QJsonObject app = m_applications[i];
        QCOMPARE(sortedKeys(app), fields);
        QVERIFY(ApplicationId.match(app[u"id"].toString()).hasMatch());
        QVERIFY(ClientId.match(app[u"client_id"].toString()).hasMatch());
        QVERIFY(Timestamp.match(app[u"created_at"].toString()).hasMatch());
        QCOMPARE(app[u"type"].toString(), u"oauth_application"_s);
        if (i > 0)
            QVERIFY(listedBefore(m_applications[i - 1], app));
        if (app[u"status"].toString() == u"deleted") {
            ++deleted;
            QVERIFY(app[u"deleted_at"].toString() > app[u"created_at"].toString());
        } else {
            QCOMPARE(app[u"status"].toString(), u"active"_s);
            QVERIFY(app[u"deleted_at"].isNull());
        }
        nullNames += app[u"name"].isNull() ? 1 : 0;
        const QString name = app[u"name"].toString();
        nasty = nasty || (name.startsWith(u'=') && name.contains(u',') && name.contains(u'"'));
    }
    QCOMPARE(deleted, 1);
    QCOMPARE(nullNames, 1);
    QVERIFY(nasty);

    QString failure;
    QCOMPARE(m_client->listAll("/oauth_applications?status.in=deleted", &failure).size(), 1);
    QCOMPARE(m_client->listAll("/oauth_applications?status.in=active", &failure).size(), 7);
    QCOMPARE(m_client->listAll("/oauth_applications?limit=3", &failure), m_applications);
    QVERIFY(failure.isEmpty());
}

void TestSandbox::everyConnectionOnceInOrder()
{
    QCOMPARE(m_all.size(), 2500);
    const QStringList allIds = idsOf(m_all);
    QCOMPARE(QSet<QString>(allIds.cbegin(), allIds.cend()).size(), 2500);
    int ties = 0;
    int inactive = 0;
    QHash<QString, int> perApplication;
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        const QJsonObject &c = m_all[i];
        if (i > 0) {
            QVERIFY2(listedBefore(m_all[i - 1], c), qPrintable(c[u"id"].toString()));
            ties += m_all[i - 1][u"created_at"] == c[u"created_at"] ? 1 : 0;
        }
        ++perApplication[c[u"oauth_application_id"].toString()];
        if (c[u"status"].toString() == u"inactive") {
            ++inactive;
            QVERIFY(Timestamp.match(c[u"deleted_at"].toString()).hasMatch());
            QVERIFY(c[u"deleted_at"].toString() > c[u"created_at"].toString());
        } else {
            QCOMPARE(c[u"status"].toString(), u"active"_s);
            QVERIFY(c[u"deleted_at"].isNull());
        }
    }
    QVERIFY2(ties >= 50, "several connections must share a created_at second");
    QVERIFY2(inactive > 2500 / 4 && inactive < 2500 * 5 / 12, "about a third inactive");
    QCOMPARE(perApplication.size(), 8);
    for (const int count : std::as_const(perApplication))
        QVERIFY(count == 312 || count == 313); // spread evenly
}

void TestSandbox::filters_data()
{
    QTest::addColumn<QByteArray>("status");    // as sent; empty: none
    QTest::addColumn<QStringList>("expected"); // statuses matched
    QTest::addColumn<int>("limit");
    const QList<std::tuple<const char *, QByteArray, QStringList>> statuses = {
        {"default", QByteArray(), {u"active"_s}},
        {"active", "active", {u"active"_s}},
        {"inactive", "inactive", {u"inactive"_s}},
        {"both", "active,inactive", {u"active"_s, u"inactive"_s}},
        {"both %2C", "inactive%2Cactive", {u"active"_s, u"inactive"_s}},
        {"repeated", "active&status.in=inactive", {u"active"_s, u"inactive"_s}},
    };
    for (const auto &[name, status, expected] : statuses) {
        QTest::addRow("%s limit 100", name) << status << expected << 100;
        QTest::addRow("%s limit 37", name) << status << expected << 37;
    }
}

void TestSandbox::filters()
{
    QFETCH(QByteArray, status);
    QFETCH(QStringList, expected);
    QFETCH(int, limit);
    QStringList applications;
    for (const QJsonObject &app : std::as_const(m_applications))
        applications.append(app[u"id"].toString());
    applications.append(QString()); // no application filter
    applications.append(u"application_doesnotexist0000000"_s);

    for (const QString &application : std::as_const(applications)) {
        QByteArray target = "/oauth_connections?limit=" + QByteArray::number(limit);
        if (!status.isEmpty())
            target += "&status.in=" + status;
        if (!application.isEmpty())
            target += "&oauth_application_id=" + application.toUtf8();
        QList<QJsonObject> wanted;
        for (const QJsonObject &c : std::as_const(m_all)) {
            if (expected.contains(c[u"status"].toString()) &&
                (application.isEmpty() || c[u"oauth_application_id"].toString() == application))
                wanted.append(c);
        }
        QString failure;
        int pages = 0;
        const QList<QJsonObject> got = m_client->listAll(target, &failure, &pages);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(idsOf(got), idsOf(wanted));
        QCOMPARE(got, wanted);
        QCOMPARE(pages, std::max<int>(1, int((wanted.size() + limit - 1) / limit)));
    }
}

void TestSandbox::limitBounds_data()
{
    QTest::addColumn<QByteArray>("limit");
    QTest::addColumn<int>("expected"); // items, or 0 for a 400
    QTest::newRow("1") << QByteArray("1") << 1;
    QTest::newRow("100") << QByteArray("100") << 100;
    QTest::newRow("0") << QByteArray("0") << 0;
    QTest::newRow("101") << QByteArray("101") << 0;
    QTest::newRow("-1") << QByteArray("-1") << 0;
    QTest::newRow("abc") << QByteArray("abc") << 0;
    QTest::newRow("empty") << QByteArray("") << 0;
    QTest::newRow("1.5") << QByteArray("1.5") << 0;
}

void TestSandbox::limitBounds()
{
    QFETCH(QByteArray, limit);
    QFETCH(int, expected);
    for (const QByteArray &path :
         {QByteArray("/oauth_connections"), QByteArray("/oauth_applications")}) {
        const HttpResult result = m_client->get(path + "?limit=" + limit);
        if (expected > 0) {
            QCOMPARE(result.status, 200);
            QCOMPARE(result.json()[u"data"].toArray().size(),
                     path.endsWith("applications") ? std::min(expected, 8) : expected);
            continue;
        }
        QCOMPARE(result.status, 400);
        const QJsonObject error = result.json();
        QCOMPARE(error[u"type"].toString(), u"invalid_parameters_error"_s);
        QCOMPARE(error[u"status"].toInt(), 400);
        QVERIFY(error[u"title"].isString());
        QVERIFY(error.contains(u"detail"));
        const QJsonArray errors = error[u"errors"].toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0][u"field"].toString(), u"limit"_s);
    }
}

void TestSandbox::badStatus_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("unknown") << QByteArray("/oauth_connections?status.in=bogus");
    QTest::newRow("one unknown") << QByteArray("/oauth_connections?status.in=active%2Cdeleted");
    QTest::newRow("empty") << QByteArray("/oauth_connections?status.in=");
    QTest::newRow("applications") << QByteArray("/oauth_applications?status.in=inactive");
    QTest::newRow("empty application") << QByteArray("/oauth_connections?oauth_application_id=");
    QTest::newRow("created_at") << QByteArray("/oauth_applications?created_at.after=yesterday");
}

void TestSandbox::badStatus()
{
    QFETCH(QByteArray, target);
    const HttpResult result = m_client->get(target);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json()[u"type"].toString(), u"invalid_parameters_error"_s);
    QVERIFY(!result.json()[u"errors"].toArray().isEmpty());
}

void TestSandbox::cursorBoundToFilter()
{
    const QString cursor =
        m_client->get("/oauth_connections?limit=10").json()[u"next_cursor"].toString();
    QVERIFY(!cursor.isEmpty());
    const QByteArray encoded = QUrl::toPercentEncoding(cursor);
    QCOMPARE(m_client->get("/oauth_connections?limit=10&cursor=" + encoded).status, 200);
    QCOMPARE(m_client->get("/oauth_connections?limit=55&cursor=" + encoded).status, 200);

    const auto refused = [&](const QByteArray &target) {
        const HttpResult result = m_client->get(target);
        return result.status == 400 &&
               result.json()[u"type"].toString() == u"invalid_parameters_error" &&
               result.json()[u"errors"].toArray().at(0)[u"field"].toString() == u"cursor";
    };
    QVERIFY(refused("/oauth_connections?status.in=inactive&cursor=" + encoded));
    QVERIFY(refused("/oauth_connections?status.in=active,inactive&cursor=" + encoded));
    QVERIFY(refused("/oauth_connections?oauth_application_id=" +
                    m_applications[0][u"id"].toString().toUtf8() + "&cursor=" + encoded));
    QVERIFY(refused("/oauth_applications?cursor=" + encoded));
    QVERIFY(refused("/oauth_connections?cursor=garbage"));
    QVERIFY(refused("/oauth_connections?cursor=%FF%FE"));
    QByteArray tampered = cursor.toLatin1();
    tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
    QVERIFY(refused("/oauth_connections?cursor=" + tampered));

    SandboxOptions options;
    options.port = 0;
    options.seed = 8;
    SandboxServer other(options);
    QVERIFY(other.listen());
    QCOMPARE(SandboxTestClient(other.baseUrl()).get("/oauth_connections?cursor=" + encoded).status,
             400);
}

void TestSandbox::deterministicForSeed()
{
    SandboxOptions options;
    options.port = 0;
    options.seed = 7;
    options.tricky = true; // the same data as initTestCase's
    SandboxServer same(options);
    options.seed = 8;
    SandboxServer other(options);
    QVERIFY(same.listen());
    QVERIFY(other.listen());
    const QByteArray target = "/oauth_connections?status.in=active,inactive&limit=100";
    const QByteArray mine = m_client->get(target).body;
    QCOMPARE(SandboxTestClient(same.baseUrl()).get(target).body, mine);
    QVERIFY(SandboxTestClient(other.baseUrl()).get(target).body != mine);
    QCOMPARE(SandboxTestClient(same.baseUrl()).get("/oauth_applications").body,
             m_client->get("/oauth_applications").body);
}

void TestSandbox::keepAliveAndEncodedComma()
{
    RawHttpConnection raw(m_server->baseUrl());
    QVERIFY(raw.isConnected());
    const qint64 before = m_server->requestsServed();
    for (int i = 0; i < 1000; ++i) {
        const RawHttpConnection::Response response =
            raw.get("/oauth_connections?limit=2&status.in=active%2Cinactive");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.contentLength, response.body.size());
        QVERIFY(!response.closed);
    }
    QCOMPARE(m_server->requestsServed() - before, 1000);
    const RawHttpConnection::Response last =
        raw.get("/oauth_connections?limit=2&status.in=active%2Cinactive");
    const QByteArray firstId = m_all[0][u"id"].toString().toUtf8();
    QVERIFY(last.body.startsWith(QByteArray("{\"data\":[{\"id\":\"" + firstId)));
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
