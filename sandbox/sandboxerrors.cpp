// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxerrors.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

SandboxResponse error(int status, const QString &type, const QString &title, const QString &detail,
                      QJsonObject extras = {})
{
    extras.insert(u"type"_s, type);
    extras.insert(u"status"_s, status);
    extras.insert(u"title"_s, title);
    extras.insert(u"detail"_s, detail.isNull() ? QJsonValue() : QJsonValue(detail));
    return {status, QJsonDocument(extras).toJson(QJsonDocument::Compact), 0};
}

// Echoed request text is capped: it is untrusted and only there to help a person.
QString excerpt(const QString &text)
{
    const int max = 200;
    return text.size() <= max ? text : text.left(max) + u"…"_s;
}

} // namespace

QJsonObject SandboxErrors::parameterError(const QString &field, const QString &message)
{
    return {{u"field"_s, field}, {u"message"_s, message}};
}

SandboxResponse SandboxErrors::invalidParameters(const QJsonArray &errors)
{
    QStringList messages;
    for (const QJsonValue &entry : errors) {
        messages.append(entry[u"field"_s].toString() + u": "_s + entry[u"message"_s].toString());
    }
    return error(400, u"invalid_parameters_error"_s, u"Invalid parameters."_s,
                 messages.join(u"; "_s), {{u"errors"_s, errors}});
}

SandboxResponse SandboxErrors::invalidApiKey(const QString &reason, const QString &detail)
{
    return error(401, u"invalid_api_key_error"_s, u"Invalid API key."_s, detail,
                 {{u"reason"_s, reason}});
}

SandboxResponse SandboxErrors::objectNotFound(const QString &detail)
{
    return error(404, u"object_not_found_error"_s, u"Object not found."_s, excerpt(detail),
                 {{u"likely_environment"_s, QJsonValue()}});
}

SandboxResponse SandboxErrors::apiMethodNotFound(const QString &method, const QString &path)
{
    return error(404, u"api_method_not_found_error"_s, u"API method not found."_s,
                 u"No API method matches %1 %2."_s.arg(method, excerpt(path)));
}

SandboxResponse SandboxErrors::rateLimited(int retryAfterSeconds)
{
    SandboxResponse response =
        error(429, u"rate_limited_error"_s, u"Rate limited."_s,
              u"Too many requests; retry after %1 s."_s.arg(retryAfterSeconds),
              {{u"retry_after"_s, retryAfterSeconds}});
    response.retryAfterSeconds = retryAfterSeconds;
    return response;
}

SandboxResponse SandboxErrors::internalServerError()
{
    return error(500, u"internal_server_error"_s, u"Internal server error."_s,
                 u"The local sandbox injected this failure (--fail-rate)."_s);
}
