// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The real binary exporting from the local sandbox while the server fails 5 % of requests,
// cuts 5 % of bodies mid-way and answers 429 above 20 requests a second: the file must be
// exactly the server's listing, in order, once each.
#include "clifixture.h"
#include "csvtable.h"
#include "sandboxserver.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QStringList kColumns = {u"id"_s,       u"created_at"_s,           u"deleted_at"_s,
                              u"group_id"_s, u"oauth_application_id"_s, u"status"_s,
                              u"type"_s};

// What the --verbose request log says happened, one line per HTTP attempt.
struct LogFigures
{
    int requests = 0;
    int retries = 0;
    int rateLimited = 0;
    int serverErrors = 0;
    int drops = 0;
    int other = 0;       // anything else that was not a 200
    int partitioned = 0; // requests of one application's stream: the listing was split
};

LogFigures readLog(const QByteArray &stderrBytes)
{
    LogFigures figures;
    const QList<QByteArray> lines = stderrBytes.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype arrow = line.indexOf(" -> ");
        if (!line.contains(" GET /") || arrow < 0)
            continue;
        ++figures.requests;
        if (line.contains("oauth_application_id="))
            ++figures.partitioned;
        if (line.contains(", retry in "))
            ++figures.retries;
        const QByteArray outcome = line.mid(arrow + 4, line.indexOf(" (", arrow) - arrow - 4);
        if (outcome == "429 rate_limited_error")
            ++figures.rateLimited;
        else if (outcome == "500 internal_server_error")
            ++figures.serverErrors;
        else if (outcome == "200 network_error")
            ++figures.drops; // a 200 whose body ended before its Content-Length
        else if (outcome != "200")
            ++figures.other;
    }
    return figures;
}

QStringList expectedRow(const QJsonObject &object)
{
    QStringList cells;
    for (const QString &column : kColumns)
        cells.append(object.value(column).toString()); // null: an empty field
    return cells;
}

struct ExportCheck
{
    int rows = 0;
    QString problem; // empty when the file is exactly the reference
};

ExportCheck compareWithReference(const QByteArray &csv, const QList<QJsonObject> &reference)
{
    QString error;
    const QList<QStringList> table = CsvTable::parse(csv, &error);
    if (!error.isEmpty())
        return {0, u"not RFC 4180: "_s + error};
    if (table.isEmpty() || table.first() != kColumns)
        return {0, u"unexpected header"_s};
    ExportCheck check;
    check.rows = int(table.size()) - 1;
    QSet<QString> ids;
    for (int i = 1; i < table.size(); ++i) {
        if (ids.contains(table.at(i).value(0)))
            return {check.rows, u"duplicate id %1 at row %2"_s.arg(table.at(i).value(0)).arg(i)};
        ids.insert(table.at(i).value(0));
    }
    for (int i = 0; i < qMin(check.rows, int(reference.size())); ++i) {
        if (table.at(i + 1) != expectedRow(reference.at(i)))
            return {check.rows,
                    u"row %1 is %2, expected %3"_s.arg(i + 1).arg(
                        table.at(i + 1).join(u','), expectedRow(reference.at(i)).join(u','))};
    }
    if (check.rows != reference.size())
        check.problem = u"%1 rows, expected %2"_s.arg(check.rows).arg(reference.size());
    return check;
}

// The soak's faults, switched on for one run of the binary and off again.
struct SoakRun
{
    CliRun run;
    qint64 wallMs = 0;
    LogFigures log;
    ExportCheck check;
};

SoakRun exportUnderFaults(CliFixture &cli, const QStringList &exportArguments, const QString &path,
                          const QList<QJsonObject> &reference, int timeoutMs)
{
    cli.sandbox().setFailRate(0.05);
    cli.sandbox().setDropRate(0.05);
    cli.sandbox().setRateLimit(20);
    SoakRun soak;
    QElapsedTimer clock;
    clock.start();
    soak.run = CliRunner::run(cli.baseUrlFlag() + QStringList{u"--verbose"_s} + exportArguments +
                                  QStringList{u"--output"_s, path},
                              CliRunner::environment(CliFixture::apiKey()), {}, timeoutMs);
    soak.wallMs = clock.elapsed();
    cli.sandbox().setFailRate(0);
    cli.sandbox().setDropRate(0);
    cli.sandbox().setRateLimit(0);
    soak.log = readLog(soak.run.err);
    soak.check = compareWithReference(cli.readFile(path), reference);
    return soak;
}

} // namespace

class TestFaultSoak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { m_cli.verifyKeyNeverShown(); }

    // 1,000 pages at 20 requests a second is 50 s at the very least: one run only.
    void hundredThousandRowsThroughEveryFault()
    {
        SandboxOptions options;
        options.connections = 100000;
        options.applications = 8;
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        // Read straight from the server, without the code under test, before any fault.
        QUrlQuery all;
        all.addQueryItem(u"status.in"_s, u"active,inactive"_s);
        const QList<QJsonObject> reference = m_cli.connections(all);
        QCOMPARE(reference.size(), 100000);

        const qint64 receivedBefore = m_cli.sandbox().requestsReceived();
        const qint64 limitedBefore = m_cli.sandbox().rateLimitedResponses();
        // No --parallel and no --rate-limit: the defaults a user gets. The client's own
        // limit for a local server (100 req/s) is above the server's 20, so 429s must come
        // and be waited out.
        const SoakRun soak = exportUnderFaults(m_cli, {u"export"_s, u"--status"_s, u"all"_s},
                                               m_dir.filePath(u"soak.csv"_s), reference, 140000);
        const CliRun &run = soak.run;
        const LogFigures &log = soak.log;
        const ExportCheck &check = soak.check;
        qInfo("soak: %.1f s wall, %d requests (server received %lld), %d retries, %d 429s "
              "(server sent %lld), %d 500s, %d drops, %d other failures, %d rows, %d requests "
              "in split streams",
              double(soak.wallMs) / 1000.0, log.requests,
              m_cli.sandbox().requestsReceived() - receivedBefore, log.retries, log.rateLimited,
              m_cli.sandbox().rateLimitedResponses() - limitedBefore, log.serverErrors, log.drops,
              log.other, check.rows, log.partitioned);

        QVERIFY2(!run.timedOut, "the export did not finish within 140 s");
        QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
        QVERIFY2(check.problem.isEmpty(), qPrintable(check.problem));
        QCOMPARE(check.rows, 100000);
        QVERIFY2(!run.err.contains("warning:"), run.err.right(2000).constData());
        // Every kind of fault happened, and each was retried rather than ending the export.
        QVERIFY(log.serverErrors > 0);
        QVERIFY(log.drops > 0);
        QVERIFY(log.rateLimited > 0);
        QCOMPARE(log.other, 0);
        QCOMPARE(log.retries, log.serverErrors + log.drops + log.rateLimited);
        QVERIFY(log.requests >= 1000 + log.retries);
        QVERIFY2(soak.wallMs < 90000, qPrintable(u"the soak took %1 ms"_s.arg(soak.wallMs)));
    }

    // An explicit split: eight cursor streams under the client's own 100 req/s limit run
    // into a 20 req/s server. The 429s cost waiting, not rows and not the retry budget.
    void splitExportOutrunningTheServerStillEndsExact()
    {
        CliFixture cli;
        SandboxOptions options;
        options.connections = 5000;
        options.applications = 8;
        QString error;
        QVERIFY2(cli.start(options, &error), qPrintable(error));
        QUrlQuery all;
        all.addQueryItem(u"status.in"_s, u"active,inactive"_s);
        const QList<QJsonObject> reference = cli.connections(all);
        QCOMPARE(reference.size(), 5000);

        const SoakRun soak = exportUnderFaults(cli,
                                               {u"--max-retries"_s, u"8"_s, u"export"_s,
                                                u"--status"_s, u"all"_s, u"--parallel"_s, u"8"_s},
                                               m_dir.filePath(u"split.csv"_s), reference, 60000);
        const CliRun &run = soak.run;
        const LogFigures &log = soak.log;
        const ExportCheck &check = soak.check;
        qInfo("split: %.1f s wall, %d requests, %d retries, %d 429s, %d 500s, %d drops, %d rows",
              double(soak.wallMs) / 1000.0, log.requests, log.retries, log.rateLimited,
              log.serverErrors, log.drops, check.rows);
        QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
        QVERIFY2(check.problem.isEmpty(), qPrintable(check.problem));
        QCOMPARE(check.rows, 5000);
        QVERIFY(log.partitioned > 0);
        QVERIFY(log.rateLimited > 0); // the client did outrun the server
        QCOMPARE(log.other, 0);
        const QStringList leaks = cli.takeLeaks();
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
    }

private:
    CliFixture m_cli;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestFaultSoak)
#include "tst_faultsoak.moc"
