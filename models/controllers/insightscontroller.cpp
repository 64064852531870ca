// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightscontroller.h"

#include "connectionspans.h"
#include "connectiontablemodel.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

InsightsController::InsightsController(QObject *parent)
    : QObject(parent)
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kThrottleMs);
    connect(&m_throttle, &QTimer::timeout, this, &InsightsController::compute);
    connect(&m_watcher, &QFutureWatcher<Insights::Figures>::finished, this,
            &InsightsController::onComputed);
}

InsightsController::~InsightsController()
{
    m_watcher.waitForFinished();
}

void InsightsController::setListing(ConnectionTableModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_model = model;
    ++m_generation;
    m_figures.reset();
    if (model) {
        const auto changed = [this] {
            Q_EMIT basisChanged();
            schedule();
        };
        m_modelConnections = {
            connect(model, &QAbstractItemModel::rowsInserted, this, changed),
            connect(model, &QAbstractItemModel::rowsRemoved, this, changed),
            connect(model, &QAbstractItemModel::modelReset, this,
                    [this, changed] {
                        ++m_generation; // a new listing: nothing computed before is about it
                        m_figures.reset();
                        Q_EMIT figuresChanged();
                        changed();
                    }),
            connect(model, &ConnectionTableModel::pageLoaded, this, changed),
            // A watch rewrote a row (or the names or times changed: cheap to redo).
            connect(model, &QAbstractItemModel::dataChanged, this, &InsightsController::schedule),
        };
    }
    Q_EMIT figuresChanged();
    Q_EMIT basisChanged();
    schedule();
}

ConnectionTableModel *InsightsController::listing() const
{
    return m_model;
}

void InsightsController::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active)
        compute(); // what is shown must be current at once
    else
        m_throttle.stop();
}

void InsightsController::setPeriod(Insights::Period period)
{
    if (period == m_period)
        return;
    m_period = period;
    if (m_active)
        compute();
}

void InsightsController::setTimesInUtc(bool utc)
{
    if (utc == m_timesInUtc)
        return;
    m_timesInUtc = utc;
    if (m_active)
        compute();
}

void InsightsController::schedule()
{
    if (m_active && !m_throttle.isActive())
        m_throttle.start();
}

void InsightsController::compute()
{
    m_throttle.stop();
    if (!m_active || !m_model)
        return;
    if (m_watcher.isRunning()) {
        m_stale = true; // once this one ends
        return;
    }
    m_stale = false;
    if (!m_snapshot)
        m_snapshot = std::make_shared<Insights::SpanSnapshot>();
    Insights::snapshotOf(*m_model, m_snapshot.get());
    Insights::Options options;
    options.period = m_period;
    options.zone = m_timesInUtc ? Insights::Zone::Utc : Insights::Zone::Local;
    options.now = QDateTime::currentSecsSinceEpoch();
    m_computing = m_generation;
    m_watcher.setFuture(QtConcurrent::run([snapshot = m_snapshot, options] {
        Insights::Aggregator aggregator(options);
        aggregator.add(snapshot->spans, snapshot->applications);
        return aggregator.result();
    }));
}

void InsightsController::onComputed()
{
    if (m_computing == m_generation && m_watcher.future().resultCount() > 0) {
        m_figures = m_watcher.result();
        Q_EMIT figuresChanged();
    }
    if (m_stale || m_computing != m_generation)
        compute();
}

bool InsightsController::isPartial() const
{
    return m_model && m_model->hasMore();
}

QString InsightsController::basisText() const
{
    if (!m_model)
        return tr("Nothing is listed yet.");
    const int rows = m_model->rowCount();
    if (m_model->hasMore())
        return tr("Based on the %Ln loaded row(s); more are listed.", nullptr, rows);
    return tr("Every connection of these filters: %L1.").arg(rows);
}
