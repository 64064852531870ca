// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// What goes on the wire for a listing, and which ids may ever reach a path.
#include "apiquery.h"

#include <QUrl>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// The query exactly as the server receives it.
QByteArray onTheWire(const QUrlQuery &query)
{
    QUrl url(u"https://api.increase.com/oauth_connections"_s);
    url.setQuery(query);
    return url.toEncoded();
}

// A server that reads the query as an HTML form would (where '+' is a space).
QString formDecoded(const QByteArray &encodedValue)
{
    QByteArray bytes = encodedValue;
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

QByteArray rawValue(const QByteArray &wire, const QByteArray &key)
{
    const QByteArray query = wire.mid(wire.indexOf('?') + 1);
    for (const QByteArray &pair : query.split('&')) {
        if (pair.startsWith(QByteArray(key + '=')))
            return pair.mid(key.size() + 1);
    }
    return {};
}

const QStringList kConnectionStatuses = {u"active"_s, u"inactive"_s};
const QStringList kApplicationStatuses = {u"active"_s, u"deleted"_s};

} // namespace

Q_DECLARE_METATYPE(EventQuery)

class TestApiQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionList_data();
    void connectionList();
    void applicationList_data();
    void applicationList();
    void eventList_data();
    void eventList();
    void cursorComesBackVerbatim_data();
    void cursorComesBackVerbatim();
    void validPathIds_data();
    void validPathIds();
    void invalidPathIds_data();
    void invalidPathIds();
    void statusFilter_data();
    void statusFilter();
    void badStatusFilter_data();
    void badStatusFilter();
};

void TestApiQuery::connectionList_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QString>("applicationId");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray base = "https://api.increase.com/oauth_connections?";
    QTest::newRow("defaults") << QStringList() << QString() << QString() << 100
                              << base + "limit=100";
    QTest::newRow("both statuses, literal comma")
        << kConnectionStatuses << QString() << QString() << 100
        << base + "limit=100&status.in=active,inactive";
    QTest::newRow("one status") << QStringList{u"inactive"_s} << QString() << QString() << 100
                                << base + "limit=100&status.in=inactive";
    QTest::newRow("everything, in key order")
        << kConnectionStatuses << u"application_gj9ufmpgh5i56k4vyriy"_s << u"v57w5d"_s << 25
        << base + "cursor=v57w5d&limit=25&status.in=active,inactive"
                  "&oauth_application_id=application_gj9ufmpgh5i56k4vyriy";
    QTest::newRow("limit above 100 clamped")
        << QStringList() << QString() << QString() << 1000 << base + "limit=100";
    QTest::newRow("limit 0 clamped")
        << QStringList() << QString() << QString() << 0 << base + "limit=1";
    QTest::newRow("negative limit clamped")
        << QStringList() << QString() << QString() << -5 << base + "limit=1";
    QTest::newRow("application id with reserved bytes")
        << QStringList() << u"app&limit=1"_s << QString() << 10
        << base + "limit=10&oauth_application_id=app%26limit%3D1";
}

void TestApiQuery::connectionList()
{
    QFETCH(QStringList, statuses);
    QFETCH(QString, applicationId);
    QFETCH(QString, cursor);
    QFETCH(int, limit);
    QFETCH(QByteArray, expected);

    // Given a query, when it is put on a URL, then the bytes sent are exactly these
    const QUrlQuery query = ApiQuery::connectionList({statuses, applicationId}, cursor, limit);
    QCOMPARE(onTheWire(query), expected);
}

void TestApiQuery::applicationList_data()
{
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray base = "https://api.increase.com/oauth_connections?";
    QTest::newRow("every status by default") << QStringList() << QString() << base + "limit=100";
    QTest::newRow("active and deleted")
        << kApplicationStatuses << u"c1"_s << base + "cursor=c1&limit=100&status.in=active,deleted";
}

void TestApiQuery::applicationList()
{
    QFETCH(QStringList, statuses);
    QFETCH(QString, cursor);
    QFETCH(QByteArray, expected);

    QCOMPARE(onTheWire(ApiQuery::applicationList(statuses, cursor)), expected);
}

void TestApiQuery::eventList_data()
{
    QTest::addColumn<EventQuery>("query");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray base = "https://api.increase.com/oauth_connections?";
    QTest::newRow("defaults: nothing but the limit")
        << EventQuery() << QString() << base + "limit=100";
    EventQuery both;
    both.categories = {u"oauth_connection.created"_s, u"oauth_connection.deactivated"_s};
    QTest::newRow("two categories, literal comma")
        << both << QString()
        << base + "limit=100&category.in=oauth_connection.created,oauth_connection.deactivated";
    EventQuery everything = both;
    everything.categories.removeLast();
    everything.associatedObjectId = u"connection_dauknoksyr4wilz4e6my"_s;
    everything.createdAfter = u"2025-06-30T12:00:00Z"_s;
    everything.createdBefore = u"2025-07-01T00:00:00+02:00"_s;
    everything.createdOnOrAfter = u"2025-06-30T12:00:00.250Z"_s;
    everything.createdOnOrBefore = u"2025-07-01T00:00:00Z"_s;
    everything.limit = 20;
    QTest::newRow("every filter, timestamps encoded")
        << everything << u"v57w5d"_s
        << base + "cursor=v57w5d&limit=20&category.in=oauth_connection.created"
                  "&associated_object_id=connection_dauknoksyr4wilz4e6my"
                  "&created_at.after=2025-06-30T12%3A00%3A00Z"
                  "&created_at.before=2025-07-01T00%3A00%3A00%2B02%3A00"
                  "&created_at.on_or_after=2025-06-30T12%3A00%3A00.250Z"
                  "&created_at.on_or_before=2025-07-01T00%3A00%3A00Z";
    EventQuery tooMany;
    tooMany.limit = 500;
    QTest::newRow("limit clamped") << tooMany << QString() << base + "limit=100";
    EventQuery sneaky;
    sneaky.categories = {u"a&limit=1"_s};
    QTest::newRow("a category cannot add a parameter")
        << sneaky << QString() << base + "limit=100&category.in=a%26limit%3D1";
}

void TestApiQuery::eventList()
{
    QFETCH(EventQuery, query);
    QFETCH(QString, cursor);
    QFETCH(QByteArray, expected);
    QCOMPARE(onTheWire(ApiQuery::eventList(query, cursor)), expected);
    // The server reads back exactly the timestamps given.
    const QUrlQuery sent(QUrl::fromEncoded(expected));
    QCOMPARE(sent.queryItemValue(u"created_at.before"_s, QUrl::FullyDecoded), query.createdBefore);
}

void TestApiQuery::cursorComesBackVerbatim_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<QByteArray>("encoded");

    QTest::newRow("base64 with + / =")
        << u"djU3d+5k/MTI=="_s << QByteArray("djU3d%2B5k%2FMTI%3D%3D");
    QTest::newRow("ampersand and hash") << u"a&b#c"_s << QByteArray("a%26b%23c");
    QTest::newRow("percent") << u"100%25"_s << QByteArray("100%2525");
    QTest::newRow("space") << u"a b"_s << QByteArray("a%20b");
    QTest::newRow("comma") << u"a,b"_s << QByteArray("a%2Cb");
    QTest::newRow("unicode") << u"\u00e9"_s << QByteArray("%C3%A9");
    QTest::newRow("plain") << u"abc_-.~"_s << QByteArray("abc_-.~");
}

void TestApiQuery::cursorComesBackVerbatim()
{
    QFETCH(QString, cursor);
    QFETCH(QByteArray, encoded);

    // Given an opaque cursor, when it is sent
    const QByteArray wire = onTheWire(ApiQuery::connectionList({}, cursor));

    // then every reserved byte is percent-encoded
    QCOMPARE(rawValue(wire, "cursor"), encoded);

    // and a server reading it either way gets the cursor back unchanged
    QCOMPARE(formDecoded(rawValue(wire, "cursor")), cursor);
    const QUrlQuery received{QUrl::fromEncoded(wire)};
    QCOMPARE(received.queryItemValue(u"cursor"_s, QUrl::FullyDecoded), cursor);
}

void TestApiQuery::validPathIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("connection") << u"connection_dauknoksyr4wilz4e6my"_s;
    QTest::newRow("one character") << u"a"_s;
    QTest::newRow("dash and underscore") << u"-_-"_s;
    QTest::newRow("200 characters") << QString(200, u'x');
}

void TestApiQuery::validPathIds()
{
    QFETCH(QString, id);
    QString error;
    QVERIFY2(ApiQuery::isValidPathId(id, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
}

void TestApiQuery::invalidPathIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expectedError");

    const QString rule = u"; Increase ids contain only letters, digits, '_' and '-'"_s;
    QTest::newRow("empty") << QString() << u"the id is empty"_s;
    QTest::newRow("201 characters")
        << QString(201, u'x') << u"the id is 201 characters long; Increase ids are at most 200"_s;
    QTest::newRow("dot") << u"."_s << u"the id contains '.' at position 1"_s + rule;
    QTest::newRow("dot dot") << u".."_s << u"the id contains '.' at position 1"_s + rule;
    QTest::newRow("parent path") << u"../x"_s << u"the id contains '.' at position 1"_s + rule;
    QTest::newRow("slash") << u"a/b"_s << u"the id contains '/' at position 2"_s + rule;
    QTest::newRow("encoded slash") << u"a%2Fb"_s << u"the id contains '%' at position 2"_s + rule;
    QTest::newRow("space") << u"connection 1"_s
                           << u"the id contains a space at position 11"_s + rule;
    QTest::newRow("question mark") << u"a?b=1"_s << u"the id contains '?' at position 2"_s + rule;
    QTest::newRow("newline") << u"a\nb"_s
                             << u"the id contains the control character U+000A at position 2"_s +
                                    rule;
    QTest::newRow("unicode letter")
        << u"conn\u00e9"_s << u"the id contains '\u00e9' (U+00E9) at position 5"_s + rule;
    QTest::newRow("emoji") << u"x\U0001F600"_s
                           << u"the id contains '\U0001F600' (U+1F600) at position 2"_s + rule;
}

void TestApiQuery::invalidPathIds()
{
    QFETCH(QString, id);
    QFETCH(QString, expectedError);

    // Given an id that could not be a real Increase id, when it is checked
    QString error;
    const bool valid = ApiQuery::isValidPathId(id, &error);

    // then it is refused before any request, naming the problem
    QVERIFY(!valid);
    QCOMPARE(error, expectedError);
    QVERIFY(!ApiQuery::isValidPathId(id));
}

void TestApiQuery::statusFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("active") << u"active"_s << kConnectionStatuses << QStringList{u"active"_s};
    QTest::newRow("inactive") << u"inactive"_s << kConnectionStatuses << QStringList{u"inactive"_s};
    QTest::newRow("all") << u"all"_s << kConnectionStatuses << kConnectionStatuses;
    QTest::newRow("list") << u"active,inactive"_s << kConnectionStatuses << kConnectionStatuses;
    QTest::newRow("list reversed")
        << u"inactive,active"_s << kConnectionStatuses << kConnectionStatuses;
    QTest::newRow("spaces") << u" inactive , active "_s << kConnectionStatuses
                            << kConnectionStatuses;
    QTest::newRow("applications all") << u"all"_s << kApplicationStatuses << kApplicationStatuses;
    QTest::newRow("applications deleted")
        << u"deleted"_s << kApplicationStatuses << QStringList{u"deleted"_s};
}

void TestApiQuery::statusFilter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, allowed);
    QFETCH(QStringList, expected);

    QString error;
    const std::optional<QStringList> statuses = ApiQuery::parseStatusFilter(text, allowed, &error);

    QVERIFY2(statuses, qPrintable(error));
    QCOMPARE(*statuses, expected);
}

void TestApiQuery::badStatusFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QString>("expectedError");

    const QString use = u"; use active, inactive or all"_s;
    QTest::newRow("empty") << QString() << kConnectionStatuses << u"no status given"_s + use;
    QTest::newRow("unknown") << u"paused"_s << kConnectionStatuses
                             << u"unknown status 'paused'"_s + use;
    QTest::newRow("wrong enum") << u"deleted"_s << kConnectionStatuses
                                << u"unknown status 'deleted'"_s + use;
    QTest::newRow("case matters") << u"Active"_s << kConnectionStatuses
                                  << u"unknown status 'Active'"_s + use;
    QTest::newRow("duplicate") << u"active,active"_s << kConnectionStatuses
                               << u"status 'active' is given twice"_s + use;
    QTest::newRow("empty item") << u"active,"_s << kConnectionStatuses
                                << u"empty status in \"active,\""_s + use;
    QTest::newRow("all in a list") << u"all,active"_s << kConnectionStatuses
                                   << u"'all' cannot be combined with other statuses"_s + use;
    QTest::newRow("applications") << u"inactive"_s << kApplicationStatuses
                                  << u"unknown status 'inactive'; use active, deleted or all"_s;
}

void TestApiQuery::badStatusFilter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, allowed);
    QFETCH(QString, expectedError);

    QString error;
    const std::optional<QStringList> statuses = ApiQuery::parseStatusFilter(text, allowed, &error);

    QVERIFY(!statuses);
    QCOMPARE(error, expectedError);
}

QTEST_GUILESS_MAIN(TestApiQuery)
#include "tst_apiquery.moc"
