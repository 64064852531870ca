// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTreeWidget;

// Help → Keyboard Shortcuts: each action given that has a shortcut, in the order given,
// its words without the menu's '&' and its keys as the platform writes them. The window
// builds it from its actions every time it opens, so it never lists a stale key.
class KeyboardShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit KeyboardShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    // An action's words as a list shows them: no mnemonic '&' ("&&" stays one '&'), no
    // trailing ellipsis.
    static QString plainText(const QAction *action);

    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};
