// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "watchcontroller.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QTest>
#include <functional>

// What the watch suites share: waiting for a poll that starts after now (one already in
// flight may have listed before the latest changes), and for the server's next second.

namespace WatchPolls {

inline bool runUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QTest::qSleep(1);
    }
    return true;
}

// Asks for polls (`pollNow`) until one that started after this call ends well; faults may
// fail some.
inline bool pollAfterNow(WatchController &watch, const std::function<void()> &pollNow,
                         int timeoutMs = 30000)
{
    if (!runUntil([&] { return !watch.isPolling(); }, timeoutMs))
        return false;
    bool good = false;
    const QMetaObject::Connection c = QObject::connect(&watch, &WatchController::pollFinished,
                                                       [&](bool ok) { good = good || ok; });
    const bool done = runUntil(
        [&] {
            if (!good && !watch.isPolling())
                pollNow();
            return good && !watch.isPolling();
        },
        timeoutMs);
    QObject::disconnect(c);
    return done;
}

// Waits out the rest of the current second, so that what happens next is later by the
// server's whole-second clock than what happened before.
inline void nextSecond()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QTest::qWait(int(1000 - now % 1000) + 50);
}

} // namespace WatchPolls
