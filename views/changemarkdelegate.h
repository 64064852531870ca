// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

class QStyleOptionViewItem;

// Rows the watch changed are tinted until their marks are cleared: green for a new
// connection, amber for a deactivated one, blended over the palette's base so they read in
// light and dark themes. Selection paints over the tint. The model's tooltip says what
// changed, so the mark is not told by colour alone.
namespace ChangeMark {
void apply(QStyleOptionViewItem *option, const QModelIndex &index);
}

// The table's delegate for the columns without one of their own.
class ChangeMarkDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
