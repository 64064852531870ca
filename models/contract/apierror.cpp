// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace {

struct KindName
{
    ApiError::Kind kind;
    QStringView name;
};

constexpr KindName kNames[] = {
    {ApiError::Kind::InvalidParameters, u"invalid_parameters_error"},
    {ApiError::Kind::MalformedRequest, u"malformed_request_error"},
    {ApiError::Kind::InvalidApiKey, u"invalid_api_key_error"},
    {ApiError::Kind::EnvironmentMismatch, u"environment_mismatch_error"},
    {ApiError::Kind::InsufficientPermissions, u"insufficient_permissions_error"},
    {ApiError::Kind::PrivateFeature, u"private_feature_error"},
    {ApiError::Kind::ApiMethodNotFound, u"api_method_not_found_error"},
    {ApiError::Kind::ObjectNotFound, u"object_not_found_error"},
    {ApiError::Kind::IdempotencyKeyAlreadyUsed, u"idempotency_key_already_used_error"},
    {ApiError::Kind::InvalidOperation, u"invalid_operation_error"},
    {ApiError::Kind::RateLimited, u"rate_limited_error"},
    {ApiError::Kind::InternalServer, u"internal_server_error"},
    {ApiError::Kind::UnknownApiError, u"unknown_api_error"},
    {ApiError::Kind::Network, u"network_error"},
    {ApiError::Kind::Timeout, u"timeout_error"},
    {ApiError::Kind::Tls, u"tls_error"},
    {ApiError::Kind::MalformedResponse, u"malformed_response_error"},
    {ApiError::Kind::Cancelled, u"cancelled"},
    {ApiError::Kind::InvalidRequest, u"invalid_request"},
};

} // namespace

QString ApiError::typeName(Kind kind)
{
    for (const KindName &entry : kNames) {
        if (entry.kind == kind)
            return entry.name.toString();
    }
    Q_UNREACHABLE();
    return {};
}

ApiError::Kind ApiError::kindFromType(const QString &type)
{
    for (const KindName &entry : kNames) {
        if (entry.kind > Kind::InternalServer)
            break;
        if (entry.name == type)
            return entry.kind;
    }
    return Kind::UnknownApiError;
}

ApiError ApiError::make(Kind kind, const QString &title, const QString &detail)
{
    ApiError error;
    error.kind = kind;
    error.type = typeName(kind);
    error.title = title;
    error.detail = detail;
    return error;
}

QString ApiError::message() const
{
    QString text = title;
    if (!detail.isEmpty() && detail != title)
        // Increase's titles are sentences ("Object not found."): no colon after a full stop.
        text = text.isEmpty()        ? detail
               : text.endsWith(u'.') ? QString(text % u' ' % detail)
                                     : QString(text % u": "_s % detail);
    if (text.isEmpty())
        text = u"Request failed"_s;
    if (!reason.isEmpty())
        text += u" (reason: "_s % reason % u')';
    text += u" ("_s % type;
    if (httpStatus > 0)
        text += u", HTTP "_s % QString::number(httpStatus);
    text += u')';
    return text;
}
