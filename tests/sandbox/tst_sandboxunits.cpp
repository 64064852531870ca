// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's pure pieces, without sockets: timestamps, cursors, the token bucket,
// the generated data and its indexes, parameter checks, the command line.
#include "sandboxapi.h"
#include "sandboxcommandline.h"
#include "sandboxcursor.h"
#include "sandboxdataset.h"
#include "sandboxjson.h"
#include "sandboxlistquery.h"
#include "tokenbucket.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <cstring>

using namespace Qt::StringLiterals;

class TestSandboxUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timestamps_data();
    void timestamps();
    void jsonStrings();
    void cursorRoundTrip();
    void cursorRefusals();
    void tokenBucket();
    void tokenBucketSlowRate();
    void datasetIndexes();
    void datasetDeterministic();
    void realisticNames_data();
    void realisticNames();
    void realisticMixAndDates();
    void trickyNames();
    void millionConnections();
    void listQuery();
    void apiWithoutSockets();
    void commandLine_data();
    void commandLine();
    void commandLineValues();
};

void TestSandboxUnits::timestamps_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("leap day 2000") << qint64(951782400);
    QTest::newRow("leap day 2024") << qint64(1709164800 + 86399);
    QTest::newRow("newest") << qint64(1751284800);
    QTest::newRow("end of 2099") << qint64(4102444799);
}

void TestSandboxUnits::timestamps()
{
    QFETCH(qint64, seconds);
    const QString expected = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
    QCOMPARE(QString::fromLatin1(SandboxJson::timestamp(seconds)), expected);
}

void TestSandboxUnits::jsonStrings()
{
    QByteArray out;
    SandboxJson::appendString(out, u"a\"b\\c\r\n\t\x01 é ☕"_s);
    QCOMPARE(out, QByteArray("\"a\\\"b\\\\c\\u000d\\u000a\\u0009\\u0001 \xc3\xa9 \xe2\x98\x95\""));
    const QJsonDocument parsed = QJsonDocument::fromJson("[" + out + "]");
    QCOMPARE(parsed.array().at(0).toString(), u"a\"b\\c\r\n\t\x01 é ☕"_s);
}

void TestSandboxUnits::cursorRoundTrip()
{
    const SandboxCursor cursors(42);
    const quint64 filter = SandboxCursor::signature("oauth_connections|1|");
    for (const quint32 offset : {1u, 100u, 999'999u, 0xffffffffu}) {
        const QByteArray encoded = cursors.encode(filter, offset);
        QVERIFY(!encoded.contains('=') && !encoded.contains('+') && !encoded.contains('/'));
        quint32 decoded = 0;
        QCOMPARE(cursors.decode(QString::fromLatin1(encoded), filter, &decoded),
                 SandboxCursor::Problem::None);
        QCOMPARE(decoded, offset);
    }
}

void TestSandboxUnits::cursorRefusals()
{
    const SandboxCursor cursors(42);
    const quint64 filter = SandboxCursor::signature("oauth_connections|1|");
    const QString cursor = QString::fromLatin1(cursors.encode(filter, 300));
    quint32 offset = 0;
    QCOMPARE(cursors.decode(cursor, SandboxCursor::signature("oauth_connections|2|"), &offset),
             SandboxCursor::Problem::OtherFilter);
    QCOMPARE(SandboxCursor(43).decode(cursor, filter, &offset), SandboxCursor::Problem::Garbled);
    QCOMPARE(cursors.decode(u"garbage"_s, filter, &offset), SandboxCursor::Problem::Garbled);
    QCOMPARE(cursors.decode(u"é"_s, filter, &offset), SandboxCursor::Problem::Garbled);
    QCOMPARE(cursors.decode(QString(cursor + u"A"_s), filter, &offset),
             SandboxCursor::Problem::Garbled);
    for (int i = 0; i < cursor.size(); ++i) {
        QString flipped = cursor;
        flipped[i] = flipped[i] == u'x' ? u'y' : u'x';
        QVERIFY(cursors.decode(flipped, filter, &offset) != SandboxCursor::Problem::None);
    }
}

void TestSandboxUnits::tokenBucket()
{
    TokenBucket bucket;
    QVERIFY(bucket.tryTake(0)); // no rate: unlimited
    bucket.setRate(10, 1000);
    for (int i = 0; i < 10; ++i)
        QVERIFY(bucket.tryTake(1000)); // one second's worth of burst
    qint64 wait = 0;
    QVERIFY(!bucket.tryTake(1000, &wait));
    QCOMPARE(wait, 100);
    QVERIFY(!bucket.tryTake(1050, &wait));
    QCOMPARE(wait, 50);
    QVERIFY(bucket.tryTake(1100));
    QVERIFY(!bucket.tryTake(1100));
    QVERIFY(bucket.tryTake(10'000)); // refills up to the burst only
    for (int i = 0; i < 9; ++i)
        QVERIFY(bucket.tryTake(10'000));
    QVERIFY(!bucket.tryTake(10'000));
    bucket.setRate(0, 10'000);
    QVERIFY(bucket.tryTake(10'000));
}

void TestSandboxUnits::tokenBucketSlowRate()
{
    TokenBucket bucket;
    bucket.setRate(0.5, 0);
    QVERIFY(bucket.tryTake(0)); // a burst is at least one request
    qint64 wait = 0;
    QVERIFY(!bucket.tryTake(0, &wait));
    QCOMPARE(wait, 2000);
    QVERIFY(bucket.tryTake(2000));
}

void TestSandboxUnits::datasetIndexes()
{
    const SandboxDataset data(3, 2000, 8);
    QCOMPARE(data.connectionCount(), 2000u);
    QCOMPARE(data.applicationCount(), 8);
    QSet<QByteArray> ids;
    for (quint32 row = 0; row < data.connectionCount(); ++row) {
        const auto &c = data.connection(row);
        ids.insert(QByteArray(c.id, SandboxDataset::IdLength));
        const QString id = u"connection_"_s + QString::fromLatin1(c.id, SandboxDataset::IdLength);
        QCOMPARE(data.findConnection(id), std::optional<quint32>(row));
        if (row > 0) {
            const auto &previous = data.connection(row - 1);
            QVERIFY(previous.createdAt > c.createdAt ||
                    (previous.createdAt == c.createdAt &&
                     std::memcmp(previous.id, c.id, SandboxDataset::IdLength) > 0));
        }
    }
    QCOMPARE(ids.size(), 2000);
    QVERIFY(!data.findConnection(u"connection_"_s));
    QVERIFY(!data.findConnection(u"connection_zzzzzzzzzzzzzzzzzzz~"_s));

    // Every filter's list is exactly the rows that match, in list order.
    for (const quint8 statuses : {quint8(1), quint8(2), quint8(3)}) {
        for (int app = -1; app < 8; ++app) {
            const SandboxDataset::Rows rows = data.rows(statuses, app);
            quint32 expected = 0;
            for (quint32 row = 0; row < data.connectionCount(); ++row) {
                const auto &c = data.connection(row);
                const quint8 status = c.deletedAt == 0 ? 1 : 2;
                if ((statuses & status) && (app < 0 || c.application == app)) {
                    QVERIFY(expected < rows.size());
                    QCOMPARE(rows.at(expected), row);
                    ++expected;
                }
            }
            QCOMPARE(rows.size(), expected);
        }
    }
    // The deleted application's connections are all inactive.
    QVERIFY(!data.application(3).active);
    QCOMPARE(data.rows(SandboxDataset::Active, 3).size(), 0u);
    QCOMPARE(data.rows(SandboxDataset::Inactive, 3).size(), 250u);
    QCOMPARE(data.findApplication(QString::fromLatin1(data.application(5).id)), 5);
    QCOMPARE(data.findApplication(u"application_x"_s), -1);
}

void TestSandboxUnits::datasetDeterministic()
{
    const auto render = [](quint64 seed) {
        const SandboxDataset data(seed, 300, 5);
        QByteArray out;
        for (quint32 row = 0; row < data.connectionCount(); ++row)
            data.appendConnectionJson(out, row);
        for (int i = 0; i < data.applicationCount(); ++i)
            out += data.application(i).json;
        return out;
    };
    QCOMPARE(render(11), render(11));
    QVERIFY(render(11) != render(12));
    const auto renderNames = [](bool tricky) {
        const SandboxDataset data(11, 10, 12, tricky);
        QByteArray out;
        for (int i = 0; i < data.applicationCount(); ++i)
            out += data.application(i).json;
        return out;
    };
    QCOMPARE(renderNames(true), renderNames(true));
    QVERIFY(renderNames(true) != renderNames(false));

    const SandboxDataset few(1, 10, 2); // fewer than four: no deleted application
    QVERIFY(few.application(0).active && few.application(1).active);
    const SandboxDataset none(1, 0, 1);
    QCOMPARE(none.rows(SandboxDataset::AnyStatus, -1).size(), 0u);
}

namespace {

// The application's "name" as the API renders it.
QJsonValue nameOf(const SandboxDataset &data, int index)
{
    return QJsonDocument::fromJson(data.application(index).json).object()[u"name"];
}

} // namespace

void TestSandboxUnits::realisticNames_data()
{
    QTest::addColumn<int>("applications");
    QTest::newRow("default 8") << 8;
    QTest::newRow("past the curated list") << 500;
}

void TestSandboxUnits::realisticNames()
{
    QFETCH(int, applications);
    const SandboxDataset data(1, 100, applications);
    QSet<QString> names;
    for (int i = 0; i < data.applicationCount(); ++i) {
        const QJsonValue value = nameOf(data, i);
        QVERIFY2(value.isString(), qPrintable(QString::number(i)));
        const QString name = value.toString();
        QVERIFY(!name.trimmed().isEmpty());
        // Nothing a spreadsheet reads as a formula, no control or bidi characters.
        QVERIFY2(!u"=+-@"_s.contains(name.front()), qPrintable(name));
        for (const QChar c : name) {
            QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format,
                     qPrintable(name));
        }
        names.insert(name);
    }
    QCOMPARE(names.size(), applications); // each application is told apart by its name
}

void TestSandboxUnits::realisticMixAndDates()
{
    const SandboxDataset data(1, 2500, 8);
    const qint64 base = SandboxDataset::timeBase();
    const qint64 newest = base + data.connection(0).createdAt;
    const qint64 oldest = base + data.connection(data.connectionCount() - 1).createdAt;
    const qint64 day = 86400;
    QVERIFY2(newest - oldest > 365 * 2 * day && newest - oldest < 365 * 3 * day,
             "created over the last two to three years");
    quint32 inactive = 0;
    for (quint32 row = 0; row < data.connectionCount(); ++row) {
        const auto &c = data.connection(row);
        if (c.deletedAt == 0)
            continue;
        ++inactive;
        QVERIFY(c.deletedAt > c.createdAt);
        QVERIFY(base + c.deletedAt <= newest + day); // nothing after the data's "now"
    }
    const double share = double(inactive) / data.connectionCount();
    QVERIFY2(share > 0.28 && share < 0.39, qPrintable(QString::number(share)));
    for (int i = 0; i < data.applicationCount(); ++i) {
        const QJsonObject app = QJsonDocument::fromJson(data.application(i).json).object();
        const QString created = app[u"created_at"].toString();
        QVERIFY(created < QString::fromLatin1(SandboxJson::timestamp(oldest)));
        QCOMPARE(app[u"deleted_at"].isNull(), data.application(i).active);
    }
}

void TestSandboxUnits::trickyNames()
{
    const SandboxDataset tricky(1, 100, 9, true);
    QCOMPARE(nameOf(tricky, 0).toString(), u"Ian Crease's App"_s);
    QCOMPARE(nameOf(tricky, 1).toString(), u"=cmd|' /C calc'!A0, \"Totally Safe\" Export"_s);
    QVERIFY(nameOf(tricky, 2).isNull());
    QCOMPARE(nameOf(tricky, 4).toString(), u"Café Zürich Treasury ☕"_s);
    QCOMPARE(nameOf(tricky, 6).toString(), u"Multi-line\r\nLedger"_s);
    QCOMPARE(nameOf(tricky, 8).toString(), u"Application 9"_s);

    // Only the names differ: the same seed gives the same connections and ids.
    const SandboxDataset plain(1, 100, 9);
    for (quint32 row = 0; row < plain.connectionCount(); ++row) {
        QByteArray a, b;
        plain.appendConnectionJson(a, row);
        tricky.appendConnectionJson(b, row);
        QCOMPARE(a, b);
    }
    QCOMPARE(plain.application(2).id, tricky.application(2).id);
    QVERIFY(nameOf(plain, 2).isString());
}

void TestSandboxUnits::millionConnections()
{
    QElapsedTimer timer;
    timer.start();
    const SandboxDataset data(1, 1'000'000, 8);
    qInfo("1,000,000 connections generated and indexed in %lld ms", timer.elapsed());
    QCOMPARE(data.rows(SandboxDataset::Active, -1).size() +
                 data.rows(SandboxDataset::Inactive, -1).size(),
             1'000'000u);
    const quint32 inactive = data.rows(SandboxDataset::Inactive, -1).size();
    QVERIFY(inactive > 300'000 && inactive < 370'000);
    const auto &last = data.connection(999'999);
    const QString id = u"connection_"_s + QString::fromLatin1(last.id, SandboxDataset::IdLength);
    QCOMPARE(data.findConnection(id), std::optional<quint32>(999'999));
    QByteArray json;
    data.appendConnectionJson(json, 999'999);
    QCOMPARE(QJsonDocument::fromJson(json).object().size(), 7);
}

void TestSandboxUnits::listQuery()
{
    SandboxListQuery good({{u"limit"_s, u"7"_s},
                           {u"status.in"_s, u"active, deleted"_s},
                           {u"created_at.after"_s, u"2024-03-05T17:04:11Z"_s},
                           {u"created_at.before"_s, u"2024-03-05T18:04:11+01:00"_s}});
    QCOMPARE(good.limit(), 7);
    QCOMPARE(good.statuses({u"active"_s, u"deleted"_s}, 0), quint8(3));
    QCOMPARE(good.timestampMs(u"created_at.after"_s), std::optional<qint64>(1709658251000));
    QCOMPARE(good.timestampMs(u"created_at.before"_s), std::optional<qint64>(1709658251000));
    QCOMPARE(good.timestampMs(u"created_at.on_or_after"_s), std::optional<qint64>());
    QVERIFY(good.errors().isEmpty());

    SandboxListQuery bad({{u"limit"_s, u"+5"_s},
                          {u"status.in"_s, u"active,"_s},
                          {u"created_at.after"_s, u"soon"_s}});
    bad.limit();
    bad.statuses({u"active"_s}, 1);
    bad.timestampMs(u"created_at.after"_s);
    QCOMPARE(bad.errors().size(), 3);
}

void TestSandboxUnits::apiWithoutSockets()
{
    const SandboxDataset data(5, 250, 4);
    const SandboxApi api(data, u"k"_s);
    SandboxRequest request;
    request.path = u"/oauth_connections"_s;
    request.authorization = "Bearer k";
    request.query = {{u"status.in"_s, u"active,inactive"_s}, {u"limit"_s, u"100"_s}};
    int total = 0;
    while (true) {
        const SandboxResponse response = api.handle(request);
        QCOMPARE(response.status, 200);
        const QJsonObject page = QJsonDocument::fromJson(response.body).object();
        total += int(page[u"data"].toArray().size());
        if (page[u"next_cursor"].isNull())
            break;
        request.query = {{u"status.in"_s, u"active,inactive"_s},
                         {u"cursor"_s, page[u"next_cursor"].toString()}};
    }
    QCOMPARE(total, 250);
    request.authorization = "Bearer nope";
    QCOMPARE(api.handle(request).status, 401);
}

void TestSandboxUnits::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("complaint"); // empty: accepted
    QTest::newRow("defaults") << QStringList() << QString();
    QTest::newRow("all") << QStringList{u"--port=0"_s,         u"--connections=1000000"_s,
                                        u"--applications=3"_s, u"--seed=18446744073709551615"_s,
                                        u"--api-key=k"_s,      u"--latency-ms=5"_s,
                                        u"--jitter-ms=5"_s,    u"--fail-rate=0.05"_s,
                                        u"--drop-rate=1"_s,    u"--rate-limit=100"_s}
                         << QString();
    QTest::newRow("port word") << QStringList{u"--port"_s, u"abc"_s} << u"--port"_s;
    QTest::newRow("port range") << QStringList{u"--port=65536"_s} << u"--port"_s;
    QTest::newRow("negative") << QStringList{u"--connections=-1"_s} << u"--connections"_s;
    QTest::newRow("no apps") << QStringList{u"--applications=0"_s} << u"--applications"_s;
    QTest::newRow("seed") << QStringList{u"--seed=x"_s} << u"--seed"_s;
    QTest::newRow("rate") << QStringList{u"--fail-rate=1.5"_s} << u"--fail-rate"_s;
    QTest::newRow("nan") << QStringList{u"--drop-rate=nan"_s} << u"--drop-rate"_s;
    QTest::newRow("rps") << QStringList{u"--rate-limit=-3"_s} << u"--rate-limit"_s;
    QTest::newRow("latency") << QStringList{u"--latency-ms=1.5"_s} << u"--latency-ms"_s;
    QTest::newRow("empty key") << QStringList{u"--api-key="_s} << u"--api-key"_s;
    QTest::newRow("tricky") << QStringList{u"--tricky"_s} << QString();
    QTest::newRow("tricky takes no value") << QStringList{u"--tricky=yes"_s} << u"tricky"_s;
    QTest::newRow("unknown") << QStringList{u"--bogus"_s} << u"bogus"_s;
    QTest::newRow("missing value") << QStringList{u"--port"_s} << u"port"_s;
    QTest::newRow("positional") << QStringList{u"extra"_s} << u"extra"_s;
}

void TestSandboxUnits::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, complaint);
    SandboxCommandLine commandLine;
    const auto outcome = commandLine.parse(QStringList{u"increase-sandbox"_s} + arguments);
    if (complaint.isEmpty()) {
        QCOMPARE(outcome, SandboxCommandLine::Outcome::Run);
        return;
    }
    QCOMPARE(outcome, SandboxCommandLine::Outcome::UsageError);
    QVERIFY2(commandLine.errorText().contains(complaint), qPrintable(commandLine.errorText()));
}

void TestSandboxUnits::commandLineValues()
{
    SandboxCommandLine commandLine;
    QCOMPARE(commandLine.parse({u"increase-sandbox"_s, u"--port"_s, u"0"_s, u"--fail-rate"_s,
                                u"0.25"_s, u"--api-key"_s, u"secret"_s}),
             SandboxCommandLine::Outcome::Run);
    const SandboxOptions options = commandLine.options();
    QCOMPARE(options.port, quint16(0));
    QCOMPARE(options.failRate, 0.25);
    QCOMPARE(options.apiKey, u"secret"_s);
    QCOMPARE(options.connections, 2500);
    QCOMPARE(options.applications, 8);
    QVERIFY(!options.tricky); // realistic names unless asked
    QCOMPARE(commandLine.parse({u"increase-sandbox"_s, u"--tricky"_s}),
             SandboxCommandLine::Outcome::Run);
    QVERIFY(commandLine.options().tricky);
    QVERIFY(commandLine.helpText().contains(u"--tricky"_s));
    // The usage line names the program, not the path this test was started from.
    QVERIFY2(commandLine.helpText().startsWith(u"Usage: increase-sandbox [options]\n"_s),
             qPrintable(commandLine.helpText()));
    QCOMPARE(SandboxCommandLine().parse({u"increase-sandbox"_s, u"--help"_s}),
             SandboxCommandLine::Outcome::ShowHelp);
}

QTEST_GUILESS_MAIN(TestSandboxUnits)
#include "tst_sandboxunits.moc"
