// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Response bodies into values: forward-compatible, strict about required fields, and
// clear about bodies that are not JSON at all.
#include "apiparsing.h"
#include "testdata.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// An object of `fields` with `field` replaced by `value` (or removed when it is empty).
QByteArray objectJson(const QList<QPair<QByteArray, QByteArray>> &fields, const QByteArray &field,
                      const QByteArray &value)
{
    QByteArrayList parts;
    for (const auto &[name, json] : fields) {
        if (name != field)
            parts.append('"' + name + "\":" + json);
        else if (!value.isEmpty())
            parts.append('"' + name + "\":" + value);
    }
    return '{' + parts.join(',') + '}';
}

OAuthConnection sampleConnection()
{
    return {u"connection_dauknoksyr4wilz4e6my"_s,
            u"2020-01-31T23:59:59Z"_s,
            std::nullopt,
            u"group_1g4mhziu6kvrs3vz35um"_s,
            u"application_gj9ufmpgh5i56k4vyriy"_s,
            u"active"_s,
            u"oauth_connection"_s};
}

// The sample connection as JSON with one field replaced (or removed when `value` is empty).
QByteArray connectionJson(const QByteArray &field = {}, const QByteArray &value = {})
{
    const QList<QPair<QByteArray, QByteArray>> fields = {
        {"id", R"("connection_dauknoksyr4wilz4e6my")"},
        {"created_at", R"("2020-01-31T23:59:59Z")"},
        {"deleted_at", "null"},
        {"group_id", R"("group_1g4mhziu6kvrs3vz35um")"},
        {"oauth_application_id", R"("application_gj9ufmpgh5i56k4vyriy")"},
        {"status", R"("active")"},
        {"type", R"("oauth_connection")"},
    };
    return objectJson(fields, field, value);
}

QByteArray pageJson(const QByteArrayList &objects, const QByteArray &cursor = "null")
{
    return R"({"data":[)" + objects.join(',') + R"(],"next_cursor":)" + cursor + '}';
}

IncreaseEvent sampleEvent()
{
    return {u"event_001dzz0r20rzr4zrhrr1364hy80"_s,
            u"2020-01-31T23:59:59Z"_s,
            u"oauth_connection.created"_s,
            u"connection_dauknoksyr4wilz4e6my"_s,
            u"oauth_connection"_s,
            u"event"_s};
}

// The sample event as JSON with one field replaced (or removed when `value` is empty).
QByteArray eventJson(const QByteArray &field = {}, const QByteArray &value = {})
{
    const QList<QPair<QByteArray, QByteArray>> fields = {
        {"associated_object_id", R"("connection_dauknoksyr4wilz4e6my")"},
        {"associated_object_type", R"("oauth_connection")"},
        {"category", R"("oauth_connection.created")"},
        {"created_at", R"("2020-01-31T23:59:59Z")"},
        {"id", R"("event_001dzz0r20rzr4zrhrr1364hy80")"},
        {"type", R"("event")"},
    };
    return objectJson(fields, field, value);
}

} // namespace

class TestApiParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validConnection_data();
    void validConnection();
    void invalidConnection_data();
    void invalidConnection();
    void connectionBodyKeepsRawObject();
    void pageFixture();
    void pageCursor_data();
    void pageCursor();
    void pageErrors_data();
    void pageErrors();
    void notJson_data();
    void notJson();
    void applicationPageFixture();
    void invalidApplication_data();
    void invalidApplication();
    void apiErrorTypes_data();
    void apiErrorTypes();
    void apiErrorUnknownType();
    void apiErrorFallsBackToHttpStatus();
    void notAnApiError_data();
    void notAnApiError();
    void validEvent();
    void invalidEvent_data();
    void invalidEvent();
    void eventPage();
    void eventPageErrors_data();
    void eventPageErrors();
};

void TestApiParsing::validConnection_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OAuthConnection>("expected");

    QTest::newRow("active, deleted_at null") << connectionJson() << sampleConnection();

    OAuthConnection inactive = sampleConnection();
    inactive.status = u"inactive"_s;
    inactive.deletedAt = u"2021-05-05T05:05:05.5Z"_s;
    QTest::newRow("inactive with deleted_at")
        << connectionJson("status", R"("inactive")")
               .replace("\"deleted_at\":null", R"("deleted_at":"2021-05-05T05:05:05.5Z")")
        << inactive;

    QTest::newRow("unknown fields ignored")
        << connectionJson().replace("}", R"(,"new_field":[1,{"x":null}],"another":7})")
        << sampleConnection();

    OAuthConnection unknownStatus = sampleConnection();
    unknownStatus.status = u"suspended"_s;
    QTest::newRow("unknown status kept verbatim")
        << connectionJson("status", R"("suspended")") << unknownStatus;

    OAuthConnection unknownType = sampleConnection();
    unknownType.type = u"oauth_connection_v2"_s;
    QTest::newRow("unknown type kept verbatim")
        << connectionJson("type", R"("oauth_connection_v2")") << unknownType;

    OAuthConnection unicode = sampleConnection();
    unicode.groupId = u"group_\u00e9\u6f22\U0001F600"_s;
    QTest::newRow("unicode escapes and UTF-8")
        << connectionJson("group_id", "\"group_\\u00e9\xe6\xbc\xa2\\ud83d\\ude00\"") << unicode;

    QTest::newRow("fixture with future field")
        << testData(u"oauth_connection.json"_s) << sampleConnection();

    // Qt 6.4's JSON reader alone would drop a U+FEFF sent raw at the start of a string.
    OAuthConnection byteOrderMark = sampleConnection();
    byteOrderMark.groupId = u"\ufeffgroup_1g4mhziu6kvrs3vz35um"_s;
    QTest::newRow("U+FEFF starting a value, raw UTF-8")
        << connectionJson("group_id", "\"\xEF\xBB\xBFgroup_1g4mhziu6kvrs3vz35um\"")
        << byteOrderMark;
    QTest::newRow("U+FEFF starting a value, escaped")
        << connectionJson("group_id", R"("\ufeffgroup_1g4mhziu6kvrs3vz35um")") << byteOrderMark;
    QTest::newRow("byte-order mark before the document")
        << "\xEF\xBB\xBF" + connectionJson() << sampleConnection();
}

void TestApiParsing::validConnection()
{
    QFETCH(QByteArray, body);
    QFETCH(OAuthConnection, expected);

    // Given a retrieve body, when it is parsed
    QString error;
    const std::optional<OAuthConnection> parsed = ApiParsing::connectionBody(body, &error);

    // then every field is the API's value and there is no error
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, expected);
    QVERIFY(error.isEmpty());
}

void TestApiParsing::invalidConnection_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");

    for (const char *field :
         {"id", "created_at", "deleted_at", "group_id", "oauth_application_id", "status", "type"}) {
        QTest::addRow("missing %s", field)
            << connectionJson(field) << QString::fromLatin1(field) + u": missing required field"_s;
    }
    QTest::newRow("id is a number")
        << connectionJson("id", "42") << u"id: expected a string, got a number"_s;
    QTest::newRow("created_at is null")
        << connectionJson("created_at", "null") << u"created_at: expected a string, got null"_s;
    QTest::newRow("deleted_at is a number")
        << connectionJson("deleted_at", "1700000000")
        << u"deleted_at: expected a string or null, got a number"_s;
    QTest::newRow("deleted_at is a boolean")
        << connectionJson("deleted_at", "false")
        << u"deleted_at: expected a string or null, got a boolean"_s;
    QTest::newRow("group_id is null")
        << connectionJson("group_id", "null") << u"group_id: expected a string, got null"_s;
    QTest::newRow("oauth_application_id is an object")
        << connectionJson("oauth_application_id", "{}")
        << u"oauth_application_id: expected a string, got an object"_s;
    QTest::newRow("status is an array") << connectionJson("status", R"(["active"])")
                                        << u"status: expected a string, got an array"_s;
    QTest::newRow("type is a boolean")
        << connectionJson("type", "true") << u"type: expected a string, got a boolean"_s;
    QTest::newRow("first problem wins")
        << connectionJson("id", "1").replace("\"status\":\"active\",", "")
        << u"id: expected a string, got a number"_s;
    QTest::newRow("a key starting with U+FEFF is another key")
        << connectionJson("id").replace("{", "{\"\xEF\xBB\xBFid\":\"connection_x\",")
        << u"id: missing required field"_s;
    QTest::newRow("top level is an array")
        << "[" + connectionJson() + "]"
        << u"expected a JSON object at the top level, got an array"_s;
}

void TestApiParsing::invalidConnection()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);

    // Given a body with one bad field, when it is parsed
    QString error;
    const std::optional<OAuthConnection> parsed = ApiParsing::connectionBody(body, &error);

    // then it is refused with a message naming the field
    QVERIFY(!parsed);
    QCOMPARE(error, expectedError);
}

void TestApiParsing::connectionBodyKeepsRawObject()
{
    // Given a body with a field this build does not know
    const QByteArray body = testData(u"oauth_connection.json"_s);

    // when it is parsed with a raw sink
    QJsonObject raw;
    QString error;
    QVERIFY(ApiParsing::connectionBody(body, &error, &raw));

    // then the raw object keeps the unknown field for the detail pane
    QCOMPARE(raw.value("future_field"_L1).toObject().value("added"_L1).toString(), u"later"_s);
    QCOMPARE(raw.size(), 8);
}

void TestApiParsing::pageFixture()
{
    // Given a list page as the API sends it, when it is parsed
    QString error;
    const std::optional<ConnectionPage> page =
        ApiParsing::connectionPage(testData(u"oauth_connection_list.json"_s), &error);

    // then rows keep the API's order, values and cursor
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->data.size(), 3);
    QCOMPARE(page->data.at(0).id, u"connection_dauknoksyr4wilz4e6my"_s);
    QCOMPARE(page->data.at(1).status, u"inactive"_s);
    QCOMPARE(page->data.at(1).deletedAt, std::optional<QString>(u"2024-03-01T00:00:00Z"_s));
    QCOMPARE(page->data.at(1).createdAt, u"2024-02-29T23:59:59.123Z"_s);
    QVERIFY(!page->data.at(2).deletedAt);
    QCOMPARE(page->nextCursor, u"djU3dzVkLzEyKz09"_s);
}

void TestApiParsing::pageCursor_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedCursor");
    QTest::addColumn<int>("expectedRows");

    QTest::newRow("string") << pageJson({connectionJson()}, R"("abc+/=")") << u"abc+/="_s << 1;
    QTest::newRow("null") << pageJson({connectionJson()}, "null") << QString() << 1;
    QTest::newRow("empty string") << pageJson({connectionJson()}, R"("")") << QString() << 1;
    QTest::newRow("missing") << QByteArray(R"({"data":[]})") << QString() << 0;
    QTest::newRow("empty data, cursor given") << pageJson({}, R"("next")") << u"next"_s << 0;
    QTest::newRow("unknown top-level fields")
        << QByteArray(R"({"total":5,"data":[],"next_cursor":null,"extra":{}})") << QString() << 0;
}

void TestApiParsing::pageCursor()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedCursor);
    QFETCH(int, expectedRows);

    QString error;
    const std::optional<ConnectionPage> page = ApiParsing::connectionPage(body, &error);

    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->nextCursor, expectedCursor);
    QCOMPARE(page->data.size(), expectedRows);
}

void TestApiParsing::pageErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");

    const QByteArray good = connectionJson();
    QTest::newRow("top level array")
        << QByteArray("[]") << u"expected a JSON object at the top level, got an array"_s;
    QTest::newRow("top level string")
        << QByteArray(R"("data")") << u"expected a JSON object at the top level, got a string"_s;
    QTest::newRow("top level number")
        << QByteArray("42") << u"expected a JSON object at the top level, got a number"_s;
    QTest::newRow("data missing") << QByteArray(R"({"next_cursor":null})")
                                  << u"data: missing required field"_s;
    QTest::newRow("data is an object") << QByteArray(R"({"data":{},"next_cursor":null})")
                                       << u"data: expected an array, got an object"_s;
    QTest::newRow("data is null") << QByteArray(R"({"data":null,"next_cursor":null})")
                                  << u"data: expected an array, got null"_s;
    QTest::newRow("next_cursor is a number")
        << pageJson({good}, "7") << u"next_cursor: expected a string or null, got a number"_s;
    QTest::newRow("element 3 is a string") << pageJson({good, good, good, R"("connection_x")"})
                                           << u"data[3]: expected an object, got a string"_s;
    QTest::newRow("element 3 misses created_at")
        << pageJson({good, good, good, connectionJson("created_at")})
        << u"data[3].created_at: missing required field"_s;
    QTest::newRow("element 0 deleted_at number")
        << pageJson({connectionJson("deleted_at", "0")})
        << u"data[0].deleted_at: expected a string or null, got a number"_s;
    QTest::newRow("first bad element is named")
        << pageJson({good, connectionJson("id", "null"), connectionJson("status")})
        << u"data[1].id: expected a string, got null"_s;
}

void TestApiParsing::pageErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);

    // Given a page with the wrong shape, when it is parsed
    QString error;
    const std::optional<ConnectionPage> page = ApiParsing::connectionPage(body, &error);

    // then the whole page is refused and the error names where
    QVERIFY(!page);
    QCOMPARE(error, expectedError);
}

void TestApiParsing::notJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << u"the body is empty"_s;
    QTest::newRow("whitespace") << QByteArray(" \r\n\t")
                                << u"the body is empty (only whitespace)"_s;
    QTest::newRow("html gateway page")
        << testData(u"gateway_502.html"_s)
        << u"the body looks like HTML (often a proxy or gateway page), not JSON"_s;
    QTest::newRow("html after whitespace")
        << QByteArray("\n  <html><body>Service Unavailable</body></html>")
        << u"the body looks like HTML (often a proxy or gateway page), not JSON"_s;
    QTest::newRow("truncated in array")
        << QByteArray(R"({"data": [)")
        << u"the body is not valid JSON: it ends early, as if cut short (unterminated array at "
           "offset 10 of 10 bytes)"_s;
    QTest::newRow("truncated in string")
        << QByteArray(R"({"data":[{"id":"conn)")
        << u"the body is not valid JSON: it ends early, as if cut short (unterminated string at "
           "offset 21 of 20 bytes)"_s;
    QTest::newRow("truncated in true")
        << QByteArray(R"({"a":tru)")
        << u"the body is not valid JSON: it ends early, as if cut short (illegal value at offset "
           "6 of 8 bytes)"_s;
    QTest::newRow("misspelt literal is not cut short")
        << QByteArray(R"({"a":nul,"b":1})")
        << u"the body is not valid JSON (illegal value at offset 9)"_s;
    QTest::newRow("truncated in null")
        << QByteArray(R"({"deleted_at":nu)")
        << u"the body is not valid JSON: it ends early, as if cut short (illegal value at offset "
           "15 of 16 bytes)"_s;
    QTest::newRow("truncated page fixture")
        << testData(u"oauth_connection_list.json"_s).left(300)
        << u"the body is not valid JSON: it ends early, as if cut short (unterminated string at "
           "offset 301 of 300 bytes)"_s;
    QTest::newRow("garbage after object")
        << QByteArray(R"({"a":1}x)")
        << u"the body is not valid JSON (garbage at the end of the document at offset 7)"_s;
    QTest::newRow("plain text") << QByteArray("Bad Gateway")
                                << u"the body is not valid JSON (illegal value at offset 1)"_s;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})")
                                   << u"the body is not valid JSON (missing name separator at "
                                      "offset 6)"_s;
}

void TestApiParsing::notJson()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);

    // Given a body that is not a JSON document, when it is described or parsed as a page
    QString error;
    const std::optional<ConnectionPage> page = ApiParsing::connectionPage(body, &error);

    // then the description says what it is, and parsing reports the same words
    QCOMPARE(ApiParsing::describeNonJson(body), expected);
    QVERIFY(!page);
    QCOMPARE(error, expected);
}

void TestApiParsing::applicationPageFixture()
{
    QString error;
    const std::optional<ApplicationPage> page =
        ApiParsing::applicationPage(testData(u"oauth_application_list.json"_s), &error);

    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->data.size(), 2);
    const OAuthApplication first{u"application_gj9ufmpgh5i56k4vyriy"_s,
                                 u"client_id_ec79nb1bukwwafdewe88"_s,
                                 u"2020-01-31T23:59:59Z"_s,
                                 std::nullopt,
                                 u"Ian Crease's App"_s,
                                 u"active"_s,
                                 u"oauth_application"_s};
    QCOMPARE(page->data.at(0), first);
    QVERIFY(!page->data.at(1).name);
    QCOMPARE(page->data.at(1).status, u"deleted"_s);
    QVERIFY(page->nextCursor.isEmpty());
}

void TestApiParsing::invalidApplication_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");

    const QByteArray base = R"({"id":"application_1","client_id":"client_1",)"
                            R"("created_at":"2020-01-31T23:59:59Z","deleted_at":null,)"
                            R"("name":"App","status":"active","type":"oauth_application"})";
    QTest::newRow("missing client_id") << QByteArray(base).replace(R"("client_id":"client_1",)", "")
                                       << u"client_id: missing required field"_s;
    QTest::newRow("missing name") << QByteArray(base).replace(R"("name":"App",)", "")
                                  << u"name: missing required field"_s;
    QTest::newRow("name is a number") << QByteArray(base).replace(R"("name":"App")", R"("name":3)")
                                      << u"name: expected a string or null, got a number"_s;
    QTest::newRow("status is null")
        << QByteArray(base).replace(R"("status":"active")", R"("status":null)")
        << u"status: expected a string, got null"_s;
    QTest::newRow("in a page") << R"({"data":[)" + base + "," +
                                      QByteArray(base).replace(R"("id":"application_1",)", "") +
                                      R"(],"next_cursor":null})"
                               << u"data[1].id: missing required field"_s;
}

void TestApiParsing::invalidApplication()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);

    QString error;
    const bool parsed = body.startsWith(R"({"data")")
                            ? ApiParsing::applicationPage(body, &error).has_value()
                            : ApiParsing::applicationBody(body, &error).has_value();

    QVERIFY(!parsed);
    QCOMPARE(error, expectedError);
}

void TestApiParsing::apiErrorTypes_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("status");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("retryAfter"); // -1: none
    QTest::addColumn<int>("errorCount");
    QTest::addColumn<QString>("resourceId");
    QTest::addColumn<QString>("likelyEnvironment");

    using K = ApiError::Kind;
    const auto row = [](const char *type, int status, K kind, const QString &title,
                        const QString &detail) -> QTestData & {
        return QTest::newRow(type)
               << QString::fromLatin1(type) << status << kind << title << detail;
    };
    row("invalid_parameters_error", 400, K::InvalidParameters, u"Invalid parameters."_s,
        u"limit must be between 1 and 100."_s)
        << QString() << -1 << 1 << QString() << QString();
    row("malformed_request_error", 400, K::MalformedRequest, u"Malformed request."_s, QString())
        << QString() << -1 << 0 << QString() << QString();
    row("invalid_api_key_error", 401, K::InvalidApiKey, u"Invalid API key."_s,
        u"The Authorization header is missing."_s)
        << u"no_header"_s << -1 << 0 << QString() << QString();
    row("environment_mismatch_error", 403, K::EnvironmentMismatch, u"Environment mismatch."_s,
        u"This key is for the sandbox."_s)
        << QString() << -1 << 0 << QString() << QString();
    row("insufficient_permissions_error", 403, K::InsufficientPermissions,
        u"Insufficient permissions."_s, QString())
        << QString() << -1 << 0 << QString() << QString();
    row("private_feature_error", 403, K::PrivateFeature, u"Private feature."_s,
        u"Contact support to enable this feature."_s)
        << QString() << -1 << 0 << QString() << QString();
    row("api_method_not_found_error", 404, K::ApiMethodNotFound, u"API method not found."_s,
        u"No route for GET /oauth_connectionz."_s)
        << QString() << -1 << 0 << QString() << QString();
    row("object_not_found_error", 404, K::ObjectNotFound, u"Not found"_s,
        u"No OAuth Connection with that id."_s)
        << QString() << -1 << 0 << QString() << u"sandbox"_s;
    row("idempotency_key_already_used_error", 409, K::IdempotencyKeyAlreadyUsed,
        u"Idempotency key already used."_s, QString())
        << QString() << -1 << 0 << u"connection_dauknoksyr4wilz4e6my"_s << QString();
    row("invalid_operation_error", 409, K::InvalidOperation, u"Invalid operation."_s,
        u"The connection is already inactive."_s)
        << QString() << -1 << 0 << QString() << QString();
    row("rate_limited_error", 429, K::RateLimited, u"Rate limited."_s, u"Slow down."_s)
        << QString() << 2 << 0 << QString() << QString();
    row("internal_server_error", 500, K::InternalServer, u"Internal server error."_s, QString())
        << QString() << -1 << 0 << QString() << QString();
}

void TestApiParsing::apiErrorTypes()
{
    QFETCH(QString, type);
    QFETCH(int, status);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, title);
    QFETCH(QString, detail);
    QFETCH(QString, reason);
    QFETCH(int, retryAfter);
    QFETCH(int, errorCount);
    QFETCH(QString, resourceId);
    QFETCH(QString, likelyEnvironment);

    // Given Increase's error body for this type
    const QByteArray body = testData(u"errors/"_s % type % u".json"_s);

    // when it is read (the transport status differs, to show the body's own status wins)
    const std::optional<ApiError> error = ApiParsing::apiError(status == 500 ? 502 : 500, body);

    // then every documented field lands in the value
    QVERIFY(error);
    QCOMPARE(error->kind, kind);
    QCOMPARE(error->type, type);
    QCOMPARE(error->httpStatus, status);
    QCOMPARE(error->title, title);
    QCOMPARE(error->detail, detail);
    QCOMPARE(error->reason, reason);
    QCOMPARE(error->retryAfter.value_or(-1), retryAfter);
    QCOMPARE(error->errors.size(), errorCount);
    QCOMPARE(error->resourceId, resourceId);
    QCOMPARE(error->likelyEnvironment, likelyEnvironment);
    QCOMPARE(error->rawBody, body);
    QVERIFY(error->isIncreaseError());
}

void TestApiParsing::apiErrorUnknownType()
{
    // Given an Increase-shaped error of a type this build does not know
    const QByteArray body =
        R"({"type":"account_frozen_error","status":423,"title":"Frozen.","detail":"Ask."})";

    // when it is read
    const std::optional<ApiError> error = ApiParsing::apiError(423, body);

    // then it is an unknown API error that keeps the server's type for people and scripts
    QVERIFY(error);
    QCOMPARE(error->kind, ApiError::Kind::UnknownApiError);
    QCOMPARE(error->type, u"account_frozen_error"_s);
    QCOMPARE(error->message(), u"Frozen. Ask. (account_frozen_error, HTTP 423)"_s);
}

void TestApiParsing::apiErrorFallsBackToHttpStatus()
{
    // Given an error body without `status`, when it is read
    const std::optional<ApiError> error =
        ApiParsing::apiError(404, R"({"type":"object_not_found_error","title":"Not found"})");

    // then the response's status is used and a missing detail is empty
    QVERIFY(error);
    QCOMPARE(error->httpStatus, 404);
    QVERIFY(error->detail.isEmpty());
    QVERIFY(!error->retryAfter);
}

void TestApiParsing::notAnApiError_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << testData(u"gateway_502.html"_s);
    QTest::newRow("truncated") << testData(u"errors/rate_limited_error.json"_s).left(40);
    QTest::newRow("array") << QByteArray(R"([{"type":"x","title":"y"}])");
    QTest::newRow("no type") << QByteArray(R"({"title":"Not found","status":404})");
    QTest::newRow("numeric type") << QByteArray(R"({"type":404,"title":"Not found"})");
    QTest::newRow("no title") << QByteArray(R"({"type":"object_not_found_error"})");
    QTest::newRow("a connection") << connectionJson();
    QTest::newRow("a page") << testData(u"oauth_connection_list.json"_s);
}

void TestApiParsing::notAnApiError()
{
    QFETCH(QByteArray, body);
    QVERIFY(!ApiParsing::apiError(500, body));
}

void TestApiParsing::validEvent()
{
    QString error;
    QJsonObject raw;
    QCOMPARE(ApiParsing::eventBody(eventJson(), &error, &raw), sampleEvent());
    QCOMPARE(raw.size(), 6);
    // Forward-compatible: an unknown field is ignored, an unknown category kept as sent.
    IncreaseEvent future = sampleEvent();
    future.category = u"oauth_connection.paused"_s;
    const QByteArray withExtras = eventJson("category", R"("oauth_connection.paused")")
                                      .replace('}', R"(,"new_field":[1,2]})");
    QCOMPARE(ApiParsing::eventBody(withExtras, &error), future);
    IncreaseEvent precise = sampleEvent();
    precise.createdAt = u"2020-01-31T23:59:59.123+01:00"_s;
    QCOMPARE(ApiParsing::eventBody(eventJson("created_at", R"("2020-01-31T23:59:59.123+01:00")"),
                                   &error),
             precise);
}

void TestApiParsing::invalidEvent_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    for (const char *field : {"associated_object_id", "associated_object_type", "category",
                              "created_at", "id", "type"}) {
        QTest::addRow("%s missing", field)
            << eventJson(field) << QString::fromLatin1(field) + u": missing required field"_s;
        QTest::addRow("%s a number", field)
            << eventJson(field, "7")
            << QString::fromLatin1(field) + u": expected a string, got a number"_s;
        QTest::addRow("%s null", field)
            << eventJson(field, "null")
            << QString::fromLatin1(field) + u": expected a string, got null"_s;
    }
    QTest::newRow("created_at not a date-time")
        << eventJson("created_at", R"("yesterday")")
        << u"created_at: expected an ISO 8601 date-time, got \"yesterday\""_s;
    QTest::newRow("created_at empty") << eventJson("created_at", R"("")")
                                      << u"created_at: expected an ISO 8601 date-time, got \"\""_s;
    QTest::newRow("HTML")
        << QByteArray("<html><body>502 Bad Gateway</body></html>")
        << u"the body looks like HTML (often a proxy or gateway page), not JSON"_s;
    QTest::newRow("array") << QByteArray("[]")
                           << u"expected a JSON object at the top level, got an array"_s;
    QTest::newRow("cut") << eventJson().chopped(9) << u"ends early"_s;
}

void TestApiParsing::invalidEvent()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!ApiParsing::eventBody(body, &got));
    QVERIFY2(got.contains(error), qPrintable(got));
    QVERIFY(!ApiParsing::eventPage(pageJson({body}), &got));
}

void TestApiParsing::eventPage()
{
    QString error;
    IncreaseEvent second = sampleEvent();
    second.id = u"event_2"_s;
    second.category = u"oauth_connection.deactivated"_s;
    const auto page = ApiParsing::eventPage(
        pageJson({eventJson(), eventJson("category", R"("oauth_connection.deactivated")")
                                   .replace("event_001dzz0r20rzr4zrhrr1364hy80", "event_2")},
                 R"("v57w5d")"),
        &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->data, QList<IncreaseEvent>({sampleEvent(), second}));
    QCOMPARE(page->nextCursor, u"v57w5d"_s);
    const auto last = ApiParsing::eventPage(pageJson({}), &error);
    QVERIFY(last && last->data.isEmpty() && last->nextCursor.isEmpty());
    const auto noCursor = ApiParsing::eventPage(R"({"data":[]})", &error);
    QVERIFY(noCursor && noCursor->nextCursor.isEmpty());
}

void TestApiParsing::eventPageErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("no data") << QByteArray(R"({"next_cursor":null})")
                             << u"data: missing required field"_s;
    QTest::newRow("data an object") << QByteArray(R"({"data":{},"next_cursor":null})")
                                    << u"data: expected an array, got an object"_s;
    QTest::newRow("cursor a number") << pageJson({eventJson()}, "5")
                                     << u"next_cursor: expected a string or null, got a number"_s;
    QTest::newRow("third event broken")
        << pageJson({eventJson(), eventJson(), eventJson("id", "true")})
        << u"data[2].id: expected a string, got a boolean"_s;
    QTest::newRow("second item a string")
        << pageJson({eventJson(), R"("event")"}) << u"data[1]: expected an object, got a string"_s;
    QTest::newRow("a connection page")
        << pageJson({connectionJson()}) << u"data[0].category: missing required field"_s;
}

void TestApiParsing::eventPageErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!ApiParsing::eventPage(body, &got));
    QCOMPARE(got, error);
}

QTEST_GUILESS_MAIN(TestApiParsing)
#include "tst_apiparsing.moc"
