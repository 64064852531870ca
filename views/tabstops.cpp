// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tabstops.h"

#include <QWidget>

#include <algorithm>

namespace {

// A widget that passes its focus to one inside it (a tab widget to its tab bar) moves
// with everything in it when its place in Tab's round changes.
bool isCompound(const QWidget *widget)
{
    const QWidget *proxy = widget->focusProxy();
    return proxy && widget->isAncestorOf(proxy);
}

} // namespace

QList<QWidget *> tabStopsIn(QWidget *part)
{
    QList<QWidget *> stops;
    QList<QWidget *> compounds;
    QWidget *window = part->window();
    QWidget *widget = window;
    do {
        const bool inPart = widget == part || part->isAncestorOf(widget);
        const bool inCompound = std::any_of(compounds.cbegin(), compounds.cend(),
                                            [&](QWidget *c) { return c->isAncestorOf(widget); });
        if (inPart && !inCompound) {
            if (isCompound(widget)) {
                compounds.append(widget);
                stops.append(widget);
            } else if ((widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy()) {
                stops.append(widget);
            }
        }
        widget = widget->nextInFocusChain();
    } while (widget && widget != window);
    return stops;
}

void chainTabStops(const QList<QWidget *> &parts)
{
    QList<QWidget *> stops;
    for (QWidget *part : parts) {
        if (!part)
            continue;
        for (QWidget *stop : tabStopsIn(part)) {
            if (!stops.contains(stop)) // a part inside one listed before keeps its place
                stops.append(stop);
        }
    }
    for (qsizetype i = 1; i < stops.size(); ++i)
        QWidget::setTabOrder(stops.at(i - 1), stops.at(i));
}
