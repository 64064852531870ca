// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "connectionchange.h"
#include "connectiontablemodel.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

class ChangeFeed;
class IncreaseClient;
class NoticeBoard;
class QSettings;

// Watch for Changes: keeps the table's listing current while it is on. It polls the
// connections' events (ChangeFeed) from the moment the listing began by the server's
// clock (the Date of its first page), every interval (15 s by default, at least 5 s,
// remembered), and applies each change to the table in place. It counts what it saw
// ("3 new, 1 deactivated since 12:05") and finds the rows it marked. A requery starts
// over from the new listing's first page. A poll that fails keeps the table as it is,
// says so on the notice board (unless another notice is showing) and is tried again at
// the next interval, covering the same span; the client's retries and rate limit apply
// to every request. Off at each start: a window never polls production unasked.
class WatchController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalSeconds = 15;
    static constexpr int kMinimumIntervalSeconds = 5;
    static constexpr int kMaximumIntervalSeconds = 3600;

    WatchController(QSettings *settings, NoticeBoard *notices, QObject *parent = nullptr);
    ~WatchController() override;

    // The listing to keep current, and the client to ask; nullptr: none (a watch that is on
    // waits for the next listing).
    void setListing(ConnectionTableModel *model, IncreaseClient *client);

    bool isWatching() const { return m_watching; }
    void setWatching(bool watching);

    int intervalSeconds() const { return m_intervalSeconds; }
    // Clamped to 5 s – 1 h; remembered.
    void setIntervalSeconds(int seconds);

    // Polls now (Check Now), unless a poll is in flight or nothing is watched; the next
    // automatic poll is an interval after this one ends.
    void pollNow();
    bool isPolling() const;

    // Changes the watch reported since it began, the listing changed or clearChanges().
    int createdCount() const { return m_created; }
    int deactivatedCount() const { return m_deactivated; }
    QDateTime countingSince() const { return m_countingSince; }
    // "3 new, 1 deactivated since 12:05", "No changes since 12:05", "Watching…" before
    // the listing's first page; empty while not watching.
    QString counterText() const;
    // When the last poll ended well, and what it found, for the counter's tooltip.
    QString counterToolTip() const;
    // The next marked row after `from` (-1: from the top), wrapping around; -1 when none.
    int nextChangedRow(int from) const;
    // Forgets the counts and the rows' marks; counting starts again now.
    void clearChanges();

    // Requests the watch has sent (listings and retrieves; retries not counted).
    int requestCount() const;

Q_SIGNALS:
    void watchingChanged(bool watching);
    void intervalChanged(int seconds);
    // The counter's text or tooltip changed.
    void counterChanged();
    // One change as the table took it (tests count them).
    void changeApplied(const ConnectionChange &change, ConnectionTableModel::ChangeOutcome outcome);
    // A poll ended, well or not.
    void pollFinished(bool ok);
    void statusMessage(const QString &text, int timeoutMs);

private:
    void startFeed();
    void stopFeed();
    void onListingRestarted();
    void onChanges(const QList<ConnectionChange> &changes);
    void onPolled();
    void onFailed(const ApiError &error);
    void scheduleNext();

    QSettings *m_settings;
    NoticeBoard *m_notices;
    QPointer<ConnectionTableModel> m_model;
    QPointer<IncreaseClient> m_client;
    QList<QMetaObject::Connection> m_modelConnections;
    ChangeFeed *m_feed = nullptr;
    int m_requestsBefore = 0; // by feeds of earlier listings
    QTimer m_timer;
    bool m_watching = false;
    int m_intervalSeconds = kDefaultIntervalSeconds;
    int m_created = 0;
    int m_deactivated = 0;
    QDateTime m_countingSince;
    QDateTime m_lastPolledAt; // local clock: when the last good poll ended
    std::optional<ApiError> m_lastError;
};
