// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>
#include <optional>

// Where to connect and with which key, from flags and the environment, with the
// transport rules: https everywhere, plain http only to loopback.
namespace Endpoint {

inline constexpr char kProductionUrl[] = "https://api.increase.com";
inline constexpr char kSandboxUrl[] = "https://sandbox.increase.com";

struct Resolved
{
    QString environment; // "production", "sandbox", "local" (start the local sandbox), "custom"
    QUrl baseUrl;        // empty for "local": the caller starts the sandbox and fills it in
};

// Precedence: --base-url > --environment > INCREASE_BASE_URL > INCREASE_URL > production.
// Both flags together is a usage error ("ambiguous"). Empty flag strings mean "not given".
std::optional<Resolved> resolve(const QString &baseUrlFlag, const QString &environmentFlag,
                                const QProcessEnvironment &env, QString *error);

bool isLoopbackHost(const QString &host);

// https, or http to loopback; no user info, path, query or fragment beyond "/".
bool checkBaseUrl(const QUrl &url, QString *error);

// INCREASE_API_KEY from the environment, trimmed; nullopt if unset or empty.
std::optional<QString> apiKeyFromEnvironment(const QProcessEnvironment &env);

} // namespace Endpoint
