// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `export --parallel`: the real binary split by application writes exactly what one
// sequential stream writes, and --verbose logs the requests of every stream.
#include "clifixture.h"
#include "sandboxserver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliParallel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.connections = 1500;
        options.applications = 6;
        options.seed = 11;
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_cli.verifyKeyNeverShown(); }

    void parallelEqualsSequential_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::newRow("all") << QStringList{u"--status"_s, u"all"_s};
        QTest::newRow("active, names")
            << QStringList{u"--status"_s, u"active"_s, u"--with-application-name"_s};
        QTest::newRow("inactive, jsonl")
            << QStringList{u"--status"_s, u"inactive"_s, u"--format"_s, u"jsonl"_s};
    }

    void parallelEqualsSequential()
    {
        QFETCH(QStringList, filters);
        const QStringList common = m_cli.baseUrlFlag() + QStringList{u"export"_s} + filters;

        const CliRun one = m_cli.run(common + QStringList{u"--parallel"_s, u"1"_s});
        const CliRun four =
            m_cli.run(common + QStringList{u"--parallel"_s, u"4"_s, u"--rate-limit"_s, u"500"_s});

        // What the command said goes with a failure (a run was once killed at the deadline
        // in CI, exit 9, with nothing to go on).
        QVERIFY2(one.exitCode == 0, one.err.constData());
        QVERIFY2(four.exitCode == 0,
                 qPrintable(u"exit %1: %2"_s.arg(four.exitCode).arg(QString::fromUtf8(four.err))));
        QVERIFY(one.out.size() > 10000);
        QVERIFY(one.out == four.out);
        QVERIFY2(four.err.isEmpty(), four.err.constData());
    }

    void verboseLogsEveryStream()
    {
        const CliRun run = m_cli.run(
            m_cli.baseUrlFlag() + QStringList{u"--verbose"_s, u"export"_s, u"--parallel"_s, u"3"_s,
                                              u"--output"_s, m_dir.filePath(u"v.csv"_s)});
        QCOMPARE(run.exitCode, 0);
        // One listing per application (6), each asked for by its id.
        const QString err = QString::fromUtf8(run.err);
        for (const QJsonObject &application : m_cli.applications()) {
            const QString id = application.value(u"id"_s).toString();
            QVERIFY2(err.contains(u"oauth_application_id="_s + id), qPrintable(err));
        }
    }

private:
    CliFixture m_cli;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliParallel)
#include "tst_cliparallel.moc"
