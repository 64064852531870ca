// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The error value's names and the one line people read.
#include "apierror.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typeNames_data();
    void typeNames();
    void unknownTypes_data();
    void unknownTypes();
    void message_data();
    void message();
    void make();
};

void TestApiError::typeNames_data()
{
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("increase");

    using K = ApiError::Kind;
    const QList<QPair<K, const char *>> rows = {
        {K::InvalidParameters, "invalid_parameters_error"},
        {K::MalformedRequest, "malformed_request_error"},
        {K::InvalidApiKey, "invalid_api_key_error"},
        {K::EnvironmentMismatch, "environment_mismatch_error"},
        {K::InsufficientPermissions, "insufficient_permissions_error"},
        {K::PrivateFeature, "private_feature_error"},
        {K::ApiMethodNotFound, "api_method_not_found_error"},
        {K::ObjectNotFound, "object_not_found_error"},
        {K::IdempotencyKeyAlreadyUsed, "idempotency_key_already_used_error"},
        {K::InvalidOperation, "invalid_operation_error"},
        {K::RateLimited, "rate_limited_error"},
        {K::InternalServer, "internal_server_error"},
        {K::UnknownApiError, "unknown_api_error"},
        {K::Network, "network_error"},
        {K::Timeout, "timeout_error"},
        {K::Tls, "tls_error"},
        {K::MalformedResponse, "malformed_response_error"},
        {K::Cancelled, "cancelled"},
        {K::InvalidRequest, "invalid_request"},
    };
    for (const auto &[kind, name] : rows)
        QTest::newRow(name) << kind << QString::fromLatin1(name) << (kind <= K::UnknownApiError);
}

void TestApiError::typeNames()
{
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, name);
    QFETCH(bool, increase);

    // Given a kind, its stable name is the documented one
    QCOMPARE(ApiError::typeName(kind), name);
    QCOMPARE(ApiError::make(kind, u"t"_s).isIncreaseError(), increase);

    // and only Increase's 12 names map back to their kind
    const bool documented = increase && kind != ApiError::Kind::UnknownApiError;
    QCOMPARE(ApiError::kindFromType(name), documented ? kind : ApiError::Kind::UnknownApiError);
}

void TestApiError::unknownTypes_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("empty") << QString();
    QTest::newRow("new server type") << u"account_frozen_error"_s;
    QTest::newRow("case differs") << u"Object_Not_Found_Error"_s;
    QTest::newRow("one of ours") << u"network_error"_s;
}

void TestApiError::unknownTypes()
{
    QFETCH(QString, type);
    QCOMPARE(ApiError::kindFromType(type), ApiError::Kind::UnknownApiError);
}

void TestApiError::message_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("expected");

    QTest::newRow("increase error with detail")
        << u"Not found"_s << u"No OAuth Connection with that id."_s << u"object_not_found_error"_s
        << 404
        << u"Not found: No OAuth Connection with that id. (object_not_found_error, HTTP 404)"_s;
    QTest::newRow("no detail") << u"Internal server error."_s << QString()
                               << u"internal_server_error"_s << 500
                               << u"Internal server error. (internal_server_error, HTTP 500)"_s;
    QTest::newRow("title is a sentence")
        << u"Object not found."_s << u"No OAuth Connection has the id x."_s
        << u"object_not_found_error"_s << 404
        << u"Object not found. No OAuth Connection has the id x. (object_not_found_error, HTTP 404)"_s;
    QTest::newRow("with reason")
        << u"Invalid API key."_s << u"The key was not found."_s << u"invalid_api_key_error"_s << 401
        << u"Invalid API key. The key was not found. (reason: no_credential) (invalid_api_key_error, HTTP 401)"_s;
    QTest::newRow("no response") << u"Could not connect"_s << u"Connection refused"_s
                                 << u"network_error"_s << 0
                                 << u"Could not connect: Connection refused (network_error)"_s;
    QTest::newRow("no title") << QString() << u"Details only"_s << u"tls_error"_s << 0
                              << u"Details only (tls_error)"_s;
    QTest::newRow("nothing") << QString() << QString() << u"cancelled"_s << 0
                             << u"Request failed (cancelled)"_s;
}

void TestApiError::message()
{
    QFETCH(QString, title);
    QFETCH(QString, detail);
    QFETCH(QString, type);
    QFETCH(int, httpStatus);
    QFETCH(QString, expected);

    ApiError error;
    error.title = title;
    error.detail = detail;
    error.type = type;
    error.httpStatus = httpStatus;
    if (type == u"invalid_api_key_error")
        error.reason = u"no_credential"_s;

    QCOMPARE(error.message(), expected);
}

void TestApiError::make()
{
    // Given our own failure, when it is made
    const ApiError error =
        ApiError::make(ApiError::Kind::Timeout, u"Timed out"_s, u"after 60000 ms"_s);

    // then its type is our stable name and there is no HTTP status
    QCOMPARE(error.kind, ApiError::Kind::Timeout);
    QCOMPARE(error.type, u"timeout_error"_s);
    QCOMPARE(error.httpStatus, 0);
    QCOMPARE(error.message(), u"Timed out: after 60000 ms (timeout_error)"_s);
    QVERIFY(!error.isIncreaseError());
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
