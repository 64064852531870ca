#include "commonoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommonOptions", text);
}

} // namespace

bool CommonSettings::isLocal() const
{
    return endpoint.environment == "local"_L1;
}

ClientConfig CommonSettings::clientConfig(int defaultMaxRetries) const
{
    ClientConfig config;
    config.baseUrl = endpoint.baseUrl;
    config.apiKey = apiKey;
    config.environment = endpoint.environment;
    config.timeoutMs = timeoutMs;
    config.maxRetries = maxRetries.value_or(defaultMaxRetries);
    config.caFile = caFile;
    return config;
}

std::optional<int> CommonOptions::readInt(const QCommandLineParser &parser, const QString &name,
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

bool CommonOptions::checkCaFile(const QString &path, QString *error)
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

void CommonOptions::add(QCommandLineParser &parser)
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

std::optional<CommonSettings> CommonOptions::read(const QCommandLineParser &parser,
                                                  const QProcessEnvironment &environment,
                                                  QString *error)
{
    CommonSettings settings;

    if (parser.isSet(u"verbose"_s) && parser.isSet(u"quiet"_s)) {
        *error = tr("--verbose and --quiet contradict each other; choose one");
        return std::nullopt;
    }
    if (parser.isSet(u"verbose"_s))
        settings.verbosity = Console::Verbosity::Verbose;
    else if (parser.isSet(u"quiet"_s))
        settings.verbosity = Console::Verbosity::Quiet;

    if (parser.isSet(u"timeout-ms"_s)) {
        const auto timeout = readInt(parser, u"timeout-ms"_s, 1, 24 * 60 * 60 * 1000, error);
        if (!timeout)
            return std::nullopt;
        settings.timeoutMs = *timeout;
    }
    if (parser.isSet(u"max-retries"_s)) {
        settings.maxRetries = readInt(parser, u"max-retries"_s, 0, kMaxRetriesLimit, error);
        if (!settings.maxRetries)
            return std::nullopt;
    }

    QString environmentFlag = parser.value(u"environment"_s);
    if (parser.isSet(u"demo"_s)) {
        if (!environmentFlag.isEmpty() && environmentFlag != "local"_L1) {
            *error = tr("--demo means --environment local, but --environment %1 was given; "
                        "choose one")
                         .arg(environmentFlag);
            return std::nullopt;
        }
        environmentFlag = u"local"_s;
    }
    if (parser.isSet(u"base-url"_s) && parser.value(u"base-url"_s).isEmpty()) {
        *error = tr("--base-url needs an address, e.g. https://sandbox.increase.com");
        return std::nullopt;
    }
    const auto endpoint =
        Endpoint::resolve(parser.value(u"base-url"_s), environmentFlag, environment, error);
    if (!endpoint)
        return std::nullopt;
    settings.endpoint = *endpoint;
    if (!settings.isLocal() && !Endpoint::checkBaseUrl(settings.endpoint.baseUrl, error))
        return std::nullopt;

    if (parser.isSet(u"ca-file"_s)) {
        settings.caFile = parser.value(u"ca-file"_s);
        if (!checkCaFile(settings.caFile, error))
            return std::nullopt;
    }

    // The local sandbox gets a key made up for the run: the real one must never reach it.
    if (settings.isLocal())
        return settings;

    if (parser.isSet(u"api-key-file"_s)) {
        const QString path = parser.value(u"api-key-file"_s);
        QString why;
        const auto key = Endpoint::readApiKeyFile(path, &why);
        if (!key) {
            *error = tr("--api-key-file: %1").arg(why);
            return std::nullopt;
        }
        settings.apiKey = *key;
    } else if (const auto key = Endpoint::apiKeyFromEnvironment(environment)) {
        settings.apiKey = *key;
    } else {
        *error =
            tr("no API key for %1 (%2): set INCREASE_API_KEY, or pass --api-key-file PATH "
               "(a file only you can read), or try the local sandbox with --demo")
                .arg(settings.endpoint.environment, settings.endpoint.baseUrl.toDisplayString());
        return std::nullopt;
    }
    return settings;
}
