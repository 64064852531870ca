// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "noticeboard.h"

void NoticeBoard::post(const QObject *poster, const Notice &notice, std::function<void()> retry,
                       std::function<void()> cancel)
{
    m_notice = notice;
    m_poster = poster;
    m_retry = std::move(retry);
    m_cancel = std::move(cancel);
    Q_EMIT changed();
}

void NoticeBoard::clear()
{
    const bool shown = m_notice.has_value();
    m_notice.reset();
    m_poster = nullptr;
    m_retry = nullptr;
    m_cancel = nullptr;
    if (shown)
        Q_EMIT changed();
}

void NoticeBoard::clearFrom(const QObject *poster)
{
    if (isFrom(poster))
        clear();
}

void NoticeBoard::retry()
{
    // The action may post a new notice: it runs after this one is gone.
    const std::function<void()> action = std::exchange(m_retry, nullptr);
    clear();
    if (action)
        action();
}

void NoticeBoard::cancel()
{
    const std::function<void()> action = std::exchange(m_cancel, nullptr);
    clear();
    if (action)
        action();
}
