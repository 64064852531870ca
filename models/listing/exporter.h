// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apiquery.h"
#include "exportcolumn.h"
#include "oauthconnection.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

class IncreaseClient;
class ConnectionWalker;
class PartitionedListing;
class RequestRateLimiter;
class ApplicationDirectory;
class RowWriter;
class QIODevice;
class QSaveFile;

struct ExportOptions
{
    enum class Format { Csv, Jsonl };

    ConnectionQuery query;
    QList<ExportColumn> columns = ExportColumns::defaults(false);
    Format format = Format::Csv;
    bool bom = false;
    QString outputPath = QStringLiteral("-"); // "-" is standard output
    int maxRetries = 5;
    // Cursor streams in flight when the listing is split by application (PRODUCT.md §5):
    // 0 chooses (PartitionPlan; what `export` does by default), 1 is the single sequential
    // stream (the default here, so callers opt in). An application filter always means one
    // stream.
    int parallel = 1;
    // Requests per second for all streams together; 0: the environment's default, which
    // applies only to a split listing. A value given here limits every listing.
    double rateLimit = 0;
    // When set, rows come from here instead of the API ("loaded rows only"): called with
    // 0, 1, 2, ... until it returns nullopt. Pulled in chunks between event-loop turns, so
    // a million loaded rows neither freeze the window nor get copied up front.
    std::function<std::optional<OAuthConnection>(qsizetype)> rowSource;
};

struct ExportResult
{
    enum class Outcome { Completed, Failed, Cancelled, OutputClosed };

    Outcome outcome = Outcome::Failed;
    qint64 rows = 0;
    int pages = 0;
    int retries = 0;
    qint64 duplicatesDropped = 0;
    // Rows that broke the API's order (newest first, ties by id descending). They are
    // written; a duplicate among them can only be caught within the last pages.
    qint64 outOfOrder = 0;
    int partitions = 0; // applications the listing was split into; 0: one stream
    int streams = 1;    // cursor requests allowed in flight at once
    ApiError error;     // when Failed because of the API or the network
    QString message;    // for people: what happened and what to do
};

// Streams every connection matching a query into a file or stdout. A file is written
// through QSaveFile and committed only when the listing completed: a failed or cancelled
// export leaves the previous file (or none). Duplicate ids across pages are dropped and
// counted (DuplicateFilter). Memory stays flat: rows are formatted and written page by
// page, and only the last pages' ids are remembered. Without an application filter the
// listing may be split by application into concurrent streams under a rate limit and
// merged back into the API's order (PartitionedListing).
class Exporter : public QObject
{
    Q_OBJECT
public:
    Exporter(IncreaseClient *client, ExportOptions options, QObject *parent = nullptr);
    ~Exporter() override;

    // Starts on the next event-loop turn: finished() is never emitted inside start().
    // Receivers of finished() delete the exporter with deleteLater().
    void start();
    void cancel();

Q_SIGNALS:
    void progress(qint64 rows, int pages, int retries);
    void retryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    // Something a person may want to know that is not an error (e.g. a fallback).
    void note(const QString &text);
    void finished(const ExportResult &result);

private:
    void begin();
    bool openOutput();
    void loadApplications();
    void startListing();
    void startProbe();
    double partitionRate() const;
    void startWalker(bool probing = false);
    void onProbePage(const QList<OAuthConnection> &rows);
    void decide();
    void startPartitioned(const QStringList &applicationIds, int streams,
                          const OAuthConnection &writtenThrough);
    void useRateLimit(double requestsPerSecond);
    int listedPages() const;
    void writePage(const QList<OAuthConnection> &rows);
    void writeNextSourceChunk();
    bool writeBytes(const QByteArray &bytes);
    void complete();
    void fail(const ApiError &error, const QString &what);
    void stopListing();
    void finishWith(ExportResult::Outcome outcome, const QString &message);

    struct State;
    std::unique_ptr<State> d;
};
