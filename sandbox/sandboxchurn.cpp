// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxchurn.h"

#include "sandboxdataset.h"

#include <QDateTime>
#include <QTimer>
#include <algorithm>

namespace {
constexpr int NewPerTen = 6; // of ten changes, the rest deactivations
constexpr int MaxRate = 60'000;
} // namespace

SandboxChurn::SandboxChurn(SandboxDataset &dataset, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_dataset(dataset)
    , m_random(SandboxRandom::mix(seed ^ 0xc4c4c4c4c4c4c4c4ULL))
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, [this] { step(QDateTime::currentSecsSinceEpoch()); });
}

void SandboxChurn::setRate(int changesPerMinute)
{
    m_rate = std::clamp(changesPerMinute, 0, MaxRate);
    if (m_rate == 0) {
        m_timer->stop();
        return;
    }
    m_timer->start(60'000 / m_rate);
}

void SandboxChurn::step(qint64 unixSeconds)
{
    const bool add = m_random.below(10) < NewPerTen;
    if (add || !deactivateOne(unixSeconds))
        addConnection(unixSeconds);
    ++m_changes;
}

void SandboxChurn::addConnection(qint64 unixSeconds)
{
    // Only live applications get new connections.
    std::vector<int> live;
    for (int i = 0; i < m_dataset.applicationCount(); ++i) {
        if (m_dataset.application(i).active)
            live.push_back(i);
    }
    if (live.empty())
        return;
    const int application = live[size_t(m_random.below(live.size()))];
    for (;;) { // a taken id is drawn again
        const quint64 first = m_random.next();
        if (m_dataset.addConnection(unixSeconds, application, first, m_random.next()))
            return;
    }
}

bool SandboxChurn::deactivateOne(qint64 unixSeconds)
{
    const SandboxDataset::Rows active = m_dataset.rows(SandboxDataset::Active, -1);
    if (active.size() == 0)
        return false;
    return m_dataset.deactivate(active.at(quint32(m_random.below(active.size()))), unixSeconds);
}
