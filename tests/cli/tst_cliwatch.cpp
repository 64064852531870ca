// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clifixture.h"
#include "directfetch.h"
#include "sandboxserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

QList<QJsonObject> jsonLines(const QByteArray &out, bool *complete)
{
    QList<QJsonObject> lines;
    *complete = true;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject()) {
            *complete = false; // a line cut by SIGKILL: the run printed nothing after it
            continue;
        }
        lines.append(document.object());
    }
    return lines;
}

} // namespace

// `watch`, end to end with the real binary against a churning local sandbox.
class TestCliWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxOptions options;
        options.connections = 150;
        options.applications = 4;
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
    }

    void init()
    {
        m_cli.sandbox().setChurn(0);
        m_cli.sandbox().setFailRate(0);
        m_cli.sandbox().setDropRate(0);
        m_cli.sandbox().setRateLimit(0);
        m_cli.sandbox().setLatency(0, 0);
    }

    void cleanup() { m_cli.verifyKeyNeverShown(); }

    void usageError_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QByteArray>("stateFile");
        QTest::addColumn<QString>("message");
        QTest::newRow("interval below 5")
            << QStringList{u"--interval"_s, u"4"_s} << QByteArray() << u"--interval"_s;
        QTest::newRow("interval not a number")
            << QStringList{u"--interval"_s, u"5s"_s} << QByteArray() << u"--interval"_s;
        QTest::newRow("since not a date")
            << QStringList{u"--since"_s, u"yesterday"_s} << QByteArray() << u"--since"_s;
        QTest::newRow("since without a zone") << QStringList{u"--since"_s, u"2026-01-31T07:00:00"_s}
                                              << QByteArray() << u"no time zone"_s;
        QTest::newRow("bad format")
            << QStringList{u"--format"_s, u"csv"_s} << QByteArray() << u"--format"_s;
        QTest::newRow("bad status")
            << QStringList{u"--status"_s, u"deleted"_s} << QByteArray() << u"--status"_s;
        QTest::newRow("corrupt state file")
            << QStringList() << QByteArray("{\"format\": 1") << u"corrupt"_s;
        QTest::newRow("state file of something else")
            << QStringList() << QByteArray("{\"since\": \"2026-01-01T00:00:00Z\"}") << u"corrupt"_s;
    }

    void usageError()
    {
        QFETCH(QStringList, flags);
        QFETCH(QByteArray, stateFile);
        QFETCH(QString, message);
        QStringList arguments = m_cli.baseUrlFlag() + QStringList{u"watch"_s, u"--once"_s} + flags;
        const QString path = m_dir.filePath(u"usage-state.json"_s);
        if (!stateFile.isNull()) {
            QVERIFY(CliFixture::writeFile(path, stateFile));
            arguments << u"--state-file"_s << path;
        }
        const qint64 before = m_cli.sandbox().requestsReceived();

        const CliRun run = m_cli.run(arguments);

        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QCOMPARE(m_cli.sandbox().requestsReceived(), before); // nothing was sent
        if (!stateFile.isNull())                              // never reset silently
            QCOMPARE(m_cli.readFile(path), stateFile);
    }

    // Runs of `watch --once --state-file` against churn, 500s, cut bodies and a rate limit,
    // some killed with SIGKILL mid-way: across the runs, every change exactly once.
    void onceRunsReportEveryChangeExactlyOnce()
    {
        const QString state = m_dir.filePath(u"state.json"_s);
        const QStringList flags =
            m_cli.baseUrlFlag() + QStringList{u"watch"_s, u"--once"_s,        u"--state-file"_s,
                                              state,      u"--max-retries"_s, u"8"_s};
        // No state and no --since: now, by the server's clock; nothing to print yet.
        const CliRun first = m_cli.run(flags);
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.isEmpty());
        const QJsonObject saved = QJsonDocument::fromJson(m_cli.readFile(state)).object();
        const QString since = saved.value(u"since"_s).toString();
        QVERIFY2(!since.isEmpty(), m_cli.readFile(state).constData());

        m_cli.sandbox().setChurn(1200);
        m_cli.sandbox().setFailRate(0.05);
        m_cli.sandbox().setDropRate(0.05);
        m_cli.sandbox().setRateLimit(80);
        m_cli.sandbox().setLatency(5, 10);

        QList<QJsonObject> printed;
        int killed = 0;
        for (int i = 0; i < 6; ++i) {
            QTest::qWait(700);
            QElapsedTimer took;
            took.start();
            const bool kill = i % 3 == 1;
            const int killAfterMs = 80 + int(QRandomGenerator::global()->bounded(400));
            const CliRun run = m_cli.run(flags, CliFixture::apiKey(), [&](QProcess &process) {
                if (!kill)
                    return;
                QTest::qWait(killAfterMs);
                if (process.state() == QProcess::Running)
                    ::kill(pid_t(process.processId()), SIGKILL);
            });
            if (kill && !run.normalExit) {
                ++killed;
            } else {
                QVERIFY2(run.normalExit && run.exitCode == 0, run.err.constData());
            }
            bool complete = false;
            printed += jsonLines(run.out, &complete);
            qInfo("run %d: %lld ms, %s", i, took.elapsed(), run.normalExit ? "ended" : "killed");
            QVERIFY(complete || (kill && !run.normalExit));
        }
        QVERIFY2(killed > 0, "no run was killed mid-way");

        // The churn stops; a last run with no faults catches up.
        m_cli.sandbox().setChurn(0);
        init();
        const CliRun last = m_cli.run(flags);
        QVERIFY2(last.exitCode == 0, last.err.constData());
        bool complete = false;
        printed += jsonLines(last.out, &complete);
        QVERIFY(complete);

        QUrlQuery query;
        query.addQueryItem(u"category.in"_s,
                           u"oauth_connection.created,oauth_connection.deactivated"_s);
        query.addQueryItem(u"created_at.on_or_after"_s, since.left(19) + u"Z"_s);
        const QList<QJsonObject> events =
            DirectFetch::list(QUrl(m_cli.baseUrl()), CliFixture::apiKey(), u"/events"_s, query);
        QVERIFY(events.size() > 50);
        QStringList expected;
        for (const QJsonObject &event : events)
            expected.append(event.value(u"id"_s).toString());
        QStringList got;
        for (const QJsonObject &line : printed) {
            got.append(line.value(u"event_id"_s).toString());
            const QJsonObject connection = line.value(u"connection"_s).toObject();
            QCOMPARE(connection.size(), 7);
            QVERIFY(connection.value(u"id"_s).toString().startsWith("connection_"_L1));
        }
        // Each once, and the same ids as GET /events over the whole span. (Ids order only
        // within a batch: an event of the same second may become visible a poll later.)
        QCOMPARE(got.size(), QSet<QString>(got.cbegin(), got.cend()).size());
        std::sort(got.begin(), got.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(got, expected);
    }

    void continuousWatchEndsOnSigterm()
    {
        m_cli.sandbox().setChurn(900);
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"watch"_s, u"--interval"_s, u"5"_s,
                                                        u"--format"_s, u"text"_s},
                      CliFixture::apiKey(), [](QProcess &process) {
                          QTest::qWait(12000);
                          process.terminate(); // SIGTERM
                      });
        QVERIFY(run.normalExit);
        QCOMPARE(run.exitCode, 143);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        // Two polls after the first (at 5 s and 10 s), ~15 changes a second... at least some.
        QVERIFY2(lines.size() >= 20, run.out.constData());
        for (const QByteArray &line : lines)
            QVERIFY2(line.contains(" created ") || line.contains(" deactivated "),
                     line.constData());
    }

private:
    CliFixture m_cli;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliWatch)
#include "tst_cliwatch.moc"
