// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCompleter>

class ApplicationComboModel;

// The Application filter's popup while typing: the applications whose name or id contains
// the text, case-insensitively. It matches on ApplicationComboModel::SearchTextRole but puts
// the shown name in the field, as picking from the drop-down does.
class ApplicationCompleter : public QCompleter
{
    Q_OBJECT
public:
    ApplicationCompleter(ApplicationComboModel *model, QObject *parent);

    QString pathFromIndex(const QModelIndex &index) const override;
};
