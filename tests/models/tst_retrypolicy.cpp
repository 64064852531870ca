// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Retry decisions and delays, as Increase's official SDKs make them.
#include "retrypolicy.h"

#include <QtTest>
#include <time.h>

using namespace Qt::StringLiterals;

using RetryPolicy::Headers;

namespace {

const QDateTime kNow(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);

// Sets the process's local time zone for one test, and puts the previous one back.
class LocalTimeZone
{
public:
    explicit LocalTimeZone(const QByteArray &zone)
        : m_had(qEnvironmentVariableIsSet("TZ"))
        , m_previous(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~LocalTimeZone()
    {
        if (m_had)
            qputenv("TZ", m_previous);
        else
            qunsetenv("TZ");
        tzset();
    }
    LocalTimeZone(const LocalTimeZone &) = delete;
    LocalTimeZone &operator=(const LocalTimeZone &) = delete;

private:
    bool m_had;
    QByteArray m_previous;
};

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldRetry_data();
    void shouldRetry();
    void serverDelay_data();
    void serverDelay();
    void parseHttpDate_data();
    void parseHttpDate();
    void httpDateIsUtcWhateverTheLocalZone_data();
    void httpDateIsUtcWhateverTheLocalZone();
    void backoff_data();
    void backoff();
    void backoffBounds();
};

void TestRetryPolicy::shouldRetry_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<bool>("expected");

    for (int status : {0, 408, 409, 429, 500, 502, 503, 504, 599})
        QTest::addRow("%d retried", status) << status << Headers() << true;
    for (int status : {200, 201, 301, 400, 401, 403, 404, 422})
        QTest::addRow("%d not retried", status) << status << Headers() << false;

    QTest::newRow("x-should-retry true on 400")
        << 400 << Headers{{"x-should-retry", "true"}} << true;
    QTest::newRow("x-should-retry false on 503")
        << 503 << Headers{{"x-should-retry", "false"}} << false;
    QTest::newRow("false on 429") << 429 << Headers{{"x-should-retry", "false"}} << false;
    QTest::newRow("header name case-insensitive")
        << 404 << Headers{{"X-Should-Retry", "true"}} << true;
    QTest::newRow("value case-insensitive, trimmed")
        << 500 << Headers{{"X-SHOULD-RETRY", " False "}} << false;
    QTest::newRow("unknown value ignored") << 503 << Headers{{"x-should-retry", "maybe"}} << true;
    QTest::newRow("other headers ignored")
        << 404 << Headers{{"content-type", "application/json"}, {"retry-after", "1"}} << false;
}

void TestRetryPolicy::shouldRetry()
{
    QFETCH(int, status);
    QFETCH(Headers, headers);
    QFETCH(bool, expected);

    QCOMPARE(RetryPolicy::shouldRetry(status, headers), expected);
}

void TestRetryPolicy::serverDelay_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("bodyRetryAfter"); // -1: none
    QTest::addColumn<qint64>("expected");    // -1: none

    QTest::newRow("nothing") << Headers() << -1 << qint64(-1);
    QTest::newRow("retry-after-ms") << Headers{{"retry-after-ms", "1500"}} << -1 << qint64(1500);
    QTest::newRow("retry-after-ms fraction")
        << Headers{{"retry-after-ms", "250.7"}} << -1 << qint64(251);
    QTest::newRow("retry-after-ms name case")
        << Headers{{"Retry-After-Ms", "20"}} << -1 << qint64(20);
    QTest::newRow("retry-after-ms wins")
        << Headers{{"retry-after", "9"}, {"retry-after-ms", "100"}} << 30 << qint64(100);
    QTest::newRow("retry-after-ms negative")
        << Headers{{"retry-after-ms", "-1"}} << -1 << qint64(-1);
    QTest::newRow("retry-after-ms capped")
        << Headers{{"retry-after-ms", "999999999"}} << -1 << RetryPolicy::kMaxServerDelayMs;
    QTest::newRow("retry-after-ms garbage falls through")
        << Headers{{"retry-after-ms", "soon"}, {"Retry-After", "3"}} << -1 << qint64(3000);
    QTest::newRow("retry-after-ms infinite falls through")
        << Headers{{"retry-after-ms", "inf"}} << -1 << qint64(-1);
    QTest::newRow("Retry-After seconds") << Headers{{"Retry-After", "2"}} << -1 << qint64(2000);
    QTest::newRow("Retry-After fractional seconds")
        << Headers{{"retry-after", "1.5"}} << -1 << qint64(1500);
    QTest::newRow("Retry-After zero falls to body")
        << Headers{{"Retry-After", "0"}} << 5 << qint64(5000);
    QTest::newRow("Retry-After negative") << Headers{{"Retry-After", "-5"}} << -1 << qint64(-1);
    QTest::newRow("retry-after-ms zero falls through")
        << Headers{{"retry-after-ms", "0"}, {"Retry-After", "2"}} << -1 << qint64(2000);
    QTest::newRow("Retry-After seconds capped")
        << Headers{{"Retry-After", "3600"}} << -1 << RetryPolicy::kMaxServerDelayMs;
    QTest::newRow("Retry-After date in the future")
        << Headers{{"Retry-After", "Fri, 01 Mar 2024 12:00:30 GMT"}} << -1 << qint64(30000);
    QTest::newRow("Retry-After date in the past")
        << Headers{{"Retry-After", "Fri, 01 Mar 2024 11:59:00 GMT"}} << 7 << qint64(7000);
    QTest::newRow("Retry-After date far ahead capped")
        << Headers{{"Retry-After", "Sat, 02 Mar 2024 12:00:00 GMT"}} << -1
        << RetryPolicy::kMaxServerDelayMs;
    QTest::newRow("Retry-After garbage falls to body")
        << Headers{{"Retry-After", "later"}} << 7 << qint64(7000);
    QTest::newRow("body retry_after") << Headers() << 7 << qint64(7000);
    QTest::newRow("body retry_after zero") << Headers() << 0 << qint64(-1);
    QTest::newRow("body retry_after capped") << Headers() << 1000 << RetryPolicy::kMaxServerDelayMs;
}

void TestRetryPolicy::serverDelay()
{
    QFETCH(Headers, headers);
    QFETCH(int, bodyRetryAfter);
    QFETCH(qint64, expected);

    // Given a response's headers and body hint, when the delay is read at a fixed time
    const std::optional<int> body =
        bodyRetryAfter < 0 ? std::nullopt : std::optional<int>(bodyRetryAfter);
    const std::optional<qint64> delay = RetryPolicy::serverDelayMs(headers, body, kNow);

    // then the first usable source gives it, never negative, never over the cap
    QCOMPARE(delay.value_or(-1), expected);
}

void TestRetryPolicy::parseHttpDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused

    QTest::newRow("RFC 9110 example") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT")
                                      << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("surrounding spaces") << QByteArray("  Fri, 01 Mar 2024 23:59:59 GMT ")
                                        << QDateTime(QDate(2024, 3, 1), QTime(23, 59, 59), Qt::UTC);
    QTest::newRow("wrong weekday") << QByteArray("Mon, 06 Nov 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("no GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37") << QDateTime();
    QTest::newRow("no time") << QByteArray("Sun, 06 Nov 1994 GMT") << QDateTime();
    QTest::newRow("hour 24") << QByteArray("Sun, 06 Nov 1994 24:00:00 GMT") << QDateTime();
    QTest::newRow("GMT alone") << QByteArray("GMT") << QDateTime();
    QTest::newRow("other zone") << QByteArray("Sun, 06 Nov 1994 08:49:37 +0100") << QDateTime();
    QTest::newRow("ISO 8601") << QByteArray("1994-11-06T08:49:37Z") << QDateTime();
    QTest::newRow("seconds") << QByteArray("120") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void TestRetryPolicy::parseHttpDate()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);

    const QDateTime parsed = RetryPolicy::parseHttpDate(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestRetryPolicy::httpDateIsUtcWhateverTheLocalZone_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");

    // Berlin skips from 02:00 to 03:00 local time that night: read as local time, 02:30
    // does not exist.
    QTest::newRow("Berlin's missing hour") << QByteArray("Sun, 31 Mar 2024 02:30:00 GMT")
                                           << QDateTime(QDate(2024, 3, 31), QTime(2, 30), Qt::UTC);
    // Berlin goes from 03:00 back to 02:00 local time: 02:30 happens twice there.
    QTest::newRow("Berlin's repeated hour")
        << QByteArray("Sun, 27 Oct 2024 02:30:00 GMT")
        << QDateTime(QDate(2024, 10, 27), QTime(2, 30), Qt::UTC);
    QTest::newRow("an ordinary winter date")
        << QByteArray("Fri, 01 Mar 2024 12:00:30 GMT")
        << QDateTime(QDate(2024, 3, 1), QTime(12, 0, 30), Qt::UTC);
    QTest::newRow("an ordinary summer date") << QByteArray("Mon, 15 Jul 2024 09:00:00 GMT")
                                             << QDateTime(QDate(2024, 7, 15), QTime(9, 0), Qt::UTC);
}

void TestRetryPolicy::httpDateIsUtcWhateverTheLocalZone()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    // Given a machine whose local time is Berlin's
    const LocalTimeZone berlin("Europe/Berlin");
    QCOMPARE(QDateTime(QDate(2024, 7, 15), QTime(12, 0), Qt::UTC).toLocalTime().time(),
             QTime(14, 0)); // the zone is in force

    // when a Retry-After date is read, then it is that instant in UTC
    const QDateTime parsed = RetryPolicy::parseHttpDate(text);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.timeSpec(), Qt::UTC);
    QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());

    // and the delay runs from the given now to that instant, 30 s
    const QDateTime now = expected.addSecs(-30);
    QCOMPARE(RetryPolicy::serverDelayMs({{"Retry-After", text}}, std::nullopt, now).value_or(-1),
             qint64(30000));
}

void TestRetryPolicy::backoff_data()
{
    QTest::addColumn<int>("retryIndex");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expected");

    const qint64 bases[] = {500, 1000, 2000, 4000, 8000, 8000, 8000};
    for (int n = 0; n <= 6; ++n) {
        QTest::addRow("n=%d, random 0", n) << n << 0.0 << bases[n];
        QTest::addRow("n=%d, random 1", n) << n << 1.0 << bases[n] * 3 / 4;
    }
    QTest::newRow("random 0.5") << 1 << 0.5 << qint64(875);
    QTest::newRow("large index") << 1000 << 0.0 << RetryPolicy::kMaxBackoffMs;
    QTest::newRow("negative index") << -3 << 0.0 << RetryPolicy::kInitialBackoffMs;
    QTest::newRow("random above 1 clamped") << 0 << 7.0 << qint64(375);
    QTest::newRow("random below 0 clamped") << 0 << -1.0 << qint64(500);
}

void TestRetryPolicy::backoff()
{
    QFETCH(int, retryIndex);
    QFETCH(double, random);
    QFETCH(qint64, expected);

    QCOMPARE(RetryPolicy::backoffMs(retryIndex, random), expected);
}

void TestRetryPolicy::backoffBounds()
{
    // For every retry and any random draw, the delay stays within [0.75, 1] of the base
    for (int n = 0; n <= 6; ++n) {
        const qint64 base =
            std::min(RetryPolicy::kInitialBackoffMs << n, RetryPolicy::kMaxBackoffMs);
        qint64 previous = base;
        for (int step = 0; step <= 100; ++step) {
            const qint64 delay = RetryPolicy::backoffMs(n, step / 100.0);
            QVERIFY(delay <= base);
            QVERIFY(delay >= base * 3 / 4);
            QVERIFY(delay <= previous);
            previous = delay;
        }
    }
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
