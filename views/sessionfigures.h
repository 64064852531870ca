#pragma once

#include <QLabel>
#include <QTimer>

class ConnectionTableModel;
class IncreaseClient;
class SessionStats;

// The session's figures in the status bar — requests, failures, retries, 429s, p50/p95
// latency, rows fetched — from SessionStats, fed by every client the window has used.
class SessionFigures : public QLabel
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
