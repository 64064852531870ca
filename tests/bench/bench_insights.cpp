// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights figures at a million connections: Aggregator::add(spans) + result() for a
// week in UTC, a week in local time and a day in local time (local time in
// Australia/Adelaide unless TZ says otherwise: a half-hour offset with daylight saving),
// and snapshotOf, which reads the table's rows into spans on the window's thread, on a
// ConnectionTableModel holding every row of a local sandbox in its own process.
// Targets: the figures in at most 300 ms (another thread), the snapshot in at most 16 ms
// (one frame of the window's thread).
#include "benchreport.h"
#include "connectionfigures.h"
#include "connectionspans.h"
#include "connectiontablemodel.h"
#include "increaseclient.h"
#include "sandboxprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kNow = 1751371200;            // 2025-07-01T12:00:00Z
constexpr qint64 kFiveYears = 5 * 365 * 86400; // how far back connections were created

// Connections as the API lists them (newest first), 8 applications of unequal sizes,
// created over five years, 30% deleted some time after their creation.
std::vector<Insights::ConnectionSpan> spans(qint64 count, QStringList *applications)
{
    *applications = {};
    for (int i = 0; i < 8; ++i)
        applications->append(u"application_bench%1"_s.arg(i, 15, 10, QLatin1Char('0')));
    QRandomGenerator random(42);
    std::vector<Insights::ConnectionSpan> out(static_cast<size_t>(count));
    const double gap = double(kFiveYears) / double(count);
    for (qint64 i = 0; i < count; ++i) {
        Insights::ConnectionSpan &span = out[size_t(i)];
        const qint64 created = kNow - qint64(double(i) * gap) - qint64(random.bounded(60));
        span.setCreatedAt(created);
        // Skewed: the first applications hold most connections.
        const quint32 r = random.bounded(100u);
        span.application = r < 40 ? 0 : r < 65 ? 1 : r < 80 ? 2 : r < 88 ? 3 : 4 + r % 4;
        if (random.bounded(100u) < 30) {
            span.setDeletedAt(std::min(kNow, created + 1 + qint64(random.bounded(400 * 86400))));
            span.status = Insights::ConnectionSpan::Status::Inactive;
        }
    }
    return out;
}

double median(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

void waitFor(const std::function<bool()> &done)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(10);
    if (!done())
        loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", "Australia/Adelaide");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Time of the Insights figures at a million rows"_s);
    parser.addHelpOption();
    parser.addOption(
        {u"connections"_s, u"Spans and table rows (default 1000000)."_s, u"N"_s, u"1000000"_s});
    parser.addOption({u"runs"_s, u"Runs per figure (default 5)."_s, u"N"_s, u"5"_s});
    parser.addOption({u"no-table"_s, u"Skip the snapshot of a loaded table."_s});
    parser.addOption({u"sandbox"_s, u"increase-sandbox executable."_s, u"PATH"_s,
                      QStringLiteral(IC_SANDBOX_EXECUTABLE)});
    parser.process(app);
    const qint64 connections = parser.value(u"connections"_s).toLongLong();
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());
    const QString rows = QLocale(QLocale::English).toString(connections);

    std::printf("local time: %s\n", QTimeZone::systemTimeZoneId().constData());
    QStringList applications;
    const std::vector<Insights::ConnectionSpan> input = spans(connections, &applications);
    using Insights::Period;
    using Insights::Zone;
    double worst = 0;
    for (const auto &[name, period, zone] :
         {std::tuple{"week, UTC", Period::Week, Zone::Utc},
          std::tuple{"week, local time", Period::Week, Zone::Local},
          std::tuple{"day, local time", Period::Day, Zone::Local}}) {
        QList<double> ms;
        qsizetype periods = 0;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer clock;
            clock.start();
            Insights::Aggregator aggregator({period, zone, kNow});
            aggregator.add(input, applications);
            const Insights::Figures figures = aggregator.result();
            ms.append(double(clock.nsecsElapsed()) / 1e6);
            if (figures.rows != connections || figures.applications.size() != 8)
                return BenchReport::fail("bench_insights", u"the figures lost rows"_s);
            periods = figures.periods.size();
        }
        const double m = median(ms);
        worst = std::max(worst, m);
        std::printf("figures of %s spans by %s (%lld periods): fastest %.1f ms, median %.1f ms\n",
                    qUtf8Printable(rows), name, qint64(periods),
                    *std::min_element(ms.cbegin(), ms.cend()), m);
    }
    BenchReport::summary(
        u"insights figures, %1 spans (worst of week UTC/local, day local)"_s.arg(rows),
        u"%1 ms"_s.arg(worst, 0, 'f', 1), u"<= 300 ms"_s, BenchReport::verdict(worst <= 300));

    if (parser.isSet(u"no-table"_s))
        return 0;
    SandboxProcess sandbox;
    QString startError;
    if (!sandbox.start(parser.value(u"sandbox"_s),
                       {u"--connections"_s, QString::number(connections)}, &startError))
        return BenchReport::fail("bench_insights", startError);
    ClientConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.apiKey = u"bench"_s;
    config.environment = u"local"_s;
    IncreaseClient client(config);
    ConnectionTableModel model(&client);
    bool failed = false;
    QObject::connect(&model, &ConnectionTableModel::fetchFailed, [&](const ApiError &error) {
        std::fprintf(stderr, "bench_insights: %s\n", qUtf8Printable(error.message()));
        failed = true;
    });
    model.setQuery({{u"active"_s, u"inactive"_s}, QString()});
    model.loadAll();
    waitFor([&] { return failed || (!model.hasMore() && !model.isFetching()); });
    if (failed)
        return BenchReport::fail("bench_insights", u"the listing failed (see above)"_s);
    if (model.rowCount() != connections)
        return BenchReport::fail(
            "bench_insights", u"%1 rows loaded, not %2"_s.arg(model.rowCount()).arg(connections));

    QList<double> ms;
    QList<double> figuresMs;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        const Insights::SpanSnapshot snapshot = Insights::snapshotOf(model);
        ms.append(double(clock.nsecsElapsed()) / 1e6);
        if (qint64(snapshot.spans.size()) != connections)
            return BenchReport::fail("bench_insights", u"the snapshot lost rows"_s);
        clock.restart();
        Insights::Aggregator aggregator({Period::Week, Zone::Local, kNow});
        aggregator.add(snapshot.spans, snapshot.applications);
        if (aggregator.result().rows != connections)
            return BenchReport::fail("bench_insights", u"the figures lost rows"_s);
        figuresMs.append(double(clock.nsecsElapsed()) / 1e6);
    }
    // Into one snapshot kept from run to run (a view refreshing its figures).
    QList<double> reusedMs;
    Insights::SpanSnapshot kept;
    for (int run = 0; run <= runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        Insights::snapshotOf(model, &kept);
        if (run > 0) // the first fills it
            reusedMs.append(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("snapshot of %s table rows into a kept snapshot: fastest %.1f ms, median %.1f ms\n",
                qUtf8Printable(rows), *std::min_element(reusedMs.cbegin(), reusedMs.cend()),
                median(reusedMs));
    const double snapshotMs = median(ms);
    std::printf("snapshot of %s table rows: fastest %.1f ms, median %.1f ms; "
                "their figures by week, local time: median %.1f ms\n",
                qUtf8Printable(rows), *std::min_element(ms.cbegin(), ms.cend()), snapshotMs,
                median(figuresMs));
    BenchReport::summary(u"insights snapshot of %1 table rows (GUI thread)"_s.arg(rows),
                         u"%1 ms"_s.arg(snapshotMs, 0, 'f', 1), u"<= 16 ms"_s,
                         BenchReport::verdict(snapshotMs <= 16));
    BenchReport::summary(u"insights snapshot of %1 rows, kept snapshot"_s.arg(rows),
                         u"%1 ms"_s.arg(median(reusedMs), 0, 'f', 1), u"<= 16 ms"_s,
                         BenchReport::verdict(median(reusedMs) <= 16));
    return 0;
}
