// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clifixture.h"
#include "csvtable.h"
#include "sandboxserver.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// `get`, `applications` and `--demo`, end to end with the real binary.
class TestCliGet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.connections = 120;
        options.applications = 8;
        options.tricky = true; // applicationsAsCsv checks the formula guard on a real name
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
        const QList<QJsonObject> connections = m_cli.connections();
        QVERIFY(connections.size() > 10);
        m_id = connections.at(7).value(u"id"_s).toString();
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_cli.verifyKeyNeverShown(); }

    void getPrintsTheObjectAsJson()
    {
        const CliRun run = m_cli.run(m_cli.baseUrlFlag() + QStringList{u"get"_s, m_id});

        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(run.out, &parseError);
        QVERIFY2(document.isObject(), qPrintable(parseError.errorString()));
        QCOMPARE(document.object(), m_cli.connection(m_id).value());
        QVERIFY(run.out.contains("\n    \"id\": "));
    }

    void getPrintsOneFieldPerLineAsText()
    {
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"get"_s, m_id, u"--format"_s, u"text"_s});

        QCOMPARE(run.exitCode, 0);
        const QJsonObject object = m_cli.connection(m_id).value();
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), object.size());
        QCOMPARE(lines.first(), "id: " + m_id.toUtf8());
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QByteArray value =
                it.value().isNull() ? QByteArray("null") : it.value().toString().toUtf8();
            QVERIFY2(lines.contains(it.key().toUtf8() + ": " + value), qPrintable(it.key()));
        }
    }

    void getOfAMissingIdFails()
    {
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"get"_s, u"connection_doesnotexist0"_s});

        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("object_not_found_error"), run.err.constData());
        QVERIFY2(run.err.contains("HTTP 404"), run.err.constData());
    }

    void getLogsItsExchangeWhenVerbose()
    {
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"get"_s, m_id, u"--verbose"_s});

        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QByteArray exchange = " GET /oauth_connections/" + m_id.toUtf8() + " -> 200";
        QVERIFY2(lines.first().contains(exchange), lines.first().constData());
    }

    void applicationsAsCsv()
    {
        const QList<QJsonObject> expected = m_cli.applications();
        QCOMPARE(expected.size(), 8);

        const CliRun run = m_cli.run(m_cli.baseUrlFlag() + QStringList{u"applications"_s});

        QCOMPARE(run.exitCode, 0);
        QString error;
        const QList<QStringList> table = CsvTable::parse(run.out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(table.value(0), (QStringList{u"id"_s, u"client_id"_s, u"created_at"_s,
                                              u"deleted_at"_s, u"name"_s, u"status"_s, u"type"_s}));
        QCOMPARE(table.size(), expected.size() + 1);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QStringList &row = table.at(i + 1);
            const QJsonObject &application = expected.at(i);
            QCOMPARE(row.at(0), application.value(u"id"_s).toString());
            QCOMPARE(row.at(3), application.value(u"deleted_at"_s).toString());
            QCOMPARE(row.at(5), application.value(u"status"_s).toString());
            const QString name = application.value(u"name"_s).toString();
            // Formula-looking names come out guarded, like in exports.
            const bool guarded = !name.isEmpty() && u"=+-@\t\r"_s.contains(name.front());
            QCOMPARE(row.at(4), guarded ? u'\'' + name : name);
        }
    }

    void applicationsAsJsonLinesToAFile()
    {
        const QString path = m_dir.filePath(u"applications.jsonl"_s);

        const CliRun run = m_cli.run(m_cli.baseUrlFlag() +
                                     QStringList{u"applications"_s, u"--status"_s, u"active"_s,
                                                 u"--format"_s, u"jsonl"_s, u"--output"_s, path});

        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QList<QJsonObject> active;
        for (const QJsonObject &application : m_cli.applications()) {
            if (application.value(u"status"_s) == u"active"_s)
                active.append(application);
        }
        const QList<QByteArray> lines = m_cli.readFile(path).trimmed().split('\n');
        QCOMPARE(lines.size(), active.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QVERIFY(lines.at(i).startsWith("{\"id\":\""));
            QCOMPARE(QJsonDocument::fromJson(lines.at(i)).object(), active.at(i));
        }
    }

    void demoNeedsNoKey()
    {
        const CliRun run =
            m_cli.run({u"export"_s, u"--demo"_s, u"--status"_s, u"all"_s}, std::nullopt);

        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QVERIFY(run.out.startsWith("id,created_at,deleted_at,group_id,oauth_application_id,"));
        QCOMPARE(run.out.count("\r\n"), 2500 + 1);
    }

    void demoNeverUsesTheRealKey()
    {
        // With --verbose the log would show a refused key; the demo answers 200 instead.
        const CliRun run = m_cli.run({u"--demo"_s, u"--verbose"_s, u"applications"_s});

        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("-> 200"), run.err.constData());
    }

private:
    CliFixture m_cli;
    QTemporaryDir m_dir;
    QString m_id;
};

QTEST_GUILESS_MAIN(TestCliGet)
#include "tst_cliget.moc"
