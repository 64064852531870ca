// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The official Increase Node SDK, unchanged, against the in-process local sandbox:
// runs tests/node/conformance.mjs and expects it to find no mismatch.
#include "sandboxserver.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestNodeSdk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conformance_data();
    void conformance();
};

void TestNodeSdk::conformance_data()
{
    QTest::addColumn<int>("connections");
    QTest::addColumn<int>("applications");
    QTest::newRow("default data") << 2500 << 8;
    QTest::newRow("few applications") << 301 << 3;
}

void TestNodeSdk::conformance()
{
    QFETCH(int, connections);
    QFETCH(int, applications);
    const QString nodeDir = QStringLiteral(IC_NODE_TEST_DIR);
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty())
        QSKIP("node is not installed; install Node.js, then run `npm ci --prefix tests/node`");
    if (!QFileInfo::exists(nodeDir + u"/node_modules/increase/package.json"_s))
        QSKIP("tests/node/node_modules is missing: run `npm ci --prefix tests/node`");

    SandboxOptions options;
    options.port = 0;
    options.connections = connections;
    options.applications = applications;
    options.apiKey = u"sk_node_sdk_test"_s;
    SandboxServer server(options);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));

    QProcess process;
    process.setWorkingDirectory(nodeDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(node,
                  {nodeDir + u"/conformance.mjs"_s, server.baseUrl().toString(), options.apiKey});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    // Not waitForFinished(): the server lives on this thread's event loop.
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 90'000);
    const QString output = QString::fromUtf8(process.readAll());
    qInfo().noquote() << output.trimmed();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, qPrintable(output));
    QVERIFY(server.requestsServed() > 20);
}

QTEST_GUILESS_MAIN(TestNodeSdk)
#include "tst_nodesdk.moc"
