// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopoptions.h"

#include "connectionflags.h"
#include "endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

std::optional<ConnectionChoice> readChoice(const QCommandLineParser &parser,
                                           const QProcessEnvironment &environment, QString *error)
{
    const std::optional<ConnectionFlags::EndpointFlags> flags =
        ConnectionFlags::readEndpointFlags(parser, error);
    if (!flags)
        return std::nullopt;
    const bool fromEnvironment = !environment.value(u"INCREASE_BASE_URL"_s).isEmpty() ||
                                 !environment.value(u"INCREASE_URL"_s).isEmpty();
    if (flags->environment.isEmpty() && flags->baseUrl.isEmpty() && !fromEnvironment)
        return ConnectionChoice{}; // nothing said: the caller uses the saved choice
    const std::optional<Endpoint::Resolved> endpoint =
        Endpoint::resolve(flags->baseUrl, flags->environment, environment, error);
    if (!endpoint)
        return std::nullopt;
    if (endpoint->environment == "local"_L1)
        return ConnectionChoice{endpoint->environment, {}};
    if (!Endpoint::checkBaseUrl(endpoint->baseUrl, error))
        return std::nullopt;
    return ConnectionChoice{endpoint->environment,
                            endpoint->environment == "custom"_L1 ? endpoint->baseUrl : QUrl()};
}

} // namespace

void DesktopOptions::add(QCommandLineParser &parser)
{
    ConnectionFlags::add(parser);
}

std::optional<DesktopStart> DesktopOptions::read(const QCommandLineParser &parser,
                                                 const QProcessEnvironment &environment,
                                                 QString *error)
{
    DesktopStart start;
    // Shared with the headless commands by ConnectionFlags, but the window can switch to
    // its own sandbox, which speaks HTTP/1.1 only and would leave every request waiting.
    if (parser.isSet(u"http2-prior-knowledge"_s)) {
        *error = QCoreApplication::translate(
            "DesktopOptions",
            "--http2-prior-knowledge is for the headless commands (export, get, …); "
            "the window speaks HTTP/1.1 over http and negotiates HTTP/2 over https");
        return std::nullopt;
    }
    std::optional<int> timeoutMs;
    std::optional<int> maxRetries;
    if (!ConnectionFlags::readLimits(parser, &timeoutMs, &maxRetries, error))
        return std::nullopt;
    start.clientDefaults.timeoutMs = timeoutMs.value_or(start.clientDefaults.timeoutMs);
    start.clientDefaults.maxRetries = maxRetries.value_or(start.clientDefaults.maxRetries);
    if (parser.isSet(u"ca-file"_s)) {
        const QString path = parser.value(u"ca-file"_s);
        if (!ConnectionFlags::checkCaFile(path, error))
            return std::nullopt;
        start.clientDefaults.caFile = path;
    }

    const std::optional<ConnectionChoice> choice = readChoice(parser, environment, error);
    if (!choice)
        return std::nullopt;
    if (!choice->environment.isEmpty())
        start.choice = choice;

    const std::optional<QString> key = ConnectionFlags::readApiKey(parser, environment, error);
    if (!key)
        return std::nullopt;
    start.apiKey = *key;
    return start;
}

ConnectionChoice DesktopOptions::firstChoice(const DesktopStart &start,
                                             const std::optional<ConnectionChoice> &saved)
{
    if (start.choice)
        return *start.choice;
    if (!start.apiKey.isEmpty()) {
        // A key given at launch is bound to no origin: it goes to Increase, as with the
        // headless commands and the SDKs: to production, or to the Increase sandbox when
        // that was the window's last choice. Never to a saved custom URL, which may be
        // anyone's server (the key would leave for an origin nobody aimed it at), nor to
        // the local sandbox, which needs no key.
        if (saved && (saved->environment == "production"_L1 || saved->environment == "sandbox"_L1))
            return *saved;
        return ConnectionChoice{u"production"_s, {}};
    }
    if (saved)
        return *saved;
    return ConnectionChoice{u"local"_s, {}};
}
