// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/applicationlist.h"
#include "cli/commandrunner.h"
#include "cli/commonoptions.h"
#include "cli/console.h"
#include "cli/errorreport.h"
#include "cli/exportcommand.h"
#include "cli/getcommand.h"
#include "cli/requestlogprinter.h"
#include "connectionflags.h"

#include "apierror.h"
#include "requestlogentry.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

std::optional<CommonSettings> readCommon(const QStringList &flags, const QProcessEnvironment &env,
                                         QString *error)
{
    QCommandLineParser parser;
    ConnectionFlags::add(parser);
    if (!parser.parse(QStringList{u"increase-connections"_s} + flags)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    return CommonOptions::read(parser, env, error);
}

QProcessEnvironment keyEnvironment(const QString &key)
{
    QProcessEnvironment env;
    env.insert(u"INCREASE_API_KEY"_s, key);
    return env;
}

} // namespace

// The network-free pieces of the headless commands.
class TestCliFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandOrWindow_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("command");
        QTest::newRow("nothing: window") << QStringList{} << false;
        QTest::newRow("connection flags only: window") << QStringList{u"--demo"_s} << false;
        QTest::newRow("base url: window")
            << QStringList{u"--base-url"_s, u"http://127.0.0.1:4010"_s} << false;
        QTest::newRow("a command") << QStringList{u"--demo"_s, u"export"_s} << true;
        QTest::newRow("flag value that looks like a command")
            << QStringList{u"--api-key-file"_s, u"export"_s} << false;
        QTest::newRow("help") << QStringList{u"--help"_s} << true;
        QTest::newRow("version") << QStringList{u"--version"_s} << true;
        QTest::newRow("bad flag is reported the command-line way")
            << QStringList{u"--bogus"_s} << true;
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << true;
    }
    void commandOrWindow()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, command);
        QCOMPARE(CommandRunner::wantsCommand(QStringList{u"increase-connections"_s} + arguments),
                 command);
    }

    void applicationNameColumn_data()
    {
        using C = ExportColumn;
        QTest::addColumn<QList<ExportColumn>>("columns");
        QTest::addColumn<QList<ExportColumn>>("expected");
        QTest::newRow("after the application id")
            << QList<C>{C::Id, C::OAuthApplicationId, C::Status}
            << QList<C>{C::Id, C::OAuthApplicationId, C::OAuthApplicationName, C::Status};
        QTest::newRow("last without it")
            << QList<C>{C::Status, C::Id} << QList<C>{C::Status, C::Id, C::OAuthApplicationName};
        QTest::newRow("kept when chosen")
            << QList<C>{C::OAuthApplicationName, C::Id} << QList<C>{C::OAuthApplicationName, C::Id};
        QTest::newRow("defaults") << ExportColumns::defaults(false)
                                  << ExportColumns::defaults(true);
    }

    void applicationNameColumn()
    {
        QFETCH(QList<ExportColumn>, columns);
        QFETCH(QList<ExportColumn>, expected);
        QCOMPARE(ExportCommand::withApplicationName(columns), expected);
    }

    void applicationListCsvQuotesAndGuards()
    {
        OAuthApplication application;
        application.id = u"application_1"_s;
        application.clientId = u"client_1"_s;
        application.createdAt = u"2024-01-02T03:04:05Z"_s;
        application.name = u"=SUM(A1), \"x\""_s;
        application.status = u"active"_s;
        application.type = u"oauth_application"_s;
        OAuthApplication unnamed = application;
        unnamed.name.reset();
        unnamed.deletedAt = u"2024-02-02T00:00:00Z"_s;
        unnamed.status = u"deleted"_s;

        QCOMPARE(ApplicationList::csv({application, unnamed}),
                 "id,client_id,created_at,deleted_at,name,status,type\r\n"
                 "application_1,client_1,2024-01-02T03:04:05Z,,\"'=SUM(A1), \"\"x\"\"\",active,"
                 "oauth_application\r\n"
                 "application_1,client_1,2024-01-02T03:04:05Z,2024-02-02T00:00:00Z,,deleted,"
                 "oauth_application\r\n");
        QCOMPARE(ApplicationList::jsonl({unnamed}),
                 "{\"id\":\"application_1\",\"client_id\":\"client_1\",\"created_at\":"
                 "\"2024-01-02T03:04:05Z\",\"deleted_at\":\"2024-02-02T00:00:00Z\","
                 "\"name\":null,\"status\":\"deleted\",\"type\":\"oauth_application\"}"
                 "\n");
    }

    void getTextKeepsTheContractOrderThenOthers()
    {
        const QJsonObject object =
            QJsonDocument::fromJson(
                "{\"type\": \"oauth_connection\", \"status\": \"active\", \"id\": \"connection_1\","
                " \"created_at\": \"2024-01-01T00:00:00Z\", \"deleted_at\": null,"
                " \"group_id\": \"group_1\", \"oauth_application_id\": \"application_1\","
                " \"zeta\": {\"a\": 1}, \"alpha\": \"x\\u001b[2J\"}")
                .object();

        QCOMPARE(GetCommand::formatText(object), "id: connection_1\n"
                                                 "created_at: 2024-01-01T00:00:00Z\n"
                                                 "deleted_at: null\n"
                                                 "group_id: group_1\n"
                                                 "oauth_application_id: application_1\n"
                                                 "status: active\n"
                                                 "type: oauth_connection\n"
                                                 "alpha: x\\u001b[2J\n"
                                                 "zeta: {\"a\":1}\n");
    }

    void requestLogLine()
    {
        RequestLogEntry entry;
        entry.startedAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        entry.method = "GET";
        entry.url = QUrl(u"https://api.increase.com/oauth_connections?limit=100&cursor=abc"_s);
        entry.attempt = 2;
        entry.httpStatus = 500;
        entry.errorType = u"internal_server_error"_s;
        entry.latencyMs = 12;
        entry.bytesReceived = 345;
        entry.willRetry = true;
        entry.retryDelayMs = 1000;
        entry.requestHeaders = {{"Authorization", RequestLogEntry::kRedactedAuthorization}};
        entry.keyHint = u"1234"_s;

        QCOMPARE(RequestLogPrinter::format(entry),
                 u"2025-01-02T03:04:05.678Z GET /oauth_connections?limit=100&cursor=abc -> 500 "
                 "internal_server_error (attempt 2, 12 ms, 345 bytes, retry in 1000 ms)"_s);

        // The protocol follows the parenthesis, so " bytes)" and ", retry in " still match.
        entry.httpVersion = "HTTP/2";
        QCOMPARE(RequestLogPrinter::format(entry),
                 u"2025-01-02T03:04:05.678Z GET /oauth_connections?limit=100&cursor=abc -> 500 "
                 "internal_server_error (attempt 2, 12 ms, 345 bytes, retry in 1000 ms) HTTP/2"_s);
    }

    void errorSummaryNamesTypeAndStatus()
    {
        ApiError error =
            ApiError::make(ApiError::Kind::RateLimited, u"Rate limited"_s, u"Slow down."_s);
        error.type = u"rate_limited_error"_s;
        error.httpStatus = 429;
        QCOMPARE(ErrorReport::summary(error),
                 u"Rate limited: Slow down. (rate_limited_error, HTTP 429)"_s);

        ApiError network = ApiError::make(ApiError::Kind::Network, u"Connection refused"_s);
        network.type = u"network_error"_s;
        QCOMPARE(ErrorReport::summary(network), u"Connection refused (network_error)"_s);
        QVERIFY(!ErrorReport::hint(network, ClientConfig()).isEmpty());
    }

    void printableEscapesControlCharacters()
    {
        QCOMPARE(Console::printable(u"a\x1b[31mb\nc\u0085d é"_s),
                 u"a\\u001b[31mb\\u000ac\\u0085d é"_s);
    }

    void consoleNeverShowsTheSecret()
    {
        Console console;
        console.setSecret(u"sk_live_abc"_s);
        QCOMPARE(console.shown(u"Bad key sk_live_abc (invalid_api_key_error)"_s),
                 u"Bad key [redacted] (invalid_api_key_error)"_s);
        // A key of a letter or two (a test's, never Increase's) would redact every such
        // letter of an id or cursor: it is not searched for, as in the request log.
        console.setSecret(u"x"_s);
        QCOMPARE(console.shown(u"cursor=Ax9x"_s), u"cursor=Ax9x"_s);
    }

    void keyFileWinsOverTheEnvironment()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"key"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from_file\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));

        QString error;
        const auto settings =
            readCommon({u"--api-key-file"_s, path}, keyEnvironment(u"from_env"_s), &error);
        QVERIFY2(settings, qPrintable(error));
        QCOMPARE(settings->apiKey, u"from_file"_s);
        QCOMPARE(settings->endpoint.environment, u"production"_s);
    }

    void demoIsTheLocalSandboxWithoutAKey()
    {
        QString error;
        const auto settings = readCommon({u"--demo"_s}, keyEnvironment(u"real_key"_s), &error);
        QVERIFY2(settings, qPrintable(error));
        QVERIFY(settings->isLocal());
        QVERIFY(settings->apiKey.isEmpty());
    }

    void retriesOverrideEveryDefault()
    {
        QString error;
        const auto settings = readCommon({u"--max-retries"_s, u"0"_s, u"--timeout-ms"_s, u"500"_s},
                                         keyEnvironment(u"k"_s), &error);
        QVERIFY2(settings, qPrintable(error));
        QCOMPARE(settings->clientConfig(5).maxRetries, 0);
        QCOMPARE(settings->clientConfig(5).timeoutMs, 500);
        const auto defaults = readCommon({}, keyEnvironment(u"k"_s), &error);
        QCOMPARE(defaults->clientConfig(5).maxRetries, 5);
        QCOMPARE(defaults->clientConfig(2).maxRetries, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliFormat)
#include "tst_cliformat.moc"
