// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorreport.h"

#include "apierror.h"
#include "clientconfig.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ErrorReport", text);
}

} // namespace

QString ErrorReport::summary(const ApiError &error)
{
    return error.message();
}

QString ErrorReport::hint(const ApiError &error, const ClientConfig &config)
{
    const QString where = config.baseUrl.toDisplayString();
    switch (error.kind) {
    case ApiError::Kind::InvalidApiKey:
        return tr("check that the key in INCREASE_API_KEY or --api-key-file is valid for %1 "
                  "(%2); production and sandbox keys differ")
            .arg(config.environment, where);
    case ApiError::Kind::EnvironmentMismatch:
        return tr("the key belongs to another environment: pick the matching one with "
                  "--environment production or --environment sandbox");
    case ApiError::Kind::InsufficientPermissions:
    case ApiError::Kind::PrivateFeature:
        return tr("ask an administrator of the Increase account to give this key access to "
                  "OAuth connections");
    case ApiError::Kind::ObjectNotFound:
        if (!error.likelyEnvironment.isEmpty() && error.likelyEnvironment != config.environment)
            return tr("it may exist in the %1 environment: try --environment %1")
                .arg(error.likelyEnvironment);
        return tr("check the id; ids are listed by the export command");
    case ApiError::Kind::ApiMethodNotFound:
        return tr("check that %1 is the Increase API (--base-url, INCREASE_BASE_URL)").arg(where);
    case ApiError::Kind::RateLimited:
        return tr("the API is rate limiting this key; wait a while and run the command again");
    case ApiError::Kind::InternalServer:
    case ApiError::Kind::UnknownApiError:
        return tr("Increase could not answer; try again later, or allow more retries with "
                  "--max-retries");
    case ApiError::Kind::InvalidParameters:
    case ApiError::Kind::MalformedRequest:
        return tr("run again with --verbose to see the request, and report it if the flags "
                  "look right");
    case ApiError::Kind::Network:
        return tr("check the network connection, the address %1, and any proxy (https_proxy)")
            .arg(where);
    case ApiError::Kind::Timeout:
        return tr("no complete answer within %1 ms per attempt; allow longer with --timeout-ms")
            .arg(config.timeoutMs);
    case ApiError::Kind::Tls:
        return tr("if a TLS-inspecting proxy is in the way, trust its CA certificate with "
                  "--ca-file PATH");
    case ApiError::Kind::MalformedResponse:
        return tr("the answer did not come from the Increase API as expected; check %1 and any "
                  "proxy in the way, and run with --verbose to see it")
            .arg(where);
    case ApiError::Kind::IdempotencyKeyAlreadyUsed:
    case ApiError::Kind::InvalidOperation:
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::InvalidRequest:
        break;
    }
    return {};
}
