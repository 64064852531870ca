// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// --http2-prior-knowledge: over plain http the client speaks HTTP/2 from the first byte
// (h2c), which Qt reads frame by frame instead of one read() per header byte; without
// it the request is HTTP/1.1. The request log names the protocol either way. The h2c
// server here is a QTcpServer that knows just enough HTTP/2 to answer one GET.
#include "apicall.h"
#include "connectionflags.h"
#include "increaseclient.h"
#include "stagedserver.h"

#include <QCommandLineParser>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
const QByteArray kPage = R"({"data":[],"next_cursor":null})";

enum FrameType : quint8 { Data = 0x0, Headers = 0x1, Settings = 0x4 };
enum FrameFlag : quint8 { EndStream = 0x1, Ack = 0x1, EndHeaders = 0x4 };

QByteArray frame(quint8 type, quint8 flags, quint32 stream, const QByteArray &payload)
{
    const auto length = quint32(payload.size());
    QByteArray out;
    out.append(char(length >> 16)).append(char(length >> 8)).append(char(length));
    out.append(char(type)).append(char(flags));
    out.append(char(stream >> 24 & 0x7f)).append(char(stream >> 16)).append(char(stream >> 8));
    out.append(char(stream));
    return out + payload;
}

// Answers every request stream with a 200 and `body`. Records what each connection
// opened with: the HTTP/2 preface, or the first line of an HTTP/1.1 request.
class H2cServer : public QTcpServer
{
public:
    explicit H2cServer(QByteArray body)
        : m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                auto prefaceSeen = std::make_shared<bool>(false);
                connect(socket, &QTcpSocket::readyRead, this, [=] {
                    buffer->append(socket->readAll());
                    serve(socket, *buffer, *prefaceSeen);
                });
            }
        });
    }

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort())); }

    QList<QByteArray> openings; // "PRI * HTTP/2.0" or e.g. "GET /oauth_connections... HTTP/1.1"
    int answeredStreams = 0;

private:
    void serve(QTcpSocket *socket, QByteArray &buffer, bool &prefaceSeen)
    {
        if (!prefaceSeen) {
            if (buffer.size() < kPreface.size() && kPreface.startsWith(buffer))
                return;
            if (!buffer.startsWith(kPreface)) {
                openings.append(buffer.left(buffer.indexOf("\r\n")));
                socket->disconnectFromHost(); // not HTTP/2: no answer
                buffer.clear();
                return;
            }
            prefaceSeen = true;
            openings.append(kPreface.left(kPreface.indexOf("\r\n")));
            buffer.remove(0, kPreface.size());
            socket->write(frame(Settings, 0, 0, {}));
        }
        while (buffer.size() >= 9) {
            const auto *b = reinterpret_cast<const uchar *>(buffer.constData());
            const int length = b[0] << 16 | b[1] << 8 | b[2];
            if (buffer.size() < 9 + length)
                return;
            const quint8 type = b[3];
            const quint8 flags = b[4];
            const quint32 stream = (quint32(b[5]) & 0x7f) << 24 | b[6] << 16 | b[7] << 8 | b[8];
            buffer.remove(0, 9 + length);
            if (type == Settings && !(flags & Ack))
                socket->write(frame(Settings, Ack, 0, {}));
            if (type == Headers && (flags & EndHeaders)) {
                // HPACK: ":status: 200" from the static table (index 8), then
                // content-length (index 28) as a literal without indexing.
                QByteArray block("\x88");
                const QByteArray contentLength = QByteArray::number(m_body.size());
                block.append("\x0f\x0d").append(char(contentLength.size())).append(contentLength);
                socket->write(frame(Headers, EndHeaders, stream, block));
                socket->write(frame(Data, EndStream, stream, m_body));
                ++answeredStreams;
            }
        }
    }

    QByteArray m_body;
};

ClientConfig configFor(const QUrl &url, bool http2PriorKnowledge)
{
    ClientConfig config;
    config.baseUrl = url;
    config.apiKey = u"ic_test_key_SECRET_9876"_s;
    config.environment = u"custom"_s;
    config.timeoutMs = 3000;
    config.maxRetries = 0;
    config.http2PriorKnowledge = http2PriorKnowledge;
    return config;
}

struct Run
{
    ApiResult result;
    QList<RequestLogEntry> log;
};

Run run(IncreaseClient &client, ApiCall *call)
{
    Run out;
    bool done = false;
    QObject::connect(&client, &IncreaseClient::exchange,
                     [&](const RequestLogEntry &e) { out.log.append(e); });
    QObject::connect(call, &ApiCall::finished, [&](const ApiResult &r) {
        out.result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("timed out waiting for the call to finish");
    return out;
}

} // namespace

class TestHttp2PriorKnowledge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void speaksHttp2FromTheFirstByte()
    {
        H2cServer server(kPage);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        IncreaseClient client(configFor(server.url(), true));
        const Run r = run(client, client.listConnections({}, {}));
        QCOMPARE(server.openings, QList<QByteArray>{"PRI * HTTP/2.0"});
        QVERIFY2(r.result.ok(), qPrintable(r.result.error ? r.result.error->message() : QString()));
        QCOMPARE(r.result.httpStatus, 200);
        QCOMPARE(r.result.body, kPage);
        QCOMPARE(server.answeredStreams, 1);
        QCOMPARE(r.log.size(), 1);
        QCOMPARE(r.log.first().httpVersion, QByteArray("HTTP/2"));
    }

    void manyRequestsShareOneConnection()
    {
        H2cServer server(kPage);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        IncreaseClient client(configFor(server.url(), true));
        for (int i = 0; i < 5; ++i) {
            const Run r = run(client, client.listConnections({}, {}));
            QVERIFY(r.result.ok());
        }
        QCOMPARE(server.answeredStreams, 5);
        QCOMPARE(server.openings.size(), 1);
    }

    void withoutTheFlagPlainHttpIsHttp11()
    {
        H2cServer h2c(kPage);
        QVERIFY(h2c.listen(QHostAddress::LocalHost));
        IncreaseClient toH2c(configFor(h2c.url(), false));
        const Run refused = run(toH2c, toH2c.listConnections({}, {}));
        QVERIFY(!refused.result.ok());
        // Qt resends once the connection closes unanswered: every try is HTTP/1.1.
        QVERIFY(!h2c.openings.isEmpty());
        for (const QByteArray &opening : std::as_const(h2c.openings)) {
            QVERIFY2(opening.startsWith("GET /oauth_connections"), opening.constData());
            QVERIFY2(opening.endsWith(" HTTP/1.1"), opening.constData());
        }
        QCOMPARE(h2c.answeredStreams, 0);

        StagedServer http11;
        http11.stage(200, kPage);
        IncreaseClient client(configFor(http11.url(), false));
        const Run r = run(client, client.listConnections({}, {}));
        QVERIFY(r.result.ok());
        QCOMPARE(r.log.size(), 1);
        QCOMPARE(r.log.first().httpVersion, QByteArray("HTTP/1.1"));
    }

    void noResponseNamesNoProtocol()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl url(u"http://127.0.0.1:%1"_s.arg(closed.serverPort()));
        closed.close();
        IncreaseClient client(configFor(url, true));
        const Run r = run(client, client.listConnections({}, {}));
        QVERIFY(!r.result.ok());
        QCOMPARE(r.log.size(), 1);
        QVERIFY(r.log.first().httpVersion.isEmpty());
    }

    void flagOnlyForPlainHttp_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QUrl>("baseUrl");
        QTest::addColumn<bool>("given");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("http, given")
            << u"custom"_s << QUrl(u"http://127.0.0.1:8080"_s) << true << true << true;
        QTest::newRow("http, not given")
            << u"custom"_s << QUrl(u"http://127.0.0.1:8080"_s) << false << true << false;
        QTest::newRow("https, given")
            << u"production"_s << QUrl(u"https://api.increase.com"_s) << true << false << false;
        QTest::newRow("https, not given")
            << u"production"_s << QUrl(u"https://api.increase.com"_s) << false << true << false;
        QTest::newRow("local sandbox, given") << u"local"_s << QUrl() << true << false << false;
    }

    void flagOnlyForPlainHttp()
    {
        QFETCH(QString, environment);
        QFETCH(QUrl, baseUrl);
        QFETCH(bool, given);
        QFETCH(bool, accepted);
        QFETCH(bool, enabled);
        QCommandLineParser parser;
        ConnectionFlags::add(parser);
        QStringList arguments{u"increase-connections"_s};
        if (given)
            arguments.append(u"--http2-prior-knowledge"_s);
        QVERIFY(parser.parse(arguments));
        bool on = !enabled;
        QString error;
        QCOMPARE(
            ConnectionFlags::readHttp2PriorKnowledge(parser, environment, baseUrl, &on, &error),
            accepted);
        QCOMPARE(on, enabled);
        QCOMPARE(error.isEmpty(), accepted);
        if (!accepted)
            QVERIFY2(error.contains(u"--http2-prior-knowledge"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestHttp2PriorKnowledge)
#include "tst_http2priorknowledge.moc"
