// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Session figures: what counts as a request, a failure, a retry and a 429; exact
// nearest-rank percentiles on known latencies; the summary line.
#include "requestlogfixtures.h"
#include "sessionstats.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;
using RequestLogFixtures::entry;

namespace {

RequestLogEntry withLatency(qint64 latencyMs)
{
    RequestLogEntry e = entry(1);
    e.latencyMs = latencyMs;
    return e;
}

} // namespace

class TestSessionStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void countsOutcomes()
    {
        SessionStats stats;
        QSignalSpy changed(&stats, &SessionStats::changed);

        RequestLogEntry retried429 = entry(1, 429, u"rate_limited_error"_s);
        retried429.willRetry = true;
        RequestLogEntry retried500 = entry(2, 500, u"internal_server_error"_s);
        retried500.willRetry = true;
        stats.record(retried429);
        stats.record(retried500);
        stats.record(entry(3, 200));                              // the retry that worked
        stats.record(entry(4, 404, u"object_not_found_error"_s)); // final failure
        stats.record(entry(5, 0, u"timeout_error"_s));            // final failure
        stats.record(entry(6, 0, u"cancelled"_s));                // asked for, not failed
        stats.record(entry(7, 429, u"rate_limited_error"_s));     // gave up on a 429
        stats.rowsFetched(100);
        stats.rowsFetched(12700);

        QCOMPARE(stats.requests(), 7);
        QCOMPARE(stats.retries(), 2);
        QCOMPARE(stats.failures(), 3);
        QCOMPARE(stats.rateLimited(), 2);
        QCOMPARE(stats.totalRowsFetched(), 12800);
        QCOMPARE(changed.size(), 9);

        stats.reset();
        QCOMPARE(stats.requests(), 0);
        QCOMPARE(stats.totalRowsFetched(), 0);
        QCOMPARE(stats.latencyPercentileMs(50), std::nullopt);
        QCOMPARE(changed.size(), 10);
    }

    void percentilesAreNearestRank()
    {
        SessionStats stats;
        QCOMPARE(stats.latencyPercentileMs(50), std::nullopt);

        // 1..100 shuffled, fed in two halves with queries between: the on-demand merge
        std::vector<int> values(100);
        std::iota(values.begin(), values.end(), 1);
        std::shuffle(values.begin(), values.end(), std::mt19937(7));
        for (size_t i = 0; i < 50; ++i)
            stats.record(withLatency(values[i]));
        QVERIFY(stats.latencyPercentileMs(50).has_value());
        for (size_t i = 50; i < values.size(); ++i)
            stats.record(withLatency(values[i]));

        QCOMPARE(stats.latencyPercentileMs(50), std::optional<qint64>(50));
        QCOMPARE(stats.latencyPercentileMs(95), std::optional<qint64>(95));
        QCOMPARE(stats.latencyPercentileMs(100), std::optional<qint64>(100));
        QCOMPARE(stats.latencyPercentileMs(0.5), std::optional<qint64>(1));
        QCOMPARE(stats.latencyPercentileMs(0), std::nullopt);

        // Cancelled attempts say when the user gave up, not how the server answered
        RequestLogEntry cancelled = entry(1, 0, u"cancelled"_s);
        cancelled.latencyMs = 100000;
        for (int i = 0; i < 100; ++i)
            stats.record(cancelled);
        QCOMPARE(stats.latencyPercentileMs(95), std::optional<qint64>(95));
    }

    void percentilesOfFewValues()
    {
        SessionStats stats;
        for (const qint64 latency : {210, 41, 38, 45, 1200, 40, 39})
            stats.record(withLatency(latency));
        // sorted: 38 39 40 41 45 210 1200; rank ceil(0.5*7)=4, ceil(0.95*7)=7
        QCOMPARE(stats.latencyPercentileMs(50), std::optional<qint64>(41));
        QCOMPARE(stats.latencyPercentileMs(95), std::optional<qint64>(1200));
    }

    void summaryReadsLikeASentence()
    {
        SessionStats stats;
        QCOMPARE(stats.summary(), u"0 requests · 0 failures · 0 retries · 0 × 429 · 0 rows"_s);

        for (int i = 0; i < 120; ++i)
            stats.record(withLatency(i < 110 ? 41 : 210));
        for (int i = 0; i < 3; ++i)
            stats.record(entry(i, 500, u"internal_server_error"_s));
        for (int i = 0; i < 5; ++i) {
            RequestLogEntry e = entry(i, i < 2 ? 429 : 503, u"rate_limited_error"_s);
            e.willRetry = true;
            e.latencyMs = 210;
            stats.record(e);
        }
        stats.rowsFetched(12800);
        QCOMPARE(stats.requests(), 128);
        // sorted: 0 1 2 (the fixture's), 110 × 41, 15 × 210: ranks 64 and 122
        QCOMPARE(stats.summary(), u"128 requests · 3 failures · 5 retries · 2 × 429 · "
                                  "p50 41 ms · p95 210 ms · 12,800 rows"_s);

        SessionStats one;
        one.record(entry(1, 0, u"network_error"_s));
        one.rowsFetched(1);
        QCOMPARE(one.summary(),
                 u"1 request · 1 failure · 0 retries · 0 × 429 · p50 1 ms · p95 1 ms · 1 row"_s);
    }
};

QTEST_GUILESS_MAIN(TestSessionStats)
#include "tst_sessionstats.moc"
