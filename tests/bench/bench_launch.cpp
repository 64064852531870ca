// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Launch to first rows (PRODUCT.md §7: at most 500 ms from process start to the first rows
// inserted, the server already running in another process). The sandbox starts first;
// then bench_launch_window (the app's desktop start-up with a first-rows hook) is launched
// again and again, each time with a fresh configuration directory as on a first run, and
// timed from just before the fork to the moment it reports, on one machine-wide clock.
#include "benchprocess.h"
#include "benchreport.h"
#include "monotonicclock.h"
#include "sandboxprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr char kBench[] = "bench_launch";
const QString kApiKey = u"sk_bench_launch"_s;

struct Launch
{
    qint64 toMainNs = 0;      // fork, exec, dynamic linking, static initialisers
    qint64 toFirstRowsNs = 0; // the whole figure
    qint64 toPaintedNs = -1;  // the first rows on screen (offscreen), when it painted
    int rows = 0;
};

// The child's "main <ns>", "first-rows <ns> <rows>" and "painted <ns>" lines, against
// `startedAt`.
std::optional<Launch> readLaunch(const QByteArray &out, qint64 startedAt)
{
    Launch launch;
    bool sawRows = false;
    for (const QByteArray &line : out.split('\n')) {
        const QByteArrayList fields = line.split(' ');
        if (fields.size() == 2 && fields.at(0) == "main")
            launch.toMainNs = fields.at(1).toLongLong() - startedAt;
        if (fields.size() == 3 && fields.at(0) == "first-rows") {
            launch.toFirstRowsNs = fields.at(1).toLongLong() - startedAt;
            launch.rows = fields.at(2).toInt();
            sawRows = true;
        }
        if (fields.size() == 2 && fields.at(0) == "painted")
            launch.toPaintedNs = fields.at(1).toLongLong() - startedAt;
    }
    return sawRows ? std::optional<Launch>(launch) : std::nullopt;
}

QString ms(qint64 nsecs)
{
    return QString::number(double(nsecs) / 1e6, 'f', 0) + u" ms"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Launch to first rows of the window"_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"launches"_s, u"Launches; the median is the figure (default 5)."_s, u"N"_s, u"5"_s},
        {u"connections"_s, u"Rows the sandbox serves (default 100000)."_s, u"N"_s, u"100000"_s},
    });
    parser.process(app);
    const int launches = std::max(1, parser.value(u"launches"_s).toInt());

    QString error;
    SandboxProcess sandbox;
    if (!sandbox.start(
            QStringLiteral(IC_SANDBOX_EXECUTABLE),
            {u"--connections"_s, parser.value(u"connections"_s), u"--api-key"_s, kApiKey}, &error))
        return BenchReport::fail(kBench, error);

    std::printf("launch to first rows: the window (offscreen, fresh XDG_CONFIG_HOME, "
                "INCREASE_API_KEY set) on --base-url %s, the sandbox already running\n",
                qUtf8Printable(sandbox.baseUrl().toString()));
    QList<qint64> figures, painted;
    for (int i = 1; i <= launches; ++i) {
        QTemporaryDir config;
        if (!config.isValid())
            return BenchReport::fail(kBench, u"no temporary directory"_s);
        QProcessEnvironment environment = BenchProcess::clientEnvironment(kApiKey);
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"XDG_CONFIG_HOME"_s, config.path());
        const qint64 startedAt = monotonicNanoseconds();
        const ProcessRun run =
            BenchProcess::run(QStringLiteral(IC_LAUNCH_WINDOW_EXECUTABLE),
                              {u"--base-url"_s, sandbox.baseUrl().toString()}, environment, 60000);
        const std::optional<Launch> launch = readLaunch(run.out, startedAt);
        if (!run.ok() || !launch)
            return BenchReport::fail(kBench, u"the window never reported its first rows: "_s +
                                                 run.describe());
        if (launch->rows <= 0)
            return BenchReport::fail(kBench, u"the first insert held no rows"_s);
        figures.append(launch->toFirstRowsNs);
        if (launch->toPaintedNs >= 0)
            painted.append(launch->toPaintedNs);
        std::printf("launch %d: %s to first rows (%d rows; %s of it before main), painted at "
                    "%s\n",
                    i, qUtf8Printable(ms(launch->toFirstRowsNs)), launch->rows,
                    qUtf8Printable(ms(launch->toMainNs)),
                    launch->toPaintedNs >= 0 ? qUtf8Printable(ms(launch->toPaintedNs)) : "-");
        std::fflush(stdout);
    }
    QList<qint64> sorted = figures;
    std::sort(sorted.begin(), sorted.end());
    const qint64 median = sorted.at(sorted.size() / 2);
    std::sort(painted.begin(), painted.end());
    if (!painted.isEmpty())
        std::printf("first rows painted (offscreen): median %s\n",
                    qUtf8Printable(ms(painted.at(painted.size() / 2))));
    std::printf("launch to first rows: median %s, best %s, worst %s (target <= 500 ms; "
                "no peer: the SDK has no window)\n",
                qUtf8Printable(ms(median)), qUtf8Printable(ms(sorted.first())),
                qUtf8Printable(ms(sorted.last())));
    BenchReport::summary(u"launch to first rows"_s,
                         u"%1 (median of %2)"_s.arg(ms(median)).arg(launches), u"<= 500 ms"_s,
                         BenchReport::verdict(median <= 500'000'000));
    return 0;
}
