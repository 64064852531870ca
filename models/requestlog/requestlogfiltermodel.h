// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

// The request log as the operator narrows it: failures only, one status class, or both.
// The log is local and bounded, so filtering in a proxy is cheap (unlike the connection
// table, whose filters belong in the server query). Sorts by RequestLogModel::SortRole.
class RequestLogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    static constexpr int kAnyStatusClass = -1;

    explicit RequestLogFilterModel(QObject *parent = nullptr);

    bool failuresOnly() const { return m_failuresOnly; }
    void setFailuresOnly(bool failuresOnly);

    // kAnyStatusClass, 0 (no response), or 2, 3, 4, 5 (2xx … 5xx).
    int statusClass() const { return m_statusClass; }
    void setStatusClass(int statusClass);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_failuresOnly = false;
    int m_statusClass = kAnyStatusClass;
};
