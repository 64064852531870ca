// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Security claims of the README that need the real binary: files it creates take the
// user's umask (QSaveFile creates its temporary 0666 & ~umask), --verbose prints no
// header, and a certificate the system does not trust is an error naming the problem,
// cured only by --ca-file.
#include "clifixture.h"
#include "tlsserver.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

const QString kCert = QStringLiteral(IC_TEST_DATA_DIR "/tls/localhost.crt");
const QString kKey = QStringLiteral(IC_TEST_DATA_DIR "/tls/localhost.key");

// The child inherits the umask at fork: set it around the run, restore it after.
class ScopedUmask
{
public:
    explicit ScopedUmask(mode_t mask)
        : m_previous(::umask(mask))
    {}
    ~ScopedUmask() { ::umask(m_previous); }
    ScopedUmask(const ScopedUmask &) = delete;
    ScopedUmask &operator=(const ScopedUmask &) = delete;

private:
    mode_t m_previous;
};

int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

} // namespace

class TestCliSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.connections = 300;
        options.applications = 2;
        options.seed = 3;
        QString error;
        QVERIFY2(m_cli.start(options, &error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_cli.verifyKeyNeverShown(); }

    void createdFilesTakeTheUmask_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("mask");
        QTest::addColumn<int>("mode");
        QTest::newRow("export, umask 077") << u"export"_s << 077 << 0600;
        QTest::newRow("export, umask 022") << u"export"_s << 022 << 0644;
        QTest::newRow("export, umask 002") << u"export"_s << 002 << 0664;
        QTest::newRow("applications, umask 077") << u"applications"_s << 077 << 0600;
        QTest::newRow("applications, umask 022") << u"applications"_s << 022 << 0644;
    }

    void createdFilesTakeTheUmask()
    {
        QFETCH(QString, command);
        QFETCH(int, mask);
        QFETCH(int, mode);
        const QString path =
            m_dir.filePath(u"%1-%2.csv"_s.arg(command).arg(mask, 3, 8, QLatin1Char('0')));

        CliRun run;
        {
            const ScopedUmask scoped{mode_t(mask)};
            run = m_cli.run(m_cli.baseUrlFlag() + QStringList{command, u"--output"_s, path});
        }

        QCOMPARE(run.exitCode, 0);
        QVERIFY(!m_cli.readFile(path).isEmpty());
        QCOMPARE(u"%1"_s.arg(modeOf(path), 4, 8, QLatin1Char('0')),
                 u"%1"_s.arg(mode, 4, 8, QLatin1Char('0')));
    }

    void replacedFileKeepsItsMode()
    {
        // QSaveFile gives its temporary the mode of the file it replaces, not the umask's.
        const QString path = m_dir.filePath(u"replaced.csv"_s);
        QFile previous(path);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("previous\r\n");
        previous.close();
        QVERIFY(previous.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));

        CliRun run;
        {
            const ScopedUmask scoped{022};
            run = m_cli.run(m_cli.baseUrlFlag() + QStringList{u"export"_s, u"--output"_s, path});
        }

        QCOMPARE(run.exitCode, 0);
        QVERIFY(m_cli.readFile(path).startsWith("id,"));
        QCOMPARE(u"%1"_s.arg(modeOf(path), 4, 8, QLatin1Char('0')), u"0640"_s);
    }

    void verbosePrintsNoHeader()
    {
        // The request log on screen shows "Bearer ••••1234"; stderr gets no header at all.
        const CliRun run =
            m_cli.run(m_cli.baseUrlFlag() + QStringList{u"--verbose"_s, u"applications"_s});

        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(" GET /oauth_applications?"), run.err.constData());
        QVERIFY2(!run.err.contains("Authorization"), run.err.constData());
        QVERIFY2(!run.err.contains("Bearer"), run.err.constData());
        QVERIFY2(!run.err.contains("••••"), run.err.constData());
    }

    void untrustedCertificateIsNamedAndCaFileTrustsIt()
    {
        TlsServer server(kCert, kKey);
        QVERIFY(server.isListening());
        const QStringList applications = {u"--base-url"_s, server.url().toString(),
                                          u"applications"_s};

        const CliRun refused = m_cli.run(applications);

        QVERIFY(refused.normalExit);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("tls_error"), refused.err.constData());
        QVERIFY2(refused.err.contains("self-signed") || refused.err.contains("self signed"),
                 refused.err.constData());
        QVERIFY2(refused.err.contains("--ca-file"), refused.err.constData());
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(server.requestsAnswered(), 0); // the key never travelled

        const CliRun trusted = m_cli.run(applications + QStringList{u"--ca-file"_s, kCert});

        QVERIFY2(trusted.exitCode == 0, trusted.err.constData());
        QVERIFY2(trusted.err.isEmpty(), trusted.err.constData());
        QVERIFY(trusted.out.startsWith("id,"));
        QCOMPARE(server.requestsAnswered(), 1);
    }

private:
    CliFixture m_cli;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliSecurity)
#include "tst_clisecurity.moc"
