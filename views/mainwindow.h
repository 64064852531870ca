// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientconfig.h"
#include "connectionchoice.h"
#include "embeddedsandbox.h"

#include <QMainWindow>
#include <QPointer>

class ConnectionController;
class ConnectionSession;
class ConnectionTableModel;
class ConnectionTableView;
class DetailPane;
class EnvironmentBadge;
class ErrorBanner;
class ExportBar;
class ExportController;
class FilterBar;
class FindBar;
class InsightsController;
class InsightsDock;
class ListingController;
class LoadStatus;
class NoticeBoard;
class QAction;
class QHBoxLayout;
class QLabel;
class QSettings;
class QSplitter;
class QTabBar;
class RequestLogDock;
class SandboxFaultsDialog;
class SecretStore;
class SessionFigures;
class WatchController;
class WatchCounter;
class WindowActions;

// The desktop window: filters, the incremental connection table, the detail pane, the
// notice banner, the status bar with the session figures, and the request log dock. It
// draws and forwards: ConnectionController decides what it is connected to and
// ListingController what the table lists and what the banner says about it. The creator
// passes the QSettings (tests use a file in a temporary directory), the SecretStore (tests
// use memory) and the way to start the local sandbox, and decides what to connect to first.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(QSettings *settings, SecretStore *secrets, EmbeddedSandboxFactory sandboxes,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Timeout, retries and CA file for every connection (command-line flags).
    void setClientDefaults(const ClientConfig &defaults);
    // Off: connecting lists nothing until refresh() (F5). Tests use it to show a
    // production window without sending a request.
    void setAutoLoad(bool autoLoad);
    // See ConnectionController.
    void connectWithKey(const ConnectionChoice &choice, const QString &apiKey);
    void connectWithStoredKey(const ConnectionChoice &choice);

    void refresh();
    void loadAll();
    void openConnectionSettings();
    void openExportDialog();
    void goToId();
    // Collapses the detail pane (its width remembered) or brings it back.
    void setDetailPaneShown(bool shown);
    bool isDetailPaneShown() const;
    void find();
    void cancelOrClose();
    // View → Watch for Changes (see WatchController), and what the counter offers.
    void setWatching(bool watching);
    void checkForChangesNow();
    void goToNextChange();
    void clearChanges();
    // Developer → Sandbox faults…, offered while connected to the in-process sandbox.
    void openSandboxFaults();
    // Help → Keyboard Shortcuts: the window's and the table's actions that have keys.
    void showKeyboardShortcuts();
    // Help → About: the version, the licence, the Qt it was built with and runs on.
    void showAbout();

    ConnectionController *connectionController() const { return m_connection; }
    ListingController *listingController() const { return m_listing; }
    NoticeBoard *notices() const { return m_notices; }
    ConnectionSession *session() const;
    FilterBar *filterBar() const { return m_filterBar; }
    ConnectionTableView *tableView() const { return m_table; }
    DetailPane *detailPane() const { return m_detail; }
    ErrorBanner *banner() const { return m_banner; }
    EnvironmentBadge *environmentBadge() const { return m_badge; }
    LoadStatus *loadStatus() const { return m_loadStatus; }
    FindBar *findBar() const { return m_findBar; }
    QSplitter *splitter() const { return m_splitter; }
    RequestLogDock *requestLogDock() const { return m_requestLog; }
    SessionFigures *sessionFigures() const { return m_figures; }
    ExportController *exportController() const { return m_exports; }
    ExportBar *exportBar() const { return m_exportBar; }
    WatchController *watchController() const { return m_watch; }
    WatchCounter *watchCounter() const { return m_watchCounter; }
    InsightsDock *insightsDock() const { return m_insights; }
    InsightsController *insightsController() const { return m_insightsController; }
    QAction *watchAction() const;
    QAction *sandboxFaultsAction() const;
    SandboxFaultsDialog *sandboxFaultsDialog() const;
    QString filterSummary() const;

Q_SIGNALS:
    // A new connection is in place (tests wait for it).
    void sessionChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    // The tab bars QMainWindow makes for docks sharing an area, named and kept out of
    // Tab's round while they are not on screen (see followDockTabBar()).
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildLayout();
    void wireControllers();
    void adopt(ConnectionSession *session);
    void showListing(ConnectionTableModel *model);
    void saveLayout();
    void updateSummary();
    void updateTitle();
    void findInLoadedRows(const QString &text, bool forward);
    void wireWatch();
    void orderTabStops();
    void followDockTabBar(QTabBar *bar);

    QSettings *m_settings;
    QPointer<SecretStore> m_secrets;
    NoticeBoard *m_notices;
    ConnectionController *m_connection;
    ListingController *m_listing;
    WatchController *m_watch;
    InsightsController *m_insightsController;
    QPointer<QDialog> m_exportDialog;
    QPointer<QDialog> m_settingsDialog;
    QPointer<SandboxFaultsDialog> m_sandboxFaults;
    QPointer<QDialog> m_shortcutsDialog;
    QByteArray m_headerState;
    static constexpr int kDetailPaneWidth = 280; // the table first: the pane keeps to this
    int m_detailPaneWidth = kDetailPaneWidth;    // as it was before it was collapsed

    FilterBar *m_filterBar;
    QLabel *m_summary;
    QHBoxLayout *m_summaryRow = nullptr; // the summary, and the watch's counter at its end
    ErrorBanner *m_banner;
    ConnectionTableView *m_table;
    DetailPane *m_detail;
    QSplitter *m_splitter;
    FindBar *m_findBar;
    LoadStatus *m_loadStatus;
    EnvironmentBadge *m_badge;
    SessionFigures *m_figures;
    RequestLogDock *m_requestLog;
    InsightsDock *m_insights;
    // The export running in the background and its strip under the table.
    ExportController *m_exports;
    ExportBar *m_exportBar;
    WindowActions *m_actions = nullptr;
    WatchCounter *m_watchCounter = nullptr;
};
