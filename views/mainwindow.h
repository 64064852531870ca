#pragma once

#include "apierror.h"
#include "apiquery.h"
#include "clientconfig.h"
#include "connectionchoice.h"

#include <QMainWindow>
#include <QPointer>
#include <functional>

class ConnectionSession;
class ConnectionSwitcher;
class ConnectionTableView;
class DetailPane;
class EnvironmentBadge;
class ErrorBanner;
class FilterBar;
class FindBar;
class LoadStatus;
class QAction;
class QLabel;
class QMenu;
class QSettings;
class QSplitter;
class RequestLogDock;
class SandboxFaultsDialog;
class SecretStore;
class SessionFigures;

// The desktop window: filters, the incremental connection table, the detail pane, inline
// error banners, the status bar with the session figures, and the request log dock. It
// owns the current ConnectionSession and swaps it when the user picks another
// environment. The creator passes the QSettings (tests use a file in a temporary
// directory) and the SecretStore (tests use memory), and decides what to connect to first.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(QSettings *settings, SecretStore *secrets, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Timeout, retries and CA file for every connection (command-line flags).
    void setClientDefaults(const ClientConfig &defaults);
    // Off: connecting lists nothing until refresh() (F5). Tests use it to show a
    // production window without sending a request.
    void setAutoLoad(bool autoLoad) { m_autoLoad = autoLoad; }

    // Connects with a key the caller already has (INCREASE_API_KEY, --api-key-file); the
    // local sandbox ignores it.
    void connectWithKey(const ConnectionChoice &choice, const QString &apiKey);
    // Connects with the key kept in the secret store. Until it arrives the current
    // connection stays; with no key a banner offers "Set API key…" (and with no current
    // connection the local sandbox opens meanwhile).
    void connectWithStoredKey(const ConnectionChoice &choice);

    void refresh();
    void openConnectionSettings();
    void openExportDialog();
    void goToId();
    void find();
    void cancelOrClose();
    // Developer → Sandbox faults…, offered while connected to the in-process sandbox.
    void openSandboxFaults();

    ConnectionSession *session() const { return m_session; }
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
    QAction *sandboxFaultsAction() const { return m_sandboxFaultsAction; }
    SandboxFaultsDialog *sandboxFaultsDialog() const;
    QString filterSummary() const;

Q_SIGNALS:
    // A new connection is in place (tests wait for it).
    void sessionChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void adopt(ConnectionSession *session);
    void inspect(ConnectionSession *session);
    void startLoading();
    void openLocalFallback();
    void applyQuery(const ConnectionQuery &query);
    void saveLayout();
    void updateSummary();
    void updateTitle();
    void findInLoadedRows(const QString &text, bool forward);
    void showBanner(const ApiError &error, std::function<void()> retry);
    void onKeyMissing(const ConnectionChoice &choice, const QString &message,
                      bool serviceUnavailable);
    void onConnectFailed(const ConnectionChoice &choice, const QString &message);
    void onKeyWritten(const QString &environment);
    void onSettingsDialogFinished(const ConnectionChoice &choice, bool accepted);
    void onPageLoaded();
    void onRetryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    ConnectionChoice currentChoice() const;

    QSettings *m_settings;
    QPointer<SecretStore> m_secrets;
    ConnectionSwitcher *m_switcher;
    ConnectionSession *m_session = nullptr;
    QList<QMetaObject::Connection> m_sessionConnections;
    QPointer<QDialog> m_exportDialog;
    QPointer<QDialog> m_settingsDialog;
    QPointer<SandboxFaultsDialog> m_sandboxFaults;
    bool m_autoLoad = true;
    bool m_loaded = false; // the current session's table is attached and listing
    QByteArray m_headerState;
    // Keys the settings dialog wrote while open: acted on when it closes.
    QStringList m_keysWrittenInDialog;
    std::function<void()> m_retry; // what the banner's Retry does

    FilterBar *m_filterBar;
    QLabel *m_summary;
    ErrorBanner *m_banner;
    ConnectionTableView *m_table;
    DetailPane *m_detail;
    QSplitter *m_splitter;
    FindBar *m_findBar;
    LoadStatus *m_loadStatus;
    EnvironmentBadge *m_badge;
    SessionFigures *m_figures;
    RequestLogDock *m_requestLog;
    QMenu *m_developerMenu = nullptr;
    QAction *m_sandboxFaultsAction = nullptr;
};
