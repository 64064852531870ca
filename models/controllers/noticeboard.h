// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notice.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

// The one notice the window shows above the table, and what its buttons do. Controllers
// post to it, each under its own name, so one can take back what it said without
// touching what another said; the banner draws the current notice and forwards its
// buttons here.
class NoticeBoard : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Replaces the current notice. Retry runs `retry`, Cancel runs `cancel`; both clear
    // the notice first.
    void post(const QObject *poster, const Notice &notice, std::function<void()> retry = {},
              std::function<void()> cancel = {});
    void clear();
    // Clears the current notice only if `poster` posted it.
    void clearFrom(const QObject *poster);

    const std::optional<Notice> &current() const { return m_notice; }
    bool isFrom(const QObject *poster) const { return m_notice && m_poster == poster; }

    void retry();
    void cancel();

Q_SIGNALS:
    void changed();

private:
    std::optional<Notice> m_notice;
    const QObject *m_poster = nullptr;
    std::function<void()> m_retry;
    std::function<void()> m_cancel;
};
