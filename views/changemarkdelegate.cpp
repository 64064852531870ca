// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "changemarkdelegate.h"

#include "connectiontablemodel.h"

#include <QStyleOptionViewItem>

void ChangeMark::apply(QStyleOptionViewItem *option, const QModelIndex &index)
{
    const QVariant mark = index.data(ConnectionTableModel::RecentChangeRole);
    if (!mark.isValid())
        return;
    const bool created = mark.toInt() == int(ConnectionTableModel::RowMark::Created);
    QColor tint = created ? QColor(46, 160, 67) : QColor(219, 138, 0);
    tint.setAlpha(created ? 72 : 88);
    option->backgroundBrush = tint;
}

void ChangeMarkDelegate::initStyleOption(QStyleOptionViewItem *option,
                                         const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    ChangeMark::apply(option, index);
}
