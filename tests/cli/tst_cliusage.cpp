// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clifixture.h"
#include "sandboxserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Usage errors exit 2 before any request, say what to do, and never echo the key.
class TestCliUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.connections = 50;
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_cli.verifyKeyNeverShown(); }

    void usageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");

        // Most usage errors are one bad value of one of export's flags, named in the message.
        const auto badExportFlag = [](const char *row, const QString &flag, const QString &value) {
            QTest::newRow(row) << QStringList{u"export"_s, flag, value} << flag;
        };
        // A refused id is quoted back.
        const auto badId = [](const char *row, const QString &id) {
            QTest::newRow(row) << QStringList{u"get"_s, id} << id;
        };

        const QString longId(201, u'a');
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"frobnicate"_s;
        QTest::newRow("unknown flag") << QStringList{u"export"_s, u"--bogus"_s} << u"bogus"_s;
        badExportFlag("--parallel out of range", u"--parallel"_s, u"33"_s);
        badExportFlag("--rate-limit not above zero", u"--rate-limit"_s, u"0"_s);
        QTest::newRow("no --api-key flag")
            << QStringList{u"export"_s, u"--api-key"_s, CliFixture::apiKey()} << u"api-key"_s;
        QTest::newRow("no --api-key= flag")
            << QStringList{u"export"_s, u"--api-key="_s + CliFixture::apiKey()} << u"api-key"_s;
        QTest::newRow("another command's flag")
            << QStringList{u"get"_s, u"connection_x"_s, u"--bom"_s} << u"bom"_s;
        QTest::newRow("command flag before the command")
            << QStringList{u"--status"_s, u"all"_s, u"export"_s} << u"after its name"_s;
        QTest::newRow("--base-url with --environment")
            << QStringList{u"--base-url"_s, u"https://api.increase.com"_s, u"--environment"_s,
                           u"sandbox"_s, u"export"_s}
            << u""_s;
        QTest::newRow("--demo with --environment sandbox")
            << QStringList{u"--demo"_s, u"--environment"_s, u"sandbox"_s, u"export"_s}
            << u"--demo"_s;
        QTest::newRow("unknown environment")
            << QStringList{u"--environment"_s, u"staging"_s, u"export"_s} << u"staging"_s;
        QTest::newRow("plain http to a remote host")
            << QStringList{u"--base-url"_s, u"http://example.com"_s, u"export"_s} << u"http"_s;
        badExportFlag("bad status", u"--status"_s, u"deleted"_s);
        QTest::newRow("bad application status")
            << QStringList{u"applications"_s, u"--status"_s, u"inactive"_s} << u"--status"_s;
        badExportFlag("bad column", u"--columns"_s, u"id,nope"_s);
        badExportFlag("bad format", u"--format"_s, u"xml"_s);
        QTest::newRow("bom with jsonl")
            << QStringList{u"export"_s, u"--format"_s, u"jsonl"_s, u"--bom"_s} << u"--bom"_s;
        QTest::newRow("empty output") << QStringList{u"export"_s, u"--output="_s} << u"--output"_s;
        QTest::newRow("export takes no argument")
            << QStringList{u"export"_s, u"connection_x"_s} << u"connection_x"_s;
        QTest::newRow("get without id") << QStringList{u"get"_s} << u"id"_s;
        QTest::newRow("get with two ids")
            << QStringList{u"get"_s, u"connection_a"_s, u"connection_b"_s} << u"one id"_s;
        badId("id ..", u".."_s);
        badId("id ../x", u"../x"_s);
        badId("id with a slash", u"a/b"_s);
        QTest::newRow("id of 201 characters") << QStringList{u"get"_s, longId} << u"id"_s;
        badExportFlag("application id ..", u"--application"_s, u".."_s);
        badExportFlag("timeout zero", u"--timeout-ms"_s, u"0"_s);
        badExportFlag("negative retries", u"--max-retries"_s, u"-1"_s);
        QTest::newRow("verbose and quiet")
            << QStringList{u"export"_s, u"--verbose"_s, u"--quiet"_s} << u"--quiet"_s;
        badExportFlag("missing CA file", u"--ca-file"_s, u"/nonexistent/ca.pem"_s);
    }

    void usageError()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);

        // Were a usage error let through, the request would reach the sandbox, not the
        // network: INCREASE_BASE_URL points there and has the lowest precedence.
        QProcessEnvironment env = CliRunner::environment(CliFixture::apiKey());
        env.insert(u"INCREASE_BASE_URL"_s, m_cli.baseUrl());
        const qint64 served = m_cli.sandbox().requestsServed();

        const CliRun run = m_cli.run(arguments, env);

        QVERIFY(run.normalExit);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(u"error: "_s), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QCOMPARE(m_cli.sandbox().requestsServed(), served);
    }

    void noKeySaysHowToProvideOne()
    {
        QProcessEnvironment env = CliRunner::environment(std::nullopt);
        env.insert(u"INCREASE_BASE_URL"_s, m_cli.baseUrl());

        const CliRun run = m_cli.run({u"export"_s}, env);

        QCOMPARE(run.exitCode, 2);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(u"INCREASE_API_KEY"_s), qPrintable(err));
        QVERIFY2(err.contains(u"--api-key-file"_s), qPrintable(err));
        QVERIFY2(err.contains(u"--demo"_s), qPrintable(err));
    }

    void keyFileReadableByOthersIsRefused()
    {
        const CliRun run = runWithKeyFile(u"open.key"_s, QFile::ReadOwner | QFile::WriteOwner |
                                                             QFile::ReadGroup | QFile::ReadOther);

        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("chmod 600"), run.err.constData());
    }

    void keyFileOnlyTheOwnerCanReadIsUsed()
    {
        const CliRun run = runWithKeyFile(u"private.key"_s, QFile::ReadOwner | QFile::WriteOwner);

        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("id,client_id,"), run.err.constData());
    }

    void helpAndVersion_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("--help") << QStringList{u"--help"_s} << u"applications"_s;
        QTest::newRow("-h") << QStringList{u"-h"_s} << u"--api-key-file"_s;
        QTest::newRow("export --help")
            << QStringList{u"export"_s, u"--help"_s} << u"--with-application-name"_s;
        QTest::newRow("get --help") << QStringList{u"get"_s, u"--help"_s} << u"json|text"_s;
        QTest::newRow("--version") << QStringList{u"--version"_s} << QStringLiteral(IC_VERSION);
    }

    void helpAndVersion()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);

        const CliRun run = m_cli.run(arguments, std::nullopt);

        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QVERIFY2(QString::fromUtf8(run.out).contains(mentions), run.out.constData());
        // Only export splits a listing.
        QCOMPARE(run.out.contains("--parallel"), arguments.startsWith(u"export"_s));
        QVERIFY(!run.out.contains("--api-key "));
    }

    // The usage line names the program, not the path it was started from (this suite
    // starts it by its full path in the build tree).
    void usageLineNamesTheProgram_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("usage");
        QTest::newRow("--help") << QStringList{u"--help"_s}
                                << u"Usage: increase-connections [options] COMMAND"_s;
        QTest::newRow("export --help") << QStringList{u"export"_s, u"--help"_s}
                                       << u"Usage: increase-connections [options] export"_s;
        QTest::newRow("get --help") << QStringList{u"get"_s, u"--help"_s}
                                    << u"Usage: increase-connections [options] get ID"_s;
        QTest::newRow("summary --help") << QStringList{u"--demo"_s, u"summary"_s, u"-h"_s}
                                        << u"Usage: increase-connections [options] summary"_s;
    }

    void usageLineNamesTheProgram()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, usage);

        const CliRun run = m_cli.run(arguments, std::nullopt);

        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out);
        QCOMPARE(out.section(u'\n', 0, 0), usage);
        QVERIFY2(!out.contains(QStringLiteral(IC_CLI_PATH)), qPrintable(out));
    }

    // `increase-connections 0.1.0`, and in a build from a git checkout the commit after it:
    // `increase-connections 0.1.0 (v0.1.0-12-gabc1234)`.
    void versionLine()
    {
        const CliRun run = m_cli.run({u"--version"_s}, std::nullopt);

        QCOMPARE(run.exitCode, 0);
        const QString line = QString::fromUtf8(run.out);
        const QString plain = u"increase-connections "_s + QStringLiteral(IC_VERSION) + u'\n';
        QVERIFY2(line == plain || (line.startsWith(plain.chopped(1) + u" ("_s) &&
                                   line.endsWith(u")\n"_s) && line.count(u'\n') == 1),
                 qPrintable(line));
        // Every command says the same.
        QCOMPARE(m_cli.run({u"export"_s, u"--version"_s}, std::nullopt).out, run.out);
    }

private:
    // `applications` with the key only in a file `name` of these permissions (no
    // INCREASE_API_KEY), so the CLI's check of the file decides the run.
    CliRun runWithKeyFile(const QString &name, QFile::Permissions permissions)
    {
        const QString path = m_dir.filePath(name);
        if (CliFixture::writeFile(path, CliFixture::apiKey().toUtf8() + '\n'))
            QFile::setPermissions(path, permissions);
        return m_cli.run(m_cli.baseUrlFlag() +
                             QStringList{u"--api-key-file"_s, path, u"applications"_s},
                         std::nullopt);
    }

    CliFixture m_cli;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cliusage.moc"
