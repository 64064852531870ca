// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogfiltermodel.h"

#include "requestlogmodel.h"

RequestLogFilterModel::RequestLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RequestLogModel::SortRole);
}

void RequestLogFilterModel::setFailuresOnly(bool failuresOnly)
{
    if (failuresOnly == m_failuresOnly)
        return;
    m_failuresOnly = failuresOnly;
    invalidateFilter();
}

void RequestLogFilterModel::setStatusClass(int statusClass)
{
    if (statusClass == m_statusClass)
        return;
    m_statusClass = statusClass;
    invalidateFilter();
}

bool RequestLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_failuresOnly && m_statusClass == kAnyStatusClass)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_failuresOnly && !index.data(RequestLogModel::IsFailureRole).toBool())
        return false;
    return m_statusClass == kAnyStatusClass ||
           index.data(RequestLogModel::StatusClassRole).toInt() == m_statusClass;
}
