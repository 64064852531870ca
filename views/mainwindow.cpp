// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "applicationlistmodel.h"
#include "connectioncontroller.h"
#include "connectionsession.h"
#include "connectionsettingsdialog.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "detailpane.h"
#include "environmentbadge.h"
#include "errorbanner.h"
#include "exportbar.h"
#include "exportcontroller.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "filtersummary.h"
#include "findbar.h"
#include "insightscontroller.h"
#include "insightsdock.h"
#include "keyboardshortcutsdialog.h"
#include "listingcontroller.h"
#include "loadstatus.h"
#include "noticeboard.h"
#include "requestlogdock.h"
#include "sandboxfaultsdialog.h"
#include "secretstore.h"
#include "sessionfigures.h"
#include "tabstops.h"
#include "watchcontroller.h"
#include "watchcounter.h"
#include "windowactions.h"
#include "windowsettings.h"

#include <QAction>
#include <QChildEvent>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QSettings *settings, SecretStore *secrets, EmbeddedSandboxFactory sandboxes,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_notices(new NoticeBoard(this))
    , m_connection(
          new ConnectionController(settings, secrets, std::move(sandboxes), m_notices, this))
    , m_listing(new ListingController(settings, m_notices, this))
    , m_watch(new WatchController(settings, m_notices, this))
    , m_insightsController(new InsightsController(this))
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
    , m_insights(new InsightsDock(m_insightsController, this))
    , m_exports(new ExportController(this))
    , m_exportBar(new ExportBar(m_exports, this))
{
    setObjectName(u"mainWindow"_s);
    buildLayout();
    m_actions = new WindowActions(this, m_table, m_requestLog, m_insights);
    // Beside the filter summary, above the table it is about: the status bar has no room
    // left at 1024 px. The line keeps the button's height whether it shows or not, so
    // turning the watch on does not move the table.
    m_watchCounter =
        new WatchCounter(m_actions->nextChange, m_actions->clearChanges, m_actions->checkNow, this);
    m_summaryRow->addWidget(m_watchCounter);
    m_summary->setMinimumHeight(m_watchCounter->heightWithText());
    wireControllers();
    wireWatch();
    orderTabStops();

    resize(1200, 760);
    restoreGeometry(WindowSettings::geometry(*m_settings));
    restoreState(WindowSettings::windowState(*m_settings));
    m_requestLog->restoreLayout(*m_settings);
    if (!m_splitter->restoreState(WindowSettings::splitterState(*m_settings)))
        m_splitter->setSizes({920, kDetailPaneWidth});
    m_actions->detailPane->setChecked(isDetailPaneShown());
    m_headerState = WindowSettings::headerState(*m_settings);
    m_table->setColumnsSizedByUser(WindowSettings::columnsSizedByUser(*m_settings));
    // The filter bar shows the saved filters as its choices allow (no status: Active).
    m_filterBar->setQuery(m_listing->query());
    m_listing->setQuery(m_filterBar->query());
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
    delete m_exports; // cancels a running export (no file) before its session goes
    delete m_watch;   // stops polling before the model and client go
    m_insightsController->setListing(nullptr);
    delete m_listing;
    delete m_connection;
}

void MainWindow::buildLayout()
{
    m_summary->setTextFormat(Qt::PlainText); // holds an application's name
    m_summary->setAccessibleName(tr("Active filter"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The banner goes under the table, not above it: appearing and going, it takes room
    // from the last rows shown instead of pushing the header and every row down.
    auto *tableArea = new QWidget(this);
    tableArea->setObjectName(u"tableArea"_s);
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addWidget(m_banner);

    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(tableArea);
    m_splitter->addWidget(m_detail);
    // The table first: a wider window widens the table, the pane keeps its width.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setChildrenCollapsible(true);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_filterBar);
    m_summaryRow = new QHBoxLayout;
    m_summaryRow->setContentsMargins(0, 0, 0, 0);
    m_summaryRow->addWidget(m_summary, 1);
    layout->addLayout(m_summaryRow);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_findBar);
    layout->addWidget(m_exportBar);
    setCentralWidget(central);

    statusBar()->addWidget(m_loadStatus, 1);
    statusBar()->addPermanentWidget(m_figures);
    statusBar()->addPermanentWidget(m_badge);
    // Closed until asked for; restoreState() brings back how it was left.
    addDockWidget(Qt::BottomDockWidgetArea, m_requestLog);
    m_requestLog->hide();
    // Insights shares the bottom with the request log, as a tab when both are open.
    addDockWidget(Qt::BottomDockWidgetArea, m_insights);
    tabifyDockWidget(m_requestLog, m_insights);
    m_insights->hide();
    // The dock behind the other's tab is moved out of the window, not hidden: its controls
    // would stay in Tab's round, out of sight. Its content hides while it is behind.
    for (QDockWidget *dock : std::initializer_list<QDockWidget *>{m_requestLog, m_insights})
        connect(dock, &QDockWidget::visibilityChanged, dock->widget(), &QWidget::setVisible);
}

void MainWindow::wireControllers()
{
    // Messages go to the load status's own line: QStatusBar::showMessage would hide it,
    // and with it the progress and Load All.
    connect(m_connection, &ConnectionController::sessionChanged, this, &MainWindow::adopt);
    connect(m_connection, &ConnectionController::connecting, m_badge,
            &EnvironmentBadge::setConnecting);
    connect(m_connection, &ConnectionController::statusMessage, m_loadStatus,
            [this](const QString &text) { m_loadStatus->showMessage(text); });

    connect(m_filterBar, &FilterBar::queryChanged, m_listing, &ListingController::setQuery);
    connect(m_listing, &ListingController::listingStarted, this, &MainWindow::showListing);
    connect(m_listing, &ListingController::filtersChanged, m_detail, &DetailPane::markNotListed);
    m_actions->timesInUtc->setChecked(m_listing->timesInUtc());
    connect(m_actions->timesInUtc, &QAction::toggled, m_listing, &ListingController::setTimesInUtc);
    m_insightsController->setTimesInUtc(m_listing->timesInUtc());
    connect(m_actions->timesInUtc, &QAction::toggled, m_insightsController,
            &InsightsController::setTimesInUtc);
    connect(m_insights, &InsightsDock::loadAllRequested, this, &MainWindow::loadAll);
    // Opened for the first time (no size remembered), it takes the lower part of the
    // window: a chart needs height to be read.
    connect(m_actions->insights, &QAction::toggled, this, [this](bool shown) {
        if (shown && m_insights->height() < height() / 3)
            resizeDocks({m_insights}, {height() * 45 / 100}, Qt::Vertical);
    });
    connect(m_insights, &InsightsDock::saved, m_loadStatus,
            [this](const QString &message) { m_loadStatus->showMessage(message, 8000); });
    connect(m_listing, &ListingController::loadStateChanged, m_actions, [this] {
        m_actions->loadAll->setEnabled(m_listing->canLoadAll());
        m_actions->cancelLoading->setEnabled(m_listing->isLoadingAll());
        m_table->setEmptyText(m_listing->emptyText());
    });
    connect(m_detail, &DetailPane::goToRequested, m_table, &ConnectionTableView::selectConnection);
    connect(m_listing, &ListingController::summaryChanged, this, &MainWindow::updateSummary);
    connect(m_listing, &ListingController::inFlightChanged, m_loadStatus, &LoadStatus::setInFlight);
    connect(m_listing, &ListingController::statusMessage, m_loadStatus, &LoadStatus::showMessage);
    connect(m_listing, &ListingController::activityChanged, m_loadStatus, &LoadStatus::setActivity);

    m_banner->follow(m_notices);
    connect(m_banner, &ErrorBanner::setApiKeyRequested, this, &MainWindow::openConnectionSettings);
    connect(m_banner, &ErrorBanner::showInRequestLogRequested, m_requestLog,
            &RequestLogDock::showFailures);

    connect(m_table, &ConnectionTableView::connectionSelected, m_detail,
            &DetailPane::showConnection);
    connect(m_table, &ConnectionTableView::filterByApplicationRequested, m_filterBar,
            &FilterBar::filterByApplication);
    connect(m_table, &ConnectionTableView::copied, m_loadStatus,
            [this](const QString &what) { m_loadStatus->showMessage(what, 4000); });
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &MainWindow::updateSummary);
    connect(m_detail, &DetailPane::setApiKeyRequested, this, &MainWindow::openConnectionSettings);
    connect(m_findBar, &FindBar::findNext, this,
            [this](const QString &text) { findInLoadedRows(text, true); });
    connect(m_findBar, &FindBar::findPrevious, this,
            [this](const QString &text) { findInLoadedRows(text, false); });
    connect(m_findBar, &FindBar::closed, m_table, qOverload<>(&QWidget::setFocus));
    connect(m_requestLog, &RequestLogDock::cleared, m_figures, &SessionFigures::reset);
    connect(m_exportBar, &ExportBar::closeConfirmed, this, &QWidget::close);
    connect(m_actions->detailPane, &QAction::toggled, this, &MainWindow::setDetailPaneShown);
    // Dragged shut (or open) with the splitter: the View menu says so.
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { m_actions->detailPane->setChecked(isDetailPaneShown()); });
}

void MainWindow::orderTabStops()
{
    // Tab reads the window as it is laid out: the filters, the watch's counter at the end
    // of the line under them, the table and the banner under it, the detail pane, the
    // find bar and the export strip, the status bar, then the docks when they are open.
    chainTabStops({m_filterBar, m_watchCounter, m_table, m_banner, m_detail, m_findBar, m_exportBar,
                   statusBar(), m_requestLog, m_insights});
}

void MainWindow::setClientDefaults(const ClientConfig &defaults)
{
    m_connection->setClientDefaults(defaults);
}

void MainWindow::setAutoLoad(bool autoLoad)
{
    m_listing->setAutoLoad(autoLoad);
}

void MainWindow::connectWithKey(const ConnectionChoice &choice, const QString &apiKey)
{
    m_connection->connectWithKey(choice, apiKey);
}

void MainWindow::connectWithStoredKey(const ConnectionChoice &choice)
{
    m_connection->connectWithStoredKey(choice);
}

ConnectionSession *MainWindow::session() const
{
    return m_connection->session();
}

void MainWindow::adopt(ConnectionSession *session)
{
    if (m_listing->model())
        m_headerState = m_table->horizontalHeader()->saveState();
    m_watch->setListing(nullptr, nullptr); // a watch that is on waits for the new listing
    m_insightsController->setListing(nullptr);
    m_insights->setApplicationNames(session->applications());
    m_table->setConnectionModel(nullptr, nullptr);
    m_loadStatus->setModel(nullptr);
    m_detail->setSource(session->client(), session->applications());
    m_filterBar->setApplicationModel(session->applications());
    m_findBar->deactivate();
    // These follow each client rather than the session: an export still running on the
    // previous one stays in the log and the figures.
    m_requestLog->follow(session->client());
    m_figures->follow(session->client(), session->connections());

    EmbeddedSandbox *sandbox = session->sandbox();
    m_actions->sandboxFaults->setEnabled(sandbox);
    m_actions->developerMenu->menuAction()->setVisible(sandbox);
    if (m_sandboxFaults) {
        if (sandbox)
            m_sandboxFaults->setSandbox(sandbox);
        else
            m_sandboxFaults->close();
    }
    m_badge->setChoice(session->choice(), session->baseUrl());
    updateTitle();
    m_listing->setSession(session); // lists at once unless auto-load is off
    updateSummary();
    Q_EMIT sessionChanged();
}

void MainWindow::showListing(ConnectionTableModel *model)
{
    m_table->setConnectionModel(model, session()->applications());
    m_table->restoreHeaderState(m_headerState);
    m_loadStatus->setModel(model);
    m_watch->setListing(model, session()->client());
    m_insightsController->setListing(model);
}

void MainWindow::wireWatch()
{
    const auto updateActions = [this] {
        const bool watching = m_watch->isWatching();
        m_actions->watch->setChecked(watching);
        m_actions->checkNow->setEnabled(watching);
        const bool changes = m_watch->createdCount() + m_watch->deactivatedCount() > 0;
        m_actions->nextChange->setEnabled(watching && changes);
        m_actions->clearChanges->setEnabled(watching && changes);
        m_watchCounter->setCounter(m_watch->counterText(), m_watch->counterToolTip());
    };
    connect(m_actions->watch, &QAction::toggled, this, &MainWindow::setWatching);
    connect(m_watch, &WatchController::watchingChanged, this, updateActions);
    connect(m_watch, &WatchController::counterChanged, this, updateActions);
    connect(m_watch, &WatchController::statusMessage, m_loadStatus, &LoadStatus::showMessage);
    const auto checkInterval = [this](int seconds) {
        for (QAction *choice : std::as_const(m_actions->watchIntervals))
            choice->setChecked(choice->data().toInt() == seconds);
    };
    checkInterval(m_watch->intervalSeconds());
    connect(m_watch, &WatchController::intervalChanged, this, checkInterval);
    for (QAction *choice : std::as_const(m_actions->watchIntervals)) {
        connect(choice, &QAction::triggered, m_watch,
                [this, choice] { m_watch->setIntervalSeconds(choice->data().toInt()); });
    }
    updateActions();
}

QAction *MainWindow::watchAction() const
{
    return m_actions->watch;
}

void MainWindow::setWatching(bool watching)
{
    m_watch->setWatching(watching);
}

void MainWindow::checkForChangesNow()
{
    m_watch->pollNow();
}

void MainWindow::goToNextChange()
{
    const QModelIndex current = m_table->currentIndex();
    const int row = m_watch->nextChangedRow(current.isValid() ? current.row() : -1);
    if (row < 0) {
        m_loadStatus->showMessage(tr("No changed row is in the table: the changes counted "
                                     "were not loaded or were filtered out."),
                                  5000);
        return;
    }
    m_table->goToRow(row);
}

void MainWindow::clearChanges()
{
    m_watch->clearChanges();
}

void MainWindow::refresh()
{
    m_listing->refresh();
}

void MainWindow::loadAll()
{
    m_listing->loadAll();
}

void MainWindow::openConnectionSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    auto *dialog = new ConnectionSettingsDialog(m_secrets, m_connection->currentChoice(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    m_connection->settingsOpened();
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_settingsDialog = nullptr; // it is on its way out (WA_DeleteOnClose)
        m_connection->settingsClosed(dialog->choice(), result == QDialog::Accepted);
    });
    dialog->open();
}

void MainWindow::openSandboxFaults()
{
    if (!session() || !session()->sandbox())
        return;
    if (m_sandboxFaults) {
        m_sandboxFaults->raise();
        m_sandboxFaults->activateWindow();
        return;
    }
    auto *dialog = new SandboxFaultsDialog(session()->sandbox(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_sandboxFaults = dialog;
    dialog->show(); // non-modal: the window stays usable to watch the faults' effect
}

QAction *MainWindow::sandboxFaultsAction() const
{
    return m_actions->sandboxFaults;
}

SandboxFaultsDialog *MainWindow::sandboxFaultsDialog() const
{
    return m_sandboxFaults;
}

void MainWindow::showKeyboardShortcuts()
{
    if (m_shortcutsDialog) {
        m_shortcutsDialog->raise();
        m_shortcutsDialog->activateWindow();
        return;
    }
    auto *dialog = new KeyboardShortcutsDialog(actions() + m_table->actions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_shortcutsDialog = dialog;
    dialog->show(); // non-modal: the keys can be tried with the list open
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About Increase Connections"),
                                tr("Increase Connections %1").arg(QStringLiteral(IC_VERSION)),
                                QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(
        tr("An administration tool for the OAuth connections of Increase.\n\n"
           "Licensed under the GNU General Public License, version 3 or later "
           "(GPL-3.0-or-later).\n\nBuilt with Qt %1, running on Qt %2.")
            .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::openExportDialog()
{
    ConnectionSession *current = session();
    if (!current) {
        m_loadStatus->showMessage(tr("Not connected: nothing to export yet."), 5000);
        return;
    }
    if (m_exportDialog) {
        m_exportDialog->raise();
        m_exportDialog->activateWindow();
        return;
    }
    auto *dialog = new ExportDialog(current, m_exports, m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_exportDialog = dialog;
    current->keepWhile(dialog); // what the dialog shows outlives a switch of connection
    dialog->open();
}

void MainWindow::goToId()
{
    // The pane may have been collapsed: bring it back to show the result.
    m_actions->detailPane->setChecked(true);
    m_detail->beginGoToId();
}

bool MainWindow::isDetailPaneShown() const
{
    return m_splitter->sizes().value(1) > 0;
}

void MainWindow::setDetailPaneShown(bool shown)
{
    m_actions->detailPane->setChecked(shown); // when called other than by the action
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (shown == isDetailPaneShown())
        return;
    if (shown) {
        const int pane = std::clamp(m_detailPaneWidth, m_detail->minimumSizeHint().width(),
                                    std::max(total / 2, m_detail->minimumSizeHint().width()));
        m_splitter->setSizes({total - pane, pane});
    } else {
        m_detailPaneWidth = sizes.value(1);
        if (m_detail->isAncestorOf(focusWidget()))
            m_table->setFocus(); // focus must not stay in a hidden pane
        m_splitter->setSizes({total, 0});
    }
}

void MainWindow::find()
{
    m_findBar->activate();
}

void MainWindow::cancelOrClose()
{
    if (m_listing->isLoadingAll())
        m_listing->cancelLoadAll();
    else
        m_findBar->deactivate();
}

void MainWindow::findInLoadedRows(const QString &text, bool forward)
{
    const QModelIndex current = m_table->currentIndex();
    const ListingController::FindResult found =
        m_listing->find(text, current.isValid() ? current.row() : -1, forward);
    if (found.row)
        m_table->goToRow(*found.row);
    m_findBar->setResult(found.message);
}

QString MainWindow::filterSummary() const
{
    return m_summary->text();
}

void MainWindow::updateSummary()
{
    const ConnectionQuery &query = m_listing->query();
    const ApplicationListModel *names = session() ? session()->applications() : nullptr;
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
    setWindowTitle(session() ? tr("%1 — %2").arg(app, displayName(session()->choice())) : app);
}

void MainWindow::saveLayout()
{
    const QByteArray header =
        m_listing->model() ? m_table->horizontalHeader()->saveState() : m_headerState;
    WindowSettings::setLayout(*m_settings, saveGeometry(), saveState(), m_splitter->saveState(),
                              header);
    WindowSettings::setColumnsSizedByUser(*m_settings, m_table->columnsSizedByUser());
    m_requestLog->saveLayout(*m_settings);
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::ChildPolished) {
        if (auto *bar = qobject_cast<QTabBar *>(static_cast<QChildEvent *>(event)->child()))
            followDockTabBar(bar);
    }
    return QMainWindow::event(event);
}

void MainWindow::followDockTabBar(QTabBar *bar)
{
    bar->setAccessibleName(tr("Docked panels"));
    bar->setAccessibleDescription(tr("Switches between the panels that share the bottom of "
                                     "the window"));
    bar->removeEventFilter(this);
    bar->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Out of use, QMainWindow moves a docks' tab bar off the window rather than hiding
    // it: Tab would take the focus there, out of sight. It takes the focus only while
    // it is in the window with two tabs or more.
    auto *bar = qobject_cast<QTabBar *>(watched);
    if (bar && bar->parentWidget() == this &&
        (event->type() == QEvent::Move || event->type() == QEvent::Resize ||
         event->type() == QEvent::Show)) {
        const bool inUse =
            bar->count() > 1 && rect().intersects(QRect(bar->mapTo(this, QPoint()), bar->size()));
        if (!inUse && bar->hasFocus())
            m_table->setFocus(Qt::OtherFocusReason);
        bar->setFocusPolicy(inUse ? Qt::TabFocus : Qt::NoFocus);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A running export is cancelled by closing: the strip asks first.
    if (m_exportBar->holdClose()) {
        event->ignore();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}
