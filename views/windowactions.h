// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class ConnectionTableView;
class MainWindow;
class QAction;
class QDockWidget;
class QMenu;

// The main window's actions with their shortcuts, and the menus and toolbar that show
// them. Built once; each action calls the window's public slot of the same name.
class WindowActions : public QObject
{
    Q_OBJECT
public:
    WindowActions(MainWindow *window, ConnectionTableView *table, QDockWidget *requestLog,
                  QDockWidget *insights);

    QAction *exportConnections;
    QAction *connection;
    QAction *quit;
    QAction *refresh;
    QAction *find;
    QAction *goToId;
    QAction *loadAll;
    QAction *cancelLoading;
    QAction *timesInUtc; // checkable: the table's Created and Deleted in UTC
    QAction *detailPane; // checkable: the pane beside the table shown
    QAction *watch;      // checkable: Watch for Changes
    QAction *checkNow;
    QAction *nextChange;
    QAction *clearChanges;
    // View → Watch Interval: one checkable action a choice, the seconds in its data().
    QMenu *watchIntervalMenu;
    QList<QAction *> watchIntervals;
    QAction *sandboxFaults;
    QAction *requestLog;
    QAction *insights; // checkable: the Insights dock shown
    // Shown only while connected to the in-process sandbox, the only one with knobs.
    QMenu *developerMenu;
    QAction *keyboardShortcuts; // Help → Keyboard Shortcuts (F1, Ctrl+/)
    QAction *about;

private:
    void buildMenus(MainWindow *window, ConnectionTableView *table);
};
