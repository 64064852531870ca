// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: ApiParsing::apiError (Increase's error object), ApiError::message and
// ApiParsing::describeNonJson on arbitrary bodies and HTTP statuses. Checks: an error is
// read exactly when the body is an object with string type and title; each field is the
// body's, the kind maps back to the type, the status is the body's integral status or
// the response's, retry_after is ceil'd and clamped to 0..86400 s; message() names the
// type and status; a body that is not JSON is always described.

#include "apiparsing.h"
#include "fuzzsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringBuilder>
#include <algorithm>
#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString text(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

int expectedStatus(const QJsonObject &object, int httpStatus)
{
    const QJsonValue status = object.value("status"_L1);
    if (!status.isDouble())
        return httpStatus;
    const double d = status.toDouble();
    return d == std::floor(d) && d >= INT_MIN && d <= INT_MAX ? int(d) : httpStatus;
}

std::optional<int> expectedRetryAfter(const QJsonObject &object)
{
    const QJsonValue value = object.value("retry_after"_L1);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    const double seconds = std::ceil(value.toDouble());
    return seconds <= 0 ? 0 : seconds >= 86400 ? 86400 : int(seconds);
}

void checkMessage(const ApiError &e)
{
    const QString message = e.message();
    const QString tail =
        u" ("_s % e.type %
        (e.httpStatus > 0 ? u", HTTP "_s % QString::number(e.httpStatus) : QString()) % u')';
    FUZZ_CHECK(message.endsWith(tail),
               Fuzz::dump(message) % u" should end with "_s % Fuzz::dump(tail));
    FUZZ_CHECK(message.size() > tail.size(), u"message has no text before the type"_s);
    if (!e.reason.isEmpty())
        FUZZ_CHECK(message.contains(e.reason), Fuzz::dump(message) % u" omits the reason"_s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int httpStatus = (data[0] << 8 | data[1]) % 1000;
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    const std::optional<ApiError> error = ApiParsing::apiError(httpStatus, body);

    QJsonParseError parseError;
    const QJsonDocument document = Fuzz::readJson(body, &parseError);
    const QJsonObject object = document.object();
    const bool increaseShaped = document.isObject() && object.value("type"_L1).isString() &&
                                object.value("title"_L1).isString();
    FUZZ_CHECK(error.has_value() == increaseShaped,
               u"read as an Increase error: "_s % (error ? u"yes"_s : u"no"_s));

    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString description = ApiParsing::describeNonJson(body);
        FUZZ_CHECK(description.startsWith(u"the body "_s) ||
                       description.startsWith(u"expected a JSON object at the top level"_s),
                   u"description "_s % Fuzz::dump(description));
    }
    if (!error)
        return 0;

    const ApiError &e = *error;
    FUZZ_CHECK(e.type == text(object, "type"_L1) && e.title == text(object, "title"_L1) &&
                   e.detail == text(object, "detail"_L1) && e.reason == text(object, "reason"_L1) &&
                   e.resourceId == text(object, "resource_id"_L1) &&
                   e.likelyEnvironment == text(object, "likely_environment"_L1),
               u"a text field differs from the body"_s);
    FUZZ_CHECK(e.errors == object.value("errors"_L1).toArray(), u"errors differ"_s);
    FUZZ_CHECK(e.rawBody == body, u"raw body not kept verbatim"_s);
    FUZZ_CHECK(e.isIncreaseError(), u"an Increase-shaped body is not an Increase error"_s);
    FUZZ_CHECK(e.kind == ApiError::Kind::UnknownApiError || ApiError::typeName(e.kind) == e.type,
               u"kind does not map back to type "_s % Fuzz::dump(e.type));
    if (e.kind == ApiError::Kind::UnknownApiError) {
        for (int k = 0; k < int(ApiError::Kind::UnknownApiError); ++k) {
            FUZZ_CHECK(ApiError::typeName(ApiError::Kind(k)) != e.type,
                       u"documented type "_s % Fuzz::dump(e.type) % u" read as unknown"_s);
        }
    }
    const int status = expectedStatus(object, httpStatus);
    FUZZ_CHECK(e.httpStatus == status, u"status "_s % QString::number(e.httpStatus) %
                                           u", expected "_s % QString::number(status));
    const std::optional<int> retryAfter = expectedRetryAfter(object);
    FUZZ_CHECK(e.retryAfter == retryAfter,
               u"retry_after "_s % QString::number(e.retryAfter.value_or(-1)) % u", expected "_s %
                   QString::number(retryAfter.value_or(-1)));
    checkMessage(e);
    return 0;
}
