// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The local sandbox's events over real HTTP on loopback: one per creation and one per
// deactivation, ascending, every filter, cursors, bad parameters, retrieve, faults.
#include "sandboxserver.h"
#include "sandboxtestclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression EventId(u"^event_[a-z0-9]{20}$"_s);
const QString Created = u"oauth_connection.created"_s;
const QString Deactivated = u"oauth_connection.deactivated"_s;

// created_at ascending, then id ascending.
bool listedBefore(const QJsonObject &a, const QJsonObject &b)
{
    const QString createdA = a[u"created_at"].toString();
    const QString createdB = b[u"created_at"].toString();
    return createdA != createdB ? createdA < createdB : a[u"id"].toString() < b[u"id"].toString();
}

QByteArray encoded(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

qint64 secondsOf(const QJsonObject &event)
{
    return QDateTime::fromString(event[u"created_at"].toString(), Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

class TestSandboxEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eventShape();
    void oneEventPerCreationAndDeactivation();
    void ascendingByCreatedAtThenId();
    void smallPagesNeitherRepeatNorSkip();
    void filters_data();
    void filters();
    void badParameters_data();
    void badParameters();
    void cursorBoundToFilter();
    void retrieve();
    void unknownEventIsNotFound_data();
    void unknownEventIsNotFound();
    void faultsApply();

private:
    QList<QJsonObject> expectedFor(const QByteArray &query) const;

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
    QList<QJsonObject> m_connections; // both statuses
    QList<QJsonObject> m_events;      // every event, as listed
};

void TestSandboxEvents::initTestCase()
{
    SandboxOptions options;
    options.port = 0;
    options.seed = 12;
    options.connections = 400;
    options.applications = 5;
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    QVERIFY2(m_server->listen(&error), qPrintable(error));
    m_client = std::make_unique<SandboxTestClient>(m_server->baseUrl());
    QString failure;
    m_connections = m_client->listAll("/oauth_connections?status.in=active,inactive", &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_events = m_client->listAll("/events", &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(m_connections.size(), 400);
}

void TestSandboxEvents::eventShape()
{
    for (const QJsonObject &event : std::as_const(m_events)) {
        QStringList keys = event.keys();
        QCOMPARE(keys, QStringList({u"associated_object_id"_s, u"associated_object_type"_s,
                                    u"category"_s, u"created_at"_s, u"id"_s, u"type"_s}));
        QVERIFY2(EventId.match(event[u"id"].toString()).hasMatch(),
                 qPrintable(event[u"id"].toString()));
        QCOMPARE(event[u"type"].toString(), u"event"_s);
        QCOMPARE(event[u"associated_object_type"].toString(), u"oauth_connection"_s);
        QVERIFY(QDateTime::fromString(event[u"created_at"].toString(), Qt::ISODate).isValid());
    }
}

void TestSandboxEvents::oneEventPerCreationAndDeactivation()
{
    QHash<QString, QString> created;
    QHash<QString, QString> deactivated;
    for (const QJsonObject &event : std::as_const(m_events)) {
        auto &byConnection = event[u"category"].toString() == Created ? created : deactivated;
        const QString object = event[u"associated_object_id"].toString();
        QVERIFY2(!byConnection.contains(object), qPrintable(object));
        byConnection.insert(object, event[u"created_at"].toString());
    }
    int inactive = 0;
    for (const QJsonObject &c : std::as_const(m_connections)) {
        const QString id = c[u"id"].toString();
        QCOMPARE(created.value(id), c[u"created_at"].toString());
        if (c[u"deleted_at"].isNull()) {
            QVERIFY(!deactivated.contains(id));
        } else {
            ++inactive;
            QCOMPARE(deactivated.value(id), c[u"deleted_at"].toString());
        }
    }
    QVERIFY(inactive > 50);
    QCOMPARE(created.size(), m_connections.size());
    QCOMPARE(deactivated.size(), inactive);
    const QStringList all = idsOf(m_events);
    QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), m_events.size());
}

void TestSandboxEvents::ascendingByCreatedAtThenId()
{
    QVERIFY(m_events.size() > 400);
    bool sawTie = false;
    for (qsizetype i = 1; i < m_events.size(); ++i) {
        QVERIFY2(listedBefore(m_events[i - 1], m_events[i]),
                 qPrintable(m_events[i - 1][u"id"].toString()));
        sawTie |= m_events[i - 1][u"created_at"] == m_events[i][u"created_at"];
    }
    QVERIFY2(sawTie, "the data should hold events in the same second");
}

void TestSandboxEvents::smallPagesNeitherRepeatNorSkip()
{
    QString failure;
    int pages = 0;
    const QList<QJsonObject> paged = m_client->listAll("/events?limit=7", &failure, &pages);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(idsOf(paged), idsOf(m_events));
    QCOMPARE(pages, (m_events.size() + 6) / 7);
}

// What `query` should return, computed from the whole list.
QList<QJsonObject> TestSandboxEvents::expectedFor(const QByteArray &query) const
{
    const QUrlQuery q(QString::fromLatin1(query));
    const auto value = [&](const QString &key) {
        return q.queryItemValue(key, QUrl::FullyDecoded);
    };
    QStringList categories;
    for (const QString &list : q.allQueryItemValues(u"category.in"_s, QUrl::FullyDecoded))
        categories += list.split(u',');
    const auto ms = [&](const QString &key) {
        return QDateTime::fromString(value(key), Qt::ISODateWithMs).toMSecsSinceEpoch();
    };
    QList<QJsonObject> expected;
    for (const QJsonObject &event : m_events) {
        const qint64 at = secondsOf(event) * 1000;
        if (!categories.isEmpty() && !categories.contains(event[u"category"].toString()))
            continue;
        if (q.hasQueryItem(u"associated_object_id"_s) &&
            event[u"associated_object_id"].toString() != value(u"associated_object_id"_s))
            continue;
        if ((q.hasQueryItem(u"created_at.after"_s) && !(at > ms(u"created_at.after"_s))) ||
            (q.hasQueryItem(u"created_at.before"_s) && !(at < ms(u"created_at.before"_s))) ||
            (q.hasQueryItem(u"created_at.on_or_after"_s) &&
             !(at >= ms(u"created_at.on_or_after"_s))) ||
            (q.hasQueryItem(u"created_at.on_or_before"_s) &&
             !(at <= ms(u"created_at.on_or_before"_s))))
            continue;
        expected.append(event);
    }
    return expected;
}

void TestSandboxEvents::filters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("atLeast"); // guards against a filter that matches nothing

    // A deactivated connection has both events; the middle event's time bounds ranges.
    QString inactiveId;
    for (const QJsonObject &c : std::as_const(m_connections)) {
        if (!c[u"deleted_at"].isNull()) {
            inactiveId = c[u"id"].toString();
            break;
        }
    }
    QString activeId;
    for (const QJsonObject &c : std::as_const(m_connections)) {
        if (c[u"deleted_at"].isNull()) {
            activeId = c[u"id"].toString();
            break;
        }
    }
    const QString middle = m_events[m_events.size() / 2][u"created_at"].toString();
    const QByteArray at = encoded(middle);
    const QByteArray halfSecondLater = encoded(middle.chopped(1) + u".500Z"_s);

    QTest::newRow("created") << "category.in=" + encoded(Created) << 400;
    QTest::newRow("deactivated") << "category.in=" + encoded(Deactivated) << 50;
    QTest::newRow("both, literal comma")
        << QByteArray("category.in=oauth_connection.created,oauth_connection.deactivated") << 500;
    QTest::newRow("both, encoded comma")
        << "category.in=" + encoded(Created + u',' + Deactivated) << 500;
    QTest::newRow("repeated parameter")
        << "category.in=" + encoded(Created) + "&category.in=" + encoded(Deactivated) << 500;
    QTest::newRow("a category never recorded here")
        << QByteArray("category.in=account.created") << 0;
    QTest::newRow("inactive connection") << "associated_object_id=" + encoded(inactiveId) << 2;
    QTest::newRow("active connection") << "associated_object_id=" + encoded(activeId) << 1;
    QTest::newRow("its deactivation")
        << "associated_object_id=" + encoded(inactiveId) + "&category.in=" + encoded(Deactivated)
        << 1;
    QTest::newRow("unknown connection")
        << QByteArray("associated_object_id=connection_aaaaaaaaaaaaaaaaaaaa") << 0;
    QTest::newRow("after") << "created_at.after=" + at << 100;
    QTest::newRow("before") << "created_at.before=" + at << 100;
    QTest::newRow("on or after") << "created_at.on_or_after=" + at << 100;
    QTest::newRow("on or before") << "created_at.on_or_before=" + at << 100;
    QTest::newRow("after, fraction") << "created_at.after=" + halfSecondLater << 100;
    QTest::newRow("on or after, fraction") << "created_at.on_or_after=" + halfSecondLater << 100;
    QTest::newRow("before, fraction") << "created_at.before=" + halfSecondLater << 100;
    QTest::newRow("offset") << QByteArray("created_at.on_or_after=2024-01-01T01:00:00%2B01:00")
                            << 10;
    QTest::newRow("exactly one second")
        << "created_at.on_or_after=" + at + "&created_at.on_or_before=" + at << 1;
    QTest::newRow("combined") << "category.in=" + encoded(Created) + "&created_at.after=" + at +
                                     "&created_at.before=2030-01-01T00:00:00Z"
                              << 50;
    QTest::newRow("empty range")
        << QByteArray(
               "created_at.after=2030-01-01T00:00:00Z&created_at.before=2020-01-01T00:00:00Z")
        << 0;
}

void TestSandboxEvents::filters()
{
    QFETCH(QByteArray, query);
    QFETCH(int, atLeast);
    const QList<QJsonObject> expected = expectedFor(query);
    QVERIFY2(expected.size() >= atLeast, qPrintable(QString::number(expected.size())));
    if (atLeast == 0)
        QVERIFY(expected.isEmpty());
    QString failure;
    const QList<QJsonObject> got = m_client->listAll("/events?limit=30&" + query, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(idsOf(got), idsOf(expected));
}

void TestSandboxEvents::badParameters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown category")
        << QByteArray("category.in=oauth_connection.updated") << u"category.in"_s;
    QTest::newRow("one unknown of two")
        << QByteArray("category.in=oauth_connection.created,nonsense") << u"category.in"_s;
    QTest::newRow("empty category") << QByteArray("category.in=") << u"category.in"_s;
    QTest::newRow("bad timestamp")
        << QByteArray("created_at.after=yesterday") << u"created_at.after"_s;
    QTest::newRow("bad date") << QByteArray("created_at.on_or_before=2024-02-30T00:00:00Z")
                              << u"created_at.on_or_before"_s;
    QTest::newRow("empty timestamp") << QByteArray("created_at.before=") << u"created_at.before"_s;
    QTest::newRow("limit 0") << QByteArray("limit=0") << u"limit"_s;
    QTest::newRow("limit 101") << QByteArray("limit=101") << u"limit"_s;
    QTest::newRow("limit text") << QByteArray("limit=ten") << u"limit"_s;
    QTest::newRow("garbled cursor") << QByteArray("cursor=notacursor") << u"cursor"_s;
    QTest::newRow("empty object id")
        << QByteArray("associated_object_id=") << u"associated_object_id"_s;
}

void TestSandboxEvents::badParameters()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, field);
    const HttpResult r = m_client->get("/events?" + query);
    QCOMPARE(r.status, 400);
    const QJsonObject body = r.json();
    QCOMPARE(body[u"type"].toString(), u"invalid_parameters_error"_s);
    QCOMPARE(body[u"status"].toInt(), 400);
    QCOMPARE(body[u"errors"][0][u"field"].toString(), field);
}

void TestSandboxEvents::cursorBoundToFilter()
{
    const HttpResult first = m_client->get("/events?limit=5&category.in=" + encoded(Created));
    QCOMPARE(first.status, 200);
    const QByteArray cursor = encoded(first.json()[u"next_cursor"].toString());
    QVERIFY(!cursor.isEmpty());
    const HttpResult same =
        m_client->get("/events?limit=5&category.in=" + encoded(Created) + "&cursor=" + cursor);
    QCOMPARE(same.status, 200);
    const HttpResult other =
        m_client->get("/events?limit=5&category.in=" + encoded(Deactivated) + "&cursor=" + cursor);
    QCOMPARE(other.status, 400);
    QCOMPARE(other.json()[u"errors"][0][u"field"].toString(), u"cursor"_s);
    // A connection listing's cursor is no event cursor.
    const HttpResult connections = m_client->get("/oauth_connections?limit=5");
    const HttpResult foreign =
        m_client->get("/events?cursor=" + encoded(connections.json()[u"next_cursor"].toString()));
    QCOMPARE(foreign.status, 400);
}

void TestSandboxEvents::retrieve()
{
    for (qsizetype i = 0; i < m_events.size(); i += 37) {
        const QJsonObject &event = m_events[i];
        const HttpResult r = m_client->get("/events/" + event[u"id"].toString().toLatin1());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), event);
    }
}

void TestSandboxEvents::unknownEventIsNotFound_data()
{
    QTest::addColumn<QByteArray>("id");
    const QByteArray real = m_events.first()[u"id"].toString().toLatin1();
    QByteArray flipped = real;
    flipped[flipped.size() - 1] = flipped.back() == 'a' ? 'b' : 'a';
    QByteArray value = real;
    value[8] = value[8] == '0' ? '1' : '0';
    QTest::newRow("check digit changed") << flipped;
    QTest::newRow("value digit changed") << value;
    QTest::newRow("too big") << QByteArray("event_zzzzzzzzzzzzzzzzzzzz");
    QTest::newRow("short") << real.chopped(1);
    QTest::newRow("connection id") << m_connections.first()[u"id"].toString().toLatin1();
    QTest::newRow("upper case") << real.toUpper();
}

void TestSandboxEvents::unknownEventIsNotFound()
{
    QFETCH(QByteArray, id);
    const HttpResult r = m_client->get("/events/" + id);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json()[u"type"].toString(), u"object_not_found_error"_s);
}

void TestSandboxEvents::faultsApply()
{
    const QByteArray one = "/events/" + m_events.first()[u"id"].toString().toLatin1();
    m_server->setFailRate(1.0);
    QCOMPARE(m_client->get("/events").status, 500);
    QCOMPARE(m_client->get(one).status, 500);
    m_server->setFailRate(0.0);

    m_server->setDropRate(1.0);
    const HttpResult cut = m_client->get("/events");
    QVERIFY(cut.error != QNetworkReply::NoError);
    m_server->setDropRate(0.0);

    m_server->setRateLimit(0.5);
    m_client->get("/events");
    const HttpResult limited = m_client->get(one);
    m_server->setRateLimit(0.0);
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.headers.contains("retry-after"));
    QCOMPARE(m_client->get("/events?limit=1").status, 200);
}

QTEST_GUILESS_MAIN(TestSandboxEvents)
#include "tst_sandboxevents.moc"
