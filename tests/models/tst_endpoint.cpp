// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Where to connect and with which key: precedence, transport rules, INCREASE_API_KEY.
#include "endpoint.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString kSecret = u"sk_test_DO_NOT_LEAK_9f8e7d"_s;

QProcessEnvironment environment(const QString &baseUrl, const QString &url)
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/bin"_s);
    if (!baseUrl.isNull())
        env.insert(u"INCREASE_BASE_URL"_s, baseUrl);
    if (!url.isNull())
        env.insert(u"INCREASE_URL"_s, url);
    return env;
}

} // namespace

class TestEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data();
    void resolve();
    void loopback_data();
    void loopback();
    void checkBaseUrl_data();
    void checkBaseUrl();
    void keyFromEnvironment_data();
    void keyFromEnvironment();
};

void TestEndpoint::resolve_data()
{
    QTest::addColumn<QString>("baseUrlFlag");
    QTest::addColumn<QString>("environmentFlag");
    QTest::addColumn<QString>("increaseBaseUrl"); // null: unset
    QTest::addColumn<QString>("increaseUrl");
    QTest::addColumn<QString>("expectedEnvironment");
    QTest::addColumn<QUrl>("expectedUrl");
    QTest::addColumn<QString>("expectedError");

    const QString none;
    const QUrl production(u"https://api.increase.com"_s);
    const QUrl sandbox(u"https://sandbox.increase.com"_s);
    const QUrl local(u"http://127.0.0.1:4010"_s);
    const QUrl custom(u"https://proxy.example.com:8443"_s);
    const QString customText = custom.toString();

    QTest::newRow("nothing: production")
        << none << none << none << none << u"production"_s << production << none;
    QTest::newRow("INCREASE_URL") << none << none << none << customText << u"custom"_s << custom
                                  << none;
    QTest::newRow("INCREASE_BASE_URL beats INCREASE_URL")
        << none << none << u"https://sandbox.increase.com"_s << customText << u"sandbox"_s
        << sandbox << none;
    QTest::newRow("empty INCREASE_BASE_URL is unset")
        << none << none << u""_s << customText << u"custom"_s << custom << none;
    QTest::newRow("--environment beats variables")
        << none << u"sandbox"_s << customText << customText << u"sandbox"_s << sandbox << none;
    QTest::newRow("--environment production")
        << none << u"production"_s << none << none << u"production"_s << production << none;
    QTest::newRow("--environment local")
        << none << u"local"_s << customText << none << u"local"_s << QUrl() << none;
    QTest::newRow("--base-url beats variables")
        << u"http://127.0.0.1:4010/"_s << none << u"https://sandbox.increase.com"_s << customText
        << u"custom"_s << local << none;
    QTest::newRow("--base-url naming production") << u"https://api.increase.com/"_s << none << none
                                                  << none << u"production"_s << production << none;
    QTest::newRow("--base-url naming sandbox") << u"https://SANDBOX.increase.com"_s << none << none
                                               << none << u"sandbox"_s << sandbox << none;
    QTest::newRow("both flags: ambiguous")
        << u"https://api.increase.com"_s << u"sandbox"_s << none << none << none << QUrl()
        << u"use either --base-url or --environment, not both (ambiguous URL)"_s;
    QTest::newRow("unknown environment")
        << none << u"staging"_s << none << none << none << QUrl()
        << u"unknown environment 'staging'; use production, sandbox or local"_s;
    QTest::newRow("--base-url plain http to a remote host")
        << u"http://api.increase.com"_s << none << none << none << none << QUrl()
        << u"--base-url: plain http would send the API key unencrypted to api.increase.com; use "
           "https (http is allowed only to 127.0.0.1, ::1 or localhost)"_s;
    QTest::newRow("bad INCREASE_BASE_URL is not skipped")
        << none << none << u"https://api.increase.com/v1"_s << customText << none << QUrl()
        << u"INCREASE_BASE_URL: the URL must not have a path ('/v1'); give only scheme, host and "
           "port"_s;
    QTest::newRow("bad INCREASE_URL")
        << none << none << none << u"ftp://x.example"_s << none << QUrl()
        << u"INCREASE_URL: unsupported scheme 'ftp'; use https"_s;
}

void TestEndpoint::resolve()
{
    QFETCH(QString, baseUrlFlag);
    QFETCH(QString, environmentFlag);
    QFETCH(QString, increaseBaseUrl);
    QFETCH(QString, increaseUrl);
    QFETCH(QString, expectedEnvironment);
    QFETCH(QUrl, expectedUrl);
    QFETCH(QString, expectedError);

    // Given flags and variables, when the endpoint is resolved
    QString error;
    const std::optional<Endpoint::Resolved> resolved = Endpoint::resolve(
        baseUrlFlag, environmentFlag, environment(increaseBaseUrl, increaseUrl), &error);

    // then the highest-precedence source wins, or the error says why none can
    if (!expectedError.isEmpty()) {
        QVERIFY(!resolved);
        QCOMPARE(error, expectedError);
        return;
    }
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->environment, expectedEnvironment);
    QCOMPARE(resolved->baseUrl, expectedUrl);
}

void TestEndpoint::loopback_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");

    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << true;
    QTest::newRow("127.1.2.3") << u"127.1.2.3"_s << true;
    QTest::newRow("127.255.255.254") << u"127.255.255.254"_s << true;
    QTest::newRow("::1") << u"::1"_s << true;
    QTest::newRow("[::1]") << u"[::1]"_s << true;
    QTest::newRow("localhost") << u"localhost"_s << true;
    QTest::newRow("LocalHost") << u"LocalHost"_s << true;
    QTest::newRow("127.0.0.1.evil.com") << u"127.0.0.1.evil.com"_s << false;
    QTest::newRow("localhost.evil.com") << u"localhost.evil.com"_s << false;
    QTest::newRow("evil-localhost") << u"evillocalhost"_s << false;
    QTest::newRow("128.0.0.1") << u"128.0.0.1"_s << false;
    QTest::newRow("0.0.0.0") << u"0.0.0.0"_s << false;
    QTest::newRow("::2") << u"::2"_s << false;
    QTest::newRow("10.0.0.1") << u"10.0.0.1"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestEndpoint::loopback()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(Endpoint::isLoopbackHost(host), loopback);
}

void TestEndpoint::checkBaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expectedError"); // empty: accepted

    const QString plainHttp = u"plain http would send the API key unencrypted to "_s;
    const QString allowed = u"; use https (http is allowed only to 127.0.0.1, ::1 or localhost)"_s;
    QTest::newRow("production") << u"https://api.increase.com"_s << QString();
    QTest::newRow("trailing slash") << u"https://api.increase.com/"_s << QString();
    QTest::newRow("https with port") << u"https://10.1.2.3:8443"_s << QString();
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:4010"_s << QString();
    QTest::newRow("http 127.1.2.3") << u"http://127.1.2.3:4010/"_s << QString();
    QTest::newRow("http ::1") << u"http://[::1]:4010"_s << QString();
    QTest::newRow("http localhost") << u"http://localhost:4010"_s << QString();
    QTest::newRow("HTTP upper case") << u"HTTP://LOCALHOST"_s << QString();
    QTest::newRow("http look-alike host")
        << u"http://127.0.0.1.evil.com"_s << plainHttp + u"127.0.0.1.evil.com"_s + allowed;
    QTest::newRow("http remote") << u"http://example.com"_s
                                 << plainHttp + u"example.com"_s + allowed;
    QTest::newRow("http private network")
        << u"http://192.168.1.10:4010"_s << plainHttp + u"192.168.1.10"_s + allowed;
    QTest::newRow("ftp") << u"ftp://example.com"_s << u"unsupported scheme 'ftp'; use https"_s;
    QTest::newRow("no scheme") << u"api.increase.com"_s
                               << u"the URL has no scheme; write it as https://host"_s;
    QTest::newRow("no host") << u"https://"_s << u"the URL has no host"_s;
    QTest::newRow("user info") << u"https://me:hunter2@api.increase.com"_s
                               << u"the URL must not contain a user name or password"_s;
    QTest::newRow("query") << u"https://api.increase.com/?x=1"_s
                           << u"the URL must not have a query ('?...')"_s;
    QTest::newRow("empty query") << u"https://api.increase.com?"_s
                                 << u"the URL must not have a query ('?...')"_s;
    QTest::newRow("fragment") << u"https://api.increase.com#top"_s
                              << u"the URL must not have a fragment ('#...')"_s;
    QTest::newRow("path") << u"https://api.increase.com/v1/"_s
                          << u"the URL must not have a path ('/v1/'); give only scheme, host and "
                             "port"_s;
    QTest::newRow("invalid host") << u"https://exa mple.com"_s << u"not a valid URL"_s;
}

void TestEndpoint::checkBaseUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expectedError);

    QString error;
    const bool ok = Endpoint::checkBaseUrl(QUrl(url, QUrl::StrictMode), &error);

    if (expectedError.isEmpty()) {
        QVERIFY2(ok, qPrintable(error));
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(error.startsWith(expectedError), qPrintable(error));
    QVERIFY(!error.contains(u"hunter2"_s));
}

void TestEndpoint::keyFromEnvironment_data()
{
    QTest::addColumn<QString>("value");    // null: unset
    QTest::addColumn<QString>("expected"); // null: no key

    QTest::newRow("unset") << QString() << QString();
    QTest::newRow("empty") << u""_s << QString();
    QTest::newRow("spaces") << u"  "_s << QString();
    QTest::newRow("key") << kSecret << kSecret;
    QTest::newRow("key with newline") << kSecret + u"\n"_s << kSecret;
}

void TestEndpoint::keyFromEnvironment()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);

    QProcessEnvironment env;
    if (!value.isNull())
        env.insert(u"INCREASE_API_KEY"_s, value);

    const std::optional<QString> key = Endpoint::apiKeyFromEnvironment(env);
    QCOMPARE(key.has_value(), !expected.isNull());
    if (key)
        QCOMPARE(*key, expected);
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
