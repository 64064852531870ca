// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "applicationlistmodel.h"

#include <QIdentityProxyModel>

// The application list as an editable QComboBox needs it. An editable combo shows and
// completes an item's EditRole, which the list model leaves empty (it is read-only), and
// asks for data at an invalid index while its current index is -1: this proxy answers
// EditRole with the display text and an invalid index with nothing. SearchTextRole is
// what typing in the combo matches: an application's shown name and its id.
class ApplicationComboModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    enum Role { SearchTextRole = ApplicationListModel::StatusRole + 1 };

    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};
