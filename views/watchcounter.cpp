// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchcounter.h"

#include <QAction>
#include <QMenu>

using namespace Qt::StringLiterals;

WatchCounter::WatchCounter(QAction *nextChange, QAction *clearChanges, QAction *checkNow,
                           QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(u"watchCounter"_s);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setPopupMode(QToolButton::MenuButtonPopup);
    setAccessibleName(tr("Changes seen by the watch"));
    auto *menu = new QMenu(this);
    menu->addAction(nextChange);
    menu->addAction(clearChanges);
    menu->addSeparator();
    menu->addAction(checkNow);
    setMenu(menu);
    connect(this, &QToolButton::clicked, nextChange, &QAction::trigger);
    hide();
}

void WatchCounter::setCounter(const QString &text, const QString &toolTip)
{
    setText(text);
    setToolTip(toolTip);
    setVisible(!text.isEmpty());
}

int WatchCounter::heightWithText() const
{
    QToolButton probe;
    probe.setAutoRaise(true);
    probe.setToolButtonStyle(Qt::ToolButtonTextOnly);
    probe.setPopupMode(QToolButton::MenuButtonPopup);
    probe.setText(u"0 new"_s);
    probe.setFont(font());
    return probe.sizeHint().height();
}
