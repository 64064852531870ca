// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionfigures.h"

#include "connectiontablemodel.h"
#include "increaseclient.h"
#include "sessionstats.h"

SessionFigures::SessionFigures(QWidget *parent)
    : ElidedLabel(parent)
    , m_stats(new SessionStats(this))
{
    setAccessibleName(tr("Session figures"));
    setHint(tr("Since the window opened or the request log was cleared: HTTP attempts, "
               "requests that finally failed, retries, 429 responses, median and 95th "
               "percentile latency"));
    // A percentile sorts what arrived since the last one: redrawing on every exchange of
    // a fast export would sort all the time, so redraws are coalesced.
    m_pending.setSingleShot(true);
    m_pending.setInterval(200);
    connect(&m_pending, &QTimer::timeout, this, &SessionFigures::refreshText);
    connect(m_stats, &SessionStats::changed, this, [this] {
        if (!m_pending.isActive())
            m_pending.start();
    });
    refreshText();
}

void SessionFigures::follow(IncreaseClient *client, ConnectionTableModel *connections)
{
    connect(client, &IncreaseClient::exchange, m_stats, &SessionStats::record);
    connect(client, &IncreaseClient::retryCancelled, m_stats, &SessionStats::retryCancelled);
    connect(connections, &ConnectionTableModel::pageLoaded, m_stats,
            [stats = m_stats](int rowsAdded) { stats->rowsFetched(rowsAdded); });
}

void SessionFigures::reset()
{
    m_stats->reset();
}

void SessionFigures::refreshText()
{
    setText(m_stats->summary(SessionStats::WithoutRows));
}
