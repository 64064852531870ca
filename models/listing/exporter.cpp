// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "applicationdirectory.h"
#include "connectionwalker.h"
#include "csvwriter.h"
#include "duplicatefilter.h"
#include "increaseclient.h"
#include "jsonlwriter.h"
#include "partitionedlisting.h"
#include "partitionplan.h"
#include "requestratelimiter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

struct Exporter::State
{
    IncreaseClient *client = nullptr;
    ExportOptions options;
    std::unique_ptr<RowWriter> writer;
    std::unique_ptr<QSaveFile> file;
    std::unique_ptr<QFile> stdoutFile;
    QIODevice *device = nullptr;
    ConnectionWalker *walker = nullptr;
    PartitionedListing *partitioned = nullptr;
    RequestRateLimiter *limiter = nullptr;
    ApplicationDirectory *applications = nullptr;
    bool namesNeeded = false;
    enum class Applications { NotAsked, Loading, Loaded, Failed };
    Applications applicationsState = Applications::NotAsked;
    QElapsedTimer applicationsClock;
    qint64 applicationsMs = -1; // how long listing them took
    // A listing that may be split starts with the first page of the plain listing (timed,
    // and held until the choice is made) while the applications are listed alongside:
    // explicitly split, or named, at once; automatically, as soon as the page is clearly
    // late. One late answer may be a hiccup of this machine (or the connection's cost), so
    // the automatic split needs two: the applications' own round trip, or, when the
    // first page was only a little late, a second page on a warm connection.
    bool probing = false;
    bool probeArrived = false;
    bool probeFinished = false; // the listing ended with the pages held
    bool probeLate = false;     // the timer saw the first page clearly late
    QElapsedTimer probeClock;
    int probePages = 0;
    qint64 probeMinMs = -1;
    QList<OAuthConnection> probeRows;
    int keptPages = 0; // pages written before a split listing took over
    std::optional<DuplicateFilter> duplicates;
    QByteArray buffer;
    ExportResult result;
    qsizetype sourceIndex = 0;
    bool running = false;
};

namespace {

bool needsApplicationNames(const QList<ExportColumn> &columns)
{
    return columns.contains(ExportColumn::OAuthApplicationName);
}

bool mayPartition(const ExportOptions &options)
{
    return !options.rowSource && options.query.applicationId.isEmpty() && options.parallel != 1;
}

} // namespace

Exporter::Exporter(IncreaseClient *client, ExportOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<State>())
{
    d->client = client;
    d->options = std::move(options);
}

Exporter::~Exporter()
{
    if (d->file)
        d->file->cancelWriting();
}

void Exporter::start()
{
    if (d->running)
        return;
    d->running = true;
    d->result = {};
    // Everything, even a file that cannot be created, is reported after start() returns.
    QTimer::singleShot(0, this, &Exporter::begin);
}

void Exporter::begin()
{
    if (!d->running)
        return;

    if (d->options.format == ExportOptions::Format::Csv)
        d->writer = std::make_unique<CsvWriter>(d->options.columns, d->options.bom);
    else
        d->writer = std::make_unique<JsonlWriter>(d->options.columns);

    d->duplicates.emplace(!d->options.rowSource);
    if (!openOutput())
        return;

    d->namesNeeded = needsApplicationNames(d->options.columns);
    if (mayPartition(d->options) && !d->options.rowSource)
        startProbe();
    else if (d->namesNeeded && !d->options.rowSource)
        loadApplications();
    else
        startListing();
}

void Exporter::startProbe()
{
    d->probing = true;
    startWalker(true);
    if (d->namesNeeded || d->options.parallel > 1) {
        loadApplications();
        return;
    }
    // Automatic: one stream is too slow when a page takes 1/rate or longer. A first page
    // still out at twice that (and at least 20 ms: a busy machine stalls a fast local
    // server's first answer by 10-15 ms) has shown it beyond doubt, so the applications
    // are listed while it travels.
    const double clearlySlowMs = std::max(20.0, 2.0 * std::ceil(1000.0 / partitionRate()));
    const int delayMs = clearlySlowMs < double(std::numeric_limits<int>::max())
                            ? int(clearlySlowMs)
                            : std::numeric_limits<int>::max();
    QTimer::singleShot(delayMs, Qt::PreciseTimer, this, [this] {
        if (!d->running || !d->probing || d->probePages > 0)
            return;
        d->probeLate = true;
        if (d->applicationsState == State::Applications::NotAsked)
            loadApplications();
    });
}

void Exporter::loadApplications()
{
    // One listing of the applications both names them and splits the export.
    d->applicationsState = State::Applications::Loading;
    d->applications = new ApplicationDirectory(d->client, this);
    d->applicationsClock.start();
    connect(d->applications, &ApplicationDirectory::loaded, this, [this] {
        d->applicationsState = State::Applications::Loaded;
        d->applicationsMs = d->applicationsClock.elapsed();
        if (d->probing)
            decide();
        else
            startListing();
    });
    connect(d->applications, &ApplicationDirectory::failed, this, [this](const ApiError &error) {
        d->applicationsState = State::Applications::Failed;
        if (d->namesNeeded || error.kind == ApiError::Kind::Cancelled) {
            fail(error, tr("the application names could not be listed"));
            return;
        }
        Q_EMIT note(tr("The applications could not be listed (%1); exporting as one stream.")
                        .arg(error.message()));
        if (!d->running)
            return;
        if (d->probing)
            decide();
        else
            startWalker();
    });
    d->applications->load({u"active"_s, u"deleted"_s}, d->options.maxRetries);
}

bool Exporter::openOutput()
{
    if (d->options.outputPath == u"-") {
        d->stdoutFile = std::make_unique<QFile>();
        if (!d->stdoutFile->open(fileno(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered,
                                 QFileDevice::DontCloseHandle)) {
            finishWith(
                ExportResult::Outcome::Failed,
                tr("Cannot write to standard output: %1.").arg(d->stdoutFile->errorString()));
            return false;
        }
        d->device = d->stdoutFile.get();
    } else {
        d->file = std::make_unique<QSaveFile>(d->options.outputPath);
        if (!d->file->open(QIODevice::WriteOnly)) {
            finishWith(ExportResult::Outcome::Failed,
                       tr("Cannot write '%1': %2. Check that the folder exists and that you "
                          "may write there.")
                           .arg(d->options.outputPath, d->file->errorString()));
            return false;
        }
        d->device = d->file.get();
    }
    const QByteArray preamble = d->writer->preamble();
    return preamble.isEmpty() || writeBytes(preamble);
}

void Exporter::startListing()
{
    if (!d->running)
        return;
    if (d->options.rowSource) {
        // Queued, so a caller connecting after start() still sees every signal.
        QTimer::singleShot(0, this, &Exporter::writeNextSourceChunk);
        return;
    }
    startWalker();
}

double Exporter::partitionRate() const
{
    return d->options.rateLimit > 0
               ? d->options.rateLimit
               : RequestRateLimiter::defaultRate(d->client->config().environment);
}

void Exporter::onProbePage(const QList<OAuthConnection> &rows)
{
    const qint64 latencyMs = d->probeClock.elapsed();
    d->probeMinMs = d->probeMinMs < 0 ? latencyMs : qMin(d->probeMinMs, latencyMs);
    ++d->probePages;
    d->probeArrived = true;
    d->probeRows.append(rows);
    decide();
}

void Exporter::decide()
{
    if (!d->running || !d->probing || !d->probeArrived)
        return;
    using Applications = State::Applications;
    const bool more = d->walker && d->walker->canRequestNext();
    if (d->probeLate && more && d->applicationsState == Applications::Loading)
        return; // the applications' own round trip confirms the late page (or not)
    const bool explicitSplit = d->options.parallel > 1;
    // Late first page: the applications, asked for meanwhile, are the second sample.
    const qint64 sampleMs =
        d->probeLate && d->applicationsState == Applications::Loaded && d->applicationsMs >= 0
            ? qMin(d->probeMinMs, d->applicationsMs)
            : d->probeMinMs;
    const bool slow = PartitionPlan::oneStreamTooSlow(partitionRate(), sampleMs);
    if (!explicitSplit && !d->probeLate && slow && more && d->probePages < 2) {
        // A little late: maybe this machine, maybe the server. A second page decides.
        d->probeArrived = false;
        d->probeClock.start();
        d->walker->requestNext();
        return;
    }
    const bool split = more && (explicitSplit || slow);
    if (split && d->applicationsState == Applications::NotAsked) {
        loadApplications();
        return;
    }
    if ((split || d->namesNeeded) && d->applicationsState == Applications::Loading)
        return; // the names, or the choice, wait for the applications
    if (split && d->applicationsState == Applications::Loaded) {
        QStringList ids;
        for (const OAuthApplication &application : d->applications->applications())
            ids.append(application.id);
        const int streams =
            PartitionPlan::streams(d->options.parallel, int(ids.size()), partitionRate(), sampleMs);
        if (streams > 1) {
            // The pages held are written as they are; the streams skip what they held.
            ConnectionWalker *probe = std::exchange(d->walker, nullptr);
            disconnect(probe, nullptr, this, nullptr);
            probe->cancel();
            probe->deleteLater();
            d->probing = false;
            d->keptPages = d->probePages;
            const QList<OAuthConnection> first = std::exchange(d->probeRows, {});
            writePage(first);
            if (d->running)
                startPartitioned(ids, streams, first.constLast());
            return;
        }
    }
    // One stream: the listing goes on from the last held page's cursor.
    d->probing = false;
    if (d->applicationsState == Applications::Loading) {
        d->applications->cancel(); // not needed any more
        d->applicationsState = Applications::NotAsked;
    }
    disconnect(d->walker, &ConnectionWalker::pageReady, this, nullptr);
    connect(d->walker, &ConnectionWalker::pageReady, this, &Exporter::writePage);
    d->walker->setPaced(false);
    writePage(std::exchange(d->probeRows, {}));
    if (!d->running || !d->walker)
        return;
    if (d->probeFinished)
        complete();
    else
        d->walker->requestNext();
}

void Exporter::useRateLimit(double requestsPerSecond)
{
    if (d->limiter)
        return; // an explicit limit, already in force
    d->limiter = new RequestRateLimiter(requestsPerSecond, 0, {}, this);
    d->client->setRateLimiter(d->limiter);
}

void Exporter::startWalker(bool probing)
{
    // One request in flight cannot outrun the server much; only an explicit limit applies.
    if (d->options.rateLimit > 0)
        useRateLimit(d->options.rateLimit);
    d->walker = new ConnectionWalker(d->client, d->options.query, d->options.maxRetries, this);
    if (probing) {
        d->walker->setPaced(true);
        connect(d->walker, &ConnectionWalker::pageReady, this, &Exporter::onProbePage);
        d->probeClock.start();
    } else {
        connect(d->walker, &ConnectionWalker::pageReady, this, &Exporter::writePage);
    }
    connect(d->walker, &ConnectionWalker::retryScheduled, this,
            [this](int nextAttempt, qint64 delayMs, const ApiError &reason) {
                ++d->result.retries;
                Q_EMIT retryScheduled(nextAttempt, delayMs, reason);
            });
    connect(d->walker, &ConnectionWalker::finished, this, [this] {
        if (d->probing)
            d->probeFinished = true; // decide() completes once the page is written
        else
            complete();
    });
    connect(d->walker, &ConnectionWalker::failed, this,
            [this](const ApiError &error) { fail(error, tr("the listing failed")); });
    d->walker->start();
}

void Exporter::startPartitioned(const QStringList &applicationIds, int streams,
                                const OAuthConnection &writtenThrough)
{
    useRateLimit(d->options.rateLimit > 0
                     ? d->options.rateLimit
                     : RequestRateLimiter::defaultRate(d->client->config().environment));
    d->result.partitions = int(applicationIds.size());
    d->result.streams = streams;
    d->partitioned = new PartitionedListing(d->client, d->options.query, applicationIds, streams,
                                            d->options.maxRetries, this);
    d->partitioned->skipThrough(writtenThrough);
    connect(d->partitioned, &PartitionedListing::pageReady, this, &Exporter::writePage);
    connect(d->partitioned, &PartitionedListing::retryScheduled, this,
            [this](int nextAttempt, qint64 delayMs, const ApiError &reason) {
                ++d->result.retries;
                Q_EMIT retryScheduled(nextAttempt, delayMs, reason);
            });
    connect(d->partitioned, &PartitionedListing::finished, this, &Exporter::complete);
    connect(d->partitioned, &PartitionedListing::failed, this,
            [this](const ApiError &error) { fail(error, tr("the listing failed")); });
    d->partitioned->start();
}

int Exporter::listedPages() const
{
    if (d->partitioned)
        return d->keptPages + d->partitioned->pagesReceived();
    if (d->walker)
        return d->walker->pagesReceived();
    return d->result.pages;
}

void Exporter::writeNextSourceChunk()
{
    if (!d->running)
        return;
    constexpr qsizetype kChunk = 1000;
    QList<OAuthConnection> chunk;
    chunk.reserve(kChunk);
    while (chunk.size() < kChunk) {
        std::optional<OAuthConnection> row = d->options.rowSource(d->sourceIndex);
        if (!row)
            break;
        chunk.append(std::move(*row));
        ++d->sourceIndex;
    }
    const bool last = chunk.size() < kChunk;
    if (!chunk.isEmpty())
        writePage(chunk);
    if (!d->running)
        return;
    if (last)
        complete();
    else
        QTimer::singleShot(0, this, &Exporter::writeNextSourceChunk);
}

void Exporter::writePage(const QList<OAuthConnection> &rows)
{
    if (!d->running)
        return;
    d->buffer.truncate(0); // keeps its capacity, unlike clear()
    for (const OAuthConnection &row : rows) {
        switch (d->duplicates->check(row)) {
        case DuplicateFilter::Verdict::Duplicate:
            ++d->result.duplicatesDropped;
            continue;
        case DuplicateFilter::Verdict::OutOfOrder:
            ++d->result.outOfOrder;
            break;
        case DuplicateFilter::Verdict::New:
            break;
        }
        const std::optional<QString> name =
            d->applications ? d->applications->nameOf(row.oauthApplicationId) : std::nullopt;
        d->writer->appendRow(d->buffer, row, name);
        ++d->result.rows;
    }
    // A merged batch is not a page: count what the listing received.
    d->result.pages = d->options.rowSource ? d->result.pages + 1 : listedPages();
    if (!writeBytes(d->buffer))
        return;
    Q_EMIT progress(d->result.rows, d->result.pages, d->result.retries);
}

bool Exporter::writeBytes(const QByteArray &bytes)
{
    qint64 written = 0;
    while (written < bytes.size()) {
        errno = 0;
        const qint64 n = d->device->write(bytes.constData() + written, bytes.size() - written);
        if (n <= 0) {
            if (d->stdoutFile && errno == EPIPE) {
                stopListing();
                finishWith(ExportResult::Outcome::OutputClosed,
                           tr("Standard output was closed; the export stopped."));
                return false;
            }
            stopListing();
            finishWith(ExportResult::Outcome::Failed,
                       (d->file ? tr("Writing the export failed after %1 rows: %2. Is the disk "
                                     "full? No file was written; a previous file at that path "
                                     "is unchanged.")
                                : tr("Writing the export failed after %1 rows: %2. The output "
                                     "is incomplete."))
                           .arg(d->result.rows)
                           .arg(d->device->errorString()));
            return false;
        }
        written += n;
    }
    return true;
}

void Exporter::complete()
{
    if (!d->running)
        return;
    if (d->file && !d->file->commit()) {
        finishWith(ExportResult::Outcome::Failed,
                   tr("The export could not be saved to '%1': %2. No file was written; a "
                      "previous file at that path is unchanged.")
                       .arg(d->options.outputPath, d->file->errorString()));
        return;
    }
    finishWith(ExportResult::Outcome::Completed, {});
}

void Exporter::cancel()
{
    if (!d->running)
        return;
    stopListing();
    finishWith(ExportResult::Outcome::Cancelled,
               d->file ? tr("The export was cancelled; no file was written and a previous "
                            "file at that path is unchanged.")
                       : tr("The export was cancelled."));
}

void Exporter::fail(const ApiError &error, const QString &what)
{
    if (!d->running)
        return;
    if (error.kind == ApiError::Kind::Cancelled) {
        cancel();
        return;
    }
    stopListing();
    d->result.error = error;
    finishWith(ExportResult::Outcome::Failed,
               tr("Export failed after %1 rows: %2: %3%4")
                   .arg(d->result.rows)
                   .arg(what, error.message(),
                        d->file ? tr(". No file was written; a previous file at that path is "
                                     "unchanged.")
                                : QString()));
}

void Exporter::stopListing()
{
    // Detach first: cancelling emits failed() synchronously.
    if (d->walker) {
        disconnect(d->walker, nullptr, this, nullptr);
        d->walker->cancel();
        d->walker->deleteLater();
        d->walker = nullptr;
    }
    if (d->partitioned) {
        disconnect(d->partitioned, nullptr, this, nullptr);
        d->partitioned->cancel();
        d->partitioned->deleteLater();
        d->partitioned = nullptr;
    }
    if (d->applications) {
        disconnect(d->applications, nullptr, this, nullptr);
        d->applications->cancel();
    }
}

void Exporter::finishWith(ExportResult::Outcome outcome, const QString &message)
{
    if (!d->running)
        return;
    d->running = false;
    if (d->file && outcome != ExportResult::Outcome::Completed)
        d->file->cancelWriting();
    if (d->file) {
        // Without commit(), QSaveFile removes its temporary file on destruction.
        d->file.reset();
    }
    d->device = nullptr;
    d->result.outcome = outcome;
    d->result.message = message;
    d->result.pages = qMax(d->result.pages, listedPages());
    if (d->limiter && d->client->rateLimiter() == d->limiter)
        d->client->setRateLimiter(nullptr);
    Q_EMIT finished(d->result);
}
