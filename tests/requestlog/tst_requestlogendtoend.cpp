// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The request log against the in-process local sandbox with 30 % injected 500s: every
// attempt is logged, a logged request copied as curl and run in bash gets the same page,
// and the HAR of the session is valid HAR 1.2 holding no part of the key.
#include "apicall.h"
#include "curlcommand.h"
#include "harcheck.h"
#include "harwriter.h"
#include "increaseclient.h"
#include "requestlogmodel.h"
#include "sandboxserver.h"
#include "sessionstats.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kKey = u"ic_test_key_SECRET_4321"_s;
const QString kKeyHint = kKey.right(4);

struct CurlRun
{
    QString status; // the %{http_code} curl wrote, "" if it did not run
    QByteArray body;
    QString error;
};

// Runs `command` as a user would paste it, with INCREASE_API_KEY=`key` in the environment
// and no proxy between curl and the loopback sandbox.
CurlRun runInBash(const QString &command, const QString &key)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"http_proxy"_s, u"HTTP_PROXY"_s, u"all_proxy"_s, u"ALL_PROXY"_s})
        environment.remove(name);
    environment.insert(u"no_proxy"_s, u"127.0.0.1,localhost"_s);
    environment.insert(u"INCREASE_API_KEY"_s, key);
    QProcess bash;
    bash.setProcessEnvironment(environment);
    bash.start(u"bash"_s, {u"-c"_s, command + u" -w '\\n%{http_code}'"_s});
    CurlRun run;
    // The sandbox answers from this thread's event loop: wait while processing events.
    if (!QTest::qWaitFor([&bash] { return bash.state() == QProcess::NotRunning; }, 20000)) {
        bash.kill();
        bash.waitForFinished();
        run.error = u"curl did not finish"_s;
        return run;
    }
    const QByteArray out = bash.readAllStandardOutput();
    run.error = QString::fromUtf8(bash.readAllStandardError());
    const qsizetype split = out.lastIndexOf('\n');
    if (split >= 0) {
        run.body = out.left(split);
        run.status = QString::fromLatin1(out.mid(split + 1));
    }
    return run;
}

} // namespace

class TestRequestLogEndToEnd : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<IncreaseClient> m_client;
    std::unique_ptr<RequestLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    SessionStats m_stats;
    int m_calls = 0;

    // Lists connections page by page, 25 a page, until `pages` pages or a failure.
    void walk(int pages)
    {
        QString cursor;
        for (int page = 0; page < pages; ++page) {
            std::optional<ApiResult> result;
            ApiCall *call = m_client->listConnections(ConnectionQuery{}, cursor, 25);
            ++m_calls;
            connect(call, &ApiCall::finished, this, [&result](const ApiResult &r) { result = r; });
            QVERIFY(QTest::qWaitFor([&result] { return result.has_value(); }, 30000));
            if (!result->ok())
                return; // retries ran out: logged all the same
            m_stats.rowsFetched(25);
            cursor = QJsonDocument::fromJson(result->body)[u"next_cursor"_s].toString();
            if (cursor.isEmpty())
                return;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Given the local sandbox failing 30 % of requests and a client logging to the model
        SandboxOptions options;
        options.port = 0;
        options.apiKey = kKey;
        options.connections = 500;
        QString error;
        // A port like 43210 would put the key's last 4 characters in every URL, and the
        // checks below would find them where they are not the key's
        do {
            m_server = std::make_unique<SandboxServer>(options);
            QVERIFY2(m_server->listen(&error), qPrintable(error));
        } while (QString::number(m_server->port()).contains(kKeyHint));
        m_server->setFailRate(0.3);

        ClientConfig config;
        config.baseUrl = m_server->baseUrl();
        config.apiKey = kKey;
        config.environment = u"local"_s;
        config.timeoutMs = 10000;
        config.backoffScale = 0.01;
        m_client = std::make_unique<IncreaseClient>(config);
        m_model = std::make_unique<RequestLogModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(m_client.get(), &IncreaseClient::exchange, m_model.get(), &RequestLogModel::append);
        connect(m_client.get(), &IncreaseClient::exchange, &m_stats, &SessionStats::record);

        // When a few listings walk their pages
        for (int listing = 0; listing < 3; ++listing)
            walk(4);
        m_server->setFailRate(0);
        qInfo("%s", qPrintable(m_stats.summary()));
    }

    void everyAttemptIsLogged()
    {
        QVERIFY(m_model->rowCount() >= m_calls);
        QCOMPARE(m_stats.requests(), qint64(m_model->rowCount()));
        QCOMPARE(qint64(m_server->requestsServed()), qint64(m_model->rowCount()));
        int retried = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const RequestLogEntry &e = m_model->entry(row);
            QCOMPARE(e.keyHint, kKeyHint); // on screen only: the files below must not have it
            QVERIFY(e.httpStatus == 200 || e.httpStatus == 500);
            QCOMPARE(RequestLogModel::isFailure(e), e.httpStatus == 500);
            retried += e.willRetry ? 1 : 0;
        }
        QVERIFY2(retried > 0, "the sandbox fails 30 % of requests: some must be retried");
        QCOMPARE(m_stats.retries(), qint64(retried));
    }

    void curlRepeatsALoggedRequest()
    {
        if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
            QSKIP("curl is not installed: cannot run the copied command");
        if (QStandardPaths::findExecutable(u"bash"_s).isEmpty())
            QSKIP("bash is not installed: cannot run the copied command");
        // The last page that arrived whole, with a cursor if any page had one
        int chosen = -1;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const RequestLogEntry &e = m_model->entry(row);
            if (e.httpStatus == 200 && e.errorType.isEmpty() &&
                (chosen < 0 || e.url.query().contains(u"cursor="_s)))
                chosen = row;
        }
        QVERIFY(chosen >= 0);
        const RequestLogEntry &e = m_model->entry(chosen);
        const QString command = curlCommand(e);
        qInfo("%s", qPrintable(command));
        QVERIFY(command.contains(u"$INCREASE_API_KEY"_s));
        QVERIFY(!command.contains(kKey));
        QVERIFY(!command.contains(kKeyHint));

        const CurlRun run = runInBash(command, kKey);
        QVERIFY2(run.status == u"200"_s, qPrintable(run.status + u' ' + run.error));
        QJsonParseError parseError;
        const QJsonDocument page = QJsonDocument::fromJson(run.body, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QVERIFY(page[u"data"_s].isArray());
        QCOMPARE(page, QJsonDocument::fromJson(e.responseBody)); // the same page again

        // The key comes from the environment alone
        QCOMPARE(runInBash(command, QString()).status, u"401"_s);
    }

    void harOfTheSessionIsValidAndKeyless()
    {
        const QList<RequestLogEntry> entries = m_model->entries();
        const QByteArray har = HarWriter::toHar(entries, QString::fromLatin1(IC_VERSION));
        QVERIFY(!har.contains(kKey.toUtf8()));
        QVERIFY(!har.contains(kKeyHint.toUtf8()));

        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(har, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        const QJsonValue log = document[u"log"_s];
        QCOMPARE(log[u"version"_s].toString(), u"1.2"_s);
        QCOMPARE(log[u"creator"_s][u"name"_s].toString(), u"Increase Connections"_s);
        const QJsonArray harEntries = log[u"entries"_s].toArray();
        QCOMPARE(harEntries.size(), entries.size());
        for (qsizetype i = 0; i < harEntries.size(); ++i) {
            const QJsonObject entry = harEntries.at(i).toObject();
            QCOMPARE(HarCheck::problems(entry), QStringList());
            QCOMPARE(entry[u"response"_s][u"status"_s].toInt(), entries.at(i).httpStatus);
        }

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"session.har"_s);
        QString error;
        QVERIFY2(HarWriter::saveHar(path, entries, QString::fromLatin1(IC_VERSION), &error),
                 qPrintable(error));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), har);
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_model.reset();
        m_client.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(TestRequestLogEndToEnd)
#include "tst_requestlogendtoend.moc"
