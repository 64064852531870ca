// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationcompleter.h"

#include "applicationcombomodel.h"

#include <QAbstractItemView>

ApplicationCompleter::ApplicationCompleter(ApplicationComboModel *model, QObject *parent)
    : QCompleter(model, parent)
{
    setCompletionRole(ApplicationComboModel::SearchTextRole);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains);
    // Filtered, with nothing current until the user moves to a row: Enter on a partial
    // text must not pick whichever application happens to come first.
    setCompletionMode(QCompleter::PopupCompletion);
    popup()->setAccessibleName(tr("Matching applications"));
}

QString ApplicationCompleter::pathFromIndex(const QModelIndex &index) const
{
    return index.data(Qt::DisplayRole).toString();
}
