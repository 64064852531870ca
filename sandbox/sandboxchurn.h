// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxrandom.h"

#include <QObject>

class QTimer;
class SandboxDataset;

// Changes the dataset while it is served, so a watch has something to see: N times a
// minute, a new active connection (six changes in ten) or the deactivation of an active
// one, at the server's clock. Which change, which connection and which new id follow from
// the dataset's seed; only the moments come from the clock.
class SandboxChurn : public QObject
{
    Q_OBJECT
public:
    SandboxChurn(SandboxDataset &dataset, quint64 seed, QObject *parent = nullptr);

    // Changes per minute; 0 stops.
    void setRate(int changesPerMinute);
    int rate() const { return m_rate; }

    // One change at `unixSeconds`; what the timer calls.
    void step(qint64 unixSeconds);
    qint64 changes() const { return m_changes; }

private:
    void addConnection(qint64 unixSeconds);
    bool deactivateOne(qint64 unixSeconds);

    SandboxDataset &m_dataset;
    SandboxRandom m_random;
    QTimer *m_timer;
    int m_rate = 0;
    qint64 m_changes = 0;
};
