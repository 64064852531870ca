// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clifixture.h"
#include "csvtable.h"
#include "sandboxserver.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kDefaultHeader =
    "id,created_at,deleted_at,group_id,oauth_application_id,status,type\r\n";

QByteArray csvLine(const QJsonObject &c)
{
    const QStringList fields = {
        c.value(u"id"_s).toString(),         c.value(u"created_at"_s).toString(),
        c.value(u"deleted_at"_s).toString(), // null reads as an empty string
        c.value(u"group_id"_s).toString(),   c.value(u"oauth_application_id"_s).toString(),
        c.value(u"status"_s).toString(),     c.value(u"type"_s).toString(),
    };
    return fields.join(u',').toUtf8() + "\r\n";
}

QByteArray expectedCsv(const QList<QJsonObject> &connections)
{
    QByteArray out = kDefaultHeader;
    for (const QJsonObject &c : connections)
        out += csvLine(c);
    return out;
}

QUrlQuery statusQuery(const QString &statuses)
{
    QUrlQuery query;
    if (!statuses.isEmpty())
        query.addQueryItem(u"status.in"_s, statuses);
    return query;
}

} // namespace

// `export` end to end: the real binary against the local sandbox, compared with what the
// sandbox serves when read directly.
class TestCliExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.connections = 1000;
        options.applications = 4;
        options.seed = 7;
        options.tricky = true; // a null name and formula-shaped ones reach the exports
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
        m_all = m_cli.connections(statusQuery(u"active,inactive"_s));
        QCOMPARE(m_all.size(), 1000);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_cli.sandbox().setLatency(0, 0);
        m_cli.sandbox().setFailRate(0);
        m_cli.sandbox().setDropRate(0);
    }

    void cleanup() { m_cli.verifyKeyNeverShown(); }

    void exportsExactlyTheServersRows_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("statusIn");
        QTest::newRow("default: the API's (active)") << QStringList{} << u""_s;
        QTest::newRow("all") << QStringList{u"--status"_s, u"all"_s} << u"active,inactive"_s;
        QTest::newRow("inactive") << QStringList{u"--status"_s, u"inactive"_s} << u"inactive"_s;
        QTest::newRow("inactive,active")
            << QStringList{u"--status"_s, u"inactive,active"_s} << u"active,inactive"_s;
    }

    void exportsExactlyTheServersRows()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, statusIn);
        const QList<QJsonObject> expected = m_cli.connections(statusQuery(statusIn));
        QVERIFY(!expected.isEmpty());
        const QString path = m_dir.filePath(u"rows.csv"_s);

        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--output"_s, path} + flags);

        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QCOMPARE(m_cli.readFile(path), expectedCsv(expected));
    }

    void exportsToStandardOutputByDefault()
    {
        const CliRun run = m_cli.run(m_cli.baseUrlFlag() + QStringList{u"export"_s});

        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, expectedCsv(m_cli.connections()));
    }

    void filtersByApplication()
    {
        const QString application = m_all.first().value(u"oauth_application_id"_s).toString();
        QUrlQuery query = statusQuery(u"active,inactive"_s);
        query.addQueryItem(u"oauth_application_id"_s, application);
        const QList<QJsonObject> expected = m_cli.connections(query);
        QVERIFY(!expected.isEmpty() && expected.size() < m_all.size());

        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--status"_s, u"all"_s,
                                                        u"--application"_s, application});

        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, expectedCsv(expected));
    }

    void writesJsonLines()
    {
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() +
                      QStringList{u"export"_s, u"--status"_s, u"all"_s, u"--format"_s, u"jsonl"_s});

        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.endsWith('\n'));
        const QList<QByteArray> lines = run.out.chopped(1).split('\n');
        QCOMPARE(lines.size(), m_all.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QVERIFY(lines.at(i).startsWith("{\"id\":\""));
            QCOMPARE(QJsonDocument::fromJson(lines.at(i)).object(), m_all.at(i));
        }
    }

    void namesApplicationsInJsonLines()
    {
        QHash<QString, QJsonValue> names;
        for (const QJsonObject &application : m_cli.applications())
            names.insert(application.value(u"id"_s).toString(), application.value(u"name"_s));
        QVERIFY(!names.isEmpty());

        const CliRun run = m_cli.run(
            m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--status"_s, u"all"_s, u"--format"_s,
                                              u"jsonl"_s, u"--with-application-name"_s});

        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.chopped(1).split('\n');
        QCOMPARE(lines.size(), m_all.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            QVERIFY(line.indexOf("\"oauth_application_id\"") <
                    line.indexOf("\"oauth_application_name\""));
            QVERIFY(line.indexOf("\"oauth_application_name\"") < line.indexOf("\"status\""));
            QJsonObject object = QJsonDocument::fromJson(line).object();
            const QJsonValue name = object.take(u"oauth_application_name"_s);
            QCOMPARE(object, m_all.at(i));
            QCOMPARE(name, names.value(object.value(u"oauth_application_id"_s).toString()));
        }
    }

    void applicationNameColumnPlacement_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("default columns")
            << QStringList{}
            << QByteArray("id,created_at,deleted_at,group_id,oauth_application_id,"
                          "oauth_application_name,status,type");
        QTest::newRow("after the application id")
            << QStringList{u"--columns"_s, u"id,oauth_application_id,status"_s}
            << QByteArray("id,oauth_application_id,oauth_application_name,status");
        QTest::newRow("last without the application id")
            << QStringList{u"--columns"_s, u"status,id"_s}
            << QByteArray("status,id,oauth_application_name");
        QTest::newRow("already chosen")
            << QStringList{u"--columns"_s, u"oauth_application_name,id"_s}
            << QByteArray("oauth_application_name,id");
    }

    void applicationNameColumnPlacement()
    {
        QFETCH(QStringList, flags);
        QFETCH(QByteArray, header);

        const CliRun run = m_cli.run(
            m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--with-application-name"_s} + flags);

        QCOMPARE(run.exitCode, 0);
        QString error;
        const QList<QStringList> table = CsvTable::parse(run.out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(run.out.left(run.out.indexOf("\r\n")), header);
        QCOMPARE(table.size(), m_cli.connections().size() + 1);
    }

    void startsWithByteOrderMarkOnRequest()
    {
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--bom"_s, u"--quiet"_s});

        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, "\xEF\xBB\xBF" + expectedCsv(m_cli.connections()));
    }

    void survivesInjectedFaults()
    {
        m_cli.sandbox().setFailRate(0.1);
        m_cli.sandbox().setDropRate(0.1);
        const QString path = m_dir.filePath(u"faults.csv"_s);

        const CliRun run = m_cli.run(m_cli.baseUrlFlag() +
                                     QStringList{u"export"_s, u"--status"_s, u"all"_s,
                                                 u"--output"_s, path, u"--max-retries"_s, u"8"_s});

        QCOMPARE(run.exitCode, 0);
        QCOMPARE(m_cli.readFile(path), expectedCsv(m_all));
    }

    void signalCancelsAndLeavesNoFile_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<bool>("previousFile");
        QTest::newRow("SIGINT, no file before") << int(SIGINT) << false;
        QTest::newRow("SIGINT, previous file kept") << int(SIGINT) << true;
        QTest::newRow("SIGTERM, no file before") << int(SIGTERM) << false;
        QTest::newRow("SIGTERM, previous file kept") << int(SIGTERM) << true;
    }

    void signalCancelsAndLeavesNoFile()
    {
        QFETCH(int, signalNumber);
        QFETCH(bool, previousFile);
        m_cli.sandbox().setLatency(200, 0);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"connections.csv"_s);
        const QByteArray previous = CliFixture::previousExport();
        if (previousFile)
            QVERIFY(CliFixture::writeFile(path, previous));
        const qint64 served = m_cli.sandbox().requestsServed();

        const CliRun run = m_cli.run(
            m_cli.baseUrlFlag() +
                QStringList{u"export"_s, u"--status"_s, u"all"_s, u"--output"_s, path},
            CliFixture::apiKey(), [&](QProcess &process) {
                // Mid-way: some pages written, more to come (10 pages at 200 ms each).
                QVERIFY(QTest::qWaitFor(
                    [&] { return m_cli.sandbox().requestsServed() >= served + 2; }, 20000));
                ::kill(pid_t(process.processId()), signalNumber);
            });

        QVERIFY(run.normalExit);
        QCOMPARE(run.exitCode, 128 + signalNumber);
        QVERIFY(m_cli.sandbox().requestsServed() < served + 10);
        const QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        if (previousFile) {
            QCOMPARE(left, QStringList{u"connections.csv"_s});
            QCOMPARE(m_cli.readFile(path), previous);
        } else {
            QVERIFY2(left.isEmpty(), qPrintable(left.join(u", "_s)));
        }
    }

    void fullDiskOnStandardOutputIsAnError()
    {
        if (!QFile::exists(u"/dev/full"_s))
            QSKIP("no /dev/full on this system");
        const CliRun run =
            CliRunner::run(m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--status"_s, u"all"_s},
                           CliRunner::environment(CliFixture::apiKey()), {}, 60000, u"/dev/full"_s);
        QVERIFY(run.normalExit);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("No space left on device"), run.err.constData());
        QVERIFY2(run.err.contains("incomplete"), run.err.constData());
        QVERIFY(!run.err.contains(CliFixture::apiKey().toUtf8()));
    }

    void closedStandardOutputEndsQuietly()
    {
        // A real pipe into `head -c 1`, which exits after one byte: the next write gets
        // EPIPE, as with `increase-connections export | head`.
        m_cli.sandbox().setLatency(100, 0);
        const qint64 served = m_cli.sandbox().requestsServed();
        QProcess head;
        QProcess cli;
        cli.setProcessEnvironment(CliRunner::environment(CliFixture::apiKey()));
        cli.setStandardOutputProcess(&head);
        head.start(u"head"_s, {u"-c"_s, u"1"_s});
        cli.start(QStringLiteral(IC_CLI_PATH),
                  m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--status"_s, u"all"_s});
        QVERIFY(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 30000));
        head.waitForFinished(5000);
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(err.isEmpty(), err.constData());
        QCOMPARE(head.readAllStandardOutput(), QByteArray("i"));
        // It stopped at the first failed write instead of listing all 25 pages. (At this
        // latency the automatic --parallel lists the applications alongside the first
        // page and writes that page before any stream starts.)
        QVERIFY2(m_cli.sandbox().requestsServed() - served < 10,
                 QByteArray::number(m_cli.sandbox().requestsServed() - served).constData());
    }

    void verboseLogsOneLinePerExchange()
    {
        const qint64 served = m_cli.sandbox().requestsServed();
        const QString path = m_dir.filePath(u"verbose.csv"_s);

        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"--verbose"_s, u"export"_s, u"--status"_s,
                                                        u"all"_s, u"--output"_s, path});

        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        QCOMPARE(qint64(lines.size()), m_cli.sandbox().requestsServed() - served);
        for (const QByteArray &line : lines) {
            QVERIFY2(line.contains(" GET /oauth_connections?"), line.constData());
            QVERIFY2(line.contains(" -> 200 (attempt 1, "), line.constData());
            QVERIFY2(line.contains(" bytes)"), line.constData());
        }
        QVERIFY(m_cli.readFile(path).startsWith(kDefaultHeader));
    }

    void verboseShowsRetries()
    {
        // Every failed attempt gets its line with the error type and the wait, and the
        // retry that follows says which attempt it is.
        m_cli.sandbox().setFailRate(0.3);
        const QString path = m_dir.filePath(u"verbose-retries.csv"_s);

        const CliRun run = m_cli.run(m_cli.baseUrlFlag() +
                                     QStringList{u"--verbose"_s, u"--max-retries"_s, u"10"_s,
                                                 u"export"_s, u"--parallel"_s, u"1"_s,
                                                 u"--status"_s, u"all"_s, u"--output"_s, path});
        m_cli.sandbox().setFailRate(0);

        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        qsizetype failures = 0;
        qsizetype retries = 0;
        for (const QByteArray &line : lines) {
            if (line.contains(" -> 500 internal_server_error (attempt ")) {
                ++failures;
                QVERIFY2(line.contains(" bytes, retry in "), line.constData());
            }
            if (line.contains(" -> 200 (attempt ") && !line.contains("(attempt 1, "))
                ++retries;
        }
        QVERIFY2(failures > 0, run.err.constData());
        QVERIFY2(retries > 0, run.err.constData());
        QVERIFY(m_cli.readFile(path).startsWith(kDefaultHeader));
    }

    void wrongKeyFailsWithTheApiErrorType()
    {
        const QString path = m_dir.filePath(u"wrong-key.csv"_s);

        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--output"_s, path},
                      u"ic_wrong_key_5678"_s);

        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("invalid_api_key_error"), run.err.constData());
        QVERIFY2(run.err.contains("HTTP 401"), run.err.constData());
        QVERIFY(!run.err.contains("ic_wrong_key_5678"));
        QVERIFY(!QFile::exists(path));
    }

private:
    CliFixture m_cli;
    QTemporaryDir m_dir;
    QList<QJsonObject> m_all;
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
