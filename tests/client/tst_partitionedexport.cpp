// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The partitioned export (PRODUCT.md §5, --parallel) against the real local sandbox over
// loopback: byte for byte the sequential export, through faults, under a rate limit with
// no 429s; a failing stream fails the export with no file; and one stream when the
// applications cannot be listed.
#include "apicall.h"
#include "exporter.h"
#include "exportrun.h"
#include "increaseclient.h"
#include "requestratelimiter.h"
#include "sandboxserver.h"
#include "stagedserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kKey = u"ic_test_key_SECRET_7777"_s;

ClientConfig configFor(const QUrl &url)
{
    return ExportRun::configFor(url, kKey);
}

using Run = ExportRun::Outcome;

Run runExport(IncreaseClient &client, const ExportOptions &options)
{
    return ExportRun::run(client, options);
}

std::unique_ptr<SandboxServer> startSandbox(int applications, qint64 connections)
{
    SandboxOptions options;
    options.port = 0;
    options.connections = connections;
    options.applications = applications;
    options.apiKey = kKey;
    auto sandbox = std::make_unique<SandboxServer>(options);
    QString error;
    if (!sandbox->listen(&error))
        qWarning("sandbox: %s", qPrintable(error));
    return sandbox;
}

ExportOptions optionsFor(const QString &filter, int parallel, const QString &path)
{
    ExportOptions options;
    options.parallel = parallel;
    options.outputPath = path;
    if (filter == "all"_L1)
        options.query.statuses = {u"active"_s, u"inactive"_s};
    if (filter == "names"_L1) {
        options.query.statuses = {u"active"_s, u"inactive"_s};
        options.columns = ExportColumns::defaults(true);
    }
    if (filter == "jsonl"_L1) {
        options.query.statuses = {u"inactive"_s};
        options.format = ExportOptions::Format::Jsonl;
    }
    return options; // "active": the API's default
}

} // namespace

class TestPartitionedExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void equalsTheSequentialExport_data()
    {
        QTest::addColumn<int>("applications");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("parallel");

        for (int applications : {1, 2, 8}) {
            for (const char *filter : {"all", "active", "names", "jsonl"}) {
                for (int parallel : {2, 8}) {
                    QTest::addRow("%d applications, %s, --parallel %d", applications, filter,
                                  parallel)
                        << applications << QString::fromLatin1(filter) << parallel;
                }
            }
        }
    }

    void equalsTheSequentialExport()
    {
        QFETCH(int, applications);
        QFETCH(QString, filter);
        QFETCH(int, parallel);

        // Given a sandbox with that many applications, and the sequential export...
        const auto sandbox = startSandbox(applications, 2500);
        IncreaseClient client(configFor(sandbox->baseUrl()));
        const QString sequentialPath = m_dir.filePath(u"sequential.out"_s);
        const Run sequential = runExport(client, optionsFor(filter, 1, sequentialPath));
        QCOMPARE(sequential.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(sequential.result.partitions, 0);
        QVERIFY(sequential.result.rows > 100);

        // ...when the same export runs split by application...
        const QString partitionedPath = m_dir.filePath(u"partitioned.out"_s);
        const Run partitioned = runExport(client, optionsFor(filter, parallel, partitionedPath));

        // ...then the file is the same, byte for byte.
        QCOMPARE(partitioned.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(partitioned.result.partitions, applications > 1 ? applications : 0);
        QCOMPARE(partitioned.result.rows, sequential.result.rows);
        QCOMPARE(partitioned.result.duplicatesDropped, 0);
        QCOMPARE(partitioned.result.outOfOrder, 0);
        QVERIFY(ExportRun::readFile(partitionedPath) == ExportRun::readFile(sequentialPath));
        QVERIFY(partitioned.notes.isEmpty());
        QCOMPARE(client.rateLimiter(), nullptr); // the limit ends with the export
    }

    void exactUnderFaults()
    {
        const auto sandbox = startSandbox(8, 5000);
        IncreaseClient client(configFor(sandbox->baseUrl()));
        const QString reference = m_dir.filePath(u"reference.csv"_s);
        QCOMPARE(runExport(client, optionsFor(u"all"_s, 1, reference)).result.outcome,
                 ExportResult::Outcome::Completed);

        // Given 5 % 500s and 5 % bodies cut mid-way, when exporting in 8 streams...
        sandbox->setFailRate(0.05);
        sandbox->setDropRate(0.05);
        const QString path = m_dir.filePath(u"faults.csv"_s);
        const Run run = runExport(client, optionsFor(u"all"_s, 8, path));

        // ...then the retries hide every fault: the same bytes.
        QCOMPARE(run.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(run.result.partitions, 8);
        QVERIFY(run.result.retries > 0);
        QVERIFY(ExportRun::readFile(path) == ExportRun::readFile(reference));
    }

    void aFailingStreamFailsTheExport()
    {
        const auto sandbox = startSandbox(8, 5000);
        IncreaseClient client(configFor(sandbox->baseUrl()));
        // Given a server that fails every request once the first pages were served...
        int pages = 0;
        QObject::connect(&client, &IncreaseClient::exchange, [&](const RequestLogEntry &entry) {
            if (entry.url.path() == "/oauth_connections"_L1 && ++pages == 10)
                sandbox->setFailRate(1.0);
        });
        QTemporaryDir dir;
        const QString path = dir.filePath(u"failed.csv"_s);
        ExportOptions options = optionsFor(u"all"_s, 8, path);
        options.maxRetries = 2;
        const Run run = runExport(client, options);

        // ...the export fails after the retries and leaves no file, not even a partial one.
        QCOMPARE(run.result.outcome, ExportResult::Outcome::Failed);
        QCOMPARE(run.result.partitions, 8);
        QCOMPARE(run.result.error.httpStatus, 500);
        QVERIFY(QDir(dir.path())
                    .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)
                    .isEmpty());
        // Every stream was stopped: nothing left in flight.
        QTRY_COMPARE(client.inFlight(), 0);
    }

    void noRateLimitedResponsesAtTheDefaultLimit()
    {
        // PRODUCT.md §7: 10,000 connections, both statuses, 8 applications, 50 ms
        // latency, the sandbox limited to 100 req/s, the client at its defaults.
        const auto sandbox = startSandbox(8, 10000);
        IncreaseClient client(configFor(sandbox->baseUrl()));
        const QString reference = m_dir.filePath(u"reference10k.csv"_s);
        QCOMPARE(runExport(client, optionsFor(u"all"_s, 1, reference)).result.outcome,
                 ExportResult::Outcome::Completed);

        sandbox->setLatency(50, 0);
        sandbox->setRateLimit(100);
        const qint64 limitedBefore = sandbox->rateLimitedResponses();
        const QString path = m_dir.filePath(u"limited.csv"_s);
        QElapsedTimer clock;
        clock.start();
        const Run run = runExport(client, optionsFor(u"all"_s, 0, path));
        const qint64 elapsed = clock.elapsed();

        QCOMPARE(run.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(sandbox->rateLimitedResponses() - limitedBefore, 0);
        QCOMPARE(run.result.retries, 0);
        // Automatic: at 50 ms a single stream makes 20 req/s, so the export splits.
        QCOMPARE(run.result.partitions, 8);
        QVERIFY2(run.result.streams > 4, qPrintable(QString::number(run.result.streams)));
        QVERIFY(ExportRun::readFile(path) == ExportRun::readFile(reference));
        qInfo("10,000 rows at 50 ms, limit 100 req/s: %lld ms, %d pages, %d streams", elapsed,
              run.result.pages, run.result.streams);
    }

    void startsTheStreamsAfterOneRoundTrip_data()
    {
        QTest::addColumn<int>("parallel");
        QTest::newRow("automatic") << 0;
        QTest::newRow("--parallel 8") << 8;
    }

    void startsTheStreamsAfterOneRoundTrip()
    {
        QFETCH(int, parallel);
        // Given a sandbox answering after 50 ms, and the sequential export for reference...
        const auto sandbox = startSandbox(8, 3000);
        IncreaseClient client(configFor(sandbox->baseUrl()));
        const QString reference = m_dir.filePath(u"reference-rtt.csv"_s);
        QCOMPARE(runExport(client, optionsFor(u"all"_s, 1, reference)).result.outcome,
                 ExportResult::Outcome::Completed);
        sandbox->setLatency(50, 0);
        struct Exchange
        {
            QDateTime start;
            qint64 latencyMs;
            QUrl url;
        };
        QList<Exchange> exchanges;
        QObject::connect(&client, &IncreaseClient::exchange, [&](const RequestLogEntry &entry) {
            exchanges.append({entry.startedAt, entry.latencyMs, entry.url});
        });

        // ...when the export may split...
        const QString path = m_dir.filePath(u"rtt.csv"_s);
        const Run run = runExport(client, optionsFor(u"all"_s, parallel, path));
        QCOMPARE(run.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(run.result.partitions, 8);
        QVERIFY(ExportRun::readFile(path) == ExportRun::readFile(reference));

        // ...then the first page of the whole listing is asked for once, and the
        // applications are listed while it is on its way (not after it)...
        QList<Exchange> firstPages;
        QList<Exchange> applications;
        QDateTime firstStream;
        for (const Exchange &e : std::as_const(exchanges)) {
            const QUrlQuery query(e.url);
            if (e.url.path() == "/oauth_applications"_L1)
                applications.append(e);
            else if (!query.hasQueryItem(u"oauth_application_id"_s))
                firstPages.append(e);
            else if (!firstStream.isValid() || e.start < firstStream)
                firstStream = e.start;
        }
        QCOMPARE(firstPages.size(), 1);
        QVERIFY(!QUrlQuery(firstPages.first().url).hasQueryItem(u"cursor"_s));
        QCOMPARE(applications.size(), 1);
        const QDateTime firstPageDone =
            firstPages.first().start.addMSecs(firstPages.first().latencyMs);
        QVERIFY2(applications.first().start < firstPageDone,
                 qPrintable(u"applications asked %1 ms after the first page, which took %2 ms"_s
                                .arg(firstPages.first().start.msecsTo(applications.first().start))
                                .arg(firstPages.first().latencyMs)));
        // ...and the streams start once both are in: well before a second round trip.
        const QDateTime bothIn = std::max(
            firstPageDone, applications.first().start.addMSecs(applications.first().latencyMs));
        QVERIFY(firstStream.isValid());
        QVERIFY2(firstStream.msecsTo(bothIn) > -45,
                 qPrintable(QString::number(bothIn.msecsTo(firstStream))));
        // Every page is counted: the first page and each stream's.
        QCOMPARE(run.result.pages, int(exchanges.size()) - 1);
    }

    void aLateFirstPageAloneDoesNotSplit()
    {
        // Given a first page that comes late (a hiccup: 150 ms where 1/rate is 50 ms) while
        // the applications, asked for meanwhile, answer at once...
        const QByteArray row2 =
            R"({"id":"connection_2","created_at":"2024-01-02T00:00:00Z","deleted_at":null,)"
            R"("group_id":"group_1","oauth_application_id":"application_1","status":"active",)"
            R"("type":"oauth_connection"})";
        const QByteArray row1 =
            R"({"id":"connection_1","created_at":"2024-01-01T00:00:00Z","deleted_at":null,)"
            R"("group_id":"group_1","oauth_application_id":"application_2","status":"active",)"
            R"("type":"oauth_connection"})";
        StagedServer server;
        server.stage(
            {StagedServer::response(200, "{\"data\":[" + row2 + "],\"next_cursor\":\"c2\"}"), false,
             false, 150, "/oauth_connections"});
        server.stage(
            {StagedServer::response(
                 200, R"({"data":[{"id":"application_1","client_id":"c1","created_at":)"
                      R"("2024-01-01T00:00:00Z","deleted_at":null,"name":"A","status":"active",)"
                      R"("type":"oauth_application"},{"id":"application_2","client_id":"c2",)"
                      R"("created_at":"2024-01-01T00:00:00Z","deleted_at":null,"name":"B",)"
                      R"("status":"active","type":"oauth_application"}],"next_cursor":null})"),
             false, false, 0, "/oauth_applications"});
        server.stage({StagedServer::response(200, "{\"data\":[" + row1 + "],\"next_cursor\":null}"),
                      false, false, 0, "/oauth_connections"});
        IncreaseClient client(configFor(server.url()));
        ExportOptions options = optionsFor(u"active"_s, 0, m_dir.filePath(u"hiccup.csv"_s));
        options.rateLimit = 20;
        const Run run = runExport(client, options);

        // ...the fast second answer overrules the late one: one stream, from page 1's cursor.
        QCOMPARE(run.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(run.result.partitions, 0);
        QCOMPARE(run.result.rows, 2);
        QCOMPARE(server.requests.size(), 3);
        QVERIFY(server.target(1).startsWith("/oauth_applications"));
        QVERIFY(server.target(2).contains("cursor=c2"));
    }

    void theLimiterSpacesEveryAttempt()
    {
        const auto sandbox = startSandbox(2, 50);
        IncreaseClient client(configFor(sandbox->baseUrl()));
        RequestRateLimiter limiter(20); // burst 2
        client.setRateLimiter(&limiter);
        int done = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 6; ++i) {
            ApiCall *call = client.listApplications({}, {});
            QObject::connect(call, &ApiCall::finished, [&](const ApiResult &) { ++done; });
        }
        QTRY_COMPARE(done, 6);
        // Two at once, then one each 50 ms: the sixth went at 200 ms at the earliest.
        QVERIFY2(clock.elapsed() >= 200, qPrintable(QString::number(clock.elapsed())));
    }

    void oneStreamWhenTheApplicationsCannotBeListed()
    {
        // Given /oauth_applications answering 404 (not retried), and one page of rows
        // (asked for at the same time, so each reply is staged for its path)...
        StagedServer server;
        server.stage(
            {StagedServer::response(404, R"({"type":"api_method_not_found_error","status":404,)"
                                         R"("title":"No such method","detail":"Not here."})"),
             false, false, 0, "/oauth_applications"});
        server.stage(
            {StagedServer::response(
                 200, R"({"data":[{"id":"connection_2","created_at":"2024-01-02T00:00:00Z",)"
                      R"("deleted_at":null,"group_id":"group_1","oauth_application_id":)"
                      R"("application_1","status":"active","type":"oauth_connection"}],)"
                      R"("next_cursor":"c2"})"),
             false, false, 0, "/oauth_connections"});
        server.stage(
            {StagedServer::response(
                 200, R"({"data":[{"id":"connection_1","created_at":"2024-01-01T00:00:00Z",)"
                      R"("deleted_at":null,"group_id":"group_1","oauth_application_id":)"
                      R"("application_1","status":"active","type":"oauth_connection"}],)"
                      R"("next_cursor":null})"),
             false, false, 0, "/oauth_connections"});
        IncreaseClient client(configFor(server.url()));
        const QString path = m_dir.filePath(u"fallback.csv"_s);
        const Run run = runExport(client, optionsFor(u"active"_s, 8, path));

        // ...the export still completes, as one stream, and says so.
        QCOMPARE(run.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(run.result.rows, 2);
        QCOMPARE(run.result.partitions, 0);
        QCOMPARE(run.notes.size(), 1);
        QVERIFY2(run.notes.first().contains(u"one stream"_s), qPrintable(run.notes.first()));
        QCOMPARE(server.requests.size(), 3);
        int applicationLists = 0;
        for (int i = 0; i < 3; ++i) {
            applicationLists += server.target(i).startsWith("/oauth_applications") ? 1 : 0;
            QVERIFY(!server.target(i).contains("oauth_application_id"));
        }
        QCOMPARE(applicationLists, 1);
    }

    void anApplicationFilterIsOneStream()
    {
        StagedServer server;
        server.stage(200, R"({"data":[],"next_cursor":null})");
        IncreaseClient client(configFor(server.url()));
        ExportOptions options = optionsFor(u"all"_s, 8, m_dir.filePath(u"one.csv"_s));
        options.query.applicationId = u"application_1"_s;
        const Run run = runExport(client, options);
        QCOMPARE(run.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(server.requests.size(), 1); // no listing of applications
        QVERIFY(server.target(0).contains("oauth_application_id=application_1"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestPartitionedExport)
#include "tst_partitionedexport.moc"
