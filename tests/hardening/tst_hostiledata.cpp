// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile pages from a server that sends exactly the staged bytes, through the real
// client, exporter and table model: huge fields, control and bidi characters, invalid
// UTF-8, absurd nesting, bodies over the cap, huge pages, wrong types, repeated rows.
#include "apicall.h"
#include "connectiontablemodel.h"
#include "csvtable.h"
#include "exporter.h"
#include "increaseclient.h"
#include "stagedserver.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ClientConfig configFor(const QUrl &url)
{
    ClientConfig config;
    config.baseUrl = url;
    config.apiKey = u"ic_test_key_hostile_0000"_s;
    config.environment = u"local"_s;
    config.maxRetries = 0;
    return config;
}

QJsonObject connectionObject(const QString &id, const QString &groupId = u"group_1"_s,
                             const QString &applicationId = u"application_1"_s)
{
    return QJsonObject{{u"id"_s, id},
                       {u"created_at"_s, u"2024-01-01T00:00:00Z"_s},
                       {u"deleted_at"_s, QJsonValue::Null},
                       {u"group_id"_s, groupId},
                       {u"oauth_application_id"_s, applicationId},
                       {u"status"_s, u"active"_s},
                       {u"type"_s, u"oauth_connection"_s}};
}

QByteArray rowBytes(int n)
{
    return QJsonDocument(connectionObject(u"connection_%1"_s.arg(n, 20, 10, QChar(u'0'))))
        .toJson(QJsonDocument::Compact);
}

// A page whose rows are given as raw bytes, so a test can put anything into them.
QByteArray pageOf(const QByteArrayList &rows, const QByteArray &cursorJson = "null")
{
    return "{\"data\":[" + rows.join(',') + "],\"next_cursor\":" + cursorJson + "}";
}

QByteArray pageOf(const QList<QJsonObject> &rows, const QByteArray &cursorJson = "null")
{
    QByteArrayList raw;
    for (const QJsonObject &row : rows)
        raw.append(QJsonDocument(row).toJson(QJsonDocument::Compact));
    return pageOf(raw, cursorJson);
}

// Three pages that repeat rows across their boundaries, as a listing does when
// connections change under it: nine rows sent, connections 9 to 5 once each.
void stageOverlappingPages(StagedServer &server)
{
    server.stage(200, pageOf(QByteArrayList{rowBytes(9), rowBytes(8), rowBytes(7)}, "\"c1\""));
    server.stage(200, pageOf(QByteArrayList{rowBytes(7), rowBytes(8), rowBytes(6)}, "\"c2\""));
    server.stage(200, pageOf(QByteArrayList{rowBytes(6), rowBytes(5)}));
}

struct Exported
{
    ExportResult result;
    QByteArray bytes; // the file; empty when none was written
    bool fileExists = false;
};

Exported exportFrom(IncreaseClient &client, const QString &path,
                    ExportOptions::Format format = ExportOptions::Format::Csv)
{
    ExportOptions options;
    options.outputPath = path;
    options.format = format;
    options.maxRetries = 0;
    Exporter exporter(&client, options);
    Exported out;
    bool done = false;
    QObject::connect(&exporter, &Exporter::finished, [&](const ExportResult &r) {
        out.result = r;
        done = true;
    });
    exporter.start();
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qWarning("the export did not finish");
    QFile file(path);
    out.fileExists = file.exists();
    if (file.open(QIODevice::ReadOnly))
        out.bytes = file.readAll();
    return out;
}

// The columns of a default CSV export, for comparing with what was staged.
QStringList csvCells(const QJsonObject &row)
{
    QStringList cells;
    for (const char *column :
         {"id", "created_at", "deleted_at", "group_id", "oauth_application_id", "status", "type"})
        cells.append(row.value(QLatin1StringView(column)).toString());
    return cells;
}

// What the CSV writer must make of a text cell: the OWASP guard on a leading trigger.
QString guarded(const QString &text)
{
    static const QString triggers = u"=+-@\t\r"_s;
    return !text.isEmpty() && triggers.contains(text.front()) ? u'\'' + text : text;
}

// Serves one response whose body is `bodyBytes` of JSON-looking filler, written only as
// fast as the client reads, and counts what the kernel accepted before the client hung up:
// a client that buffered the whole body would let every byte through.
class StreamingServer
{
public:
    StreamingServer(qint64 bodyBytes, bool announceLength)
        : m_total(bodyBytes)
        , m_announce(announceLength)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket] { onRequest(socket); });
                QObject::connect(socket, &QTcpSocket::bytesWritten, socket,
                                 [this, socket](qint64 n) {
                                     accepted += n;
                                     pump(socket);
                                 });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                    clientClosed = true;
                    socket->deleteLater();
                });
            }
        });
    }

    QUrl url() const
    {
        QUrl u;
        u.setScheme(u"http"_s);
        u.setHost(u"127.0.0.1"_s);
        u.setPort(m_server.serverPort());
        return u;
    }

    int connections = 0;
    qint64 accepted = 0; // bytes the socket handed to the kernel, head included
    bool clientClosed = false;

private:
    void onRequest(QTcpSocket *socket)
    {
        socket->readAll();
        if (m_started)
            return;
        m_started = true;
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        if (m_announce)
            head += "Content-Length: " + QByteArray::number(m_total) + "\r\n";
        else
            head += "Connection: close\r\n";
        socket->write(head + "\r\n{\"data\":[");
        m_sent = 9;
        pump(socket);
    }

    void pump(QTcpSocket *socket)
    {
        // A few MiB queued at most: the rest is produced only as the client takes it.
        constexpr qint64 kChunk = 1 << 20;
        const QByteArray filler(kChunk, ' ');
        while (socket->state() == QAbstractSocket::ConnectedState &&
               socket->bytesToWrite() < 4 * kChunk && m_sent < m_total) {
            const qint64 n = qMin(kChunk, m_total - m_sent);
            socket->write(filler.constData(), n);
            m_sent += n;
        }
        if (m_sent >= m_total && !m_announce && socket->bytesToWrite() == 0)
            socket->disconnectFromHost();
    }

    QTcpServer m_server;
    qint64 m_total;
    bool m_announce;
    bool m_started = false;
    qint64 m_sent = 0;
};

ApiResult finishedResult(ApiCall *call, int timeoutMs = 30000)
{
    ApiResult result;
    bool done = false;
    QObject::connect(call, &ApiCall::finished, [&](const ApiResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        qWarning("the call did not finish");
    return result;
}

} // namespace

class TestHostileData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The contract puts no length on an object's id (only on a path id: 1-200): a long one
    // is data like any other, exported as sent. Only sending it back in a URL is refused.
    void tenThousandCharacterIdsAreExportedVerbatim()
    {
        const QString id = u"connection_"_s + QString(10000 - 11, u'x');
        const QString group = u"group_"_s + QString(10000 - 6, u'g');
        const QList<QJsonObject> rows = {connectionObject(id, group), connectionObject(u"b"_s)};
        StagedServer server;
        server.stage(200, pageOf(rows));
        server.stage(200, pageOf(rows));
        IncreaseClient client(configFor(server.url()));

        const Exported csv = exportFrom(client, m_dir.filePath(u"long.csv"_s));
        QCOMPARE(csv.result.outcome, ExportResult::Outcome::Completed);
        QString error;
        const QList<QStringList> table = CsvTable::parse(csv.bytes, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(table.size(), 3);
        QCOMPARE(table.at(1), csvCells(rows.at(0)));
        QCOMPARE(table.at(1).at(0).size(), 10000);

        const Exported jsonl =
            exportFrom(client, m_dir.filePath(u"long.jsonl"_s), ExportOptions::Format::Jsonl);
        QCOMPARE(jsonl.result.outcome, ExportResult::Outcome::Completed);
        const QJsonObject first = QJsonDocument::fromJson(jsonl.bytes.split('\n').at(0)).object();
        QCOMPARE(first, rows.at(0));
    }

    void tenThousandCharacterIdIsRefusedBeforeAnyRequest()
    {
        StagedServer server;
        IncreaseClient client(configFor(server.url()));
        const ApiResult result =
            finishedResult(client.retrieveConnection(u"connection_"_s + QString(9989, u'x')));
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ApiError::Kind::InvalidRequest);
        QVERIFY2(result.error->detail.contains(u"10000 characters long"_s),
                 qPrintable(result.error->detail));
        QTest::qWait(20);
        QVERIFY(server.requests.isEmpty());
    }

    void tableModelKeepsHugeFieldsExactly()
    {
        const QString id = u"connection_"_s + QString(9989, u'x');
        const QString group = u"group_"_s + QString(9994, u'g');
        const QString application = u"application_"_s + QString(9988, u'a');
        const QJsonObject row = connectionObject(id, group, application);
        StagedServer server;
        server.stage(200, pageOf(QList<QJsonObject>{row}));
        IncreaseClient client(configFor(server.url()));
        ConnectionTableModel model(&client);
        model.setQuery({});
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(QTest::qWaitFor([&] { return !model.hasMore() && !model.isFetching(); }, 10000));
        QCOMPARE(model.rowCount(), 1);
        const OAuthConnection loaded = model.connectionAt(0);
        QCOMPARE(loaded.id, id);
        QCOMPARE(loaded.groupId, group);
        QCOMPARE(loaded.oauthApplicationId, application);
        QCOMPARE(model.index(0, ConnectionTableModel::IdColumn).data().toString(), id);
    }

    void controlAndBidiCharactersSurviveExport_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("csv") << int(ExportOptions::Format::Csv);
        QTest::newRow("jsonl") << int(ExportOptions::Format::Jsonl);
    }

    // Kept exactly, escaped where each format needs it; the formula guard looks at the
    // first character, so a cell that starts with a trigger is guarded whatever follows,
    // and U+202E (which only reorders how text is shown) is not a trigger itself.
    void controlAndBidiCharactersSurviveExport()
    {
        QFETCH(int, format);
        const QChar rlo(0x202E);
        const QList<QJsonObject> rows = {
            connectionObject(u"connection_"_s + rlo + u"fdp.exe"_s, u"=HYPERLINK(1)"_s + rlo),
            connectionObject(u"connection_bell\u0007esc\u001b[31mred"_s, rlo + u"=1+2"_s,
                             u"-application"_s + rlo),
            connectionObject(u"connection_nul\u0000del\u007fend"_s, u"group,\"quoted\"\r\nx"_s,
                             u"@\t"_s),
            connectionObject(u"connection_ls\u2028ps\u2029bom\ufeff"_s, u"\tgroup"_s,
                             u"\rapplication"_s),
        };
        StagedServer server;
        server.stage(200, pageOf(rows));
        IncreaseClient client(configFor(server.url()));
        const Exported out = exportFrom(client, m_dir.filePath(u"hostile.%1"_s.arg(format)),
                                        ExportOptions::Format(format));
        QCOMPARE(out.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(out.result.rows, rows.size());

        if (format == int(ExportOptions::Format::Csv)) {
            QString error;
            const QList<QStringList> table = CsvTable::parse(out.bytes, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(table.size(), rows.size() + 1);
            for (int i = 0; i < rows.size(); ++i) {
                QStringList expected;
                for (const QString &cell : csvCells(rows.at(i)))
                    expected.append(guarded(cell));
                QCOMPARE(table.at(i + 1), expected);
            }
            QCOMPARE(table.at(1).at(3), u"'=HYPERLINK(1)"_s + rlo);
            QCOMPARE(table.at(2).at(3), rlo + u"=1+2"_s);
            return;
        }
        const QList<QByteArray> lines = out.bytes.split('\n');
        QCOMPARE(lines.size(), rows.size() + 1); // the last newline leaves an empty tail
        for (int i = 0; i < rows.size(); ++i) {
            for (const char c : lines.at(i))
                QVERIFY2(uchar(c) >= 0x20, "a raw control character in a JSON line");
            QJsonParseError parseError;
            const QJsonDocument line = QJsonDocument::fromJson(lines.at(i), &parseError);
            QVERIFY2(line.isObject(), qPrintable(parseError.errorString()));
            QCOMPARE(line.object(), rows.at(i));
        }
        QVERIFY(lines.at(1).contains("\\u0007esc\\u001b[31m"));
        QVERIFY(lines.at(0).contains(QString(rlo).toUtf8())); // valid in JSON as it is
    }

    void invalidUtf8IsAMalformedResponse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("stray continuation byte") << QByteArray("connection_\x80");
        QTest::newRow("0xff") << QByteArray("connection_\xff\xfe");
        QTest::newRow("overlong slash") << QByteArray("connection_\xc0\xaf");
        QTest::newRow("encoded surrogate") << QByteArray("connection_\xed\xa0\x80");
        QTest::newRow("sequence cut short") << QByteArray("connection_\xe2\x80");
    }

    // Decided: a page that is not valid UTF-8 is not JSON (RFC 8259 §8.1), so it is a
    // malformed response, never a silent U+FFFD that would export an id the server does
    // not have. The export writes no file.
    void invalidUtf8IsAMalformedResponse()
    {
        QFETCH(QByteArray, bytes);
        const QByteArray row = rowBytes(1).replace("connection_00000000000000000001", bytes);
        StagedServer server;
        server.stage(200, pageOf(QByteArrayList{rowBytes(2), row}));
        IncreaseClient client(configFor(server.url()));
        const QString path = m_dir.filePath(u"utf8.csv"_s);
        const Exported out = exportFrom(client, path);
        QCOMPARE(out.result.outcome, ExportResult::Outcome::Failed);
        QCOMPARE(out.result.error.kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(out.result.error.detail.contains(u"UTF8"_s, Qt::CaseInsensitive) ||
                     out.result.error.detail.contains(u"UTF-8"_s, Qt::CaseInsensitive),
                 qPrintable(out.result.error.detail));
        QVERIFY(!out.fileExists);
    }

    void deeplyNestedUnknownField_data()
    {
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("500 levels") << 500 << true;
        QTest::newRow("10,000 levels") << 10000 << false;
    }

    // Unknown fields are ignored, however deep, up to what QJsonDocument parses (1,024
    // levels); beyond that the page is a malformed response that says why, and the parser's
    // limit means no stack overflow.
    void deeplyNestedUnknownField()
    {
        QFETCH(int, depth);
        QFETCH(bool, accepted);
        QByteArray row = rowBytes(1);
        row.chop(1);
        row += ",\"extension\":" + QByteArray(depth, '[') + QByteArray(depth, ']') + '}';
        StagedServer server;
        server.stage(200, pageOf(QByteArrayList{row, rowBytes(2)}));
        IncreaseClient client(configFor(server.url()));
        const Exported out = exportFrom(client, m_dir.filePath(u"nested-%1.csv"_s.arg(depth)));
        if (accepted) {
            QCOMPARE(out.result.outcome, ExportResult::Outcome::Completed);
            QCOMPARE(out.result.rows, 2);
            return;
        }
        QCOMPARE(out.result.outcome, ExportResult::Outcome::Failed);
        QCOMPARE(out.result.error.kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(out.result.error.detail.contains(u"nested"_s),
                 qPrintable(out.result.error.detail));
        QVERIFY(!out.fileExists);
    }

    void fiftyMegabyteBodyIsRefusedWithoutBufferingIt_data()
    {
        QTest::addColumn<bool>("announceLength");
        QTest::newRow("Content-Length: 52428800") << true;
        QTest::newRow("no Content-Length, ends when closed") << false;
    }

    // The 32 MiB cap: a declared length above it is refused from the headers; a body with
    // no length is cut off once 32 MiB are buffered. Either way the server never gets to
    // send all 50 MB, and the refusal is not retried.
    void fiftyMegabyteBodyIsRefusedWithoutBufferingIt()
    {
        QFETCH(bool, announceLength);
        constexpr qint64 kBody = 50LL * 1024 * 1024;
        StreamingServer server(kBody, announceLength);
        ClientConfig config = configFor(server.url());
        config.maxRetries = 3;
        IncreaseClient client(config);
        qint64 bytesLogged = -1;
        connect(&client, &IncreaseClient::exchange, this,
                [&](const RequestLogEntry &entry) { bytesLogged = entry.bytesReceived; });
        const ApiResult result = finishedResult(client.listConnections({}, {}));
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ApiError::Kind::MalformedResponse);
        QCOMPARE(result.error->title, u"Response too large"_s);
        QVERIFY2(result.error->detail.contains(u"32 MiB"_s), qPrintable(result.error->detail));
        QCOMPARE(result.attempts, 1);
        QCOMPARE(bytesLogged, 0);
        QVERIFY(QTest::qWaitFor([&] { return server.clientClosed; }, 5000));
        qInfo("server handed %.1f MiB to the kernel before the client hung up",
              double(server.accepted) / (1024 * 1024));
        QCOMPARE(server.connections, 1);
        QVERIFY(server.accepted < kBody);
        if (announceLength)
            QVERIFY(server.accepted < 16LL * 1024 * 1024);
    }

    // Decided: the API never sends more than 100, but a bigger page is still a valid page
    // (22 MB, under the cap): every row is exported, none dropped.
    void pageOfHundredThousandRowsIsExportedWhole()
    {
        QByteArrayList rows;
        rows.reserve(100000);
        for (int n = 100000; n > 0; --n)
            rows.append(rowBytes(n));
        const QByteArray body = pageOf(rows);
        StagedServer server;
        server.stage(200, body);
        IncreaseClient client(configFor(server.url()));
        const Exported out = exportFrom(client, m_dir.filePath(u"big.csv"_s));
        QCOMPARE(out.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(out.result.rows, 100000);
        QCOMPARE(out.result.duplicatesDropped, 0);
        const QList<QByteArray> lines = out.bytes.split('\n');
        QCOMPARE(lines.size(), 100002); // header, rows, empty tail
        QVERIFY(lines.at(1).startsWith("connection_00000000000000100000,"));
        QVERIFY(lines.at(100000).startsWith("connection_00000000000000000001,"));
    }

    void numbersWhereStringsBelong_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("id") << QByteArray("id") << QByteArray("12345")
                            << u"data[2].id: expected a string, got a number"_s;
        QTest::newRow("status") << QByteArray("status") << QByteArray("1")
                                << u"data[2].status: expected a string, got a number"_s;
        QTest::newRow("created_at") << QByteArray("created_at") << QByteArray("1704067200")
                                    << u"data[2].created_at: expected a string, got a number"_s;
        QTest::newRow("deleted_at")
            << QByteArray("deleted_at") << QByteArray("0")
            << u"data[2].deleted_at: expected a string or null, got a number"_s;
        QTest::newRow("group_id as array")
            << QByteArray("group_id") << QByteArray("[\"g\"]")
            << u"data[2].group_id: expected a string, got an array"_s;
    }

    void numbersWhereStringsBelong()
    {
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        QJsonObject object = QJsonDocument::fromJson(rowBytes(3)).object();
        object.remove(QString::fromLatin1(field));
        QByteArray row = QJsonDocument(object).toJson(QJsonDocument::Compact);
        row.chop(1);
        row += ",\"" + field + "\":" + value + '}';
        StagedServer server;
        server.stage(200, pageOf(QByteArrayList{rowBytes(5), rowBytes(4), row}));
        IncreaseClient client(configFor(server.url()));
        const Exported out = exportFrom(client, m_dir.filePath(u"types.csv"_s));
        QCOMPARE(out.result.outcome, ExportResult::Outcome::Failed);
        QCOMPARE(out.result.error.kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(out.result.error.detail.contains(expected), qPrintable(out.result.error.detail));
        QVERIFY(!out.fileExists);
    }

    void duplicateRowsAcrossPagesAreExportedOnce()
    {
        StagedServer server;
        stageOverlappingPages(server);
        IncreaseClient client(configFor(server.url()));
        const Exported out = exportFrom(client, m_dir.filePath(u"dups.csv"_s));
        QCOMPARE(out.result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(out.result.rows, 5);
        QCOMPARE(out.result.duplicatesDropped, 3);
        QString error;
        const QList<QStringList> table = CsvTable::parse(out.bytes, &error);
        QCOMPARE(table.size(), 6);
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(table.at(i).at(0), u"connection_%1"_s.arg(10 - i, 20, 10, QChar(u'0')));
    }

    // The table, like an export, must show each id once when the server repeats rows
    // across pages (as it does when connections change during a listing).
    void tableModelShowsARowRepeatedAcrossPagesOnce()
    {
        StagedServer server;
        stageOverlappingPages(server);
        IncreaseClient client(configFor(server.url()));
        ConnectionTableModel model(&client);
        model.setQuery({});
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.loadAll();
        QVERIFY(QTest::qWaitFor([&] { return !model.hasMore() && !model.isFetching(); }, 10000));
        QVERIFY(!model.lastError());
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(model.connectionAt(row).id);
        QStringList expected;
        for (int n = 9; n >= 5; --n)
            expected.append(u"connection_%1"_s.arg(n, 20, 10, QChar(u'0')));
        QCOMPARE(ids, expected);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHostileData)
#include "tst_hostiledata.moc"
