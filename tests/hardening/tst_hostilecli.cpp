// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The real binary fed hostile data: ids too long to send, names full of control and bidi
// characters, repeated rows, wrong types, an error body that tries to drive the terminal.
#include "clifixture.h"
#include "csvtable.h"
#include "sandboxserver.h"
#include "stagedserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject connectionObject(int n, const QString &applicationId = u"application_1"_s)
{
    return QJsonObject{{u"id"_s, u"connection_%1"_s.arg(n, 20, 10, QChar(u'0'))},
                       {u"created_at"_s, u"2024-01-01T00:00:00Z"_s},
                       {u"deleted_at"_s, QJsonValue::Null},
                       {u"group_id"_s, u"group_1"_s},
                       {u"oauth_application_id"_s, applicationId},
                       {u"status"_s, u"active"_s},
                       {u"type"_s, u"oauth_connection"_s}};
}

QJsonObject applicationObject(const QString &id, const QString &name)
{
    return QJsonObject{{u"id"_s, id},
                       {u"client_id"_s, QString(u"client_"_s + id)},
                       {u"created_at"_s, u"2024-01-01T00:00:00Z"_s},
                       {u"deleted_at"_s, QJsonValue::Null},
                       {u"name"_s, name},
                       {u"status"_s, u"active"_s},
                       {u"type"_s, u"oauth_application"_s}};
}

QByteArray pageOf(const QList<QJsonObject> &rows, const QByteArray &cursorJson = "null")
{
    QByteArrayList raw;
    for (const QJsonObject &row : rows)
        raw.append(QJsonDocument(row).toJson(QJsonDocument::Compact));
    return "{\"data\":[" + raw.join(',') + "],\"next_cursor\":" + cursorJson + "}";
}

QStringList stagedUrl(const StagedServer &server)
{
    return {u"--base-url"_s, server.url().toString()};
}

CliRun runAgainst(const QStringList &arguments)
{
    return CliRunner::run(arguments, CliRunner::environment(CliFixture::apiKey()));
}

} // namespace

class TestHostileCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SandboxOptions options;
        options.connections = 50;
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
    }

    void cleanup() { m_cli.verifyKeyNeverShown(); }

    void getRefusesATenThousandCharacterIdBeforeAnyRequest()
    {
        const qint64 before = m_cli.sandbox().requestsReceived();
        const QString id = u"connection_"_s + QString(9989, u'x');
        const CliRun run = m_cli.run(m_cli.baseUrlFlag() + QStringList{u"get"_s, id});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("10000 characters long"), run.err.left(500).constData());
        QVERIFY(run.out.isEmpty());
        // Nor the id echoed back whole: the message says how long it is instead.
        QVERIFY(run.err.size() < 2000);
        QCOMPARE(m_cli.sandbox().requestsReceived(), before);
    }

    void exportRefusesATenThousandCharacterApplicationIdBeforeAnyRequest()
    {
        const qint64 before = m_cli.sandbox().requestsReceived();
        const QString id = u"application_"_s + QString(9988, u'x');
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--application"_s, id});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("10000 characters long"), run.err.left(500).constData());
        QVERIFY(run.err.size() < 2000);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(m_cli.sandbox().requestsReceived(), before);
    }

    void duplicateRowsAcrossPagesAreWrittenOnceWithAWarning()
    {
        StagedServer server;
        server.stage(
            200, pageOf({connectionObject(9), connectionObject(8), connectionObject(7)}, "\"c1\""));
        server.stage(
            200, pageOf({connectionObject(8), connectionObject(7), connectionObject(6)}, "\"c2\""));
        server.stage(200, pageOf({connectionObject(6), connectionObject(5)}));
        const CliRun run =
            runAgainst(stagedUrl(server) + QStringList{u"export"_s, u"--parallel"_s, u"1"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QString error;
        const QList<QStringList> table = CsvTable::parse(run.out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(table.size(), 6);
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(table.at(i).at(0), connectionObject(10 - i).value(u"id"_s).toString());
        QVERIFY2(run.err.contains("warning: 3 duplicate rows dropped"), run.err.constData());
    }

    // Application names are chosen by their owners: long, bidi-reordered, formula-shaped,
    // full of terminal escapes. The file keeps each exactly, guarded where it starts like a
    // formula; nothing of them reaches the terminal.
    void hostileApplicationNamesAreExportedExactly()
    {
        const QChar rlo(0x202E);
        const QStringList names = {
            QString(10000, u'n'),
            u"evil"_s + rlo + u"gpj.exe"_s,
            u"=HYPERLINK(\"http://x\",\"y\")"_s + rlo,
            u"\u001b]0;pwned\u0007\u001b[2J"_s,
            rlo + u"@SUM(1)"_s,
        };
        QList<QJsonObject> applications;
        QList<QJsonObject> connections;
        for (int i = 0; i < names.size(); ++i) {
            const QString id = u"application_%1"_s.arg(i);
            applications.append(applicationObject(id, names.at(i)));
            connections.append(connectionObject(100 - i, id));
        }
        StagedServer server;
        server.stage(200, pageOf(applications));
        server.stage(200, pageOf(connections));
        const QString path = m_dir.filePath(u"names.csv"_s);
        const CliRun run = runAgainst(stagedUrl(server) +
                                      QStringList{u"export"_s, u"--with-application-name"_s,
                                                  u"--parallel"_s, u"1"_s, u"--output"_s, path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QVERIFY(server.target(0).startsWith("/oauth_applications"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const QList<QStringList> table = CsvTable::parse(file.readAll(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(table.size(), names.size() + 1);
        const int column = int(table.at(0).indexOf(u"oauth_application_name"_s));
        QVERIFY(column > 0);
        QCOMPARE(table.at(1).at(column), names.at(0));
        QCOMPARE(table.at(2).at(column), names.at(1));
        QCOMPARE(table.at(3).at(column), u'\'' + names.at(2));
        QCOMPARE(table.at(4).at(column), names.at(3));
        QCOMPARE(table.at(5).at(column), names.at(4));
    }

    void wrongTypeInAPageNamesTheFieldAndIndex()
    {
        QByteArrayList rows;
        for (int n : {3, 2})
            rows.append(QJsonDocument(connectionObject(n)).toJson(QJsonDocument::Compact));
        rows.last().replace("\"status\":\"active\"", "\"status\":7");
        StagedServer server;
        server.stage(200, "{\"data\":[" + rows.join(',') + "],\"next_cursor\":null}");
        const QString path = m_dir.filePath(u"types.csv"_s);
        const CliRun run = runAgainst(stagedUrl(server) + QStringList{u"export"_s, u"--parallel"_s,
                                                                      u"1"_s, u"--output"_s, path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("data[1].status: expected a string, got a number"),
                 run.err.constData());
        QVERIFY2(run.err.contains("malformed_response_error"), run.err.constData());
        QVERIFY(!QFile::exists(path));
    }

    // An error body is the server's text: shown, but with its escapes defused.
    void errorBodyCannotDriveTheTerminal()
    {
        const QByteArray body = "{\"type\":\"invalid_operation_error\",\"status\":409,"
                                "\"title\":\"\\u001b]0;owned\\u0007\\u001b[2JTitle\\u202e\","
                                "\"detail\":\"line one\\r\\nerror: fake line\"}";
        StagedServer server;
        server.stage(409, body, {{"x-should-retry", "false"}});
        const CliRun run =
            runAgainst(stagedUrl(server) + QStringList{u"get"_s, u"connection_abc"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("invalid_operation_error"), run.err.constData());
        QVERIFY2(run.err.contains("Title"), run.err.constData());
        QVERIFY2(!run.err.contains('\x1b'), run.err.toPercentEncoding().constData());
        QVERIFY2(!run.err.contains('\x07'), run.err.toPercentEncoding().constData());
        QVERIFY2(!run.err.contains("\nerror: fake line"), run.err.constData());
    }

private:
    CliFixture m_cli;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHostileCli)
#include "tst_hostilecli.moc"
