// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightstablemodel.h"

#include "applicationfiguresmodel.h"

InsightsTableModel::InsightsTableModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ApplicationFiguresModel::SortRole);
}

void InsightsTableModel::setLineColors(const QHash<QString, QColor> &colors)
{
    m_colors = colors;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ApplicationFiguresModel::ApplicationColumn),
                           index(rowCount() - 1, ApplicationFiguresModel::ApplicationColumn),
                           {Qt::DecorationRole, Qt::CheckStateRole});
}

void InsightsTableModel::setHidden(const QSet<QString> &hidden)
{
    m_hidden = hidden;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ApplicationFiguresModel::ApplicationColumn),
                           index(rowCount() - 1, ApplicationFiguresModel::ApplicationColumn),
                           {Qt::CheckStateRole});
}

QString InsightsTableModel::applicationId(const QModelIndex &index) const
{
    return index.siblingAtColumn(ApplicationFiguresModel::ApplicationColumn)
        .data(ApplicationFiguresModel::ApplicationIdRole)
        .toString();
}

QVariant InsightsTableModel::data(const QModelIndex &index, int role) const
{
    if (index.column() == ApplicationFiguresModel::ApplicationColumn &&
        (role == Qt::DecorationRole || role == Qt::CheckStateRole)) {
        const QString id = applicationId(index);
        const auto color = m_colors.constFind(id);
        if (color == m_colors.cend())
            return {};
        if (role == Qt::DecorationRole)
            return *color;
        return m_hidden.contains(id) ? Qt::Unchecked : Qt::Checked;
    }
    return QSortFilterProxyModel::data(index, role);
}

bool InsightsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != ApplicationFiguresModel::ApplicationColumn)
        return QSortFilterProxyModel::setData(index, value, role);
    const QString id = applicationId(index);
    if (!m_colors.contains(id))
        return false;
    const bool shown = value.value<Qt::CheckState>() == Qt::Checked;
    if (shown == !m_hidden.contains(id))
        return true;
    if (shown)
        m_hidden.remove(id);
    else
        m_hidden.insert(id);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT lineToggled(id, shown);
    return true;
}

Qt::ItemFlags InsightsTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QSortFilterProxyModel::flags(index);
    if (index.column() == ApplicationFiguresModel::ApplicationColumn &&
        m_colors.contains(applicationId(index)))
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}
