// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionflags.h"

#include "apikeyfile.h"
#include "endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionFlags", text);
}

} // namespace

void ConnectionFlags::add(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"demo"_s, tr("Use the local sandbox with generated data (same as --environment "
                       "local); needs no API key.")},
        {u"environment"_s, tr("production, sandbox (sandbox.increase.com) or local."), u"name"_s},
        {u"base-url"_s,
         tr("API address, e.g. https://api.increase.com (not with "
            "--environment)."),
         u"url"_s},
        {u"api-key-file"_s,
         tr("Read the API key from a file only you can read (chmod 600); "
            "else INCREASE_API_KEY is used."),
         u"path"_s},
        {u"ca-file"_s,
         tr("Also trust this CA certificate (PEM), e.g. a TLS-inspecting "
            "proxy's."),
         u"path"_s},
        {u"http2-prior-knowledge"_s,
         tr("With an http:// base URL, speak HTTP/2 from the start (h2c, like curl's "
            "flag): far fewer system calls than HTTP/1.1. The server must support it, "
            "else each request waits out --timeout-ms.")},
        {u"timeout-ms"_s, tr("Deadline of each attempt in milliseconds (default 60000)."), u"n"_s},
        {u"max-retries"_s,
         tr("Retries per request (default 5 for export and applications, 2 "
            "for get)."),
         u"n"_s},
        {u"verbose"_s, tr("Print one line per HTTP exchange on stderr.")},
        {u"quiet"_s, tr("Print nothing but errors on stderr.")},
        {{u"h"_s, u"help"_s}, tr("Show this help.")},
        {u"version"_s, tr("Show the version.")},
    });
}

std::optional<int> ConnectionFlags::readInt(const QCommandLineParser &parser, const QString &name,
                                            int min, int max, QString *error)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (ok && value >= min && value <= max)
        return value;
    *error = tr("--%1 takes a whole number from %2 to %3, not '%4'")
                 .arg(name, QString::number(min), QString::number(max), parser.value(name));
    return std::nullopt;
}

bool ConnectionFlags::readLimits(const QCommandLineParser &parser, std::optional<int> *timeoutMs,
                                 std::optional<int> *maxRetries, QString *error)
{
    if (parser.isSet(u"timeout-ms"_s)) {
        *timeoutMs = readInt(parser, u"timeout-ms"_s, 1, 24 * 60 * 60 * 1000, error);
        if (!*timeoutMs)
            return false;
    }
    if (parser.isSet(u"max-retries"_s)) {
        *maxRetries = readInt(parser, u"max-retries"_s, 0, kMaxRetriesLimit, error);
        if (!*maxRetries)
            return false;
    }
    return true;
}

bool ConnectionFlags::checkCaFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        *error = tr("--ca-file %1: no readable file there; give the path of the proxy's CA "
                    "certificate (PEM)")
                     .arg(path);
        return false;
    }
    if (QSslCertificate::fromPath(path, QSsl::Pem).isEmpty()) {
        *error = tr("--ca-file %1: holds no PEM certificate (-----BEGIN CERTIFICATE-----); "
                    "convert it with: openssl x509 -inform der -in FILE -out FILE.pem")
                     .arg(path);
        return false;
    }
    return true;
}

bool ConnectionFlags::readHttp2PriorKnowledge(const QCommandLineParser &parser,
                                              const QString &environment, const QUrl &baseUrl,
                                              bool *enabled, QString *error)
{
    *enabled = false;
    if (!parser.isSet(u"http2-prior-knowledge"_s))
        return true;
    if (environment == "local"_L1) {
        *error = tr("--http2-prior-knowledge: the local sandbox speaks HTTP/1.1 only; leave "
                    "the flag out");
        return false;
    }
    if (baseUrl.scheme() != "http"_L1) {
        *error = tr("--http2-prior-knowledge is for a plain http:// base URL; over https "
                    "HTTP/2 is negotiated by itself, leave the flag out");
        return false;
    }
    *enabled = true;
    return true;
}

std::optional<ConnectionFlags::EndpointFlags>
ConnectionFlags::readEndpointFlags(const QCommandLineParser &parser, QString *error)
{
    EndpointFlags flags{parser.value(u"environment"_s), parser.value(u"base-url"_s)};
    if (parser.isSet(u"demo"_s)) {
        if (!flags.environment.isEmpty() && flags.environment != "local"_L1) {
            *error = tr("--demo means --environment local, but --environment %1 was given; "
                        "choose one")
                         .arg(flags.environment);
            return std::nullopt;
        }
        flags.environment = u"local"_s;
    }
    if (parser.isSet(u"base-url"_s) && flags.baseUrl.isEmpty()) {
        *error = tr("--base-url needs an address, e.g. https://sandbox.increase.com");
        return std::nullopt;
    }
    return flags;
}

std::optional<QString> ConnectionFlags::readApiKey(const QCommandLineParser &parser,
                                                   const QProcessEnvironment &environment,
                                                   QString *error)
{
    if (parser.isSet(u"api-key-file"_s)) {
        QString why;
        const std::optional<QString> key = ApiKeyFile::read(parser.value(u"api-key-file"_s), &why);
        if (!key) {
            *error = tr("--api-key-file: %1").arg(why);
            return std::nullopt;
        }
        return key;
    }
    return Endpoint::apiKeyFromEnvironment(environment).value_or(QString());
}
