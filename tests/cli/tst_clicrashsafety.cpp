// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// A crash mid-export (SIGKILL, which no handler sees, or a fault signal) never leaves a
// partial file at --output: the rows go to QSaveFile's temporary, renamed into place only
// by commit(). tst_cliexport covers the signals the CLI handles (SIGINT, SIGTERM).
#include "clifixture.h"
#include "sandboxserver.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kHeader = "id,created_at,deleted_at,group_id,oauth_application_id,status,type\r\n";

// The temporary QSaveFile holds open while it writes: on Linux an unnamed O_TMPFILE
// (the /proc link reads "/dir/#inode (deleted)"), else "<target>.XXXXXX" (6 letters).
bool isSaveFileTemporary(const QString &linkTarget, const QString &dir, const QString &target)
{
    if (!linkTarget.startsWith(dir + u'/'))
        return false;
    const QString name = linkTarget.mid(dir.size() + 1);
    static const QRegularExpression unnamed(u"^#\\d+ \\(deleted\\)$"_s);
    return unnamed.match(name).hasMatch() || name.startsWith(target + u'.');
}

// Size of the temporary the process `pid` is writing in `dir`, or -1 while it has none.
qint64 temporarySize(qint64 pid, const QString &dir, const QString &target)
{
    const QString fds = u"/proc/%1/fd"_s.arg(pid);
    for (const QString &fd : QDir(fds).entryList(QDir::AllEntries | QDir::System)) {
        const QString link = fds + u'/' + fd;
        if (isSaveFileTemporary(QFile::symLinkTarget(link), dir, target))
            return QFileInfo(link).size(); // stat() follows the link, deleted or not
    }
    return -1;
}

} // namespace

class TestCliCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(u"/proc/self/fd"_s))
            QSKIP("needs /proc to see the temporary file the child writes");
        // The SIGSEGV and SIGABRT children would dump core into the build tree otherwise.
        const rlimit noCore = {0, 0};
        QCOMPARE(::setrlimit(RLIMIT_CORE, &noCore), 0);
        SandboxOptions options;
        options.connections = 2000;
        options.applications = 4;
        options.seed = 5;
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
        m_allCount = m_cli.connections(QUrlQuery(u"status.in=active,inactive"_s)).size();
        QCOMPARE(m_allCount, 2000);
    }

    void cleanup()
    {
        m_cli.sandbox().setLatency(0, 0);
        m_cli.verifyKeyNeverShown();
    }

    void crashMidExportLeavesNoPartialFile_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<bool>("previousFile");
        QTest::newRow("SIGKILL, no file before") << int(SIGKILL) << false;
        QTest::newRow("SIGKILL, previous file kept") << int(SIGKILL) << true;
        QTest::newRow("SIGSEGV, previous file kept") << int(SIGSEGV) << true;
        QTest::newRow("SIGABRT, no file before") << int(SIGABRT) << false;
    }

    void crashMidExportLeavesNoPartialFile()
    {
        QFETCH(int, signalNumber);
        QFETCH(bool, previousFile);
        QTemporaryDir dir;
        const QString target = u"connections.csv"_s;
        const QString path = dir.filePath(target);
        const QByteArray previous = CliFixture::previousExport();
        if (previousFile)
            QVERIFY(CliFixture::writeFile(path, previous));
        // One sequential stream at 200 ms a page: rows reach the file page by page.
        m_cli.sandbox().setLatency(200, 0);
        const QStringList exportFlags =
            m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--status"_s, u"all"_s, u"--parallel"_s,
                                              u"1"_s,      u"--output"_s, path};
        qint64 writtenWhenKilled = -1;

        const CliRun crashed = m_cli.run(exportFlags, CliFixture::apiKey(), [&](QProcess &process) {
            // Killed while rows are in the temporary and more pages are to come.
            QVERIFY(QTest::qWaitFor(
                [&] {
                    writtenWhenKilled = temporarySize(process.processId(), dir.path(), target);
                    return writtenWhenKilled > kHeader.size();
                },
                30000));
            ::kill(pid_t(process.processId()), signalNumber);
        });

        QVERIFY2(writtenWhenKilled > kHeader.size(), "the child never wrote rows");
        // The signal ends the process (under ASan, its report of a SEGV exits 1).
        QVERIFY(!crashed.normalExit || crashed.exitCode != 0);
        QVERIFY(!crashed.timedOut);
        const QStringList left =
            QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
        // What a crash can leave besides the target: the named temporary QSaveFile falls
        // back to where O_TMPFILE is unsupported (none here: the kernel drops the unnamed
        // one with the process).
        static const QRegularExpression saveFileTemporary(u"^connections\\.csv\\.[A-Za-z]{6}$"_s);
        for (const QString &name : left) {
            QVERIFY2(name == target || saveFileTemporary.match(name).hasMatch(),
                     qPrintable(u"left behind: "_s + name));
        }
        if (previousFile) {
            QVERIFY(left.contains(target));
            QCOMPARE(m_cli.readFile(path), previous);
        } else {
            QVERIFY2(!left.contains(target), qPrintable(left.join(u", "_s)));
        }

        // The same path works again: nothing left behind blocks or corrupts the next run.
        m_cli.sandbox().setLatency(0, 0);
        const CliRun again = m_cli.run(exportFlags);
        QCOMPARE(again.exitCode, 0);
        const QByteArray written = m_cli.readFile(path);
        QVERIFY(written.startsWith(kHeader));
        QCOMPARE(written.count("\r\n"), qsizetype(m_allCount + 1));
    }

private:
    CliFixture m_cli;
    qsizetype m_allCount = 0;
};

QTEST_GUILESS_MAIN(TestCliCrashSafety)
#include "tst_clicrashsafety.moc"
