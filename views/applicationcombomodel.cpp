// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationcombomodel.h"

QVariant ApplicationComboModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !sourceModel())
        return {};
    if (role == SearchTextRole) {
        // "All applications" is not an application: typing never lists it (an empty
        // field, or picking it from the drop-down, means every application).
        if (index.row() == 0)
            return QString();
        // Shown names are one line (ApplicationListModel): with a line break between name
        // and id, only pasted multi-line text could match across the two.
        const QString text =
            QIdentityProxyModel::data(index, Qt::DisplayRole).toString() + u'\n' +
            QIdentityProxyModel::data(index, ApplicationListModel::ApplicationIdRole).toString();
        return text;
    }
    return QIdentityProxyModel::data(index, role == Qt::EditRole ? Qt::DisplayRole : role);
}
