// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowactions.h"

#include "connectiontableview.h"
#include "mainwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QIcon>
#include <QMenuBar>
#include <QToolBar>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

template <typename Slot>
QAction *makeAction(MainWindow *window, const QString &text, Slot slot,
                    const QList<QKeySequence> &keys = {})
{
    auto *action = new QAction(text, window);
    action->setShortcuts(keys);
    QObject::connect(action, &QAction::triggered, window, slot);
    window->addAction(action); // shortcuts work while the menu bar is hidden too
    return action;
}

// The desktop's icon theme first, so the toolbar looks like the applications around it;
// without a theme, or where it has no such icon, the drawing compiled in under the same
// freedesktop name (resources/icons/toolbar/).
QIcon themeIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QString(u":/icons/toolbar/"_s + name + u".svg"_s)));
}

} // namespace

WindowActions::WindowActions(MainWindow *window, ConnectionTableView *table,
                             QDockWidget *requestLogDock, QDockWidget *insightsDock)
    : QObject(window)
    , exportConnections(makeAction(window, tr("&Export…"), &MainWindow::openExportDialog,
                                   {QKeySequence(u"Ctrl+Shift+E"_s)}))
    , connection(makeAction(window, tr("&Connection…"), &MainWindow::openConnectionSettings))
    , quit(makeAction(window, tr("&Quit"), &QWidget::close, {QKeySequence::Quit}))
    , refresh(makeAction(window, tr("&Refresh"), &MainWindow::refresh,
                         {QKeySequence(Qt::Key_F5), QKeySequence(u"Ctrl+R"_s)}))
    , find(makeAction(window, tr("&Find in Loaded Rows…"), &MainWindow::find, {QKeySequence::Find}))
    , goToId(makeAction(window, tr("&Go to ID…"), &MainWindow::goToId, {QKeySequence(u"Ctrl+L"_s)}))
    , loadAll(makeAction(window, tr("Load &All"), &MainWindow::loadAll))
    , cancelLoading(makeAction(window, tr("&Cancel Loading"), &MainWindow::cancelOrClose,
                               {QKeySequence(Qt::Key_Escape)}))
    , timesInUtc(new QAction(tr("Times in &UTC"), window))
    , detailPane(new QAction(tr("&Detail Pane"), window))
    , watch(new QAction(tr("&Watch for Changes"), window))
    , checkNow(makeAction(window, tr("C&heck for Changes Now"), &MainWindow::checkForChangesNow))
    , nextChange(makeAction(window, tr("Go to &Next Change"), &MainWindow::goToNextChange,
                            {QKeySequence(Qt::Key_F8)}))
    , clearChanges(makeAction(window, tr("Clear Change &Marks"), &MainWindow::clearChanges))
    , watchIntervalMenu(nullptr)
    , sandboxFaults(makeAction(window, tr("Sandbox &Faults…"), &MainWindow::openSandboxFaults))
    , requestLog(requestLogDock->toggleViewAction())
    , insights(insightsDock->toggleViewAction())
    , developerMenu(nullptr)
    , keyboardShortcuts(makeAction(window, tr("&Keyboard Shortcuts"),
                                   &MainWindow::showKeyboardShortcuts,
                                   {QKeySequence(Qt::Key_F1), QKeySequence(u"Ctrl+/"_s)}))
    , about(makeAction(window, tr("&About Increase Connections"), &MainWindow::showAbout))
{
    timesInUtc->setCheckable(true);
    window->addAction(timesInUtc);
    detailPane->setCheckable(true);
    detailPane->setChecked(true);
    detailPane->setShortcut(QKeySequence(u"Ctrl+D"_s));
    detailPane->setToolTip(tr("Show or hide the connection's details beside the table (Ctrl+D)"));
    window->addAction(detailPane);
    timesInUtc->setToolTip(tr("Show the Created and Deleted columns in UTC instead of local time"));
    watch->setCheckable(true);
    watch->setShortcut(QKeySequence(u"Ctrl+Shift+W"_s));
    watch->setIcon(themeIcon(u"view-visible"_s));
    watch->setToolTip(tr("Keep the table current: check for new and deactivated connections "
                         "every few seconds (Ctrl+Shift+W)"));
    window->addAction(watch);
    checkNow->setEnabled(false);
    nextChange->setEnabled(false);
    clearChanges->setEnabled(false);
    nextChange->setToolTip(tr("Select the next row the watch changed (F8)"));
    sandboxFaults->setEnabled(false);
    loadAll->setEnabled(false); // nothing listed yet
    cancelLoading->setEnabled(false);
    requestLog->setText(tr("Request &Log"));
    requestLog->setShortcut(QKeySequence(Qt::Key_F12)); // the browsers' developer tools key
    window->addAction(requestLog);
    insights->setText(tr("&Insights"));
    insights->setShortcut(QKeySequence(u"Ctrl+I"_s));
    insights->setToolTip(
        tr("Charts and figures by application of the connections listed (Ctrl+I)"));
    window->addAction(insights);
    exportConnections->setToolTip(tr("Export the connections to CSV or JSON Lines"));
    refresh->setToolTip(tr("List again from the first page (F5)"));
    refresh->setIcon(themeIcon(u"view-refresh"_s));
    loadAll->setIcon(themeIcon(u"go-bottom"_s));
    goToId->setIcon(themeIcon(u"go-jump"_s));
    find->setIcon(themeIcon(u"edit-find"_s));
    exportConnections->setIcon(themeIcon(u"document-save-as"_s));
    connection->setIcon(themeIcon(u"network-server"_s));
    cancelLoading->setIcon(themeIcon(u"process-stop"_s));
    keyboardShortcuts->setToolTip(tr("List every shortcut of this window (F1)"));
    about->setMenuRole(QAction::AboutRole);
    buildMenus(window, table);
}

void WindowActions::buildMenus(MainWindow *window, ConnectionTableView *table)
{
    QMenuBar *bar = window->menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(exportConnections);
    file->addSeparator();
    file->addAction(quit);
    QMenu *edit = bar->addMenu(tr("&Edit"));
    edit->addAction(table->copyAction());
    edit->addAction(table->copyJsonAction());
    edit->addSeparator();
    edit->addAction(find);
    edit->addAction(goToId);
    QMenu *view = bar->addMenu(tr("&View"));
    view->addAction(refresh);
    view->addAction(loadAll);
    view->addAction(cancelLoading);
    view->addSeparator();
    view->addAction(timesInUtc);
    view->addAction(detailPane);
    view->addAction(requestLog);
    view->addAction(insights);
    view->addSeparator();
    view->addAction(watch);
    watchIntervalMenu = view->addMenu(tr("Watch In&terval"));
    auto *intervals = new QActionGroup(this);
    // Each with its own key: the digit that starts it, then m and i for the minutes.
    const std::pair<int, QString> choices[] = {
        {5, tr("Every &5 s")},    {15, tr("Every &15 s")},   {30, tr("Every &30 s")},
        {60, tr("Every 1 &min")}, {300, tr("Every 5 m&in")},
    };
    for (const auto &[seconds, text] : choices) {
        QAction *choice = watchIntervalMenu->addAction(text);
        choice->setCheckable(true);
        choice->setData(seconds);
        intervals->addAction(choice);
        watchIntervals.append(choice);
    }
    view->addAction(checkNow);
    view->addAction(nextChange);
    view->addAction(clearChanges);
    QMenu *settings = bar->addMenu(tr("&Settings"));
    settings->addAction(connection);
    developerMenu = bar->addMenu(tr("&Developer"));
    developerMenu->addAction(sandboxFaults);
    developerMenu->menuAction()->setVisible(false);
    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(keyboardShortcuts);
    help->addSeparator();
    help->addAction(about);

    QToolBar *toolBar = window->addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    // The words stay beside the pictures: the actions are few, and a word says more than
    // a freedesktop icon does.
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(refresh);
    toolBar->addAction(loadAll);
    toolBar->addAction(goToId);
    toolBar->addAction(find);
    toolBar->addAction(exportConnections);
    toolBar->addAction(watch);
    toolBar->addSeparator();
    toolBar->addAction(connection);
}
