// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// How long Find in loaded rows (Ctrl+F) keeps the window's thread for a search that
// matches nothing, the longest kind: every loaded row is visited. The rows come from a
// local sandbox in its own process through Load All, as in the window, with the
// application names loaded so that they are searched too.
#include "applicationlistmodel.h"
#include "benchreport.h"
#include "connectiontablemodel.h"
#include "increaseclient.h"
#include "loadedrowsearch.h"
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

// Runs the event loop until `done` holds, checking every 10 ms.
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

// The fastest and the median of `runs` searches from the top, in milliseconds.
std::pair<double, double> timeSearch(const ConnectionTableModel &model,
                                     const ApplicationListModel &names, const QString &needle,
                                     int runs, bool *matched)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        *matched = LoadedRowSearch::find(model, &names, needle, -1, true).has_value() || *matched;
        ms.append(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms.first(), ms.at(ms.size() / 2)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Time of a loaded-row search that matches nothing"_s);
    parser.addHelpOption();
    parser.addOption(
        {u"connections"_s, u"Rows the sandbox serves (default 1000000)."_s, u"N"_s, u"1000000"_s});
    parser.addOption({u"runs"_s, u"Searches per needle (default 5)."_s, u"N"_s, u"5"_s});
    parser.addOption({u"sandbox"_s, u"increase-sandbox executable."_s, u"PATH"_s,
                      QStringLiteral(IC_SANDBOX_EXECUTABLE)});
    parser.process(app);
    const qint64 connections = parser.value(u"connections"_s).toLongLong();
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());

    SandboxProcess sandbox;
    QString startError;
    if (!sandbox.start(parser.value(u"sandbox"_s),
                       {u"--connections"_s, QString::number(connections)}, &startError))
        return BenchReport::fail("bench_findrows", startError);

    ClientConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.apiKey = u"bench"_s;
    config.environment = u"local"_s;
    IncreaseClient client(config);
    ApplicationListModel names(&client);
    ConnectionTableModel model(&client);
    model.setApplicationNames(&names);
    bool failed = false;
    QObject::connect(&model, &ConnectionTableModel::fetchFailed, [&](const ApiError &error) {
        std::fprintf(stderr, "bench_findrows: %s\n", qUtf8Printable(error.message()));
        failed = true;
    });
    QObject::connect(&names, &ApplicationListModel::loadFailed, [&](const ApiError &error) {
        std::fprintf(stderr, "bench_findrows: %s\n", qUtf8Printable(error.message()));
        failed = true;
    });
    names.reload();
    waitFor([&] { return failed || names.isLoaded(); });

    model.setQuery({{u"active"_s, u"inactive"_s}, QString()});
    model.loadAll();
    waitFor([&] { return failed || (!model.hasMore() && !model.isFetching()); });
    if (failed)
        return BenchReport::fail("bench_findrows", u"the listing failed (see above)"_s);
    if (model.rowCount() != connections)
        return BenchReport::fail(
            "bench_findrows", u"%1 rows loaded, not %2"_s.arg(model.rowCount()).arg(connections));

    // Typed text; id characters only (so ids are compared, timestamps cannot hold it); a
    // date in no row (timestamps are compared, ids cannot hold it).
    // The last two fit the timestamps as the API sends them and as the table shows them (in
    // local time: one zone offset looked up per run of rows).
    const QStringList needles{u"no such text"_s, u"zzzzzzzz"_s, u"2031-"_s, u"2031-01-01 12:00"_s};
    const QString rows = QLocale(QLocale::English).toString(model.rowCount());
    bool matched = false;
    double worstMedian = 0;
    for (const bool sorted : {false, true}) {
        if (sorted)
            model.sort(ConnectionTableModel::CreatedColumn, Qt::AscendingOrder);
        for (const QString &needle : needles) {
            const auto [fastest, median] = timeSearch(model, names, needle, runs, &matched);
            worstMedian = std::max(worstMedian, median);
            std::printf("find \"%s\" in %s rows (%s): fastest %.1f ms, median %.1f ms\n",
                        qUtf8Printable(needle), qUtf8Printable(rows),
                        sorted ? "sorted by Created" : "API order", fastest, median);
        }
    }
    if (matched)
        return BenchReport::fail("bench_findrows", u"a needle meant to match nothing matched"_s);
    BenchReport::summary(u"find in %1 loaded rows, no match"_s.arg(rows),
                         u"%1 ms"_s.arg(worstMedian, 0, 'f', 1), u"<= 100 ms"_s,
                         BenchReport::verdict(worstMedian <= 100));
    return 0;
}
