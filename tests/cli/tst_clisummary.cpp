// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clifixture.h"
#include "csvtable.h"
#include "sandboxserver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDay = 24 * 3600;

const QStringList kApplicationHeader = {
    u"oauth_application_id"_s, u"application_name"_s,         u"active"_s,         u"inactive"_s,
    u"created_last_30_days"_s, u"deactivated_last_30_days"_s, u"share_of_active"_s};
const QStringList kPeriodHeader = {u"period_start"_s, u"created"_s, u"deactivated"_s,
                                   u"active_at_end"_s};

qint64 seconds(const QJsonValue &timestamp)
{
    return QDateTime::fromString(timestamp.toString(), Qt::ISODate).toSecsSinceEpoch();
}

QUrlQuery statusQuery(const QString &statuses)
{
    QUrlQuery query;
    if (!statuses.isEmpty())
        query.addQueryItem(u"status.in"_s, statuses);
    return query;
}

// One application's figures, counted here straight from the listing.
struct Expected
{
    QString id;
    QJsonValue name;
    qint64 active = 0;
    qint64 inactive = 0;
    qint64 created30 = 0;
    qint64 deactivated30 = 0;
};

QList<Expected> byApplication(const QList<QJsonObject> &rows, qint64 now,
                              const QHash<QString, QJsonValue> &names)
{
    QMap<QString, Expected> figures;
    for (const QJsonObject &row : rows) {
        const QString id = row.value(u"oauth_application_id"_s).toString();
        Expected &e = figures[id];
        e.id = id;
        e.name = names.value(id, QJsonValue(QJsonValue::Null));
        const QString status = row.value(u"status"_s).toString();
        e.active += status == "active"_L1;
        e.inactive += status == "inactive"_L1;
        const qint64 created = seconds(row.value(u"created_at"_s));
        e.created30 += created >= now - 30 * kDay && created <= now;
        if (!row.value(u"deleted_at"_s).isNull()) {
            const qint64 deleted = seconds(row.value(u"deleted_at"_s));
            e.deactivated30 += deleted >= now - 30 * kDay && deleted <= now;
        }
    }
    QList<Expected> list = figures.values();
    std::sort(list.begin(), list.end(), [](const Expected &a, const Expected &b) {
        return a.active != b.active ? a.active > b.active : a.id < b.id;
    });
    return list;
}

// What a CSV cell holds for a text: the OWASP guard as the README states it.
QString guarded(const QString &text)
{
    static const QString starts = u"=+-@\t\r"_s;
    return !text.isEmpty() && starts.contains(text.front()) ? u"'"_s + text : text;
}

QString share(qint64 active, qint64 total)
{
    return QString::number(total > 0 ? double(active) / double(total) : 0.0, 'f', 4);
}

enum class Period { Day, Week, Month };

QDate periodStart(QDate day, Period period)
{
    switch (period) {
    case Period::Day:
        return day;
    case Period::Week:
        return day.addDays(1 - day.dayOfWeek());
    case Period::Month:
        return QDate(day.year(), day.month(), 1);
    }
    return {};
}

QDate nextStart(QDate start, Period period)
{
    switch (period) {
    case Period::Day:
        return start.addDays(1);
    case Period::Week:
        return start.addDays(7);
    case Period::Month:
        return start.addMonths(1);
    }
    return {};
}

// The period rows, counted here: every period from the oldest row's to now's.
QList<QStringList> byPeriod(const QList<QJsonObject> &rows, qint64 now, Period period,
                            const QTimeZone &zone)
{
    const auto dayOf = [&](qint64 t) {
        return QDateTime::fromSecsSinceEpoch(t, zone).date();
    };
    struct Span
    {
        qint64 created;
        std::optional<qint64> deleted; // never before created: deactivated as it was created
    };
    QList<Span> spans;
    qint64 oldest = now;
    for (const QJsonObject &row : rows) {
        Span span{seconds(row.value(u"created_at"_s)), std::nullopt};
        if (!row.value(u"deleted_at"_s).isNull())
            span.deleted = std::max(span.created, seconds(row.value(u"deleted_at"_s)));
        oldest = std::min(oldest, span.created);
        spans.append(span);
    }
    QList<QStringList> out;
    const QDate last = periodStart(dayOf(now), period);
    for (QDate start = periodStart(dayOf(oldest), period); start <= last;
         start = nextStart(start, period)) {
        const qint64 from = QDateTime(start, QTime(0, 0), zone).toSecsSinceEpoch();
        const qint64 to = QDateTime(nextStart(start, period), QTime(0, 0), zone).toSecsSinceEpoch();
        qint64 created = 0, deactivated = 0, activeAtEnd = 0;
        for (const Span &span : spans) {
            created += span.created >= from && span.created < to;
            deactivated += span.deleted && *span.deleted >= from && *span.deleted < to;
            activeAtEnd += span.created < to && (!span.deleted || *span.deleted >= to);
        }
        out.append({start.toString(Qt::ISODate), QString::number(created),
                    QString::number(deactivated), QString::number(activeAtEnd)});
    }
    return out;
}

QList<QStringList> parseCsv(const QByteArray &bytes)
{
    QString error;
    const QList<QStringList> table = CsvTable::parse(bytes, &error);
    if (!error.isEmpty())
        qWarning("not RFC 4180: %s", qPrintable(error));
    return table;
}

} // namespace

// `summary` end to end: the real binary against the local sandbox, each figure compared
// with one counted here from the sandbox's full listing.
class TestCliSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxOptions options;
        options.connections = 1200;
        options.applications = 5;
        options.seed = 11;
        options.tricky = true; // a null name and formula-shaped ones
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
        m_all = m_cli.connections(statusQuery(u"active,inactive"_s));
        QCOMPARE(m_all.size(), 1200);
        for (const QJsonObject &application : m_cli.applications())
            m_names.insert(application.value(u"id"_s).toString(), application.value(u"name"_s));
        QVERIFY(!m_names.isEmpty());

        // "Now" a few days after the newest timestamp: the last 30 days hold some of each.
        qint64 newest = 0;
        for (const QJsonObject &row : m_all) {
            newest = std::max(newest, seconds(row.value(u"created_at"_s)));
            if (!row.value(u"deleted_at"_s).isNull())
                newest = std::max(newest, seconds(row.value(u"deleted_at"_s)));
        }
        m_now = newest + 3 * kDay + 1234;
        m_nowText = QDateTime::fromSecsSinceEpoch(m_now, QTimeZone::utc()).toString(Qt::ISODate);
    }

    void init()
    {
        m_cli.sandbox().setFailRate(0);
        m_cli.sandbox().setDropRate(0);
    }

    void cleanup() { m_cli.verifyKeyNeverShown(); }

    void byApplicationCsvEqualsTheListing_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("statusIn");
        QTest::newRow("default: the API's (active)") << QStringList{} << u""_s;
        QTest::newRow("all") << QStringList{u"--status"_s, u"all"_s} << u"active,inactive"_s;
        QTest::newRow("inactive") << QStringList{u"--status"_s, u"inactive"_s} << u"inactive"_s;
    }

    void byApplicationCsvEqualsTheListing()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, statusIn);
        const QList<QJsonObject> rows = m_cli.connections(statusQuery(statusIn));
        QVERIFY(!rows.isEmpty());
        const QList<Expected> expected = byApplication(rows, m_now, m_names);
        qint64 totalActive = 0, created30 = 0, deactivated30 = 0;
        for (const Expected &e : expected) {
            totalActive += e.active;
            created30 += e.created30;
            deactivated30 += e.deactivated30;
        }
        if (statusIn.isEmpty() || statusIn.contains("inactive"_L1))
            QVERIFY(created30 > 0 || deactivated30 > 0); // the window is not empty

        const CliRun run = m_cli.run(
            m_cli.baseUrlFlag() +
            QStringList{u"summary"_s, u"--format"_s, u"csv"_s, u"--now"_s, m_nowText} + flags);

        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QList<QStringList> table = parseCsv(run.out);
        QCOMPARE(table.size(), expected.size() + 1); // no total line in CSV
        QCOMPARE(table.first(), kApplicationHeader);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const Expected &e = expected.at(i);
            const QStringList wanted = {e.id,
                                        guarded(e.name.toString()), // null: an empty field
                                        QString::number(e.active),
                                        QString::number(e.inactive),
                                        QString::number(e.created30),
                                        QString::number(e.deactivated30),
                                        share(e.active, totalActive)};
            QCOMPARE(table.at(i + 1), wanted);
        }
    }

    void inactiveHasNoActiveConnections()
    {
        const CliRun run = m_cli.run(m_cli.baseUrlFlag() +
                                     QStringList{u"summary"_s, u"--status"_s, u"inactive"_s,
                                                 u"--format"_s, u"csv"_s, u"--now"_s, m_nowText});

        QCOMPARE(run.exitCode, 0);
        const QList<QStringList> table = parseCsv(run.out);
        QVERIFY(table.size() > 1);
        qint64 inactive = 0;
        for (const QStringList &row : table.mid(1)) {
            QCOMPARE(row.at(2), u"0"_s);
            QCOMPARE(row.at(6), u"0.0000"_s);
            inactive += row.at(3).toLongLong();
        }
        QCOMPARE(inactive, m_cli.connections(statusQuery(u"inactive"_s)).size());
    }

    void applicationNarrowsToOneRow()
    {
        const QString application = m_all.last().value(u"oauth_application_id"_s).toString();
        QList<QJsonObject> rows;
        for (const QJsonObject &row : m_all)
            if (row.value(u"oauth_application_id"_s).toString() == application)
                rows.append(row);
        QVERIFY(!rows.isEmpty() && rows.size() < m_all.size());
        const Expected e = byApplication(rows, m_now, m_names).first();

        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() +
                      QStringList{u"summary"_s, u"--status"_s, u"all"_s, u"--application"_s,
                                  application, u"--format"_s, u"csv"_s, u"--now"_s, m_nowText});

        QCOMPARE(run.exitCode, 0);
        const QList<QStringList> table = parseCsv(run.out);
        QCOMPARE(table.size(), 2);
        QCOMPARE(table.at(1).at(0), application);
        QCOMPARE(table.at(1).at(2), QString::number(e.active));
        QCOMPARE(table.at(1).at(3), QString::number(e.inactive));
        QCOMPARE(table.at(1).at(6), e.active > 0 ? u"1.0000"_s : u"0.0000"_s);
    }

    void jsonLinesParse()
    {
        const QList<Expected> expected = byApplication(m_all, m_now, m_names);
        qint64 totalActive = 0;
        for (const Expected &e : expected)
            totalActive += e.active;

        const CliRun run = m_cli.run(m_cli.baseUrlFlag() +
                                     QStringList{u"summary"_s, u"--status"_s, u"all"_s,
                                                 u"--format"_s, u"jsonl"_s, u"--now"_s, m_nowText});

        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.endsWith('\n'));
        const QList<QByteArray> lines = run.out.chopped(1).split('\n');
        QCOMPARE(lines.size(), expected.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QVERIFY2(lines.at(i).startsWith("{\"oauth_application_id\":"), lines.at(i).data());
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &error);
            QVERIFY2(document.isObject(), qPrintable(error.errorString()));
            const QJsonObject object = document.object();
            QCOMPARE(object.keys().size(), kApplicationHeader.size());
            const Expected &e = expected.at(i);
            QCOMPARE(object.value(u"oauth_application_id"_s).toString(), e.id);
            QCOMPARE(object.value(u"application_name"_s), e.name); // null stays null
            QVERIFY(object.value(u"active"_s).isDouble());
            QCOMPARE(object.value(u"active"_s).toInteger(), e.active);
            QCOMPARE(object.value(u"inactive"_s).toInteger(), e.inactive);
            QCOMPARE(object.value(u"created_last_30_days"_s).toInteger(), e.created30);
            QCOMPARE(object.value(u"deactivated_last_30_days"_s).toInteger(), e.deactivated30);
            QVERIFY(object.value(u"share_of_active"_s).isDouble());
            QCOMPARE(QString::number(object.value(u"share_of_active"_s).toDouble(), 'f', 4),
                     share(e.active, totalActive));
        }
    }

    void textHasAlignedColumnsAndATotal()
    {
        qint64 active = 0, inactive = 0;
        for (const QJsonObject &row : m_all)
            (row.value(u"status"_s).toString() == "active"_L1 ? active : inactive) += 1;

        // Text is the default format.
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() +
                      QStringList{u"summary"_s, u"--status"_s, u"all"_s, u"--now"_s, m_nowText});

        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.chopped(1).split('\n');
        QCOMPARE(lines.size(), byApplication(m_all, m_now, m_names).size() + 2);
        QVERIFY(lines.first().startsWith("oauth_application_id"));
        const QList<QByteArray> total = lines.last().simplified().split(' ');
        QCOMPARE(total.first(), "total");
        QCOMPARE(total.at(1).toLongLong(), active);
        QCOMPARE(total.at(2).toLongLong(), inactive);
        QCOMPARE(total.last(), "1.0000");
        // Aligned: every share ends in the same column as its header.
        const qsizetype end = QString::fromUtf8(lines.first()).size();
        for (const QByteArray &line : lines)
            QCOMPARE(QString::fromUtf8(line).size(), end);
    }

    void byPeriodEqualsTheListing_data()
    {
        QTest::addColumn<QString>("by");
        QTest::addColumn<int>("period");
        QTest::newRow("week") << u"week"_s << int(Period::Week);
        QTest::newRow("month") << u"month"_s << int(Period::Month);
        QTest::newRow("day") << u"day"_s << int(Period::Day);
    }

    void byPeriodEqualsTheListing()
    {
        QFETCH(QString, by);
        QFETCH(int, period);
        const QList<QStringList> expected =
            byPeriod(m_all, m_now, Period(period), QTimeZone::utc());
        qint64 active = 0;
        for (const QJsonObject &row : m_all)
            active += row.value(u"status"_s).toString() == "active"_L1;
        QVERIFY(active > 0);
        QCOMPARE(expected.last().at(3), QString::number(active));

        const CliRun run = m_cli.run(
            m_cli.baseUrlFlag() + QStringList{u"summary"_s, u"--by"_s, by, u"--status"_s, u"all"_s,
                                              u"--format"_s, u"csv"_s, u"--now"_s, m_nowText});

        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QList<QStringList> table = parseCsv(run.out);
        QCOMPARE(table.first(), kPeriodHeader);
        QCOMPARE(table.size(), expected.size() + 1);
        QCOMPARE(table.last().at(3), QString::number(active)); // active at the end: all active
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(table.at(i + 1), expected.at(i));
    }

    void localTimeUsesTheMachinesZone()
    {
        // UTC+14: most days' boundaries differ from UTC's.
        const QTimeZone zone("Pacific/Kiritimati");
        QVERIFY(zone.isValid());
        const QList<QStringList> local = byPeriod(m_all, m_now, Period::Day, zone);
        const QList<QStringList> utc = byPeriod(m_all, m_now, Period::Day, QTimeZone::utc());
        QVERIFY(local != utc);
        QProcessEnvironment environment = CliRunner::environment(CliFixture::apiKey());
        environment.insert(u"TZ"_s, u"Pacific/Kiritimati"_s);
        const QStringList flags =
            m_cli.baseUrlFlag() + QStringList{u"summary"_s,  u"--by"_s,  u"day"_s,
                                              u"--status"_s, u"all"_s,   u"--format"_s,
                                              u"csv"_s,      u"--now"_s, m_nowText};

        const CliRun inLocal = m_cli.run(flags + QStringList{u"--local-time"_s}, environment);
        const CliRun inUtc = m_cli.run(flags, environment);

        QCOMPARE(inLocal.exitCode, 0);
        QCOMPARE(parseCsv(inLocal.out).mid(1), local);
        QCOMPARE(inUtc.exitCode, 0);
        QCOMPARE(parseCsv(inUtc.out).mid(1), utc);
    }

    void writesTheOutputFile()
    {
        const QString path = m_dir.filePath(u"summary.csv"_s);
        const QStringList flags =
            m_cli.baseUrlFlag() +
            QStringList{u"summary"_s, u"--format"_s, u"csv"_s, u"--now"_s, m_nowText};

        const CliRun toStdout = m_cli.run(flags + QStringList{u"--output"_s, u"-"_s});
        const CliRun toFile = m_cli.run(flags + QStringList{u"--output"_s, path});

        QCOMPARE(toStdout.exitCode, 0);
        QCOMPARE(toFile.exitCode, 0);
        QVERIFY(toFile.out.isEmpty());
        QVERIFY(toStdout.out.startsWith("oauth_application_id,"));
        QCOMPARE(m_cli.readFile(path), toStdout.out);
    }

    void unwritableOutputLeavesNothing()
    {
        // Under a regular file: no folder to write in, whoever runs the test (root too).
        const QString file = m_dir.filePath(u"plain-file"_s);
        QVERIFY(CliFixture::writeFile(file, "x"));
        const QString path = file + u"/summary.csv"_s;
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);

        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"summary"_s, u"--output"_s, path});

        QVERIFY(run.exitCode != 0);
        QVERIFY(run.normalExit);
        QVERIFY2(QString::fromUtf8(run.err).contains(path), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), before);
    }

    void failedListingKeepsThePreviousFile()
    {
        const QString path = m_dir.filePath(u"previous.csv"_s);
        const QByteArray previous = CliFixture::previousExport();
        QVERIFY(CliFixture::writeFile(path, previous));
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        m_cli.sandbox().setFailRate(1.0);

        const CliRun run = m_cli.run(m_cli.baseUrlFlag() +
                                     QStringList{u"summary"_s, u"--by"_s, u"week"_s, u"--output"_s,
                                                 path, u"--max-retries"_s, u"0"_s});

        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("error:"), run.err.constData());
        QCOMPARE(m_cli.readFile(path), previous);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), before); // no temp
    }

    void usageError_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("message");
        QTest::newRow("by year") << QStringList{u"--by"_s, u"year"_s} << u"--by"_s;
        QTest::newRow("format xml") << QStringList{u"--format"_s, u"xml"_s} << u"--format"_s;
        QTest::newRow("status deleted")
            << QStringList{u"--status"_s, u"deleted"_s} << u"--status"_s;
        QTest::newRow("application not an id")
            << QStringList{u"--application"_s, u"a/b"_s} << u"--application"_s;
        QTest::newRow("now not a date") << QStringList{u"--now"_s, u"today"_s} << u"--now"_s;
        QTest::newRow("now without a zone")
            << QStringList{u"--now"_s, u"2026-01-31T07:00:00"_s} << u"no time zone"_s;
        QTest::newRow("local time by application")
            << QStringList{u"--local-time"_s} << u"--local-time"_s;
        QTest::newRow("an argument") << QStringList{u"extra"_s} << u"extra"_s;
    }

    void usageError()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, message);
        const qint64 before = m_cli.sandbox().requestsReceived();

        const CliRun run = m_cli.run(m_cli.baseUrlFlag() + QStringList{u"summary"_s} + flags);

        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QCOMPARE(m_cli.sandbox().requestsReceived(), before); // nothing was sent
    }

    void helpNamesTheFlags()
    {
        const CliRun run = m_cli.run({u"summary"_s, u"--help"_s});

        QCOMPARE(run.exitCode, 0);
        for (const char *flag :
             {"--by", "--status", "--application", "--format", "--output", "--local-time", "--now"})
            QVERIFY2(run.out.contains(flag), flag);
        QVERIFY(run.out.contains("UTC"));
    }

private:
    CliFixture m_cli;
    QTemporaryDir m_dir;
    QList<QJsonObject> m_all;
    QHash<QString, QJsonValue> m_names;
    qint64 m_now = 0;
    QString m_nowText;
};

QTEST_GUILESS_MAIN(TestCliSummary)
#include "tst_clisummary.moc"
