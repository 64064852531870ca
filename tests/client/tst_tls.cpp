// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// TLS is never ignored: an untrusted certificate is a tls_error naming the problem, and
// --ca-file (ClientConfig::caFile) is the way to trust a TLS-inspecting proxy's CA.
#include "apicall.h"
#include "increaseclient.h"
#include "tlsserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kCert = QStringLiteral(IC_TEST_DATA_DIR "/tls/localhost.crt");
const QString kKey = QStringLiteral(IC_TEST_DATA_DIR "/tls/localhost.key");

ApiResult fetch(const ClientConfig &config)
{
    IncreaseClient client(config);
    ApiCall *call = client.listConnections({}, {});
    QSignalSpy finished(call, &ApiCall::finished);
    if (!finished.wait(10000))
        return {};
    return finished.at(0).at(0).value<ApiResult>();
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("This Qt has no TLS backend");
        QVERIFY(QFile::exists(kCert));
    }

    void untrustedCertificateIsATlsError()
    {
        TlsServer server(kCert, kKey);
        ClientConfig config;
        config.baseUrl = server.url();
        config.apiKey = u"k"_s;
        config.maxRetries = 2;
        const ApiResult r = fetch(config);
        QVERIFY(r.error);
        QCOMPARE(r.error->kind, ApiError::Kind::Tls);
        QCOMPARE(r.error->type, u"tls_error"_s);
        QCOMPARE(r.attempts, 1); // a certificate problem is not retried
        QVERIFY2(r.error->detail.contains(u"self-signed"_s, Qt::CaseInsensitive),
                 qPrintable(r.error->detail));
        QVERIFY(r.error->detail.contains(u"--ca-file"_s));
    }

    void caFileTrustsTheCertificate()
    {
        TlsServer server(kCert, kKey);
        ClientConfig config;
        config.baseUrl = server.url();
        config.apiKey = u"k"_s;
        config.caFile = kCert;
        const ApiResult r = fetch(config);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message() : QString()));
        QCOMPARE(r.httpStatus, 200);
    }

    // A server that would take HTTP/2 gets HTTP/1.1: the client does not offer h2
    // (ClientConfig::http2OverTls says why).
    void httpsSpeaksHttp11()
    {
        TlsServer server(kCert, kKey);
        ClientConfig config;
        config.baseUrl = server.url();
        config.apiKey = u"k"_s;
        config.caFile = kCert;
        config.maxRetries = 0;
        const ApiResult r = fetch(config);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message() : QString()));
        // Qt offers ALPN only to ask for h2: without it, nothing is negotiated (HTTP/1.1).
        QCOMPARE(server.negotiated().size(), 1);
        QVERIFY2(server.negotiated().first() != QSslConfiguration::ALPNProtocolHTTP2,
                 server.negotiated().first().constData());
        // Opting in, the same server is offered h2 and takes it.
        TlsServer h2Server(kCert, kKey);
        config.baseUrl = h2Server.url();
        config.http2OverTls = true;
        config.timeoutMs = 1000; // it answers h2 in HTTP/1.1, which Qt waits out
        fetch(config);
        QCOMPARE(h2Server.negotiated(), QByteArrayList{QSslConfiguration::ALPNProtocolHTTP2});
    }

    void unreadableCaFileIsAConfigurationError()
    {
        ClientConfig config;
        config.baseUrl = QUrl(u"https://localhost:1"_s);
        config.apiKey = u"k"_s;
        config.caFile = QStringLiteral(IC_TEST_DATA_DIR "/tls/README.md");
        IncreaseClient client(config);
        QVERIFY(client.configurationError().contains(u"--ca-file"_s));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
