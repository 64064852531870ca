// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "elidedlabel.h"

#include <QTimer>

class ConnectionTableModel;
class IncreaseClient;
class SessionStats;

// The session's figures in the status bar — requests, failures, retries, 429s, p50/p95
// latency — from SessionStats, fed by every client the window has used. The rows are the
// load status's figure. Shortened with "…" before the listing's own figures are.
class SessionFigures : public ElidedLabel
{
    Q_OBJECT
public:
    explicit SessionFigures(QWidget *parent = nullptr);

    // Counts `client`'s exchanges and the rows `connections` loads, until they are deleted.
    void follow(IncreaseClient *client, ConnectionTableModel *connections);
    void reset();

    SessionStats *stats() const { return m_stats; }

private:
    void refreshText();

    SessionStats *m_stats;
    QTimer m_pending;
};
