// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QMetaType>
#include <QString>
#include <optional>

// What went wrong with one API call: one of Increase's 12 documented error types, or a
// failure on our side of the wire. `type` is the stable machine name shown to users and
// scripts (Increase's own `type` string, or one of ours such as "network_error").
struct ApiError
{
    enum class Kind {
        // Increase's documented error types
        InvalidParameters,
        MalformedRequest,
        InvalidApiKey,
        EnvironmentMismatch,
        InsufficientPermissions,
        PrivateFeature,
        ApiMethodNotFound,
        ObjectNotFound,
        IdempotencyKeyAlreadyUsed,
        InvalidOperation,
        RateLimited,
        InternalServer,
        // An Increase-shaped error body whose type this build does not know
        UnknownApiError,
        // Failures on our side of the wire
        Network,
        Timeout,
        Tls,
        MalformedResponse,
        Cancelled,
        InvalidRequest, // refused before sending (bad id, plain http to a remote host...)
    };

    Kind kind = Kind::Network;
    QString type;       // e.g. "object_not_found_error", "network_error"
    int httpStatus = 0; // 0 when no response arrived
    QString title;
    QString detail;                // may be empty
    QString reason;                // invalid_api_key_error
    std::optional<int> retryAfter; // rate_limited_error, seconds
    QJsonArray errors;             // invalid_parameters_error
    QString resourceId;            // idempotency_key_already_used_error
    QString likelyEnvironment;     // object_not_found_error
    QByteArray rawBody;            // kept for the request log, never shown inline

    // The stable type string for a kind (Increase's names for the 12 documented ones).
    static QString typeName(Kind kind);
    // Kind for an Increase `type` string; UnknownApiError when not one of the 12.
    static Kind kindFromType(const QString &type);

    static ApiError make(Kind kind, const QString &title, const QString &detail = {});

    bool isIncreaseError() const { return kind <= Kind::UnknownApiError; }

    // One line for people: "title: detail (type)", plus HTTP status when there was one.
    QString message() const;
};

Q_DECLARE_METATYPE(ApiError)
