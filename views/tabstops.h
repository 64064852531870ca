// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

class QWidget;

// The widgets inside `part` (and `part` itself) that Tab stops at, in the order Tab
// visits them now. A widget that hands its focus to its parent (a combo box's line edit)
// is left out; one that hands it to a child (a tab widget to its tab bar) stands for
// itself and all inside it, which keep their own order.
QList<QWidget *> tabStopsIn(QWidget *part);

// Puts the parts' tab stops one after the other, in the order given, each part's stops
// in the order they have among themselves; a stop in two parts goes with the first.
// Parts share a window; hidden stops keep their place and Tab passes them by while hidden.
void chainTabStops(const QList<QWidget *> &parts);
