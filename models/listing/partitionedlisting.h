// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apiquery.h"
#include "oauthconnection.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <optional>
#include <vector>

class ConnectionWalker;
class IncreaseClient;

// One listing split by application: a paced cursor stream (ConnectionWalker) per
// application id, at most `maxInFlight` requests at a time, k-way merged back into the
// API's order (ApiOrder) without holding the export: each stream keeps at most about two
// pages, a row is handed on as soon as it is known to be next (every unfinished stream
// has a buffered head), and the streams that block the merge are asked first.
//
// Assumes the application ids cover every connection: applications are never removed
// from /oauth_applications (deleted ones are listed with status deleted), and ids never
// change, so no row can move between partitions mid-listing. One stream's failure (after
// its retries) fails the listing.
class PartitionedListing : public QObject
{
    Q_OBJECT
public:
    PartitionedListing(IncreaseClient *client, const ConnectionQuery &query,
                       const QStringList &applicationIds, int maxInFlight, int maxRetries,
                       QObject *parent = nullptr);
    ~PartitionedListing() override;

    // Before start(): the rows up to and including `boundary` in the API's order were
    // handed on already (the first page of the unsplit listing, read while the applications
    // were listed): each stream drops them, so the merge goes on right after it.
    void skipThrough(const OAuthConnection &boundary);
    void start();
    // Stops every stream; `failed` is emitted with a Cancelled error.
    void cancel();
    bool isRunning() const { return m_running; }
    int pagesReceived() const { return m_pages; }
    int partitions() const { return int(m_partitions.size()); }

Q_SIGNALS:
    // Merged rows, in the API's order.
    void pageReady(const QList<OAuthConnection> &rows);
    void retryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    void finished();
    void failed(const ApiError &error);

private:
    struct Partition
    {
        ConnectionWalker *walker = nullptr;
        QList<OAuthConnection> rows; // rows[head..] are not handed on yet
        qsizetype head = 0;
        bool started = false;
        bool done = false;
        bool pastBoundary = false; // every further row comes after the skipped ones
        qsizetype buffered() const { return rows.size() - head; }
    };

    void onPage(size_t index, const QList<OAuthConnection> &rows);
    void onDone(size_t index);
    void schedule();
    bool wantsPage(const Partition &p) const;
    bool asksFirst(const Partition &a, const Partition &b) const;
    void merge();
    void stopAll();
    void fail(const ApiError &error);

    IncreaseClient *m_client;
    int m_maxInFlight;
    std::vector<Partition> m_partitions;
    std::optional<OAuthConnection> m_boundary;
    int m_pages = 0;
    bool m_running = false;
};
