// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionspans.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class ConnectionTableModel;

// What the Insights view shows: the figures of the rows the table holds, for its filters.
// They are worked out again when rows arrive, leave or change (a page, Load All, a watch),
// at most every half second, and only while the view is shown. The rows are read on this
// thread (a snapshot of the compact store, a few milliseconds) and aggregated on another,
// so the window never waits for a million rows; a result that arrives after the table
// moved on is followed by another computation.
class InsightsController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kThrottleMs = 500;

    explicit InsightsController(QObject *parent = nullptr);
    ~InsightsController() override; // waits for a computation in flight

    void setListing(ConnectionTableModel *model);
    ConnectionTableModel *listing() const;
    // Shown: computes now and whenever the rows change; hidden: nothing runs.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    Insights::Period period() const { return m_period; }
    void setPeriod(Insights::Period period);
    // The periods begin at midnight in UTC or in local time, as the table shows times.
    void setTimesInUtc(bool utc);
    bool timesInUtc() const { return m_timesInUtc; }

    const std::optional<Insights::Figures> &figures() const { return m_figures; }
    bool isComputing() const { return m_watcher.isRunning(); }
    // "Based on 100 loaded rows; more are listed" until every page is in.
    QString basisText() const;
    bool isPartial() const;

Q_SIGNALS:
    void figuresChanged();
    // basisText() or isPartial() changed.
    void basisChanged();

private:
    void schedule();
    void compute();
    void onComputed();

    QPointer<ConnectionTableModel> m_model;
    QList<QMetaObject::Connection> m_modelConnections;
    QTimer m_throttle;
    QFutureWatcher<Insights::Figures> m_watcher;
    std::optional<Insights::Figures> m_figures;
    // Read into again each time (its memory reused: a million rows must be read in a few
    // milliseconds); the computation holds it until it ends.
    std::shared_ptr<Insights::SpanSnapshot> m_snapshot;
    Insights::Period m_period = Insights::Period::Week;
    bool m_timesInUtc = false;
    bool m_active = false;
    bool m_stale = false;     // the rows changed while a computation ran
    quint64 m_generation = 0; // bumped by a new listing: older results are dropped
    quint64 m_computing = 0;  // the generation the running computation belongs to
};
