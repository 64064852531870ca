// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The exporter against the real local sandbox over loopback (and a staged server where
// the fault must be exact): every row once, in order, through faults; a file only when
// the export completed.
#include "exporter.h"
#include "exportrun.h"
#include "increaseclient.h"
#include "sandboxserver.h"
#include "stagedserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kKey = u"ic_test_key_SECRET_5555"_s;

ClientConfig configFor(const QUrl &url)
{
    return ExportRun::configFor(url, kKey);
}

ExportResult runExport(IncreaseClient &client, const ExportOptions &options,
                       const std::function<void(Exporter &)> &whileRunning = {})
{
    return ExportRun::run(client, options, whileRunning).result;
}

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

QByteArray connectionRow(const QByteArray &id)
{
    return R"({"id":")" + id +
           R"(","created_at":"2024-01-01T00:00:00Z","deleted_at":null,"group_id":"group_1",)"
           R"("oauth_application_id":"application_1","status":"active","type":"oauth_connection"})";
}

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.port = 0;
        options.connections = 2500;
        options.apiKey = kKey;
        options.tricky = true; // names that need CSV quoting and the guard, in the files
        m_sandbox = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_sandbox->listen(&error), qPrintable(error));
        // The reference: a fault-free export of every status.
        IncreaseClient client(configFor(m_sandbox->baseUrl()));
        ExportOptions options2;
        options2.query.statuses = {u"active"_s, u"inactive"_s};
        options2.outputPath = m_dir.filePath(u"reference.csv"_s);
        const ExportResult r = runExport(client, options2);
        QCOMPARE(r.outcome, ExportResult::Outcome::Completed);
        m_reference = ExportRun::readFile(options2.outputPath);
        QCOMPARE(r.rows, 2500);
    }

    void cleanup()
    {
        m_sandbox->setFailRate(0);
        m_sandbox->setDropRate(0);
        m_sandbox->setRateLimit(0);
        m_sandbox->setLatency(0, 0);
    }

    void writesEveryRowInApiOrder()
    {
        const QList<QByteArray> lines = m_reference.split('\n');
        QCOMPARE(lines.first(), QByteArray("id,created_at,deleted_at,group_id,"
                                           "oauth_application_id,status,type\r"));
        QCOMPARE(lines.size(), 2500 + 2); // header, rows, and the empty tail after the last CRLF
        QVERIFY(m_reference.endsWith("\r\n"));
        // Newest first, ties by id descending; every id once.
        QSet<QByteArray> ids;
        QByteArray previousKey;
        for (int i = 1; i <= 2500; ++i) {
            const QList<QByteArray> cells = lines[i].trimmed().split(',');
            QCOMPARE(cells.size(), 7);
            QVERIFY(cells[0].startsWith("connection_"));
            ids.insert(cells[0]);
            const QByteArray key = cells[1] + ' ' + cells[0];
            if (!previousKey.isEmpty())
                QVERIFY2(key < previousKey, QByteArray(key + " after " + previousKey).constData());
            previousKey = key;
            QVERIFY(cells[5] == "active" || cells[5] == "inactive");
            QCOMPARE(cells[2].isEmpty(), cells[5] == "active");
        }
        QCOMPARE(ids.size(), 2500);
    }

    void exactUnderInjectedFaults()
    {
        m_sandbox->setFailRate(0.1);
        m_sandbox->setDropRate(0.1);
        m_sandbox->setRateLimit(40);
        IncreaseClient client(configFor(m_sandbox->baseUrl()));
        ExportOptions options;
        options.query.statuses = {u"active"_s, u"inactive"_s};
        options.outputPath = m_dir.filePath(u"faults.csv"_s);
        options.maxRetries = 8;
        const ExportResult r = runExport(client, options);
        QCOMPARE(r.outcome, ExportResult::Outcome::Completed);
        QVERIFY2(r.retries > 0, "the faults should have forced retries");
        QCOMPARE(r.duplicatesDropped, 0);
        QCOMPARE(ExportRun::readFile(options.outputPath), m_reference);
    }

    void filtersReachTheServer()
    {
        IncreaseClient client(configFor(m_sandbox->baseUrl()));
        ExportOptions options;
        options.outputPath = m_dir.filePath(u"active.jsonl"_s);
        options.format = ExportOptions::Format::Jsonl;
        const ExportResult r = runExport(client, options);
        QCOMPARE(r.outcome, ExportResult::Outcome::Completed);
        const QList<QByteArray> lines =
            ExportRun::readFile(options.outputPath).trimmed().split('\n');
        QCOMPARE(lines.size(), r.rows);
        for (const QByteArray &line : lines)
            QVERIFY(line.contains(R"("status":"active")"));
        const qint64 activeInReference = m_reference.count(",active,");
        QCOMPARE(r.rows, activeInReference);
    }

    void applicationNamesAreLookedUp()
    {
        IncreaseClient client(configFor(m_sandbox->baseUrl()));
        ExportOptions options;
        options.columns = ExportColumns::defaults(true);
        options.outputPath = m_dir.filePath(u"names.csv"_s);
        const ExportResult r = runExport(client, options);
        QCOMPARE(r.outcome, ExportResult::Outcome::Completed);
        const QByteArray csv = ExportRun::readFile(options.outputPath);
        QVERIFY(csv.startsWith("id,created_at,deleted_at,group_id,oauth_application_id,"
                               "oauth_application_name,status,type\r\n"));
        QVERIFY(r.rows > 0);
    }

    void failureLeavesThePreviousFileIntact()
    {
        const QString path = m_dir.filePath(u"kept.csv"_s);
        {
            QFile previous(path);
            QVERIFY(previous.open(QIODevice::WriteOnly));
            previous.write("previous export\r\n");
        }
        m_sandbox->setFailRate(1.0);
        IncreaseClient client(configFor(m_sandbox->baseUrl()));
        ExportOptions options;
        options.outputPath = path;
        options.maxRetries = 1;
        const ExportResult r = runExport(client, options);
        QCOMPARE(r.outcome, ExportResult::Outcome::Failed);
        QCOMPARE(r.error.kind, ApiError::Kind::InternalServer);
        QVERIFY2(r.message.contains(u"internal_server_error"_s), qPrintable(r.message));
        QCOMPARE(ExportRun::readFile(path), QByteArray("previous export\r\n"));
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cancelled.csv"_s);
        m_sandbox->setLatency(50, 0);
        IncreaseClient client(configFor(m_sandbox->baseUrl()));
        ExportOptions options;
        options.outputPath = path;
        int pagesSeen = 0;
        const ExportResult r = runExport(client, options, [&](Exporter &exporter) {
            QObject::connect(&exporter, &Exporter::progress,
                             [&](qint64, int pages, int) { pagesSeen = pages; });
            QVERIFY(QTest::qWaitFor([&] { return pagesSeen >= 3; }, 20000));
            exporter.cancel();
        });
        QCOMPARE(r.outcome, ExportResult::Outcome::Cancelled);
        QVERIFY(r.rows >= 300);
        QTest::qWait(50);
        QCOMPARE(filesIn(dir), QStringList()); // not even QSaveFile's temporary
    }

    void repeatingCursorLeavesNoFile()
    {
        StagedServer server;
        server.stage(200,
                     R"({"data":[)" + connectionRow("connection_b") + R"(],"next_cursor":"x"})");
        server.stage(200,
                     R"({"data":[)" + connectionRow("connection_a") + R"(],"next_cursor":"x"})");
        QTemporaryDir dir;
        IncreaseClient client(configFor(server.url()));
        ExportOptions options;
        options.outputPath = dir.filePath(u"loop.csv"_s);
        const ExportResult r = runExport(client, options);
        QCOMPARE(r.outcome, ExportResult::Outcome::Failed);
        QVERIFY2(r.message.contains(u"repeating cursor"_s), qPrintable(r.message));
        QCOMPARE(filesIn(dir), QStringList());
    }

    void duplicatesAcrossPagesAreDroppedAndCounted()
    {
        StagedServer server;
        server.stage(200, R"({"data":[)" + connectionRow("connection_c") + "," +
                              connectionRow("connection_b") + R"(],"next_cursor":"p2"})");
        server.stage(200, R"({"data":[)" + connectionRow("connection_b") + "," +
                              connectionRow("connection_a") + R"(],"next_cursor":null})");
        QTemporaryDir dir;
        IncreaseClient client(configFor(server.url()));
        ExportOptions options;
        options.outputPath = dir.filePath(u"dups.csv"_s);
        options.columns = {ExportColumn::Id};
        const ExportResult r = runExport(client, options);
        QCOMPARE(r.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(r.rows, 3);
        QCOMPARE(r.duplicatesDropped, 1);
        QCOMPARE(ExportRun::readFile(options.outputPath),
                 QByteArray("id\r\nconnection_c\r\nconnection_b\r\nconnection_a\r\n"));
    }

    void unwritableTargetIsAClearError()
    {
        IncreaseClient client(configFor(m_sandbox->baseUrl()));
        ExportOptions options;
        options.outputPath = m_dir.filePath(u"no/such/folder/out.csv"_s);
        const ExportResult r = runExport(client, options);
        QCOMPARE(r.outcome, ExportResult::Outcome::Failed);
        QVERIFY2(r.message.contains(u"folder exists"_s), qPrintable(r.message));
    }

    void loadedRowsOnlyWritesThoseRows()
    {
        StagedServer server; // nothing staged: any request would be answered 500
        IncreaseClient client(configFor(server.url()));
        OAuthConnection a{u"connection_a"_s,    u"2024-01-01T00:00:00Z"_s, std::nullopt,
                          u"group_1"_s,         u"application_1"_s,        u"active"_s,
                          u"oauth_connection"_s};
        OAuthConnection b = a;
        b.id = u"connection_b"_s;
        b.status = u"inactive"_s;
        b.deletedAt = u"2024-02-01T00:00:00Z"_s;
        QTemporaryDir dir;
        ExportOptions options;
        const QList<OAuthConnection> rows{b, a, b};
        options.rowSource = [rows](qsizetype i) {
            return i < rows.size() ? std::optional<OAuthConnection>(rows.at(i)) : std::nullopt;
        };
        options.columns = {ExportColumn::Id, ExportColumn::DeletedAt, ExportColumn::Status};
        options.outputPath = dir.filePath(u"loaded.csv"_s);
        const ExportResult r = runExport(client, options);
        QCOMPARE(r.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(r.rows, 2);
        QCOMPARE(r.duplicatesDropped, 1);
        QCOMPARE(ExportRun::readFile(options.outputPath),
                 QByteArray("id,deleted_at,status\r\nconnection_b,2024-02-01T00:00:00Z,inactive\r\n"
                            "connection_a,,active\r\n"));
        QCOMPARE(server.requests.size(), 0);
    }

    void finishedIsNeverEmittedInsideStart()
    {
        IncreaseClient client(configFor(m_sandbox->baseUrl()));
        ExportOptions options;
        options.outputPath = m_dir.filePath(u"no/such/folder/out.csv"_s);
        Exporter exporter(&client, options);
        QSignalSpy finished(&exporter, &Exporter::finished);
        exporter.start();
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(5000));
    }

    void loadedRowsCanBeCancelledBetweenChunks()
    {
        StagedServer server;
        IncreaseClient client(configFor(server.url()));
        QTemporaryDir dir;
        ExportOptions options;
        options.outputPath = dir.filePath(u"loaded.csv"_s);
        qsizetype pulled = 0;
        options.rowSource = [&pulled](qsizetype i) -> std::optional<OAuthConnection> {
            if (i >= 50000)
                return std::nullopt;
            pulled = i + 1;
            return OAuthConnection{u"connection_%1"_s.arg(50000 - i),
                                   u"2024-01-01T00:00:00Z"_s,
                                   std::nullopt,
                                   u"group_1"_s,
                                   u"application_1"_s,
                                   u"active"_s,
                                   u"oauth_connection"_s};
        };
        const ExportResult r = runExport(client, options, [](Exporter &exporter) {
            QObject::connect(&exporter, &Exporter::progress, &exporter,
                             [&exporter](qint64 rows, int, int) {
                                 if (rows >= 2000)
                                     exporter.cancel();
                             });
        });
        QCOMPARE(r.outcome, ExportResult::Outcome::Cancelled);
        QVERIFY2(pulled < 50000, qPrintable(QString::number(pulled)));
        QCOMPARE(filesIn(dir), QStringList());
    }

    void keyNotInTheExport() { QVERIFY(!m_reference.contains(kKey.toUtf8())); }

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    QTemporaryDir m_dir;
    QByteArray m_reference;
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
