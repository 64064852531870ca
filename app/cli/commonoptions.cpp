// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commonoptions.h"

#include "connectionflags.h"

#include <QCommandLineParser>
#include <QCoreApplication>

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
    config.http2PriorKnowledge = http2PriorKnowledge;
    return config;
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

    std::optional<int> timeoutMs;
    if (!ConnectionFlags::readLimits(parser, &timeoutMs, &settings.maxRetries, error))
        return std::nullopt;
    settings.timeoutMs = timeoutMs.value_or(settings.timeoutMs);

    const std::optional<ConnectionFlags::EndpointFlags> flags =
        ConnectionFlags::readEndpointFlags(parser, error);
    if (!flags)
        return std::nullopt;
    const auto endpoint = Endpoint::resolve(flags->baseUrl, flags->environment, environment, error);
    if (!endpoint)
        return std::nullopt;
    settings.endpoint = *endpoint;
    if (!settings.isLocal() && !Endpoint::checkBaseUrl(settings.endpoint.baseUrl, error))
        return std::nullopt;

    if (!ConnectionFlags::readHttp2PriorKnowledge(parser, settings.endpoint.environment,
                                                  settings.endpoint.baseUrl,
                                                  &settings.http2PriorKnowledge, error))
        return std::nullopt;

    if (parser.isSet(u"ca-file"_s)) {
        settings.caFile = parser.value(u"ca-file"_s);
        if (!ConnectionFlags::checkCaFile(settings.caFile, error))
            return std::nullopt;
    }

    // The local sandbox gets a key made up for the run: the real one must never reach it.
    if (settings.isLocal())
        return settings;

    const std::optional<QString> key = ConnectionFlags::readApiKey(parser, environment, error);
    if (!key)
        return std::nullopt;
    if (key->isEmpty()) {
        *error =
            tr("no API key for %1 (%2): set INCREASE_API_KEY, or pass --api-key-file PATH "
               "(a file only you can read), or try the local sandbox with --demo")
                .arg(settings.endpoint.environment, settings.endpoint.baseUrl.toDisplayString());
        return std::nullopt;
    }
    settings.apiKey = *key;
    return settings;
}
