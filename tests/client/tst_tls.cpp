// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// TLS is never ignored: an untrusted certificate is a tls_error naming the problem, and
// --ca-file (ClientConfig::caFile) is the way to trust a TLS-inspecting proxy's CA.
#include "apicall.h"
#include "increaseclient.h"
#include "tlsserver.h"

#include <QFile>
#include <QSignalSpy>
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
