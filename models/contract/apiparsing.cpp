// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiparsing.h"

#include "connectionpagereader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringBuilder>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString describeType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

// Reads fields of one object and keeps the first problem, so each parser reads as a list
// of fields and reports the field that broke it.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &object)
        : m_object(object)
    {}

    QString string(QLatin1StringView key)
    {
        const QJsonValue value = find(key);
        if (value.isString())
            return value.toString();
        if (!value.isUndefined())
            fail(key, u"expected a string, got "_s % describeType(value));
        return {};
    }

    std::optional<QString> nullableString(QLatin1StringView key)
    {
        const QJsonValue value = find(key);
        if (value.isString())
            return value.toString();
        if (!value.isNull() && !value.isUndefined())
            fail(key, u"expected a string or null, got "_s % describeType(value));
        return std::nullopt;
    }

    // A string that must also read as an ISO 8601 date-time.
    QString dateTime(QLatin1StringView key)
    {
        const QString value = string(key);
        if (m_error.isEmpty() && !QDateTime::fromString(value, Qt::ISODateWithMs).isValid())
            fail(key, u"expected an ISO 8601 date-time, got \""_s % value.left(40) % u'"');
        return value;
    }

    bool report(QString *error) const
    {
        if (error && !m_error.isEmpty())
            *error = m_error;
        return m_error.isEmpty();
    }

private:
    QJsonValue find(QLatin1StringView key)
    {
        if (!m_error.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        const auto it = m_object.constFind(key);
        if (it == m_object.constEnd()) {
            fail(key, u"missing required field"_s);
            return QJsonValue(QJsonValue::Undefined);
        }
        return it.value();
    }

    void fail(QLatin1StringView key, const QString &problem)
    {
        if (m_error.isEmpty())
            m_error = key % u": "_s % problem;
    }

    const QJsonObject &m_object;
    QString m_error;
};

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Qt 6.4's reader drops a raw U+FEFF that starts a string, key or value, as if it were a
// byte-order mark: "\xEF\xBB\xBFx" reads as "x", and a key "\xEF\xBB\xBFid" as "id".
QJsonDocument readJson(const QByteArray &body, QJsonParseError *parseError = nullptr)
{
    QJsonDocument document = QJsonDocument::fromJson(body, parseError);
    static const QByteArray kByteOrderMark = QByteArrayLiteral("\xEF\xBB\xBF");
    const qsizetype first = body.indexOf(kByteOrderMark, 1);
    if (document.isNull() || first < 0)
        return document;
    // In valid JSON these bytes, past a leading byte-order mark, stand inside a string where
    // a character may start; the escape there is the same character, and Qt keeps it.
    QByteArray escaped = body.left(first);
    escaped += body.mid(first).replace(kByteOrderMark, QByteArrayLiteral("\\ufeff"));
    return QJsonDocument::fromJson(escaped);
}

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = readJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setError(error, ApiParsing::describeNonJson(body));
        return std::nullopt;
    }
    if (!document.isObject()) {
        setError(error, u"expected a JSON object at the top level, got an array"_s);
        return std::nullopt;
    }
    return document.object();
}

// The list envelope shared by both list endpoints: {"data": [...], "next_cursor": ...}.
template <typename Item, typename ParseItem>
bool parsePage(const QByteArray &body, QString *error, QList<Item> *items, QString *nextCursor,
               ParseItem parseItem)
{
    const std::optional<QJsonObject> top = parseObject(body, error);
    if (!top)
        return false;

    const auto dataIt = top->constFind("data"_L1);
    if (dataIt == top->constEnd()) {
        setError(error, u"data: missing required field"_s);
        return false;
    }
    if (!dataIt->isArray()) {
        setError(error, u"data: expected an array, got "_s % describeType(*dataIt));
        return false;
    }

    const QJsonValue cursor = top->value("next_cursor"_L1);
    if (cursor.isString()) {
        *nextCursor = cursor.toString();
    } else if (!cursor.isNull() && !cursor.isUndefined()) {
        setError(error, u"next_cursor: expected a string or null, got "_s % describeType(cursor));
        return false;
    }

    const QJsonArray data = dataIt->toArray();
    items->reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonValue element = data.at(i);
        const QString where = u"data["_s % QString::number(i) % u']';
        if (!element.isObject()) {
            setError(error, where % u": expected an object, got "_s % describeType(element));
            return false;
        }
        QString itemError;
        std::optional<Item> item = parseItem(element.toObject(), &itemError);
        if (!item) {
            setError(error, where % u'.' % itemError);
            return false;
        }
        items->append(std::move(*item));
    }
    return true;
}

// A whole body holding one object, as the retrieve endpoints answer.
template <typename ParseItem>
auto parseBody(const QByteArray &body, QString *error, QJsonObject *raw, ParseItem parseItem)
    -> decltype(parseItem(QJsonObject(), error))
{
    const std::optional<QJsonObject> object = parseObject(body, error);
    if (!object)
        return std::nullopt;
    if (raw)
        *raw = *object;
    return parseItem(*object, error);
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// True when the parser stopped because the bytes ran out, not because of a bad byte:
// the sign of a body cut off in transit.
bool endsEarly(const QByteArray &body, qsizetype offset)
{
    qsizetype end = body.size();
    while (end > 0 && isJsonSpace(body.at(end - 1)))
        --end;
    if (offset >= end)
        return true;
    // A literal cut mid-word ("tru") is reported at or just inside the word.
    qsizetype start = offset;
    while (start > 0 && body.at(start - 1) >= 'a' && body.at(start - 1) <= 'z')
        --start;
    const QByteArray rest = body.mid(start, end - start);
    for (const char *literal : {"true", "false", "null"}) {
        const QByteArray word(literal);
        if (rest.size() < word.size() && word.startsWith(rest))
            return true;
    }
    return false;
}

} // namespace

namespace ApiParsing {

std::optional<OAuthConnection> connection(const QJsonObject &object, QString *error)
{
    FieldReader reader(object);
    OAuthConnection c;
    c.id = reader.string("id"_L1);
    c.createdAt = reader.string("created_at"_L1);
    c.deletedAt = reader.nullableString("deleted_at"_L1);
    c.groupId = reader.string("group_id"_L1);
    c.oauthApplicationId = reader.string("oauth_application_id"_L1);
    c.status = reader.string("status"_L1);
    c.type = reader.string("type"_L1);
    if (!reader.report(error))
        return std::nullopt;
    return c;
}

std::optional<OAuthApplication> application(const QJsonObject &object, QString *error)
{
    FieldReader reader(object);
    OAuthApplication a;
    a.id = reader.string("id"_L1);
    a.clientId = reader.string("client_id"_L1);
    a.createdAt = reader.string("created_at"_L1);
    a.deletedAt = reader.nullableString("deleted_at"_L1);
    a.name = reader.nullableString("name"_L1);
    a.status = reader.string("status"_L1);
    a.type = reader.string("type"_L1);
    if (!reader.report(error))
        return std::nullopt;
    return a;
}

std::optional<IncreaseEvent> event(const QJsonObject &object, QString *error)
{
    FieldReader reader(object);
    IncreaseEvent e;
    e.id = reader.string("id"_L1);
    e.createdAt = reader.dateTime("created_at"_L1);
    e.category = reader.string("category"_L1);
    e.associatedObjectId = reader.string("associated_object_id"_L1);
    e.associatedObjectType = reader.string("associated_object_type"_L1);
    e.type = reader.string("type"_L1);
    if (!reader.report(error))
        return std::nullopt;
    return e;
}

std::optional<ConnectionPage> connectionPage(const QByteArray &body, QString *error)
{
    if (std::optional<ConnectionPage> page = ConnectionPageReader::read(body))
        return page;
    return referenceConnectionPage(body, error);
}

std::optional<ConnectionPage> referenceConnectionPage(const QByteArray &body, QString *error)
{
    ConnectionPage page;
    if (!parsePage(body, error, &page.data, &page.nextCursor, &connection))
        return std::nullopt;
    return page;
}

std::optional<ApplicationPage> applicationPage(const QByteArray &body, QString *error)
{
    ApplicationPage page;
    if (!parsePage(body, error, &page.data, &page.nextCursor, &application))
        return std::nullopt;
    return page;
}

std::optional<EventPage> eventPage(const QByteArray &body, QString *error)
{
    EventPage page;
    if (!parsePage(body, error, &page.data, &page.nextCursor, &event))
        return std::nullopt;
    return page;
}

std::optional<OAuthConnection> connectionBody(const QByteArray &body, QString *error,
                                              QJsonObject *raw)
{
    return parseBody(body, error, raw, &connection);
}

std::optional<OAuthApplication> applicationBody(const QByteArray &body, QString *error,
                                                QJsonObject *raw)
{
    return parseBody(body, error, raw, &application);
}

std::optional<IncreaseEvent> eventBody(const QByteArray &body, QString *error, QJsonObject *raw)
{
    return parseBody(body, error, raw, &event);
}

std::optional<ApiError> apiError(int httpStatus, const QByteArray &body)
{
    const QJsonDocument document = readJson(body);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QJsonValue type = object.value("type"_L1);
    const QJsonValue title = object.value("title"_L1);
    if (!type.isString() || !title.isString())
        return std::nullopt;

    ApiError e;
    e.type = type.toString();
    e.kind = ApiError::kindFromType(e.type);
    const QJsonValue status = object.value("status"_L1);
    e.httpStatus = status.isDouble() ? status.toInt(httpStatus) : httpStatus;
    e.title = title.toString();
    e.detail = object.value("detail"_L1).toString();
    e.reason = object.value("reason"_L1).toString();
    const QJsonValue retryAfter = object.value("retry_after"_L1);
    if (retryAfter.isDouble() && std::isfinite(retryAfter.toDouble()))
        e.retryAfter = int(std::clamp(std::ceil(retryAfter.toDouble()), 0.0, 86400.0));
    e.errors = object.value("errors"_L1).toArray();
    e.resourceId = object.value("resource_id"_L1).toString();
    e.likelyEnvironment = object.value("likely_environment"_L1).toString();
    e.rawBody = body;
    return e;
}

QString describeNonJson(const QByteArray &body)
{
    if (body.isEmpty())
        return u"the body is empty"_s;
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return u"the body is empty (only whitespace)"_s;
    if (trimmed.startsWith('<'))
        return u"the body looks like HTML (often a proxy or gateway page), not JSON"_s;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        return document.isObject() ? u"the body is a JSON object"_s
                                   : u"expected a JSON object at the top level, got an array"_s;
    }
    // QJsonDocument refuses a bare scalar, which is valid JSON but still not an object.
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + body + ']');
    if (wrapped.isArray() && wrapped.array().size() == 1) {
        return u"expected a JSON object at the top level, got "_s %
               describeType(wrapped.array().at(0));
    }
    const QString where =
        parseError.errorString() % u" at offset "_s % QString::number(parseError.offset);
    if (endsEarly(body, parseError.offset)) {
        return u"the body is not valid JSON: it ends early, as if cut short ("_s % where %
               u" of "_s % QString::number(body.size()) % u" bytes)"_s;
    }
    return u"the body is not valid JSON ("_s % where % u')';
}

} // namespace ApiParsing
