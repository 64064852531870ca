// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "partitionedlisting.h"

#include "apiorder.h"
#include "connectionwalker.h"

#include <QPointer>

using namespace Qt::StringLiterals;

PartitionedListing::PartitionedListing(IncreaseClient *client, const ConnectionQuery &query,
                                       const QStringList &applicationIds, int maxInFlight,
                                       int maxRetries, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_maxInFlight(qMax(1, maxInFlight))
{
    m_partitions.resize(size_t(applicationIds.size()));
    for (size_t i = 0; i < m_partitions.size(); ++i) {
        ConnectionQuery partQuery = query;
        partQuery.applicationId = applicationIds.at(qsizetype(i));
        auto *walker = new ConnectionWalker(m_client, partQuery, maxRetries, this);
        walker->setPaced(true);
        connect(walker, &ConnectionWalker::pageReady, this,
                [this, i](const QList<OAuthConnection> &rows) { onPage(i, rows); });
        connect(walker, &ConnectionWalker::finished, this, [this, i] { onDone(i); });
        connect(walker, &ConnectionWalker::failed, this, &PartitionedListing::fail);
        connect(walker, &ConnectionWalker::retryScheduled, this,
                &PartitionedListing::retryScheduled);
        m_partitions[i].walker = walker;
    }
}

PartitionedListing::~PartitionedListing()
{
    stopAll();
}

void PartitionedListing::skipThrough(const OAuthConnection &boundary)
{
    if (!m_running)
        m_boundary = boundary;
}

void PartitionedListing::start()
{
    if (m_running)
        return;
    m_running = true;
    schedule();
    if (m_partitions.empty()) {
        m_running = false;
        Q_EMIT finished();
    }
}

void PartitionedListing::cancel()
{
    if (!m_running)
        return;
    fail(ApiError::make(ApiError::Kind::Cancelled, tr("Cancelled"),
                        tr("The listing was cancelled.")));
}

void PartitionedListing::onPage(size_t index, const QList<OAuthConnection> &rows)
{
    if (!m_running)
        return;
    ++m_pages;
    Partition &p = m_partitions[index];
    if (p.head > 0) {
        p.rows.remove(0, p.head);
        p.head = 0;
    }
    qsizetype first = 0;
    if (m_boundary && !p.pastBoundary) {
        // Rows at or before the boundary were handed on with the first page.
        while (first < rows.size() && !ApiOrder::precedes(*m_boundary, rows.at(first)))
            ++first;
        p.pastBoundary = first < rows.size();
    }
    if (first == 0)
        p.rows.append(rows);
    else
        p.rows.append(rows.sliced(first));
    // Merging first frees buffers, so the next requests go to the streams still needed.
    const QPointer<PartitionedListing> self(this);
    merge();
    if (self && m_running)
        schedule();
}

void PartitionedListing::onDone(size_t index)
{
    if (!m_running)
        return;
    m_partitions[index].done = true;
    merge();
}

bool PartitionedListing::wantsPage(const Partition &p) const
{
    if (p.done)
        return false;
    if (!p.started)
        return true;
    // A stream with a page in hand waits: it is ahead of the merge.
    return p.walker->canRequestNext() && p.buffered() < ApiQuery::kMaxLimit;
}

bool PartitionedListing::asksFirst(const Partition &a, const Partition &b) const
{
    // An empty stream blocks the merge; among the rest, the one whose last buffered row
    // is newest runs dry first.
    if ((a.buffered() == 0) != (b.buffered() == 0))
        return a.buffered() == 0;
    if (a.buffered() == 0)
        return false;
    return ApiOrder::precedes(a.rows.constLast(), b.rows.constLast());
}

void PartitionedListing::schedule()
{
    int inFlight = 0;
    for (const Partition &p : m_partitions)
        inFlight += p.started && p.walker->isFetching() ? 1 : 0;
    while (m_running && inFlight < m_maxInFlight) {
        Partition *next = nullptr;
        for (Partition &p : m_partitions) {
            if (wantsPage(p) && (!next || asksFirst(p, *next)))
                next = &p;
        }
        if (!next)
            return;
        if (!next->started) {
            next->started = true;
            next->walker->start();
        } else {
            next->walker->requestNext();
        }
        ++inFlight;
    }
}

void PartitionedListing::merge()
{
    QList<OAuthConnection> out;
    for (;;) {
        Partition *best = nullptr;
        bool blocked = false;
        for (Partition &p : m_partitions) {
            if (p.buffered() == 0) {
                if (!p.done) {
                    blocked = true; // its next row could come before any buffered one
                    break;
                }
                continue;
            }
            if (!best || ApiOrder::precedes(p.rows.at(p.head), best->rows.at(best->head)))
                best = &p;
        }
        if (blocked || !best)
            break;
        out.append(std::move(best->rows[best->head]));
        if (++best->head == best->rows.size()) {
            best->rows.clear();
            best->head = 0;
        }
    }
    const QPointer<PartitionedListing> self(this);
    if (!out.isEmpty())
        Q_EMIT pageReady(out);
    if (!self || !m_running)
        return;
    for (const Partition &p : m_partitions) {
        if (!p.done || p.buffered() > 0)
            return;
    }
    m_running = false;
    Q_EMIT finished();
}

void PartitionedListing::stopAll()
{
    // Detach first: a cancelled walker reports failed() synchronously.
    for (Partition &p : m_partitions) {
        if (!p.walker)
            continue;
        disconnect(p.walker, nullptr, this, nullptr);
        p.walker->cancel();
        p.walker->deleteLater();
        p.walker = nullptr;
    }
}

void PartitionedListing::fail(const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    stopAll();
    Q_EMIT failed(error);
}
