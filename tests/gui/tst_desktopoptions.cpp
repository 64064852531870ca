// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopoptions.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The window's connection flags: the headless commands' flags, but no key is required.
class TestDesktopOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choices_data();
    void choices();
    void usageErrors_data();
    void usageErrors();
    void keyFromTheEnvironmentOrAFile();
    void firstChoicePrecedence();
};

namespace {

std::optional<DesktopStart> parse(const QStringList &flags, const QProcessEnvironment &env,
                                  QString *error)
{
    QCommandLineParser parser;
    DesktopOptions::add(parser);
    if (!parser.parse(QStringList{u"increase-connections"_s} + flags)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    return DesktopOptions::read(parser, env, error);
}

} // namespace

void TestDesktopOptions::choices_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("baseUrlVariable");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QUrl>("customUrl");
    QTest::newRow("nothing") << QStringList() << QString() << QString() << QUrl();
    QTest::newRow("demo") << QStringList{u"--demo"_s} << QString() << u"local"_s << QUrl();
    QTest::newRow("environment") << QStringList{u"--environment"_s, u"sandbox"_s} << QString()
                                 << u"sandbox"_s << QUrl();
    QTest::newRow("base url") << QStringList{u"--base-url"_s, u"http://127.0.0.1:4010"_s}
                              << QString() << u"custom"_s << QUrl(u"http://127.0.0.1:4010"_s);
    QTest::newRow("production url") << QStringList{u"--base-url"_s, u"https://api.increase.com"_s}
                                    << QString() << u"production"_s << QUrl();
    QTest::newRow("INCREASE_BASE_URL")
        << QStringList() << u"https://sandbox.increase.com"_s << u"sandbox"_s << QUrl();
}

void TestDesktopOptions::choices()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, baseUrlVariable);
    QFETCH(QString, environment);
    QFETCH(QUrl, customUrl);
    QProcessEnvironment env;
    if (!baseUrlVariable.isEmpty())
        env.insert(u"INCREASE_BASE_URL"_s, baseUrlVariable);
    QString error;
    const std::optional<DesktopStart> start = parse(flags, env, &error);
    QVERIFY2(start, qPrintable(error));
    QCOMPARE(start->choice.has_value(), !environment.isEmpty());
    if (start->choice) {
        QCOMPARE(start->choice->environment, environment);
        QCOMPARE(start->choice->customUrl, customUrl);
    }
    QVERIFY(start->apiKey.isEmpty()); // no key is fine for the window
}

void TestDesktopOptions::usageErrors_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::newRow("both urls") << QStringList{u"--base-url"_s, u"https://a.example"_s,
                                              u"--environment"_s, u"sandbox"_s};
    QTest::newRow("demo and production")
        << QStringList{u"--demo"_s, u"--environment"_s, u"production"_s};
    QTest::newRow("plain http remote") << QStringList{u"--base-url"_s, u"http://example.com"_s};
    QTest::newRow("bad timeout") << QStringList{u"--timeout-ms"_s, u"soon"_s};
    QTest::newRow("missing ca file") << QStringList{u"--ca-file"_s, u"/nonexistent.pem"_s};
    QTest::newRow("missing key file") << QStringList{u"--api-key-file"_s, u"/nonexistent"_s};
    // Headless only: the window may switch to its own sandbox, which has no HTTP/2.
    QTest::newRow("http2 prior knowledge")
        << QStringList{u"--base-url"_s, u"http://127.0.0.1:9"_s, u"--http2-prior-knowledge"_s};
}

void TestDesktopOptions::usageErrors()
{
    QFETCH(QStringList, flags);
    QString error;
    QVERIFY(!parse(flags, QProcessEnvironment(), &error));
    QVERIFY(!error.isEmpty());
}

void TestDesktopOptions::keyFromTheEnvironmentOrAFile()
{
    QProcessEnvironment env;
    env.insert(u"INCREASE_API_KEY"_s, u" sk_from_env "_s);
    QString error;
    std::optional<DesktopStart> start = parse({u"--timeout-ms"_s, u"5000"_s}, env, &error);
    QVERIFY2(start, qPrintable(error));
    QCOMPARE(start->apiKey, u"sk_from_env"_s);
    QCOMPARE(start->clientDefaults.timeoutMs, 5000);

    QTemporaryDir dir;
    QFile file(dir.filePath(u"key"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("sk_from_file\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    start = parse({u"--api-key-file"_s, file.fileName()}, env, &error);
    QVERIFY2(start, qPrintable(error));
    QCOMPARE(start->apiKey, u"sk_from_file"_s);
}

void TestDesktopOptions::firstChoicePrecedence()
{
    DesktopStart start;
    const ConnectionChoice saved{u"sandbox"_s, {}};
    QCOMPARE(DesktopOptions::firstChoice(start, std::nullopt).environment, u"local"_s);
    QCOMPARE(DesktopOptions::firstChoice(start, saved).environment, u"sandbox"_s);
    start.apiKey = u"sk"_s;
    QCOMPARE(DesktopOptions::firstChoice(start, std::nullopt).environment, u"production"_s);
    QCOMPARE(DesktopOptions::firstChoice(start, saved).environment, u"sandbox"_s);
    // A key from INCREASE_API_KEY or --api-key-file never goes to a saved custom URL (or
    // the local sandbox): to production, as the headless commands would send it.
    const ConnectionChoice custom{u"custom"_s, QUrl(u"https://staging.example.com"_s)};
    QCOMPARE(DesktopOptions::firstChoice(start, custom).environment, u"production"_s);
    QVERIFY(DesktopOptions::firstChoice(start, custom).customUrl.isEmpty());
    QCOMPARE(DesktopOptions::firstChoice(start, ConnectionChoice{u"local"_s, {}}).environment,
             u"production"_s);
    // Without a launch key the saved custom URL is used, with its own stored key.
    QCOMPARE(DesktopOptions::firstChoice(DesktopStart{}, custom).customUrl, custom.customUrl);
    start.choice = ConnectionChoice{u"local"_s, {}};
    QCOMPARE(DesktopOptions::firstChoice(start, saved).environment, u"local"_s);
}

QTEST_GUILESS_MAIN(TestDesktopOptions)
#include "tst_desktopoptions.moc"
