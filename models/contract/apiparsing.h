// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "increaseevent.h"
#include "oauthapplication.h"
#include "oauthconnection.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// Pure functions that turn response bodies into values. Forward-compatible: unknown
// fields are ignored and unknown enum values kept verbatim; a missing required field or
// a wrong type is an error naming the field and, in a list, the object's index.

struct ConnectionPage
{
    QList<OAuthConnection> data;
    QString nextCursor; // empty when the listing ends (null, missing or "")
};

struct ApplicationPage
{
    QList<OAuthApplication> data;
    QString nextCursor;
};

struct EventPage
{
    QList<IncreaseEvent> data; // ascending by created_at, as the API lists events
    QString nextCursor;        // empty when the listing ends (null, missing or "")
};

namespace ApiParsing {

// `error` receives e.g. "data[3].created_at: missing required field" or
// "response is not JSON (looks like HTML; a proxy may be in the way)".
std::optional<OAuthConnection> connection(const QJsonObject &object, QString *error);
std::optional<OAuthApplication> application(const QJsonObject &object, QString *error);
// Every field of the `event` schema is required and a string; `created_at` must also read
// as an ISO 8601 date-time, since watching for changes computes with it.
std::optional<IncreaseEvent> event(const QJsonObject &object, QString *error);

// Tries ConnectionPageReader first and falls back on referenceConnectionPage, which
// builds a QJsonDocument and names any problem.
std::optional<ConnectionPage> connectionPage(const QByteArray &body, QString *error);
std::optional<ConnectionPage> referenceConnectionPage(const QByteArray &body, QString *error);
std::optional<ApplicationPage> applicationPage(const QByteArray &body, QString *error);
// GET /events: {"data": [event...], "next_cursor": "..." | null}.
std::optional<EventPage> eventPage(const QByteArray &body, QString *error);

// A whole body holding one object (retrieve endpoints). `raw` receives the object as sent.
std::optional<OAuthConnection> connectionBody(const QByteArray &body, QString *error,
                                              QJsonObject *raw = nullptr);
std::optional<OAuthApplication> applicationBody(const QByteArray &body, QString *error,
                                                QJsonObject *raw = nullptr);
std::optional<IncreaseEvent> eventBody(const QByteArray &body, QString *error,
                                       QJsonObject *raw = nullptr);

// Increase's error object. nullopt when the body is not an Increase error (no JSON
// object with a string `type` and `title`). httpStatus is the response's status,
// used when the body's own `status` is absent.
std::optional<ApiError> apiError(int httpStatus, const QByteArray &body);

// A short description of a body that is not JSON, for error messages:
// "looks like HTML", "is empty", "is not valid JSON at offset N: <reason>".
QString describeNonJson(const QByteArray &body);

} // namespace ApiParsing
