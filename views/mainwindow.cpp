#include "mainwindow.h"

#include "applicationlistmodel.h"
#include "connectionsession.h"
#include "connectionsettingsdialog.h"
#include "connectionswitcher.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "detailpane.h"
#include "environmentbadge.h"
#include "errorbanner.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "filtersummary.h"
#include "findbar.h"
#include "increaseclient.h"
#include "loadedrowsearch.h"
#include "loadstatus.h"
#include "requestlogdock.h"
#include "sandboxfaultsdialog.h"
#include "secretstore.h"
#include "sessionfigures.h"
#include "windowsettings.h"

#include <QAction>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QSettings *settings, SecretStore *secrets, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_switcher(new ConnectionSwitcher(secrets, this))
    , m_filterBar(new FilterBar(this))
    , m_summary(new QLabel(this))
    , m_banner(new ErrorBanner(this))
    , m_table(new ConnectionTableView(this))
    , m_detail(new DetailPane(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_findBar(new FindBar(this))
    , m_loadStatus(new LoadStatus(this))
    , m_badge(new EnvironmentBadge(this))
    , m_figures(new SessionFigures(this))
    , m_requestLog(new RequestLogDock(this))
{
    setObjectName(u"mainWindow"_s);
    m_summary->setTextFormat(Qt::PlainText); // holds an application's name
    m_summary->setAccessibleName(tr("Active filter"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(true);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_summary);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_findBar);
    setCentralWidget(central);

    statusBar()->addWidget(m_loadStatus, 1);
    statusBar()->addPermanentWidget(m_figures);
    statusBar()->addPermanentWidget(m_badge);
    // Closed until asked for; restoreState() below brings back how it was left.
    addDockWidget(Qt::BottomDockWidgetArea, m_requestLog);
    m_requestLog->hide();
    buildActions();

    connect(m_filterBar, &FilterBar::queryChanged, this, &MainWindow::applyQuery);
    connect(m_table, &ConnectionTableView::connectionSelected, m_detail,
            &DetailPane::showConnection);
    connect(m_table, &ConnectionTableView::filterByApplicationRequested, m_filterBar,
            &FilterBar::filterByApplication);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &MainWindow::updateSummary);
    connect(m_detail, &DetailPane::setApiKeyRequested, this, &MainWindow::openConnectionSettings);
    connect(m_findBar, &FindBar::findNext, this,
            [this](const QString &text) { findInLoadedRows(text, true); });
    connect(m_findBar, &FindBar::findPrevious, this,
            [this](const QString &text) { findInLoadedRows(text, false); });
    connect(m_findBar, &FindBar::closed, m_table, qOverload<>(&QWidget::setFocus));
    connect(m_banner, &ErrorBanner::retryRequested, this, [this] {
        m_banner->clear();
        if (m_retry)
            m_retry();
    });
    connect(m_banner, &ErrorBanner::setApiKeyRequested, this, &MainWindow::openConnectionSettings);
    connect(m_banner, &ErrorBanner::showInRequestLogRequested, m_requestLog,
            &RequestLogDock::showFailures);
    connect(m_banner, &ErrorBanner::cancelRequested, this, [this] {
        m_loadStatus->cancelLoadAll();
        m_banner->clear();
    });
    connect(m_requestLog, &RequestLogDock::cleared, m_figures, &SessionFigures::reset);

    connect(m_switcher, &ConnectionSwitcher::ready, this, &MainWindow::adopt);
    connect(m_switcher, &ConnectionSwitcher::waitingForKey, this,
            [this](const ConnectionChoice &choice) {
                if (!m_session)
                    m_badge->setConnecting(choice);
                statusBar()->showMessage(
                    tr("Reading the API key for %1 from the keychain…").arg(displayName(choice)));
            });
    connect(m_switcher, &ConnectionSwitcher::keyMissing, this, &MainWindow::onKeyMissing);
    connect(m_switcher, &ConnectionSwitcher::failed, this, &MainWindow::onConnectFailed);
    if (secrets)
        connect(secrets, &SecretStore::keyWritten, this, &MainWindow::onKeyWritten);

    resize(1200, 760);
    restoreGeometry(WindowSettings::geometry(*m_settings));
    restoreState(WindowSettings::windowState(*m_settings));
    m_requestLog->restoreLayout(*m_settings);
    if (!m_splitter->restoreState(WindowSettings::splitterState(*m_settings)))
        m_splitter->setSizes({720, 480});
    m_headerState = WindowSettings::headerState(*m_settings);
    m_filterBar->setQuery(WindowSettings::filters(*m_settings));
    updateSummary();
    updateTitle();
    m_table->setFocus();
}

MainWindow::~MainWindow()
{
    // Views let go of the models before the session deletes them.
    m_table->setConnectionModel(nullptr, nullptr);
    m_detail->setSource(nullptr, nullptr);
    m_filterBar->setApplicationModel(nullptr);
    m_loadStatus->setModel(nullptr);
    delete m_exportDialog;
    delete m_session;
}

void MainWindow::buildActions()
{
    const auto action = [this](const QString &text, auto slot, QList<QKeySequence> keys = {}) {
        auto *a = new QAction(text, this);
        a->setShortcuts(keys);
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work while the menu bar is hidden too
        return a;
    };
    QAction *exportAction =
        action(tr("&Export…"), &MainWindow::openExportDialog, {QKeySequence(u"Ctrl+Shift+E"_s)});
    QAction *connection = action(tr("&Connection…"), &MainWindow::openConnectionSettings);
    QAction *quit = action(tr("&Quit"), &QWidget::close, {QKeySequence::Quit});
    QAction *refreshAction = action(tr("&Refresh"), &MainWindow::refresh,
                                    {QKeySequence(Qt::Key_F5), QKeySequence(u"Ctrl+R"_s)});
    QAction *findAction =
        action(tr("&Find in Loaded Rows…"), &MainWindow::find, {QKeySequence::Find});
    QAction *goTo = action(tr("&Go to ID…"), &MainWindow::goToId, {QKeySequence(u"Ctrl+L"_s)});
    QAction *loadAll = action(tr("Load &All"), [this] { m_loadStatus->loadAll(); });
    QAction *cancel =
        action(tr("&Cancel Loading"), &MainWindow::cancelOrClose, {QKeySequence(Qt::Key_Escape)});
    m_sandboxFaultsAction = action(tr("Sandbox &Faults…"), &MainWindow::openSandboxFaults);
    m_sandboxFaultsAction->setEnabled(false);
    QAction *requestLog = m_requestLog->toggleViewAction();
    requestLog->setText(tr("Request &Log"));
    requestLog->setShortcut(QKeySequence(Qt::Key_F12)); // the browsers' developer tools key
    addAction(requestLog);
    exportAction->setToolTip(tr("Export the connections to CSV or JSON Lines"));
    refreshAction->setToolTip(tr("List again from the first page (F5)"));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(exportAction);
    file->addSeparator();
    file->addAction(quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_table->copyAction());
    edit->addAction(m_table->copyJsonAction());
    edit->addSeparator();
    edit->addAction(findAction);
    edit->addAction(goTo);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(refreshAction);
    view->addAction(loadAll);
    view->addAction(cancel);
    view->addSeparator();
    view->addAction(requestLog);
    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->addAction(connection);
    // Only the in-process sandbox has knobs: the menu shows while connected to it.
    m_developerMenu = menuBar()->addMenu(tr("&Developer"));
    m_developerMenu->addAction(m_sandboxFaultsAction);
    m_developerMenu->menuAction()->setVisible(false);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->addAction(refreshAction);
    toolBar->addAction(goTo);
    toolBar->addAction(findAction);
    toolBar->addAction(exportAction);
    toolBar->addSeparator();
    toolBar->addAction(connection);
}

void MainWindow::setClientDefaults(const ClientConfig &defaults)
{
    m_switcher->setClientDefaults(defaults);
}

void MainWindow::connectWithKey(const ConnectionChoice &choice, const QString &apiKey)
{
    m_switcher->requestWithKey(choice, apiKey);
}

void MainWindow::connectWithStoredKey(const ConnectionChoice &choice)
{
    m_switcher->request(choice);
}

ConnectionChoice MainWindow::currentChoice() const
{
    if (m_switcher->isWaiting())
        return m_switcher->pendingChoice();
    if (m_session)
        return m_session->choice();
    return WindowSettings::choice(*m_settings).value_or(ConnectionChoice{u"local"_s, {}});
}

void MainWindow::adopt(ConnectionSession *session)
{
    ConnectionSession *old = m_session;
    if (old) {
        if (m_loaded)
            m_headerState = m_table->horizontalHeader()->saveState();
        for (const QMetaObject::Connection &connection : std::as_const(m_sessionConnections))
            disconnect(connection);
        m_sessionConnections.clear();
    }
    m_session = session;
    session->setParent(this);
    m_loaded = false;

    ConnectionTableModel *connections = session->connections();
    ApplicationListModel *applications = session->applications();
    m_table->setConnectionModel(nullptr, nullptr);
    m_loadStatus->setModel(nullptr);
    m_detail->setSource(session->client(), applications);
    m_filterBar->setApplicationModel(applications);
    m_findBar->deactivate();
    m_banner->clear();
    m_retry = nullptr;
    statusBar()->clearMessage();

    m_sessionConnections = {
        connect(session->client(), &IncreaseClient::inFlightChanged, m_loadStatus,
                &LoadStatus::setInFlight),
        connect(connections, &ConnectionTableModel::fetchFailed, this,
                [this](const ApiError &error) {
                    showBanner(error, [this] {
                        if (m_session)
                            m_session->connections()->fetchMore({});
                    });
                }),
        connect(connections, &ConnectionTableModel::retryScheduled, this,
                &MainWindow::onRetryScheduled),
        connect(connections, &ConnectionTableModel::pageLoaded, this, &MainWindow::onPageLoaded),
        connect(connections, &ConnectionTableModel::queryChanged, this, &MainWindow::updateSummary),
        connect(applications, &ApplicationListModel::loaded, this, &MainWindow::updateSummary),
        connect(applications, &ApplicationListModel::loadFailed, this,
                [this](const ApiError &error) {
                    statusBar()->showMessage(
                        tr("Application names could not be loaded: %1").arg(error.message()));
                }),
    };
    inspect(session);
    m_loadStatus->setInFlight(session->client()->inFlight());
    m_badge->setChoice(session->choice(), session->baseUrl());
    updateTitle();
    updateSummary();

    if (old) {
        // An export still running keeps its client and model until its dialog closes.
        if (m_exportDialog)
            connect(m_exportDialog, &QObject::destroyed, old, &QObject::deleteLater);
        else
            old->deleteLater();
    }
    if (m_autoLoad)
        startLoading();
    Q_EMIT sessionChanged();
}

void MainWindow::inspect(ConnectionSession *session)
{
    // Not in m_sessionConnections: these end with the client, so an export still running
    // on the previous one stays in the log and the figures.
    m_requestLog->follow(session->client());
    m_figures->follow(session->client(), session->connections());

    const bool local = session->sandbox() != nullptr;
    m_sandboxFaultsAction->setEnabled(local);
    m_developerMenu->menuAction()->setVisible(local);
    if (m_sandboxFaults) {
        if (local)
            m_sandboxFaults->setSandbox(session->sandbox());
        else
            m_sandboxFaults->close();
    }
}

void MainWindow::startLoading()
{
    if (!m_session || m_loaded)
        return;
    m_loaded = true;
    ConnectionTableModel *connections = m_session->connections();
    // The model goes to the view only now: a view asks an empty model for its first page.
    m_table->setConnectionModel(connections, m_session->applications());
    m_table->restoreHeaderState(m_headerState);
    m_loadStatus->setModel(connections);
    connections->setQuery(m_filterBar->query());
    m_session->applications()->reload();
    updateSummary();
}

void MainWindow::openLocalFallback()
{
    QString error;
    ConnectionSession *local = ConnectionSession::create(
        ConnectionChoice{u"local"_s, {}}, QString(), m_switcher->clientDefaults(), &error);
    if (local)
        adopt(local);
    else
        statusBar()->showMessage(error);
}

void MainWindow::onKeyMissing(const ConnectionChoice &choice, const QString &message,
                              bool serviceUnavailable)
{
    // The banner must survive the fallback's adopt(), which clears it.
    if (!m_session)
        openLocalFallback();
    QString detail;
    if (serviceUnavailable)
        detail = tr("The system keychain is not available (%1). Set API key… can keep a key "
                    "for this session only.")
                     .arg(message);
    else if (!message.isEmpty())
        detail = tr("The keychain could not be read: %1").arg(message);
    else
        detail = tr("Set API key… stores one in the system keychain.");
    if (m_session)
        detail += u'\n' + tr("Still connected to %1.").arg(displayName(m_session->choice()));
    m_retry = nullptr;
    m_banner->showMessage(tr("No API key for %1").arg(displayName(choice)), detail,
                          ErrorBanner::SetApiKey | ErrorBanner::Dismiss);
    statusBar()->clearMessage();
}

void MainWindow::onConnectFailed(const ConnectionChoice &choice, const QString &message)
{
    if (!m_session)
        openLocalFallback();
    m_retry = [this, choice] {
        connectWithStoredKey(choice);
    };
    m_banner->showMessage(tr("Could not connect to %1").arg(displayName(choice)), message,
                          ErrorBanner::Retry | ErrorBanner::Dismiss);
}

void MainWindow::onKeyWritten(const QString &environment)
{
    // The settings dialog reconnects when it closes, knowing what the user chose.
    if (m_settingsDialog) {
        if (!m_keysWrittenInDialog.contains(environment))
            m_keysWrittenInDialog.append(environment);
        return;
    }
    // A key for the environment still waited for completes the switch; a new key for the
    // one in use (Set API key… after invalid_api_key_error) reconnects with it.
    if (m_switcher->isWaiting()) {
        if (m_switcher->pendingChoice().environment == environment)
            m_switcher->request(m_switcher->pendingChoice());
        return;
    }
    if (m_session && !m_session->isLocal() && m_session->choice().environment == environment)
        m_switcher->request(m_session->choice());
}

void MainWindow::onSettingsDialogFinished(const ConnectionChoice &choice, bool accepted)
{
    const QStringList written = std::exchange(m_keysWrittenInDialog, {});
    if (!accepted) {
        for (const QString &environment : written)
            onKeyWritten(environment);
        return;
    }
    WindowSettings::setChoice(*m_settings, choice);
    // The same connection with the same key: nothing to redo, the rows stay.
    const bool unchanged = m_session && m_session->choice() == choice &&
                           (m_session->isLocal() || !written.contains(choice.environment));
    if (unchanged) {
        m_switcher->cancel();
        return;
    }
    m_switcher->request(choice);
}

void MainWindow::applyQuery(const ConnectionQuery &query)
{
    WindowSettings::setFilters(*m_settings, query);
    if (m_session && m_loaded)
        m_session->connections()->setQuery(query);
    updateSummary();
}

void MainWindow::refresh()
{
    if (!m_session)
        return;
    if (!m_loaded) {
        startLoading();
        return;
    }
    m_banner->clear();
    m_session->connections()->refresh();
    m_session->applications()->reload();
}

void MainWindow::showBanner(const ApiError &error, std::function<void()> retry)
{
    m_retry = std::move(retry);
    m_banner->showError(error,
                        ErrorBanner::Retry | ErrorBanner::ShowInRequestLog | ErrorBanner::Dismiss);
}

void MainWindow::onPageLoaded()
{
    // The listing moves again: whatever the banner said about it is over.
    if (m_banner->isShowingRateLimit() || (m_banner->error() && m_retry))
        m_banner->clear();
    updateSummary();
}

void MainWindow::onRetryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason)
{
    if (reason.kind == ApiError::Kind::RateLimited) {
        // Load all can be stopped while it waits; a single page has nothing else to do.
        ErrorBanner::Actions actions = ErrorBanner::ShowInRequestLog | ErrorBanner::Dismiss;
        if (m_loadStatus->isLoadingAll())
            actions |= ErrorBanner::Cancel;
        m_banner->showRateLimit(delayMs, actions);
        return;
    }
    statusBar()->showMessage(tr("%1 — retrying (attempt %2) in %3 s")
                                 .arg(reason.message())
                                 .arg(nextAttempt)
                                 .arg(QLocale().toString(double(delayMs) / 1000.0, 'f', 1)),
                             int(delayMs) + 1000);
}

void MainWindow::openConnectionSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    auto *dialog = new ConnectionSettingsDialog(m_secrets, currentChoice(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_settingsDialog = nullptr; // it is on its way out (WA_DeleteOnClose)
        onSettingsDialogFinished(dialog->choice(), result == QDialog::Accepted);
    });
    dialog->open();
}

void MainWindow::openSandboxFaults()
{
    if (!m_session || !m_session->sandbox())
        return;
    if (m_sandboxFaults) {
        m_sandboxFaults->raise();
        m_sandboxFaults->activateWindow();
        return;
    }
    auto *dialog = new SandboxFaultsDialog(m_session->sandbox(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_sandboxFaults = dialog;
    dialog->show(); // non-modal: the window stays usable to watch the faults' effect
}

SandboxFaultsDialog *MainWindow::sandboxFaultsDialog() const
{
    return m_sandboxFaults;
}

void MainWindow::openExportDialog()
{
    if (!m_session) {
        statusBar()->showMessage(tr("Not connected: nothing to export yet."), 5000);
        return;
    }
    if (m_exportDialog) {
        m_exportDialog->raise();
        m_exportDialog->activateWindow();
        return;
    }
    auto *dialog =
        new ExportDialog(m_session->client(), m_session->connections(), m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_exportDialog = dialog;
    dialog->open();
}

void MainWindow::goToId()
{
    // The pane may have been collapsed with the splitter: bring it back to show the result.
    QList<int> sizes = m_splitter->sizes();
    if (sizes.value(1) == 0) {
        const int total = sizes.value(0);
        m_splitter->setSizes({total * 3 / 5, total * 2 / 5});
    }
    m_detail->beginGoToId();
}

void MainWindow::find()
{
    m_findBar->activate();
}

void MainWindow::cancelOrClose()
{
    if (m_loadStatus->isLoadingAll())
        m_loadStatus->cancelLoadAll();
    else
        m_findBar->deactivate();
}

void MainWindow::findInLoadedRows(const QString &text, bool forward)
{
    ConnectionTableModel *model = m_table->connectionModel();
    if (!model || text.isEmpty()) {
        m_findBar->setResult(QString());
        return;
    }
    const QModelIndex current = m_table->currentIndex();
    const std::optional<int> row =
        LoadedRowSearch::find(*model, m_session ? m_session->applications() : nullptr, text,
                              current.isValid() ? current.row() : -1, forward);
    const QLocale locale;
    if (!row) {
        m_findBar->setResult(
            tr("No match in the %1 loaded rows").arg(locale.toString(model->rowCount())));
        return;
    }
    m_table->goToRow(*row);
    m_findBar->setResult(tr("Row %1 of %2 loaded")
                             .arg(locale.toString(*row + 1), locale.toString(model->rowCount())));
}

QString MainWindow::filterSummary() const
{
    return m_summary->text();
}

void MainWindow::updateSummary()
{
    const ConnectionQuery query = m_filterBar->query();
    const ApplicationListModel *names = m_session ? m_session->applications() : nullptr;
    std::optional<QString> name;
    if (names && !query.applicationId.isEmpty() && names->nameOf(query.applicationId))
        name = names->displayName(query.applicationId);

    FilterSummary::Order order;
    const QHeaderView *header = m_table->horizontalHeader();
    if (m_table->isSortingEnabled() && header->sortIndicatorSection() >= 0 && m_table->model()) {
        order.sortedBy =
            m_table->model()->headerData(header->sortIndicatorSection(), Qt::Horizontal).toString();
        order.ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
    }
    order.allLoaded = m_table->connectionModel() && !m_table->connectionModel()->hasMore();
    m_summary->setText(FilterSummary::describe(query, name, order));
}

void MainWindow::updateTitle()
{
    const QString app = tr("Increase Connections");
    setWindowTitle(m_session ? tr("%1 — %2").arg(app, displayName(m_session->choice())) : app);
}

void MainWindow::saveLayout()
{
    const QByteArray header = m_loaded ? m_table->horizontalHeader()->saveState() : m_headerState;
    WindowSettings::setLayout(*m_settings, saveGeometry(), saveState(), m_splitter->saveState(),
                              header);
    m_requestLog->saveLayout(*m_settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}
