// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientconfig.h"
#include "console.h"
#include "endpoint.h"

#include <QProcessEnvironment>
#include <optional>

class QCommandLineParser;

// The flags every headless command takes, resolved into where to connect and how.
struct CommonSettings
{
    Endpoint::Resolved endpoint; // environment "local": the caller starts the demo sandbox
    QString apiKey;              // empty for the local sandbox, which gets its own key
    int timeoutMs = 60000;
    std::optional<int> maxRetries; // --max-retries, over every command's default
    QString caFile;
    bool http2PriorKnowledge = false; // --http2-prior-knowledge, plain http:// only
    Console::Verbosity verbosity = Console::Verbosity::Normal;

    bool isLocal() const;
    // The configuration for the API client. A local endpoint has no URL until the demo
    // sandbox is listening: the caller fills in its URL and key.
    ClientConfig clientConfig(int defaultMaxRetries) const;
};

namespace CommonOptions {

// The flags (ConnectionFlags::add) as a command needs them. nullopt with `error` (one line, what is
// wrong and what to do) on a usage error: a bad value, conflicting flags, no key, a key file others
// can read, an unusable CA file.
std::optional<CommonSettings> read(const QCommandLineParser &parser,
                                   const QProcessEnvironment &environment, QString *error);

} // namespace CommonOptions
