// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of the partitioned export: the token bucket (on a fake clock), the
// choice of how many streams, and the API's order used to merge them.
#include "apiorder.h"
#include "partitionplan.h"
#include "requestratelimiter.h"
#include "tokenbucket.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMs = 1000 * 1000; // nanoseconds

OAuthConnection row(const QString &id, const QString &createdAt)
{
    OAuthConnection c;
    c.id = id;
    c.createdAt = createdAt;
    return c;
}

} // namespace

class TestRequestRateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsFollowTheEnvironment()
    {
        QCOMPARE(RequestRateLimiter::defaultRate(u"production"_s), 100.0);
        QCOMPARE(RequestRateLimiter::defaultRate(u"sandbox"_s), 20.0);
        QCOMPARE(RequestRateLimiter::defaultRate(u"local"_s), 100.0);
        QCOMPARE(RequestRateLimiter::defaultRate(u"custom"_s), 100.0);
        // Burst: a tenth of the rate, at least one request.
        QCOMPARE(RequestRateLimiter::defaultBurst(100), 10.0);
        QCOMPARE(RequestRateLimiter::defaultBurst(20), 2.0);
        QCOMPARE(RequestRateLimiter::defaultBurst(5), 1.0);
    }

    void burstThenSteadyRate()
    {
        qint64 now = 0;
        RequestRateLimiter limiter(100, 0, [&now] { return now; });
        QCOMPARE(limiter.burst(), 10.0);
        // Given a full bucket, when 10 requests come at once, then all go now...
        for (int i = 0; i < 10; ++i)
            QCOMPARE(limiter.reserve(), 0);
        // ...and the next ones queue one token (10 ms at 100 req/s) apart.
        QCOMPARE(limiter.reserve(), 10);
        QCOMPARE(limiter.reserve(), 20);
        QCOMPARE(limiter.reserve(), 30);
        // When time passes, the debt shrinks: at 25 ms the next slot is at 40 ms.
        now = 25 * kMs;
        QCOMPARE(limiter.reserve(), 15);
    }

    void waitsRoundUpNeverEarly()
    {
        qint64 now = 0;
        RequestRateLimiter limiter(3, 0, [&now] { return now; }); // burst 1
        QCOMPARE(limiter.reserve(), 0);
        QCOMPARE(limiter.reserve(), 334); // 333.3 ms rounded up
    }

    void idleTimeRefillsOnlyUpToTheBurst()
    {
        qint64 now = 0;
        RequestRateLimiter limiter(20, 0, [&now] { return now; }); // burst 2
        QCOMPARE(limiter.reserve(), 0);
        QCOMPARE(limiter.reserve(), 0);
        QCOMPARE(limiter.reserve(), 50);
        now = 60 * 1000 * kMs; // a minute idle
        QCOMPARE(limiter.reserve(), 0);
        QCOMPARE(limiter.reserve(), 0);
        QCOMPARE(limiter.reserve(), 50);
    }

    void tinyRateWaitsLongButFitsATimer_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<qint64>("secondWaitMs");
        // 0.01 req/s: 100 s, exact; the CLI's lowest rate is not capped.
        QTest::newRow("0.01 req/s") << 0.01 << qint64(100 * 1000);
        // 1e-7 req/s: 1e10 ms, which int() wrapped to 1,410,065,408 ms, and less for
        // other rates (negative at 4e-7 req/s): the timer fired early or at once.
        QTest::newRow("1e-7 req/s") << 1e-7 << RequestRateLimiter::kMaxWaitMs;
        QTest::newRow("4e-7 req/s") << 4e-7 << RequestRateLimiter::kMaxWaitMs;
        // The wait itself is infinite here: no integer holds it.
        QTest::newRow("1e-310 req/s") << 1e-310 << RequestRateLimiter::kMaxWaitMs;
    }

    void tinyRateWaitsLongButFitsATimer()
    {
        QFETCH(double, rate);
        QFETCH(qint64, secondWaitMs);
        qint64 now = 0;
        RequestRateLimiter limiter(rate, 0, [&now] { return now; }); // burst 1
        QCOMPARE(limiter.reserve(), 0);
        const qint64 wait = limiter.reserve();
        QCOMPARE(wait, secondWaitMs);
        // What ApiCall hands its QTimer: still the whole wait, positive.
        QCOMPARE(qint64(int(wait)), wait);
        QVERIFY(int(wait) > 0);
        // More requests queue behind it without ever wrapping either.
        for (int i = 0; i < 3; ++i) {
            const qint64 later = limiter.reserve();
            QVERIFY(later >= wait);
            QVERIFY(later <= std::numeric_limits<int>::max());
        }
    }

    void neverMoreThanRateTimesTimePlusBurst()
    {
        // Whatever the pattern of asking, sends in any window [0, t] stay within
        // burst + rate·t: what a server's bucket of the same rate needs.
        qint64 now = 0;
        RequestRateLimiter limiter(100, 0, [&now] { return now; });
        QList<qint64> sendTimes;
        for (int i = 0; i < 500; ++i) {
            now += (i % 7) * kMs / 3;
            sendTimes.append(now / kMs + limiter.reserve());
        }
        std::sort(sendTimes.begin(), sendTimes.end());
        for (int i = 0; i < sendTimes.size(); ++i) {
            const qint64 windowMs = sendTimes[i] - sendTimes[0];
            QVERIFY2(i + 1 <= 10 + 100 * windowMs / 1000 + 1, qPrintable(QString::number(i)));
        }
    }

    void neverTripsTheSandboxLimit_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("jitterMs");
        QTest::newRow("100 req/s") << 100.0 << 0;
        QTest::newRow("100 req/s, up to 20 ms between sending and arriving") << 100.0 << 20;
        QTest::newRow("20 req/s, up to 50 ms") << 20.0 << 50;
        QTest::newRow("7.5 req/s, up to 50 ms") << 7.5 << 50;
    }

    void neverTripsTheSandboxLimit()
    {
        // The moonshot's pacing (issue 15): the client's limiter at the same rate as the
        // server's (the sandbox's TokenBucket, a second's worth), the greediest client
        // possible (every request asks for its token at once), each request reaching the
        // server up to `jitterMs` late, in whatever order that makes: not one 429.
        QFETCH(double, rate);
        QFETCH(int, jitterMs);
        qint64 nowNs = 0;
        RequestRateLimiter limiter(rate, 0, [&nowNs] { return nowNs; });
        QRandomGenerator random(15);
        const int requests = int(rate * 120); // two minutes' worth
        std::vector<qint64> arrivalsMs;
        arrivalsMs.reserve(size_t(requests));
        for (int i = 0; i < requests; ++i) {
            const qint64 sentMs = limiter.reserve();
            arrivalsMs.push_back(sentMs + qint64(random.bounded(jitterMs + 1)));
        }
        std::sort(arrivalsMs.begin(), arrivalsMs.end());
        TokenBucket server;
        server.setRate(rate, 0);
        int tooMany = 0;
        for (const qint64 at : arrivalsMs)
            tooMany += server.tryTake(at) ? 0 : 1;
        QCOMPARE(tooMany, 0);
        // ...and it is the server's rate, not less: the last token was due at the floor.
        const double floorMs = (double(requests) - limiter.burst()) / rate * 1000.0;
        QVERIFY2(double(arrivalsMs.back()) <= floorMs + jitterMs + 1,
                 qPrintable(QString::number(arrivalsMs.back())));
    }

    void streamsChosen_data()
    {
        QTest::addColumn<int>("parallel");
        QTest::addColumn<int>("applications");
        QTest::addColumn<double>("rate");
        QTest::addColumn<qint64>("latencyMs");
        QTest::addColumn<int>("streams");

        QTest::newRow("--parallel 1") << 1 << 8 << 100.0 << qint64(50) << 1;
        QTest::newRow("one application") << 0 << 1 << 100.0 << qint64(50) << 1;
        QTest::newRow("explicit 4") << 4 << 8 << 100.0 << qint64(0) << 4;
        QTest::newRow("explicit above applications") << 32 << 3 << 100.0 << qint64(0) << 3;
        QTest::newRow("auto, 50 ms at 100 req/s") << 0 << 8 << 100.0 << qint64(50) << 6;
        QTest::newRow("auto, 200 ms at 20 req/s") << 0 << 8 << 20.0 << qint64(200) << 5;
        QTest::newRow("auto, 52 ms at 100 req/s: Qt's 6 connections a host")
            << 0 << 8 << 100.0 << qint64(52) << 6;
        QTest::newRow("auto, capped at Qt's 6 connections a host")
            << 0 << 20 << 100.0 << qint64(300) << 6;
        QTest::newRow("auto, capped by applications") << 0 << 3 << 100.0 << qint64(300) << 3;
        QTest::newRow("auto, fast server: one stream reaches the rate")
            << 0 << 8 << 100.0 << qint64(2) << 1;
        QTest::newRow("auto, too many applications") << 0 << 500 << 100.0 << qint64(50) << 1;
    }

    void streamsChosen()
    {
        QFETCH(int, parallel);
        QFETCH(int, applications);
        QFETCH(double, rate);
        QFETCH(qint64, latencyMs);
        QFETCH(int, streams);
        QCOMPARE(PartitionPlan::streams(parallel, applications, rate, latencyMs), streams);
    }

    void apiOrder()
    {
        const QString t = u"2024-01-01T00:00:59Z"_s;
        QVERIFY(ApiOrder::precedes(row(u"b"_s, t), row(u"a"_s, t))); // ties: id descending
        QVERIFY(!ApiOrder::precedes(row(u"a"_s, t), row(u"b"_s, t)));
        QVERIFY(!ApiOrder::precedes(row(u"a"_s, t), row(u"a"_s, t)));
        QVERIFY(ApiOrder::precedes(row(u"a"_s, u"2024-01-01T00:01:00Z"_s), row(u"z"_s, t)));
        // Fractions compare by instant, not as text ('.' sorts before 'Z').
        QVERIFY(ApiOrder::compareTimestamps(u"2024-01-01T00:00:59.500Z"_s, t) > 0);
        QVERIFY(ApiOrder::compareTimestamps(t, u"2024-01-01T00:00:59.500Z"_s) < 0);
    }
};

QTEST_GUILESS_MAIN(TestRequestRateLimiter)
#include "tst_requestratelimiter.moc"
