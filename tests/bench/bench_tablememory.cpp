// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Resident memory of ConnectionTableModel with every row of a large listing loaded,
// measured as PRODUCT.md §7 says: (resident memory after loading - before) / rows, with
// the local sandbox in its own process so that only the client side is counted.
// Target: at most 200 bytes a row at 1,000,000 rows.
#include "benchreport.h"
#include "connectiontablemodel.h"
#include "increaseclient.h"
#include "residentmemory.h"
#include "sandboxprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

// Runs the event loop (deferred deletes included, so finished calls are really gone)
// until `done` holds; `model` signals wake it.
void waitFor(ConnectionTableModel &model, const std::function<bool()> &done)
{
    if (done())
        return;
    QEventLoop loop;
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    QObject::connect(&model, &ConnectionTableModel::pageLoaded, &loop, check, Qt::QueuedConnection);
    QObject::connect(&model, &ConnectionTableModel::fetchFailed, &loop, check,
                     Qt::QueuedConnection);
    QObject::connect(&model, &QAbstractItemModel::modelReset, &loop, check, Qt::QueuedConnection);
    QTimer poll; // a reply dropped as stale emits nothing
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    poll.start(10);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Resident bytes per row of the connection table"_s);
    parser.addHelpOption();
    parser.addOption(
        {u"connections"_s, u"Rows the sandbox serves (default 1000000)."_s, u"N"_s, u"1000000"_s});
    parser.addOption({u"sandbox"_s, u"increase-sandbox executable."_s, u"PATH"_s,
                      QStringLiteral(IC_SANDBOX_EXECUTABLE)});
    parser.process(app);
    const qint64 connections = parser.value(u"connections"_s).toLongLong();

    SandboxProcess sandbox;
    QString startError;
    if (!sandbox.start(parser.value(u"sandbox"_s),
                       {u"--connections"_s, QString::number(connections)}, &startError))
        return BenchReport::fail("bench_tablememory", startError);
    const QUrl baseUrl = sandbox.baseUrl();

    ClientConfig config;
    config.baseUrl = baseUrl;
    config.apiKey = u"bench"_s;
    config.environment = u"local"_s;
    IncreaseClient client(config);
    ConnectionTableModel model(&client);
    const ConnectionQuery everything{{u"active"_s, u"inactive"_s}, QString()};
    bool failed = false;
    QObject::connect(&model, &ConnectionTableModel::fetchFailed, [&](const ApiError &error) {
        std::fprintf(stderr, "bench_tablememory: %s\n", qUtf8Printable(error.message()));
        failed = true;
    });

    // Warm up what any window has before rows arrive (network stack, connection, JSON
    // code paths) with one page; the requery below empties the table again (one chunk
    // of 1,024 rows, 64 KiB, is all the warm-up page holds).
    model.setQuery(everything);
    waitFor(model, [&] { return failed || (model.rowCount() > 0 && !model.isFetching()); });
    settleEvents();
    const qint64 before = residentBytes();

    // The longest gap between ticks of a 1 ms timer: how long the event loop stalled.
    QElapsedTimer tick;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout,
                     [&] { longestGap = std::max(longestGap, tick.restart()); });

    QElapsedTimer clock;
    clock.start();
    model.setQuery(everything);
    model.loadAll();
    tick.start();
    ticker.start(1);
    waitFor(model, [&] { return failed || (!model.hasMore() && !model.isFetching()); });
    const qint64 loadMs = clock.elapsed();
    ticker.stop();
    settleEvents();
    const qint64 after = residentBytes();

    // Sorting is offered once every row is in: how long a click on a header takes.
    QElapsedTimer sortClock;
    sortClock.start();
    model.sort(ConnectionTableModel::IdColumn, Qt::AscendingOrder);
    const qint64 sortByIdMs = sortClock.restart();
    model.sort(ConnectionTableModel::CreatedColumn, Qt::AscendingOrder);
    const qint64 sortByCreatedMs = sortClock.elapsed();

    if (failed)
        return BenchReport::fail("bench_tablememory", u"the listing failed (see above)"_s);
    const qint64 rows = model.rowCount();
    if (rows != connections)
        return BenchReport::fail("bench_tablememory",
                                 u"%1 rows loaded, not %2"_s.arg(rows).arg(connections));
    const double perRow = rows > 0 ? double(after - before) / double(rows) : 0;
    std::printf("table memory: %lld rows loaded in %.2f s (%.0f rows/s, %lld pages)\n", rows,
                double(loadMs) / 1000.0,
                double(rows) * 1000.0 / double(std::max<qint64>(loadMs, 1)), (rows + 99) / 100);
    std::printf("resident: before %.1f MiB, after %.1f MiB\n", double(before) / 1048576.0,
                double(after) / 1048576.0);
    std::printf("bytes/row (resident after - before) / rows: %.1f (target <= 200)\n", perRow);
    std::printf("bytes/row held by the row store: %.1f\n",
                rows > 0 ? double(model.store().bytesUsed()) / double(rows) : 0.0);
    std::printf("longest event-loop gap while loading: %lld ms\n", longestGap);
    std::printf("sort of every loaded row: by ID %lld ms, by Created %lld ms\n", sortByIdMs,
                sortByCreatedMs);
    BenchReport::summary(
        u"table model memory, %1 rows"_s.arg(QLocale(QLocale::English).toString(rows)),
        u"%1 bytes/row"_s.arg(perRow, 0, 'f', 1), u"<= 200"_s, BenchReport::verdict(perRow <= 200));
    return 0;
}
