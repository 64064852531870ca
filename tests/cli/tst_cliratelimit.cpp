// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `export --rate-limit`: a rate too low to mean anything is a usage error that names the
// accepted range, before any request; the lowest accepted rate still exports.
#include "clifixture.h"
#include "sandboxserver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.connections = 50; // one page: one request, sent at once at any rate
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_cli.verifyKeyNeverShown(); }

    void absurdRateIsAUsageError_data()
    {
        QTest::addColumn<QString>("rate");
        // Issue 11, item 10: the limiter's wait, 1e10 ms, wrapped in the retry timer's int.
        QTest::newRow("0.0000001") << u"0.0000001"_s;
        QTest::newRow("just below 0.01") << u"0.0099"_s;
        QTest::newRow("1e-300") << u"1e-300"_s;
        QTest::newRow("zero") << u"0"_s;
        QTest::newRow("negative") << u"-5"_s;
        QTest::newRow("infinite") << u"inf"_s;
        QTest::newRow("not a number") << u"fast"_s;
    }

    void absurdRateIsAUsageError()
    {
        QFETCH(QString, rate);
        const qint64 served = m_cli.sandbox().requestsServed();

        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--parallel"_s, u"1"_s,
                                                        u"--rate-limit"_s, rate, u"--output"_s,
                                                        m_dir.filePath(u"refused.csv"_s)});

        QVERIFY(run.normalExit);
        QCOMPARE(run.exitCode, 2);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(u"error: --rate-limit takes at least 0.01 requests per second"_s),
                 qPrintable(err));
        QVERIFY2(err.contains(u"'"_s + rate + u"'"_s), qPrintable(err));
        QCOMPARE(m_cli.sandbox().requestsServed(), served);
        QVERIFY(!QFile::exists(m_dir.filePath(u"refused.csv"_s)));
    }

    void lowestRateStillExports()
    {
        const QString path = m_dir.filePath(u"slow.csv"_s);
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--status"_s, u"all"_s,
                                                        u"--parallel"_s, u"1"_s, u"--rate-limit"_s,
                                                        u"0.01"_s, u"--output"_s, path});

        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QCOMPARE(m_cli.readFile(path).count('\n'), 1 + 50); // the header and every row
    }

private:
    CliFixture m_cli;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliRateLimit)
#include "tst_cliratelimit.moc"
