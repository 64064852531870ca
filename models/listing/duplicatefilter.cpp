// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "duplicatefilter.h"

DuplicateFilter::DuplicateFilter(bool apiOrdered, int window)
    : m_apiOrdered(apiOrdered)
    , m_window(window)
{}

DuplicateFilter::Verdict DuplicateFilter::check(const OAuthConnection &row)
{
    // One lookup, not contains() then insert(): this runs for every exported row.
    const qsizetype known = m_ids.size();
    m_ids.insert(row.id);
    if (m_ids.size() == known)
        return Verdict::Duplicate;
    remember(row.id);
    if (!m_apiOrdered)
        return Verdict::New;
    // Timestamps in one format compare as text; the API sends them all alike.
    const bool first = m_lastId.isEmpty();
    const int byTime = first ? -1 : row.createdAt.compare(m_lastCreatedAt);
    const bool after = first || byTime < 0 || (byTime == 0 && row.id < m_lastId);
    if (!after)
        return Verdict::OutOfOrder;
    m_lastCreatedAt = row.createdAt;
    m_lastId = row.id;
    return Verdict::New;
}

void DuplicateFilter::remember(const QString &id)
{
    if (!m_apiOrdered)
        return;
    m_recent.enqueue(id);
    if (m_recent.size() > m_window)
        m_ids.remove(m_recent.dequeue());
}
