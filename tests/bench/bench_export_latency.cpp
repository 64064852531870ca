// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Export of 10,000 connections, both statuses, 8 applications, with 50 ms of server
// latency and the sandbox limited to 100 req/s. PRODUCT.md §7: at least 4x the official
// Node SDK's `for await` loop (by partitioning the listing, `--parallel`), the same rows in
// the same order, and zero 429s. Latency, not bytes, decides this one: a sequential client
// waits out every page, so the figure says whether requests overlap.
#include "benchprocess.h"
#include "benchreport.h"
#include "csvids.h"
#include "nodesdkrun.h"
#include "requestlog.h"
#include "sandboxprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr char kBench[] = "bench_export_latency";
const QString kApiKey = u"sk_bench_latency"_s;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Export under server latency: ours vs the Node SDK"_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"connections"_s, u"Rows the sandbox serves (default 10000)."_s, u"N"_s, u"10000"_s},
        {u"latency-ms"_s, u"Server latency (default 50)."_s, u"L"_s, u"50"_s},
        {u"rate-limit"_s, u"The sandbox's limit in req/s (default 100)."_s, u"R"_s, u"100"_s},
        {u"export-arg"_s, u"Pass ARG to our export too (repeatable); default: none."_s, u"ARG"_s},
    });
    parser.process(app);
    const qint64 connections = parser.value(u"connections"_s).toLongLong();
    const QString program = QStringLiteral(IC_APP_EXECUTABLE);
    const QString script = QStringLiteral(IC_NODE_BENCH_SCRIPT);

    if (const QString why = NodeSdk::missing(script); !why.isEmpty())
        return BenchReport::fail(kBench, why);
    QTemporaryDir dir;
    if (!dir.isValid())
        return BenchReport::fail(kBench, u"no temporary directory"_s);

    QString error;
    SandboxProcess sandbox;
    if (!sandbox.start(QStringLiteral(IC_SANDBOX_EXECUTABLE),
                       {u"--connections"_s, QString::number(connections), u"--applications"_s,
                        u"8"_s, u"--latency-ms"_s, parser.value(u"latency-ms"_s), u"--rate-limit"_s,
                        parser.value(u"rate-limit"_s), u"--api-key"_s, kApiKey},
                       &error))
        return BenchReport::fail(kBench, error);
    const QUrl baseUrl = sandbox.baseUrl();

    // The export partitions by default once it can (PRODUCT.md §5: --parallel defaults to
    // automatic), so the benchmark passes no flag; the request log shows what it did.
    const ProcessRun help = BenchProcess::run(program, {u"export"_s, u"--help"_s},
                                              BenchProcess::clientEnvironment(kApiKey));
    const bool hasParallel = help.out.contains("--parallel");
    std::printf("export of %lld connections (both statuses), 8 applications, server latency "
                "%s ms, sandbox limited to %s req/s; our export at its defaults%s\n",
                connections, qUtf8Printable(parser.value(u"latency-ms"_s)),
                qUtf8Printable(parser.value(u"rate-limit"_s)),
                parser.isSet(u"export-arg"_s)
                    ? qUtf8Printable(u" plus "_s + parser.values(u"export-arg"_s).join(u' '))
                    : "");
    if (!hasParallel)
        std::printf("NOTE: this build's export has no --parallel yet: it lists SEQUENTIALLY, "
                    "so nothing overlaps the latency\n");

    const QString ours = dir.filePath(u"ours.csv"_s);
    const QString theirs = dir.filePath(u"sdk.csv"_s);
    const ProcessRun run = BenchProcess::run(
        program,
        QStringList{u"export"_s, u"--base-url"_s, baseUrl.toString(), u"--status"_s, u"all"_s,
                    u"--output"_s, ours, u"--verbose"_s} +
            parser.values(u"export-arg"_s),
        BenchProcess::clientEnvironment(kApiKey));
    if (!run.ok())
        return BenchReport::fail(kBench, u"our export failed: "_s + run.describe());
    const RequestLogSummary log = summarizeRequestLog(run.err);
    for (const QString &line : log.otherLines)
        std::printf("our export said: %s\n", qUtf8Printable(line));
    std::printf("our export: %s; at most %d requests in flight (from its --verbose log)\n",
                qUtf8Printable(log.streams()), log.peakInFlight);
    const std::optional<NodeSdkRun> sdk = NodeSdk::run(script, baseUrl, kApiKey, theirs, &error);
    if (!sdk)
        return BenchReport::fail(kBench, error);

    const auto ourIds = readCsvIds(ours, &error);
    const auto sdkIds = ourIds ? readCsvIds(theirs, &error) : std::nullopt;
    if (!sdkIds)
        return BenchReport::fail(kBench, error);
    if (ourIds->size() != connections)
        return BenchReport::fail(
            kBench, u"our file has %1 rows, not %2"_s.arg(ourIds->size()).arg(connections));
    if (const QString diff = compareIds(*ourIds, *sdkIds); !diff.isEmpty())
        return BenchReport::fail(kBench, u"our rows and the SDK's differ: "_s + diff);
    std::printf("rows: ours and the SDK's are the same %lld ids in the same order\n",
                qint64(ourIds->size()));

    const int sdk429 = sdk->statuses.value(429);
    const double speedup = double(sdk->process.nsecs) / double(run.nsecs);
    std::printf("ours: %s, %d requests (%d of them listing applications), %d answered 429 "
                "(counted from --verbose on stderr)\n",
                qUtf8Printable(BenchProcess::seconds(run.nsecs)), log.requests,
                log.applicationLists, log.rateLimited);
    std::printf("peer: Node SDK %s for-await loop: %s (its loop %.2f s), %d requests, %d "
                "answered 429\n",
                qUtf8Printable(NodeSdk::version(script)),
                qUtf8Printable(BenchProcess::seconds(sdk->process.nsecs)), sdk->loopSeconds,
                sdk->requests, sdk429);
    std::printf("ratio ours/SDK throughput: %.2fx (target >= 4x%s)\n", speedup,
                hasParallel ? "" : "; needs --parallel, not built yet");

    BenchReport::summary(u"export 10k @50 ms, vs Node SDK"_s,
                         u"%1x (ours %2, %3 stream(s); SDK %4)"_s.arg(
                             QString::number(speedup, 'f', 2), BenchProcess::seconds(run.nsecs),
                             QString::number(std::max<qsizetype>(1, log.partitions.size())),
                             BenchProcess::seconds(sdk->process.nsecs)),
                         u">= 4x"_s, BenchReport::verdict(speedup >= 4.0));
    BenchReport::summary(u"export 10k @50 ms, 429s"_s,
                         u"%1 (SDK %2)"_s.arg(log.rateLimited).arg(sdk429), u"0"_s,
                         BenchReport::verdict(log.rateLimited == 0));
    return 0;
}
