// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolButton>

class QAction;

// The watch's counter at the end of the filter summary line: "3 new, 1 deactivated since 12:05". A
// click goes to the next changed row; its menu also clears the marks and checks now. Hidden while
// the watch is off.
class WatchCounter : public QToolButton
{
    Q_OBJECT
public:
    WatchCounter(QAction *nextChange, QAction *clearChanges, QAction *checkNow,
                 QWidget *parent = nullptr);

    // Empty text hides the counter.
    void setCounter(const QString &text, const QString &toolTip);
    // The button's height once it has words, for the line that holds it.
    int heightWithText() const;
};
