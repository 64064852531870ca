// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Exports against servers nobody here wrote (issue 15): nginx serving pages dumped from the
// sandbox, with a real API's response headers, a CA made for the run, HTTPS + HTTP/2 and
// plain HTTP/1.1, and a Python upstream that sleeps before each page behind nginx.
//
//   bench_foreign --case pages     100,000 rows as static files; ours (--parallel 1), the
//                                  Node SDK and curl, over HTTPS/2, HTTP/1.1, HTTPS/1.1
//   bench_foreign --case latency   10,000 rows, 8 applications; nginx HTTPS/2 proxies to
//                                  tests/bench/foreign_upstream.py (50 ms a page, keep-alive
//                                  upstream), limit_req 100 r/s; ours (automatic
//                                  parallelism) vs the SDK vs curl
//   add --serve to leave the servers running and print how to reach them (until Ctrl+C),
//   e.g. --case latency --connections 1000000 --rate-limit 100 --serve
//
// The pages are walked once from the sandbox with the queries the export sends and kept in
// --cache-dir (build/release/tests/bench/foreign-cache by default): later runs reuse them.
// Every file is checked: ours and the SDK's hold the dump's ids, in order.
#include "benchprocess.h"
#include "benchreport.h"
#include "csvids.h"
#include "curlrun.h"
#include "nodesdkrun.h"
#include "requestlog.h"
#include "sandboxprocess.h"

#include "directget.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr char kBench[] = "bench_foreign";
const QString kApiKey = u"sk_bench_foreign"_s;
// What `export --status all` sends besides the cursor (first) and the application id (last).
const QString kConnectionQuery = u"limit=100&status.in=active,inactive"_s;
const QString kApplicationQuery = u"limit=100&status.in=active,deleted"_s;
constexpr uint kNobody = 65534;

volatile std::sig_atomic_t g_stop = 0;
void onStopSignal(int)
{
    g_stop = 1;
}

QString cursorOf(const QUrl &url)
{
    const QString cursor = QUrlQuery(url).queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
    return cursor.isEmpty() ? u"first"_s : cursor;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.flush();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArrayList lines(const QByteArray &text)
{
    QByteArrayList result = text.split('\n');
    result.removeAll(QByteArray());
    return result;
}

// The pages of one data set, as files: <pages>/all/<cursor>.json (the whole listing),
// <pages>/<application id>/<cursor>.json, <pages>/applications/<cursor>.json, "first" for
// the first page of each. urls-*.txt list the path and query of every page, in order.
struct Dump
{
    QString pages;
    QByteArrayList ids;     // the whole listing's, in order
    QByteArrayList allUrls; // the whole listing's pages, as the export asks for them
    QByteArrayList appUrls; // every application's pages
    qint64 bytes = 0;       // the whole listing's bodies
    double seconds = 0;     // how long the dump took (when it was made)
    bool cached = false;
};

std::optional<Dump> dumpPages(const QString &cacheDir, qint64 connections, int applications,
                              QString *error)
{
    Dump dump;
    const QString dir = QDir(cacheDir).filePath(u"c%1-a%2"_s.arg(connections).arg(applications));
    dump.pages = QDir(dir).filePath(u"pages"_s);
    const QString done = QDir(dir).filePath(u"complete"_s);
    if (!QFileInfo::exists(done)) {
        QDir(dir).removeRecursively();
        if (!QDir().mkpath(dump.pages)) {
            *error = u"cannot create "_s + dump.pages;
            return std::nullopt;
        }
        QElapsedTimer clock;
        clock.start();
        SandboxProcess sandbox;
        if (!sandbox.start(QStringLiteral(IC_SANDBOX_EXECUTABLE),
                           {u"--connections"_s, QString::number(connections), u"--applications"_s,
                            QString::number(applications), u"--api-key"_s, kApiKey},
                           error))
            return std::nullopt;
        const QString base = sandbox.baseUrl().toString();
        QByteArrayList ids, allUrls, appUrls, appIds;
        qint64 bytes = 0;
        bool written = true;
        // One listing into <pages>/<name>/, its page paths into `urls`.
        const auto walk = [&](const QString &name, const QString &path, const QString &query,
                              QByteArrayList *urls, QByteArrayList *rowIds) {
            QDir().mkpath(QDir(dump.pages).filePath(name));
            return walkPages(
                kApiKey,
                [&](const QString &cursor) {
                    const QString cursorPart =
                        cursor.isEmpty() ? QString() : u"cursor="_s + cursor + u'&';
                    return QUrl(base + path + u'?' + cursorPart + query);
                },
                [&](const QUrl &url, const QByteArray &body, const QJsonArray &data) {
                    written =
                        written &&
                        writeFile(
                            QDir(dump.pages).filePath(name + u'/' + cursorOf(url) + u".json"_s),
                            body);
                    if (urls)
                        urls->append(url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority));
                    if (rowIds) {
                        bytes += body.size();
                        for (const QJsonValue &row : data)
                            rowIds->append(row.toObject().value("id"_L1).toString().toUtf8());
                    }
                });
        };
        QString failure = walk(u"all"_s, u"/oauth_connections"_s, kConnectionQuery, &allUrls, &ids);
        if (failure.isEmpty())
            failure = walk(u"applications"_s, u"/oauth_applications"_s, kApplicationQuery, nullptr,
                           &appIds);
        for (const QByteArray &app : std::as_const(appIds)) {
            if (!failure.isEmpty())
                break;
            failure = walk(QString::fromUtf8(app), u"/oauth_connections"_s,
                           kConnectionQuery + u"&oauth_application_id="_s + QString::fromUtf8(app),
                           &appUrls, nullptr);
        }
        if (!failure.isEmpty() || !written) {
            *error = failure.isEmpty() ? u"cannot write the pages under "_s + dump.pages
                                       : u"dumping the sandbox's pages: "_s + failure;
            return std::nullopt;
        }
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        if (!writeFile(QDir(dir).filePath(u"ids.txt"_s), ids.join('\n') + '\n') ||
            !writeFile(QDir(dir).filePath(u"urls-all.txt"_s), allUrls.join('\n') + '\n') ||
            !writeFile(QDir(dir).filePath(u"urls-apps.txt"_s), appUrls.join('\n') + '\n') ||
            !writeFile(done,
                       QByteArray::number(bytes) + ' ' + QByteArray::number(seconds) + '\n')) {
            *error = u"cannot write under "_s + dir;
            return std::nullopt;
        }
    } else {
        dump.cached = true;
    }
    dump.ids = lines(readFile(QDir(dir).filePath(u"ids.txt"_s)));
    dump.allUrls = lines(readFile(QDir(dir).filePath(u"urls-all.txt"_s)));
    dump.appUrls = lines(readFile(QDir(dir).filePath(u"urls-apps.txt"_s)));
    const QByteArrayList figures = readFile(done).trimmed().split(' ');
    dump.bytes = figures.value(0).toLongLong();
    dump.seconds = figures.value(1).toDouble();
    if (dump.ids.size() != connections) {
        *error = u"the dump in %1 has %2 rows, not %3 (remove it to make it again)"_s.arg(dir)
                     .arg(dump.ids.size())
                     .arg(connections);
        return std::nullopt;
    }
    return dump;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool waitForPort(quint16 port, const QProcess &process)
{
    for (int i = 0; i < 100 && process.state() == QProcess::Running; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    return false;
}

// A CA made for this run and a certificate for 127.0.0.1 and localhost signed by it.
bool makeCertificates(const QDir &dir, QString *error)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty()) {
        *error = u"openssl is not installed (scripts/bench installs it)"_s;
        return false;
    }
    writeFile(dir.filePath(u"server.ext"_s),
              "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
              "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
    const QStringList ec{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                         u"-nodes"_s};
    const QList<QStringList> steps{
        QStringList{u"req"_s, u"-x509"_s} + ec +
            QStringList{u"-keyout"_s, dir.filePath(u"ca.key"_s), u"-out"_s,
                        dir.filePath(u"ca.pem"_s), u"-days"_s, u"2"_s, u"-subj"_s,
                        u"/CN=bench_foreign run CA"_s, u"-addext"_s,
                        u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
                        u"keyUsage=critical,keyCertSign,cRLSign"_s},
        QStringList{u"req"_s} + ec +
            QStringList{u"-keyout"_s, dir.filePath(u"server.key"_s), u"-out"_s,
                        dir.filePath(u"server.csr"_s), u"-subj"_s, u"/CN=localhost"_s},
        {u"x509"_s, u"-req"_s, u"-in"_s, dir.filePath(u"server.csr"_s), u"-CA"_s,
         dir.filePath(u"ca.pem"_s), u"-CAkey"_s, dir.filePath(u"ca.key"_s), u"-CAcreateserial"_s,
         u"-out"_s, dir.filePath(u"server.pem"_s), u"-days"_s, u"2"_s, u"-extfile"_s,
         dir.filePath(u"server.ext"_s)},
    };
    for (const QStringList &step : steps) {
        const ProcessRun run =
            BenchProcess::run(openssl, step, QProcessEnvironment::systemEnvironment(), 30000);
        if (!run.ok()) {
            *error = u"openssl %1 failed: %2"_s.arg(step.first(), run.describe());
            return false;
        }
    }
    // nginx runs as nobody when this runs as root: it reads the key (made for this run only).
    QFile::setPermissions(dir.filePath(u"server.key"_s),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    return true;
}

struct NginxSetup
{
    QString pages; // static pages (root), or empty to proxy to `upstreamPort`
    quint16 upstreamPort = 0;
    quint16 tlsPort = 0;   // HTTPS + HTTP/2, 0 for none
    quint16 plainPort = 0; // plain HTTP/1.1, 0 for none
    quint16 tlsH1Port = 0; // HTTPS offering HTTP/1.1 only (ALPN without h2), 0 for none
    double rateLimit = 0;  // limit_req r/s, 0 for none
};

// A real API's response headers (nine, besides nginx's Date, Content-Type, Content-Length).
const char kHeaders[] =
    R"(    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains; preload" always;
    add_header Cache-Control "no-cache, no-store, must-revalidate" always;
    add_header X-Request-Id "req_$request_id" always;
    add_header Vary "Origin, Accept-Encoding" always;
    add_header X-Content-Type-Options "nosniff" always;
    add_header X-Frame-Options "DENY" always;
    add_header Referrer-Policy "no-referrer" always;
    add_header Content-Security-Policy "default-src 'none'; frame-ancestors 'none'" always;
    add_header X-RateLimit-Limit "100" always;
)";

QByteArray nginxConfig(const QDir &run, const NginxSetup &setup)
{
    const QByteArray dir = run.absolutePath().toUtf8();
    QByteArray conf = "worker_processes 1;\npid " + dir + "/nginx/nginx.pid;\nerror_log " + dir +
                      "/nginx/error.log warn;\nevents { worker_connections 1024; }\nhttp {\n";
    conf += "    log_format timing '$msec $request_time \"$upstream_response_time\" "
            "$server_protocol $status $body_bytes_sent \"$http_user_agent\" \"$request_uri\"';\n"
            "    access_log " +
            dir + "/nginx/access.log timing;\n";
    for (const char *temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
        conf += "    " + QByteArray(temp) + "_temp_path " + dir + "/nginx/" + temp + ";\n";
    conf += "    default_type application/json;\n    server_tokens off;\n    etag off;\n"
            "    sendfile on;\n    tcp_nodelay on;\n    keepalive_requests 1000000;\n"
            "    keepalive_timeout 75s;\n"
            "    ssl_certificate " +
            dir + "/server.pem;\n    ssl_certificate_key " + dir +
            "/server.key;\n    ssl_protocols TLSv1.2 TLSv1.3;\n";
    // Only ids and cursors as the sandbox makes them reach a file name.
    conf += "    map $arg_cursor $page { \"\" first; \"~^[A-Za-z0-9_-]+$\" $arg_cursor; "
            "default invalid; }\n"
            "    map $arg_oauth_application_id $listing { \"\" all; \"~^[A-Za-z0-9_-]+$\" "
            "$arg_oauth_application_id; default invalid; }\n";
    QByteArray limit;
    if (setup.rateLimit > 0) {
        const QByteArray rate = QByteArray::number(qRound(setup.rateLimit));
        conf += "    limit_req_zone $server_port zone=api:1m rate=" + rate + "r/s;\n";
        limit = "        limit_req zone=api burst=" + rate +
                " nodelay;\n        limit_req_status 429;\n        error_page 429 = @limited;\n";
    }
    if (setup.upstreamPort != 0)
        conf += "    upstream api { server 127.0.0.1:" + QByteArray::number(setup.upstreamPort) +
                "; keepalive 32; }\n";
    conf += "    server {\n";
    if (setup.tlsPort != 0)
        conf += "        listen 127.0.0.1:" + QByteArray::number(setup.tlsPort) + " ssl http2;\n";
    if (setup.plainPort != 0)
        conf += "        listen 127.0.0.1:" + QByteArray::number(setup.plainPort) + ";\n";
    if (setup.tlsH1Port != 0)
        conf += "        listen 127.0.0.1:" + QByteArray::number(setup.tlsH1Port) + " ssl;\n";
    conf += kHeaders;
    if (setup.upstreamPort == 0) {
        conf += "        root " + setup.pages.toUtf8() + ";\n";
        conf += "        location = /oauth_connections {\n" + limit +
                "            try_files /$listing/$page.json =404;\n        }\n";
        conf += "        location = /oauth_applications {\n" + limit +
                "            try_files /applications/$page.json =404;\n        }\n";
        conf += "        location / { return 404; }\n";
    } else {
        conf += "        location / {\n" + limit +
                "            proxy_pass http://api;\n            proxy_http_version 1.1;\n"
                "            proxy_set_header Connection \"\";\n"
                "            proxy_buffer_size 16k;\n            proxy_buffers 16 16k;\n"
                "        }\n";
    }
    if (!limit.isEmpty())
        conf += "        location @limited {\n" + QByteArray(kHeaders) +
                "            add_header Retry-After 1 always;\n"
                "            return 429 '{\"status\":429,\"type\":\"rate_limited_error\","
                "\"title\":\"Rate limited.\",\"detail\":\"Too many requests; retry after 1 s.\","
                "\"retry_after\":1}';\n        }\n";
    conf += "    }\n}\n";
    return conf;
}

// nginx from a temporary directory, as nobody when this runs as root.
class Nginx
{
public:
    ~Nginx() { BenchProcess::stop(m_process); }

    bool start(const QDir &run, const NginxSetup &setup, QString *error)
    {
        const QString nginx = QStandardPaths::findExecutable(
            u"nginx"_s, {u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/usr/bin"_s});
        if (nginx.isEmpty()) {
            *error = u"nginx is not installed (scripts/bench installs nginx-light)"_s;
            return false;
        }
        m_log = run.filePath(u"nginx/access.log"_s);
        run.mkpath(u"nginx"_s);
        const QString conf = run.filePath(u"nginx.conf"_s);
        writeFile(conf, nginxConfig(run, setup));
        QString program = nginx;
        QStringList arguments{u"-p"_s, run.filePath(u"nginx"_s),
                              u"-e"_s, run.filePath(u"nginx/error.log"_s),
                              u"-c"_s, conf,
                              u"-g"_s, u"daemon off;"_s};
        if (::geteuid() == 0) {
            // The temporary directory is 0700: open it, hand nginx's own corner to nobody.
            QFile::setPermissions(run.absolutePath(), QFile::ReadOwner | QFile::WriteOwner |
                                                          QFile::ExeOwner | QFile::ReadOther |
                                                          QFile::ExeOther);
            if (::chown(QFile::encodeName(run.filePath(u"nginx"_s)).constData(), kNobody,
                        kNobody) != 0) {
                *error = u"cannot chown nginx's directory to nobody"_s;
                return false;
            }
            arguments = QStringList{u"--reuid"_s,
                                    QString::number(kNobody),
                                    u"--regid"_s,
                                    QString::number(kNobody),
                                    u"--clear-groups"_s,
                                    u"--"_s,
                                    nginx} +
                        arguments;
            program = QStandardPaths::findExecutable(u"setpriv"_s);
        }
        m_process.setProcessChannelMode(QProcess::ForwardedChannels);
        BenchProcess::dieWithParent(m_process);
        m_process.start(program, arguments);
        const quint16 port = setup.tlsPort != 0 ? setup.tlsPort : setup.plainPort;
        if (!m_process.waitForStarted(10000) || !waitForPort(port, m_process)) {
            *error = u"nginx did not start: "_s +
                     QString::fromUtf8(readFile(run.filePath(u"nginx/error.log"_s))).trimmed();
            return false;
        }
        return true;
    }

    // What the access log gained since the last call.
    QByteArrayList newLogLines()
    {
        QFile file(m_log);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        file.seek(m_logOffset);
        const QByteArray text = file.readAll();
        const qsizetype end = text.lastIndexOf('\n') + 1;
        m_logOffset += end;
        return lines(text.left(end));
    }

private:
    QProcess m_process;
    QString m_log;
    qint64 m_logOffset = 0;
};

// foreign_upstream.py on a port of its own choosing.
class Upstream
{
public:
    ~Upstream()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const QString &pages, int latencyMs, bool nagle, QString *error)
    {
        QString python = u"/usr/bin/python3"_s;
        if (!QFileInfo(python).isExecutable())
            python = QStandardPaths::findExecutable(u"python3"_s);
        if (python.isEmpty()) {
            *error = u"python3 is not installed"_s;
            return false;
        }
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        BenchProcess::dieWithParent(m_process);
        QStringList arguments{QStringLiteral(IC_FOREIGN_UPSTREAM_SCRIPT), pages, u"0"_s,
                              QString::number(latencyMs)};
        if (nagle)
            arguments.append(u"nagle"_s);
        m_process.start(python, arguments);
        QByteArray out;
        while (m_process.waitForReadyRead(10000)) {
            out += m_process.readAllStandardOutput();
            if (out.startsWith("listening on ") && out.endsWith('\n')) {
                m_port = quint16(out.mid(13).trimmed().toUInt());
                return true;
            }
        }
        *error = u"the Python upstream did not start: "_s + QString::fromUtf8(out);
        return false;
    }
    quint16 port() const { return m_port; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// One curl process for `urls` (one keep-alive connection, or `parallel` at once).
std::optional<CurlRun> runCurl(const QString &config, const QString &base,
                               const QByteArrayList &urls, const QString &caFile, bool http2,
                               int parallel, QString *error)
{
    QByteArray text = "silent\nshow-error\nheader = \"Authorization: Bearer " + kApiKey.toUtf8() +
                      "\"\n" + (http2 ? "http2\n" : "http1.1\n");
    if (!caFile.isEmpty())
        text += "cacert = \"" + caFile.toUtf8() + "\"\n";
    if (parallel > 1)
        text += "parallel\nparallel-max = " + QByteArray::number(parallel) + "\n";
    for (const QByteArray &url : urls)
        text += "url = \"" + base.toUtf8() + url + "\"\noutput = \"/dev/null\"\n";
    if (!writeFile(config, text)) {
        *error = u"cannot write "_s + config;
        return std::nullopt;
    }
    std::optional<CurlRun> result = CurlPeer::run(config, kApiKey, error);
    if (!result)
        return std::nullopt;
    if (result->pages != urls.size()) {
        *error = u"curl fetched %1 pages of %2"_s.arg(result->pages).arg(urls.size());
        return std::nullopt;
    }
    return result;
}

// Per-client figures from nginx's access log lines (format "timing" above).
struct LogFigures
{
    int requests = 0;
    QMap<QString, int> protocols;
    QMap<int, int> statuses;
    QList<double> requestMs, upstreamMs;
};

LogFigures readLog(const QByteArrayList &logLines)
{
    LogFigures figures;
    for (const QByteArray &line : logLines) {
        const QByteArrayList fields = line.split(' ');
        if (fields.size() < 6)
            continue;
        ++figures.requests;
        figures.requestMs.append(fields.at(1).toDouble() * 1000);
        const QByteArray upstream = QByteArray(fields.at(2)).replace('"', "");
        if (upstream != "-")
            figures.upstreamMs.append(upstream.toDouble() * 1000);
        figures.protocols[QString::fromLatin1(fields.at(3))] += 1;
        figures.statuses[fields.at(4).toInt()] += 1;
    }
    return figures;
}

QString distribution(QList<double> ms)
{
    if (ms.isEmpty())
        return u"-"_s;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(q * double(ms.size()))));
    };
    const qsizetype over90 = std::count_if(ms.begin(), ms.end(), [](double v) { return v >= 90; });
    return u"min %1, p50 %2, p90 %3, p99 %4, max %5 ms; %6 of %7 at 90 ms or more"_s
        .arg(ms.first(), 0, 'f', 0)
        .arg(at(0.5), 0, 'f', 0)
        .arg(at(0.9), 0, 'f', 0)
        .arg(at(0.99), 0, 'f', 0)
        .arg(ms.last(), 0, 'f', 0)
        .arg(over90)
        .arg(ms.size());
}

QString describeLog(const LogFigures &log)
{
    QStringList protocols, statuses;
    for (auto it = log.protocols.begin(); it != log.protocols.end(); ++it)
        protocols.append(u"%1 x%2"_s.arg(it.key()).arg(it.value()));
    for (auto it = log.statuses.begin(); it != log.statuses.end(); ++it)
        statuses.append(u"%1 x%2"_s.arg(it.key()).arg(it.value()));
    return u"%1 requests (%2; %3)"_s.arg(log.requests)
        .arg(protocols.join(u", "_s), statuses.join(u", "_s));
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QString ratio(double value)
{
    return QString::number(value, 'f', 2) + u"x"_s;
}

QString checkRows(const QString &who, const QString &file, const QByteArrayList &ids)
{
    QString error;
    const auto rows = readCsvIds(file, &error);
    if (!rows)
        return error;
    if (const QString diff = compareIds(*rows, ids); !diff.isEmpty())
        return who + u"'s file differs from the dumped listing: "_s + diff;
    return {};
}

struct Context
{
    QString program = QStringLiteral(IC_APP_EXECUTABLE);
    QString script = QStringLiteral(IC_NODE_BENCH_SCRIPT);
    QDir run;
    QString caFile;
    Dump dump;
    Nginx nginx;
};

ProcessRun runOurs(const Context &c, const QString &base, const QStringList &extra,
                   const QString &output)
{
    QStringList arguments{u"export"_s, u"--base-url"_s, base,  u"--status"_s,
                          u"all"_s,    u"--output"_s,   output};
    if (base.startsWith("https"_L1))
        arguments += {u"--ca-file"_s, c.caFile};
    return BenchProcess::run(c.program, arguments + extra,
                             BenchProcess::clientEnvironment(kApiKey));
}

// --case pages: the three clients, each transport in turn, `rounds` times; medians.
int benchPages(Context &c, const QString &label, const QString &base, bool http2, int rounds,
               const QStringList &exportArgs)
{
    QString error;
    const QString ours = c.run.filePath(u"ours.csv"_s), sdkFile = c.run.filePath(u"sdk.csv"_s);
    QList<qint64> ourTimes, sdkTimes, curlTimes;
    LogFigures ourLog, sdkLog;
    CurlRun lastCurl;
    const QStringList ourArgs = QStringList{u"--quiet"_s, u"--parallel"_s, u"1"_s} + exportArgs;
    c.nginx.newLogLines();
    for (int round = 1; round <= rounds; ++round) {
        const ProcessRun run = runOurs(c, base, ourArgs, ours);
        if (!run.ok())
            return BenchReport::fail(kBench,
                                     u"our export (%1) failed: "_s.arg(label) + run.describe());
        ourLog = readLog(c.nginx.newLogLines());
        const std::optional<NodeSdkRun> sdk =
            NodeSdk::run(c.script, QUrl(base), kApiKey, sdkFile, &error);
        if (!sdk)
            return BenchReport::fail(kBench, error);
        sdkLog = readLog(c.nginx.newLogLines());
        const std::optional<CurlRun> curl = runCurl(c.run.filePath(u"curl.txt"_s), base,
                                                    c.dump.allUrls, c.caFile, http2, 1, &error);
        if (!curl)
            return BenchReport::fail(kBench, error);
        c.nginx.newLogLines();
        if (round == 1) {
            for (const auto &[who, file] :
                 {std::pair{u"ours"_s, ours}, std::pair{u"the SDK"_s, sdkFile}})
                if (const QString diff = checkRows(who, file, c.dump.ids); !diff.isEmpty())
                    return BenchReport::fail(kBench, label + u": "_s + diff);
            std::printf("%s: rows: our file and the SDK's hold the dump's %lld ids in order "
                        "(files byte-identical: %s)\n",
                        qUtf8Printable(label), qint64(c.dump.ids.size()),
                        readFile(ours) == readFile(sdkFile) ? "yes" : "no");
        }
        ourTimes.append(run.nsecs);
        sdkTimes.append(sdk->process.nsecs);
        curlTimes.append(curl->process.nsecs);
        lastCurl = *curl;
        std::printf("%s round %d: ours %s, Node SDK %s (its loop %.2f s), curl %s\n",
                    qUtf8Printable(label), round, qUtf8Printable(BenchProcess::seconds(run.nsecs)),
                    qUtf8Printable(BenchProcess::seconds(sdk->process.nsecs)), sdk->loopSeconds,
                    qUtf8Printable(BenchProcess::seconds(curl->process.nsecs)));
        std::fflush(stdout);
    }
    std::printf("%s: nginx saw ours: %s; the SDK: %s; curl: HTTP/%s, %d TCP connection(s)\n",
                qUtf8Printable(label), qUtf8Printable(describeLog(ourLog)),
                qUtf8Printable(describeLog(sdkLog)), qUtf8Printable(lastCurl.protocol),
                lastCurl.connections);
    const qint64 ourTime = median(ourTimes), sdkTime = median(sdkTimes),
                 curlTime = median(curlTimes);
    const double vsSdk = double(sdkTime) / double(ourTime);
    const double vsCurl = double(ourTime) / double(curlTime);
    std::printf("%s: medians ours %s (%.0f rows/s), SDK %s, curl %s (%.0f MB/s); ours/SDK "
                "throughput %s, ours/curl time %s\n",
                qUtf8Printable(label), qUtf8Printable(BenchProcess::seconds(ourTime)),
                double(c.dump.ids.size()) * 1e9 / double(ourTime),
                qUtf8Printable(BenchProcess::seconds(sdkTime)),
                qUtf8Printable(BenchProcess::seconds(curlTime)),
                double(c.dump.bytes) * 1e3 / double(curlTime), qUtf8Printable(ratio(vsSdk)),
                qUtf8Printable(ratio(vsCurl)));
    const QString rows = QLocale(QLocale::English).toString(c.dump.ids.size() / 1000) + u"k"_s;
    BenchReport::summary(u"nginx %1, %2, vs Node SDK"_s.arg(label, rows),
                         u"%1 (ours %2, SDK %3)"_s.arg(ratio(vsSdk), BenchProcess::seconds(ourTime),
                                                       BenchProcess::seconds(sdkTime)),
                         u">= 4x"_s, BenchReport::verdict(vsSdk >= 4.0));
    BenchReport::summary(u"nginx %1, %2, vs curl"_s.arg(label, rows),
                         u"%1 (ours %2, curl %3)"_s.arg(ratio(vsCurl),
                                                        BenchProcess::seconds(ourTime),
                                                        BenchProcess::seconds(curlTime)),
                         u"<= 2.5x"_s, BenchReport::verdict(vsCurl <= 2.5));
    return 0;
}

// --case latency: ours at its defaults (automatic parallelism) vs the SDK vs curl.
int benchLatency(Context &c, const QString &base, int latencyMs, double rateLimit,
                 const QStringList &exportArgs)
{
    QString error;
    const QString ours = c.run.filePath(u"ours.csv"_s), sdkFile = c.run.filePath(u"sdk.csv"_s);
    c.nginx.newLogLines();
    const ProcessRun run = runOurs(c, base, QStringList{u"--verbose"_s} + exportArgs, ours);
    if (!run.ok())
        return BenchReport::fail(kBench, u"our export failed: "_s + run.describe());
    const LogFigures ourLog = readLog(c.nginx.newLogLines());
    const RequestLogSummary requests = summarizeRequestLog(run.err);
    for (const QString &line : requests.otherLines)
        std::printf("our export said: %s\n", qUtf8Printable(line));
    const std::optional<NodeSdkRun> sdk =
        NodeSdk::run(c.script, QUrl(base), kApiKey, sdkFile, &error);
    if (!sdk)
        return BenchReport::fail(kBench, error);
    const LogFigures sdkLog = readLog(c.nginx.newLogLines());
    const std::optional<CurlRun> curl =
        runCurl(c.run.filePath(u"curl.txt"_s), base, c.dump.allUrls, c.caFile, true, 1, &error);
    if (!curl)
        return BenchReport::fail(kBench, error);
    const LogFigures curlLog = readLog(c.nginx.newLogLines());
    // Not a client's figure: curl fetching every application's pages 8 at a time, cursors
    // known beforehand. What 8 streams could do at best with this server.
    const std::optional<CurlRun> curl8 =
        runCurl(c.run.filePath(u"curl8.txt"_s), base, c.dump.appUrls, c.caFile, true, 8, &error);
    if (!curl8)
        return BenchReport::fail(kBench, error);
    const LogFigures curl8Log = readLog(c.nginx.newLogLines());

    for (const auto &[who, file] : {std::pair{u"ours"_s, ours}, std::pair{u"the SDK"_s, sdkFile}})
        if (const QString diff = checkRows(who, file, c.dump.ids); !diff.isEmpty())
            return BenchReport::fail(kBench, diff);
    std::printf("rows: ours and the SDK's hold the dump's %lld ids in the same order (files "
                "byte-identical: %s)\n",
                qint64(c.dump.ids.size()), readFile(ours) == readFile(sdkFile) ? "yes" : "no");
    // When the requests ran, from the --verbose log: the rest of the run is start-up and end.
    qint64 first = 0, last = 0;
    int beforeSplit = 0; // requests before the first of an application's listing
    bool split = false;
    static const QRegularExpression exchange(u"^(\\S+) [A-Z]+ .*\\(attempt \\d+, (\\d+) ms"_s);
    for (const QByteArray &line : run.err.split('\n')) {
        const QRegularExpressionMatch match = exchange.match(QString::fromUtf8(line));
        const QDateTime at = QDateTime::fromString(match.captured(1), Qt::ISODateWithMs);
        if (!match.hasMatch() || !at.isValid())
            continue;
        const qint64 start = at.toMSecsSinceEpoch();
        first = first == 0 ? start : std::min(first, start);
        last = std::max(last, start + match.captured(2).toLongLong());
        split = split || line.contains("oauth_application_id=");
        beforeSplit += split ? 0 : 1;
    }
    std::printf("ours: %s, of which %.2f s from the first request's start to the last one's end; "
                "%s, at most %d in flight (--verbose), %d answered 429\n",
                qUtf8Printable(BenchProcess::seconds(run.nsecs)), double(last - first) / 1000.0,
                qUtf8Printable(requests.streams()), requests.peakInFlight, requests.rateLimited);
    std::printf("  nginx saw %s\n  request time %s\n  upstream time %s\n",
                qUtf8Printable(describeLog(ourLog)), qUtf8Printable(distribution(ourLog.requestMs)),
                qUtf8Printable(distribution(ourLog.upstreamMs)));
    std::printf("peer: Node SDK %s for-await loop: %s (its loop %.2f s), %d answered 429\n",
                qUtf8Printable(NodeSdk::version(c.script)),
                qUtf8Printable(BenchProcess::seconds(sdk->process.nsecs)), sdk->loopSeconds,
                sdk->statuses.value(429));
    std::printf("  nginx saw %s\n  request time %s\n  upstream time %s\n",
                qUtf8Printable(describeLog(sdkLog)), qUtf8Printable(distribution(sdkLog.requestMs)),
                qUtf8Printable(distribution(sdkLog.upstreamMs)));
    std::printf("peer: curl, the whole listing's %lld pages in order on one connection: %s\n",
                qint64(c.dump.allUrls.size()),
                qUtf8Printable(BenchProcess::seconds(curl->process.nsecs)));
    std::printf("  nginx saw %s\n  request time %s\n  upstream time %s\n",
                qUtf8Printable(describeLog(curlLog)),
                qUtf8Printable(distribution(curlLog.requestMs)),
                qUtf8Printable(distribution(curlLog.upstreamMs)));
    std::printf(
        "bound: curl, the %lld pages of every application, 8 at a time, cursors known "
        "beforehand: %s\n  nginx saw %s\n  request time %s\n",
        qint64(c.dump.appUrls.size()), qUtf8Printable(BenchProcess::seconds(curl8->process.nsecs)),
        qUtf8Printable(describeLog(curl8Log)), qUtf8Printable(distribution(curl8Log.requestMs)));

    // One stream per application: the one with the most pages decides the time.
    QMap<QByteArray, int> pagesByApp;
    for (const QByteArray &url : std::as_const(c.dump.appUrls))
        pagesByApp[url.mid(url.indexOf("oauth_application_id=") + 21)] += 1;
    QList<int> counts = pagesByApp.values();
    std::sort(counts.begin(), counts.end());
    if (!counts.isEmpty())
        std::printf("critical path of our split by application: the applications have %d to "
                    "%d pages; the %d requests ours made before its streams (--verbose) and the "
                    "longest stream are %d requests one after another, %.2f s at %d ms\n",
                    counts.first(), counts.last(), beforeSplit, beforeSplit + counts.last(),
                    double(beforeSplit + counts.last()) * latencyMs / 1000.0, latencyMs);
    const double vsSdk = double(sdk->process.nsecs) / double(run.nsecs);
    const double vsCurl = double(curl->process.nsecs) / double(run.nsecs);
    std::printf("ratio ours/SDK throughput %s, ours/curl (sequential) throughput %s\n",
                qUtf8Printable(ratio(vsSdk)), qUtf8Printable(ratio(vsCurl)));
    const QString what = u"nginx+py h2 %1 ms, %2k"_s.arg(latencyMs).arg(c.dump.ids.size() / 1000);
    BenchReport::summary(what + u", vs Node SDK"_s,
                         u"%1 (ours %2, %3 stream(s); SDK %4; curl %5)"_s.arg(
                             ratio(vsSdk), BenchProcess::seconds(run.nsecs),
                             QString::number(std::max<qsizetype>(1, requests.partitions.size())),
                             BenchProcess::seconds(sdk->process.nsecs),
                             BenchProcess::seconds(curl->process.nsecs)),
                         u">= 4x"_s, BenchReport::verdict(vsSdk >= 4.0));
    if (rateLimit > 0)
        BenchReport::summary(
            what + u", 429s @%1 r/s"_s.arg(rateLimit),
            u"%1 (SDK %2)"_s.arg(requests.rateLimited).arg(sdk->statuses.value(429)), u"0"_s,
            BenchReport::verdict(requests.rateLimited == 0));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Exports against nginx and a Python upstream: ours vs the "
                                     u"Node SDK vs curl"_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"case"_s,
         u"pages (nginx static, HTTPS/2 and HTTP/1.1) or latency (nginx HTTPS/2 in "
         u"front of a delaying Python upstream)."_s,
         u"CASE"_s, u"pages"_s},
        {u"connections"_s, u"Rows (default 100000 for pages, 10000 for latency)."_s, u"N"_s},
        {u"applications"_s, u"Applications (default 8)."_s, u"K"_s, u"8"_s},
        {u"latency-ms"_s, u"The upstream's delay per page (default 50)."_s, u"L"_s, u"50"_s},
        {u"rate-limit"_s,
         u"nginx limit_req in r/s, 429 beyond (default 100 for latency, 0 = "
         u"none for pages)."_s,
         u"R"_s},
        {u"rounds"_s, u"pages: runs of each client per transport (default 3)."_s, u"R"_s, u"3"_s},
        {u"cache-dir"_s,
         u"Where the dumped pages are kept (default: foreign-cache next to "
         u"this program)."_s,
         u"DIR"_s},
        {u"export-arg"_s, u"Pass ARG to our export too (repeatable)."_s, u"ARG"_s},
        {u"upstream-nagle"_s, u"latency: leave Nagle's algorithm on in the Python upstream "
                              u"(each page then takes ~40 ms more: delayed ACKs)."_s},
        {u"serve"_s, u"Start the servers, print how to reach them and wait for Ctrl+C."_s},
    });
    parser.process(app);
    const QString which = parser.value(u"case"_s);
    if (which != "pages"_L1 && which != "latency"_L1)
        return BenchReport::fail(kBench, u"--case is pages or latency"_s);
    const bool latency = which == "latency"_L1;
    const qint64 connections = parser.isSet(u"connections"_s)
                                   ? parser.value(u"connections"_s).toLongLong()
                                   : (latency ? 10000 : 100000);
    const int applications = parser.value(u"applications"_s).toInt();
    const int latencyMs = parser.value(u"latency-ms"_s).toInt();
    const double rateLimit = parser.isSet(u"rate-limit"_s)
                                 ? parser.value(u"rate-limit"_s).toDouble()
                                 : (latency ? 100.0 : 0.0);
    const QString cacheDir =
        parser.isSet(u"cache-dir"_s)
            ? parser.value(u"cache-dir"_s)
            : QDir(QCoreApplication::applicationDirPath()).filePath(u"foreign-cache"_s);
    const bool serve = parser.isSet(u"serve"_s);

    Context c;
    if (!serve) {
        if (const QString why = NodeSdk::missing(c.script); !why.isEmpty())
            return BenchReport::fail(kBench, why);
        if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
            return BenchReport::fail(kBench, u"curl is not installed"_s);
    }
    QTemporaryDir temporary;
    if (!temporary.isValid())
        return BenchReport::fail(kBench, u"no temporary directory"_s);
    c.run = QDir(temporary.path());
    QString error;

    QElapsedTimer clock;
    clock.start();
    std::optional<Dump> dump = dumpPages(cacheDir, connections, applications, &error);
    if (!dump)
        return BenchReport::fail(kBench, error);
    c.dump = std::move(*dump);
    if (c.dump.cached)
        std::printf("pages: %lld rows from %s (dumped earlier in %.1f s; loaded in %.1f s)\n",
                    qint64(c.dump.ids.size()), qUtf8Printable(c.dump.pages), c.dump.seconds,
                    double(clock.nsecsElapsed()) / 1e9);
    else
        std::printf("pages: %lld rows dumped from the sandbox into %s in %.1f s\n",
                    qint64(c.dump.ids.size()), qUtf8Printable(c.dump.pages), c.dump.seconds);
    std::printf("  %lld pages of the whole listing (%.1f MB), %lld of the %d applications' "
                "listings\n",
                qint64(c.dump.allUrls.size()), double(c.dump.bytes) / 1e6,
                qint64(c.dump.appUrls.size()), applications);

    if (!makeCertificates(c.run, &error))
        return BenchReport::fail(kBench, error);
    c.caFile = c.run.filePath(u"ca.pem"_s);
    // The SDK (Node) trusts the run's CA through this; it is read from our environment.
    qputenv("NODE_EXTRA_CA_CERTS", QFile::encodeName(c.caFile));

    NginxSetup setup;
    setup.tlsPort = freePort();
    setup.rateLimit = rateLimit;
    Upstream upstream;
    if (latency) {
        if (!upstream.start(c.dump.pages, latencyMs, parser.isSet(u"upstream-nagle"_s), &error))
            return BenchReport::fail(kBench, error);
        setup.upstreamPort = upstream.port();
    } else {
        setup.pages = c.dump.pages;
        setup.plainPort = freePort();
        while (setup.plainPort == setup.tlsPort)
            setup.plainPort = freePort();
        setup.tlsH1Port = freePort();
        while (setup.tlsH1Port == setup.tlsPort || setup.tlsH1Port == setup.plainPort)
            setup.tlsH1Port = freePort();
    }
    if (!c.nginx.start(c.run, setup, &error))
        return BenchReport::fail(kBench, error);
    const QString https = u"https://127.0.0.1:%1"_s.arg(setup.tlsPort);
    const QString http = u"http://127.0.0.1:%1"_s.arg(setup.plainPort);
    const QString httpsH1 = u"https://127.0.0.1:%1"_s.arg(setup.tlsH1Port);
    std::printf("nginx %s (%s), run directory %s\n",
                latency
                    ? qUtf8Printable(
                          u"HTTPS/2 %1 -> Python upstream 127.0.0.1:%2 sleeping %3 ms"_s.arg(https)
                              .arg(upstream.port())
                              .arg(latencyMs))
                    : qUtf8Printable(u"static pages: HTTPS/2 %1, HTTP/1.1 %2, HTTPS/1.1 %3"_s.arg(
                          https, http, httpsH1)),
                rateLimit > 0 ? qUtf8Printable(u"limit_req %1 r/s, 429 beyond"_s.arg(rateLimit))
                              : "no rate limit",
                qUtf8Printable(c.run.path()));
    std::fflush(stdout);

    if (serve) {
        std::printf(
            "\nserving until Ctrl+C. For example:\n"
            "  INCREASE_API_KEY=sk_any_long_key %s export --base-url %s --ca-file %s --status all "
            "--output out.csv\n"
            "  NODE_EXTRA_CA_CERTS=%s node %s %s sk_any_long_key sdk.csv\n"
            "  curl --cacert %s -H 'Authorization: Bearer sk_any_long_key' '%s%s'\n"
            "nginx's access log (request and upstream times): %s\n",
            qUtf8Printable(c.program), qUtf8Printable(https), qUtf8Printable(c.caFile),
            qUtf8Printable(c.caFile), qUtf8Printable(c.script), qUtf8Printable(https),
            qUtf8Printable(c.caFile), qUtf8Printable(https), c.dump.allUrls.value(0).constData(),
            qUtf8Printable(c.run.filePath(u"nginx/access.log"_s)));
        std::fflush(stdout);
        std::signal(SIGINT, onStopSignal);
        std::signal(SIGTERM, onStopSignal);
        while (g_stop == 0)
            QThread::msleep(200);
        return 0;
    }

    const QStringList exportArgs = parser.values(u"export-arg"_s);
    if (latency)
        return benchLatency(c, https, latencyMs, rateLimit, exportArgs);
    const int rounds = std::max(1, parser.value(u"rounds"_s).toInt());
    if (const int rc = benchPages(c, u"HTTPS/2"_s, https, true, rounds, exportArgs); rc != 0)
        return rc;
    if (const int rc = benchPages(c, u"HTTP/1.1"_s, http, false, rounds, exportArgs); rc != 0)
        return rc;
    // TLS without HTTP/2: what TLS costs apart from HTTP/2's framing.
    return benchPages(c, u"HTTPS/1.1"_s, httpsH1, false, rounds, exportArgs);
}
