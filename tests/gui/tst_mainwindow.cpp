// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowfixture.h"

#include "applicationlistmodel.h"
#include "connectionsession.h"
#include "connectionsettingsdialog.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "desktopoptions.h"
#include "detailpane.h"
#include "environmentbadge.h"
#include "errorbanner.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "findbar.h"
#include "increaseclient.h"
#include "keyslot.h"
#include "loadstatus.h"
#include "windowsettings.h"

#include <QClipboard>
#include <QComboBox>
#include <QCommandLineParser>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The main window against the local sandbox, driven as a user would: keys and clicks.
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void opensOnTheFirstPage();
    void statusFilterChosenWithKeys();
    void applicationIdTypedIn();
    void invalidApplicationTextIsNotSent();
    void applicationPickedFromTheList();
    void scrollingToTheEndLoadsMore();
    void clickingARowShowsTheRetrievedJson();
    void aStaleRetrieveIsIgnored();
    void goToMissingIdShowsTheNotFoundBanner();
    void goToInvalidIdSendsNothing();
    void ctrlCCopiesTsv();
    void ctrlShiftCCopiesJson();
    void findSearchesLoadedRowsOnly();
    void loadAllThenSortingIsOffered();
    void escapeCancelsLoadAll();
    void rateLimitShowsACountdown();
    void fetchErrorShowsBannerAndRetryRecovers();
    void productionBadgeWithoutSending();
    void localSandboxBadge();
    void noStoredKeyKeepsTheCurrentConnection();
    void storedKeyConnects();
    void keyWrittenLaterCompletesTheSwitch();
    void aStrayBaseUrlGetsOnlyItsOwnOriginsKey();
    void exportDialogOpensWithoutBlocking();
    void contextMenuActions();
    void setApiKeyThroughTheSettingsDialog();
    void choosingTheSameConnectionKeepsTheRows();

private:
    std::unique_ptr<WindowFixture> m_fixture;
};

namespace {

void typeInto(QWidget *widget, const QString &text)
{
    QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(widget, Qt::Key_Delete);
    QTest::keyClicks(widget, text);
}

void clickRow(ConnectionTableView *table, int row)
{
    const QModelIndex index = table->model()->index(row, 0);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
}

} // namespace

void TestMainWindow::init()
{
    m_fixture = std::make_unique<WindowFixture>();
    QVERIFY(m_fixture->isReady());
    m_fixture->sandbox().setLatency(0, 0);
    m_fixture->sandbox().setFailRate(0);
    m_fixture->sandbox().setRateLimit(0);
}

void TestMainWindow::cleanup()
{
    m_fixture.reset();
}

void TestMainWindow::opensOnTheFirstPage()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    QVERIFY(model);
    QCOMPARE(model->rowCount(), WindowFixture::kPageSize);
    QCOMPARE(model->query().statuses, QStringList{u"active"_s});
    QCOMPARE(window->loadStatus()->countText(), u"100 loaded · more available"_s);
    QVERIFY(window->filterSummary().contains(u"active connections"_s));
    QVERIFY(window->filterSummary().contains(u"API order (newest first)"_s));
    QVERIFY(!window->tableView()->isSortingEnabled());
    QCOMPARE(window->environmentBadge()->environment(), u"custom"_s);
    QVERIFY(window->loadStatus()->lastFetchText().startsWith(u"Last fetch"_s));
    QVERIFY(waitUntil(
        [&] { return window->loadStatus()->inFlightText() == u"No requests in flight"_s; }));
}

void TestMainWindow::statusFilterChosenWithKeys()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QComboBox *status = window->filterBar()->statusCombo();
    status->setFocus();
    QTest::keyClick(status, Qt::Key_Down); // Inactive
    QTest::keyClick(status, Qt::Key_Down); // Active and inactive
    QTest::keyClick(status, Qt::Key_Up);   // Inactive
    QCOMPARE(status->currentIndex(), 1);
    // Debounced: three key presses make one requery.
    QVERIFY(waitUntil([&] { return model->query().statuses == QStringList{u"inactive"_s}; }));
    QVERIFY(waitUntil([&] { return model->rowCount() > 0 && !model->isFetching(); }));
    QCOMPARE(resets.count(), 1);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->connectionAt(row).status, u"inactive"_s);
    QVERIFY(window->filterSummary().contains(u"inactive connections"_s));
}

void TestMainWindow::applicationIdTypedIn()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    ApplicationListModel *applications = window->session()->applications();
    QVERIFY(waitUntil([&] { return applications->isLoaded(); }));
    const QString applicationId =
        applications->index(2).data(ApplicationListModel::ApplicationIdRole).toString();
    QVERIFY(!applicationId.isEmpty());

    QLineEdit *edit = window->filterBar()->applicationCombo()->lineEdit();
    edit->setFocus();
    typeInto(edit, applicationId);
    // Typing only narrows the list of applications: Enter filters.
    QTest::qWait(FilterBar::kDebounceMs + 100);
    QVERIFY(model->query().applicationId.isEmpty());
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(waitUntil([&] { return model->query().applicationId == applicationId; }));
    QVERIFY(waitUntil([&] { return model->rowCount() > 0 && !model->isFetching(); }));
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->connectionAt(row).oauthApplicationId, applicationId);
    QVERIFY(window->filterSummary().contains(applicationId));
}

void TestMainWindow::invalidApplicationTextIsNotSent()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    const ConnectionQuery before = model->query();
    const qint64 served = m_fixture->sandbox().requestsServed();

    QLineEdit *edit = window->filterBar()->applicationCombo()->lineEdit();
    edit->setFocus();
    typeInto(edit, u"../not an id"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(waitUntil([&] { return !window->filterBar()->inputError().isEmpty(); }));
    QTest::qWait(FilterBar::kDebounceMs + 100);
    QCOMPARE(model->query(), before);
    QCOMPARE(m_fixture->sandbox().requestsServed(), served);
}

void TestMainWindow::applicationPickedFromTheList()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    ApplicationListModel *applications = window->session()->applications();
    QVERIFY(waitUntil([&] { return applications->isLoaded(); }));
    QComboBox *combo = window->filterBar()->applicationCombo();
    combo->setCurrentIndex(1);
    QCOMPARE(combo->currentText(), applications->index(1).data().toString());
    Q_EMIT combo->activated(1); // what picking from the popup does
    const QString applicationId =
        applications->index(1).data(ApplicationListModel::ApplicationIdRole).toString();
    QVERIFY(waitUntil([&] { return model->query().applicationId == applicationId; }));
    QVERIFY(window->filterSummary().contains(applicationId));
    // Back to every application with the first row.
    combo->setCurrentIndex(0);
    Q_EMIT combo->activated(0);
    QVERIFY(waitUntil([&] { return model->query().applicationId.isEmpty(); }));
}

void TestMainWindow::scrollingToTheEndLoadsMore()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    ConnectionTableView *table = window->tableView();
    clickRow(table, 0);
    QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
    QVERIFY(waitUntil([&] { return model->rowCount() > WindowFixture::kPageSize; }));
    // And with the scroll bar.
    const int rows = model->rowCount();
    QVERIFY(waitUntil([&] { return !model->isFetching(); }));
    // scrollToBottom() lays the view out first, so the scroll bar knows the new rows.
    table->scrollToBottom();
    QCOMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->maximum());
    QVERIFY2(waitUntil([&] { return model->rowCount() > rows || !model->hasMore(); }),
             qPrintable(u"rows %1 → %2, fetching %3, error: %4"_s.arg(rows)
                            .arg(model->rowCount())
                            .arg(model->isFetching())
                            .arg(model->lastError() ? model->lastError()->message() : QString())));
}

void TestMainWindow::clickingARowShowsTheRetrievedJson()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    const QString id = model->connectionAt(3).id;
    clickRow(window->tableView(), 3);
    DetailPane *detail = window->detailPane();
    QVERIFY(waitUntil([&] { return detail->shownId() == id; }));
    const QJsonObject json = QJsonDocument::fromJson(detail->rawJson().toUtf8()).object();
    QCOMPARE(json.value(u"id"_s).toString(), id);
    QCOMPARE(json.value(u"group_id"_s).toString(), model->connectionAt(3).groupId);
    QVERIFY(detail->banner()->isHidden());
}

void TestMainWindow::aStaleRetrieveIsIgnored()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    m_fixture->sandbox().setLatency(150, 0);
    DetailPane *detail = window->detailPane();
    QSignalSpy retrieved(detail, &DetailPane::retrieved);
    detail->showConnection(model->connectionAt(1).id);
    QTest::qWait(20);
    detail->showConnection(model->connectionAt(2).id); // before the first answer
    QVERIFY(waitUntil([&] { return detail->shownId() == model->connectionAt(2).id; }));
    QTest::qWait(300);
    QCOMPARE(retrieved.count(), 1);
    QCOMPARE(detail->shownId(), model->connectionAt(2).id);
}

void TestMainWindow::goToMissingIdShowsTheNotFoundBanner()
{
    auto window = m_fixture->openWindow();
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    DetailPane *detail = window->detailPane();
    QVERIFY(detail->goToField()->hasFocus());
    QTest::keyClicks(detail->goToField(), u"connection_doesnotexist0000000"_s);
    QTest::keyClick(detail->goToField(), Qt::Key_Return);
    QVERIFY(waitUntil([&] { return detail->banner()->isVisible(); }));
    QVERIFY(detail->banner()->error());
    QCOMPARE(detail->banner()->error()->type, u"object_not_found_error"_s);
    QCOMPARE(detail->banner()->error()->httpStatus, 404);
    QVERIFY(detail->banner()->detail().contains(u"object_not_found_error"_s));
    QVERIFY(detail->shownId().isEmpty());
}

void TestMainWindow::goToInvalidIdSendsNothing()
{
    auto window = m_fixture->openWindow();
    const qint64 served = m_fixture->sandbox().requestsServed();
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    DetailPane *detail = window->detailPane();
    QTest::keyClicks(detail->goToField(), u"../etc"_s);
    QTest::keyClick(detail->goToField(), Qt::Key_Return);
    QVERIFY(!detail->goToError().isEmpty());
    QVERIFY(!detail->isRetrieving());
    QTest::qWait(50);
    QCOMPARE(m_fixture->sandbox().requestsServed(), served);
}

void TestMainWindow::ctrlCCopiesTsv()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    ConnectionTableView *table = window->tableView();
    clickRow(table, 0);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(table->selectedRows(), (QList<int>{0, 1, 2}));
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), u"id\tstatus\toauth_application_id\tgroup_id\tcreated_at\tdeleted_at"_s);
    const OAuthConnection second = model->connectionAt(1);
    QCOMPARE(lines.at(2).split(u'\t'),
             (QStringList{second.id, second.status, second.oauthApplicationId, second.groupId,
                          second.createdAt, second.deletedAt.value_or(QString())}));
}

void TestMainWindow::ctrlShiftCCopiesJson()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    ConnectionTableView *table = window->tableView();
    clickRow(table, 4);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QJsonArray array =
        QJsonDocument::fromJson(QGuiApplication::clipboard()->text().toUtf8()).array();
    QCOMPARE(array.size(), 2);
    const QJsonObject first = array.at(0).toObject();
    QCOMPARE(first.keys().size(), 7);
    QCOMPARE(first.value(u"id"_s).toString(), model->connectionAt(4).id);
    QCOMPARE(first.value(u"type"_s).toString(), u"oauth_connection"_s);
    QVERIFY(first.value(u"deleted_at"_s).isNull()); // active rows
}

void TestMainWindow::findSearchesLoadedRowsOnly()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    const qint64 served = m_fixture->sandbox().requestsServed();
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    FindBar *find = window->findBar();
    QVERIFY(find->isVisible());
    const QString id = model->connectionAt(10).id;
    QTest::keyClicks(find->lineEdit(), id);
    QTest::keyClick(find->lineEdit(), Qt::Key_Return);
    QCOMPARE(window->tableView()->currentIndex().row(), 10);
    QVERIFY(find->result().contains(u"11"_s));
    // Every row matches "connection_": Enter steps down, Shift+Enter back up.
    typeInto(find->lineEdit(), u"CONNECTION_"_s);
    QTest::keyClick(find->lineEdit(), Qt::Key_Return);
    QCOMPARE(window->tableView()->currentIndex().row(), 11);
    QTest::keyClick(find->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClick(find->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(window->tableView()->currentIndex().row(), 9);

    typeInto(find->lineEdit(), u"no such text anywhere"_s);
    QTest::keyClick(find->lineEdit(), Qt::Key_Return);
    QVERIFY(find->result().startsWith(u"No match"_s));
    QTest::qWait(50);
    // Searching never fetched a page.
    QCOMPARE(m_fixture->sandbox().requestsServed(), served);
    QCOMPARE(model->rowCount(), WindowFixture::kPageSize);

    QTest::keyClick(find->lineEdit(), Qt::Key_Escape);
    QVERIFY(find->isHidden());
}

void TestMainWindow::loadAllThenSortingIsOffered()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    QTest::mouseClick(window->loadStatus()->loadAllButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return !model->hasMore() && !model->isFetching(); }));
    QVERIFY(window->tableView()->isSortingEnabled());
    QVERIFY(window->loadStatus()->countText().endsWith(u"connections · all loaded"_s));
    // Enabling sorting kept the API's order.
    QCOMPARE(window->tableView()->horizontalHeader()->sortIndicatorSection(), -1);
    QVERIFY(model->connectionAt(0).createdAt >= model->connectionAt(1).createdAt);

    QHeaderView *header = window->tableView()->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(ConnectionTableModel::IdColumn) + 5,
                             header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(ConnectionTableModel::IdColumn));
    QVERIFY(window->filterSummary().contains(u"sorted by ID"_s));

    // A requery turns sorting off again.
    window->refresh();
    QVERIFY(!window->tableView()->isSortingEnabled());
    QVERIFY(window->filterSummary().contains(u"API order"_s));
}

void TestMainWindow::escapeCancelsLoadAll()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    m_fixture->sandbox().setLatency(200, 0);
    QTest::mouseClick(window->loadStatus()->loadAllButton(), Qt::LeftButton);
    QVERIFY(model->isLoadingAll());
    QVERIFY(window->loadStatus()->progressText().startsWith(u"Loading all"_s));
    QTest::keyClick(window->tableView(), Qt::Key_Escape);
    QVERIFY(!model->isLoadingAll());
    QVERIFY(model->hasMore());
    QVERIFY(window->loadStatus()->progressText().isEmpty());
}

void TestMainWindow::rateLimitShowsACountdown()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    // Fewer than one request a second: loading every page soon meets a 429.
    m_fixture->sandbox().setRateLimit(0.4);
    QSignalSpy retries(model, &ConnectionTableModel::retryScheduled);
    window->loadStatus()->loadAll();
    QVERIFY(waitUntil([&] { return window->banner()->isShowingRateLimit(); }, 10000));
    QVERIFY(window->banner()->title().startsWith(u"Rate limited — retrying in"_s));
    QVERIFY(window->banner()->title().endsWith(u" s"_s));
    QVERIFY(retries.count() >= 1);
    // Rows received before the 429 may still be going in (Load All batches them): the
    // countdown stays for as long as its retry waits, and goes when the retry's page comes.
    const qsizetype received = model->store().size();
    m_fixture->sandbox().setRateLimit(0);
    QVERIFY(waitUntil([&] { return model->store().size() > received; }, 30000));
    QVERIFY(window->banner()->isHidden());
}

void TestMainWindow::fetchErrorShowsBannerAndRetryRecovers()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    m_fixture->sandbox().setFailRate(1.0);
    window->refresh();
    QVERIFY(waitUntil([&] { return window->banner()->isVisible(); }, 30000));
    QVERIFY(window->banner()->error());
    QCOMPARE(window->banner()->error()->httpStatus, 500);
    m_fixture->sandbox().setFailRate(0);
    auto *retry = window->banner()->findChild<QPushButton *>();
    QVERIFY(retry);
    QCOMPARE(retry->text(), u"Retry"_s);
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(waitUntil([&] { return model->rowCount() == WindowFixture::kPageSize; }));
    QVERIFY(window->banner()->isHidden());
}

void TestMainWindow::productionBadgeWithoutSending()
{
    auto window = m_fixture->newWindow();
    window->setAutoLoad(false);
    window->connectWithKey(ConnectionChoice{u"production"_s, {}}, u"sk_not_a_real_key"_s);
    QVERIFY(window->session());
    QCOMPARE(window->session()->client()->config().baseUrl, QUrl(u"https://api.increase.com"_s));
    QCOMPARE(window->environmentBadge()->environment(), u"production"_s);
    QCOMPARE(window->environmentBadge()->text(), u"PRODUCTION"_s);
    QVERIFY(window->environmentBadge()->isVisible());
    QVERIFY(window->windowTitle().contains(u"Production"_s));
    QTest::qWait(50);
    // Nothing was listed: no model on the view, nothing in flight.
    QVERIFY(!tableModel(*window));
    QCOMPARE(window->session()->client()->inFlight(), 0);
    QVERIFY(!window->session()->connections()->isFetching());
}

void TestMainWindow::localSandboxBadge()
{
    auto window = m_fixture->newWindow();
    window->connectWithKey(ConnectionChoice{u"local"_s, {}}, u"sk_real_key_never_sent"_s);
    QVERIFY(window->session());
    QVERIFY(window->session()->isLocal());
    // The in-process sandbox gets a key made up for the run.
    QVERIFY(window->session()->client()->config().apiKey.startsWith(u"demo_"_s));
    QCOMPARE(window->environmentBadge()->text(), u"Local sandbox — demo data"_s);
    QVERIFY(waitUntil([&] { return tableModel(*window)->rowCount() > 0; }));
}

void TestMainWindow::noStoredKeyKeepsTheCurrentConnection()
{
    auto window = m_fixture->openWindow();
    ConnectionSession *before = window->session();
    window->connectWithStoredKey(ConnectionChoice{u"production"_s, {}});
    QVERIFY(waitUntil([&] { return window->banner()->isVisible(); }));
    QCOMPARE(window->banner()->title(), u"No API key for Production"_s);
    QCOMPARE(window->session(), before);
    QCOMPARE(window->environmentBadge()->environment(), u"custom"_s);
}

void TestMainWindow::storedKeyConnects()
{
    m_fixture->secrets().writeKey(keySlot(m_fixture->sandboxChoice()).id,
                                  QString::fromLatin1(WindowFixture::kApiKey));
    auto window = m_fixture->newWindow();
    window->connectWithStoredKey(m_fixture->sandboxChoice());
    QVERIFY(waitUntil([&] { return tableModel(*window) && tableModel(*window)->rowCount() > 0; }));
    QCOMPARE(window->environmentBadge()->environment(), u"custom"_s);
}

void TestMainWindow::keyWrittenLaterCompletesTheSwitch()
{
    auto window = m_fixture->newWindow();
    window->connectWithStoredKey(m_fixture->sandboxChoice());
    // No key anywhere and nothing connected: the local sandbox opens meanwhile.
    QVERIFY(waitUntil([&] { return window->session() != nullptr; }));
    QVERIFY(window->session()->isLocal());
    QCOMPARE(window->banner()->title(),
             u"No API key for http://127.0.0.1:%1"_s.arg(m_fixture->sandbox().port()));
    // The settings dialog stores a key: the switch completes.
    m_fixture->secrets().writeKey(keySlot(m_fixture->sandboxChoice()).id,
                                  QString::fromLatin1(WindowFixture::kApiKey));
    QVERIFY(waitUntil([&] { return window->session() && !window->session()->isLocal(); }));
    QCOMPARE(window->session()->baseUrl(), m_fixture->sandbox().baseUrl());
    QVERIFY(window->banner()->isHidden());
}

void TestMainWindow::aStrayBaseUrlGetsOnlyItsOwnOriginsKey()
{
    // Given the fixture's sandbox saved as the window's connection, its key stored...
    WindowSettings::setChoice(m_fixture->settings(), m_fixture->sandboxChoice());
    m_fixture->secrets().writeKey(keySlot(m_fixture->sandboxChoice()).id,
                                  QString::fromLatin1(WindowFixture::kApiKey));
    // ...and INCREASE_BASE_URL left pointing at another server, without INCREASE_API_KEY.
    SandboxOptions options;
    options.port = 0;
    options.apiKey = u"ic_stray_origin_key"_s;
    SandboxServer stray(options);
    QVERIFY(stray.listen());
    QProcessEnvironment environment;
    environment.insert(u"INCREASE_BASE_URL"_s, stray.baseUrl().toString());
    QCommandLineParser parser;
    DesktopOptions::add(parser);
    QVERIFY(parser.parse({u"increase-connections"_s}));
    QString error;
    const std::optional<DesktopStart> start = DesktopOptions::read(parser, environment, &error);
    QVERIFY2(start, qPrintable(error));
    QVERIFY(start->apiKey.isEmpty());
    const ConnectionChoice first =
        DesktopOptions::firstChoice(*start, WindowSettings::choice(m_fixture->settings()));
    QCOMPARE(first, (ConnectionChoice{u"custom"_s, stray.baseUrl()}));

    // When the window starts as runDesktop starts it without a key (the stored one)...
    auto window = m_fixture->newWindow();
    window->connectWithStoredKey(first);

    // ...it asks for that origin's key; the sandbox's key goes nowhere near it.
    QVERIFY(waitUntil([&] { return window->banner()->isVisible(); }));
    QCOMPARE(window->banner()->title(), u"No API key for http://127.0.0.1:%1"_s.arg(stray.port()));
    QVERIFY(window->session()->isLocal());
    QTest::qWait(50);
    QCOMPARE(stray.requestsReceived(), 0);
}

void TestMainWindow::exportDialogOpensWithoutBlocking()
{
    auto window = m_fixture->openWindow();
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = window->findChild<ExportDialog *>();
    QVERIFY(dialog);
    QVERIFY(waitUntil([&] { return dialog->isVisible(); }));

    // Export the loaded rows through the dialog, typing the target and clicking Start.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"window-export.csv"_s);
    auto *scopeLoaded = dialog->findChild<QRadioButton *>(u"scopeLoaded"_s);
    auto *pathEdit = dialog->findChild<QLineEdit *>(u"path"_s);
    auto *start = dialog->findChild<QPushButton *>(u"start"_s);
    QVERIFY(scopeLoaded && pathEdit && start);
    QTest::mouseClick(scopeLoaded, Qt::LeftButton, {}, QPoint(4, scopeLoaded->height() / 2));
    QVERIFY(scopeLoaded->isChecked());
    pathEdit->selectAll();
    QTest::keyClicks(pathEdit, path);
    QTest::mouseClick(start, Qt::LeftButton);
    // Start hands the export to the window and the dialog goes; the file follows.
    QVERIFY(waitUntil([&] { return window->findChild<ExportDialog *>() == nullptr; }));
    QVERIFY(waitUntil([&] { return QFile::exists(path); }));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    ConnectionTableModel *model = tableModel(*window);
    QCOMPARE(lines.size(), model->rowCount() + 2); // header, rows, empty tail
    QVERIFY(lines.at(1).startsWith(QByteArray(model->connectionAt(0).id.toUtf8() + ',')));
}

void TestMainWindow::contextMenuActions()
{
    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    ConnectionTableView *table = window->tableView();
    const OAuthConnection row5 = model->connectionAt(5);
    const std::unique_ptr<QMenu> menu(
        table->contextMenuFor(model->index(5, ConnectionTableModel::GroupIdColumn)));
    QCOMPARE(table->selectedRows(), QList<int>{5});
    const auto action = [&menu](const QString &text) -> QAction * {
        for (QAction *a : menu->actions()) {
            if (a->text().remove(u'&') == text)
                return a;
        }
        return nullptr;
    };
    QVERIFY(action(u"Copy Cell"_s) && action(u"Copy Row"_s) && action(u"Copy JSON"_s));
    action(u"Copy Cell"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), row5.groupId);
    action(u"Copy Row"_s)->trigger();
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(row5.id + u'\t'));
    action(u"Copy JSON"_s)->trigger();
    QCOMPARE(QJsonDocument::fromJson(QGuiApplication::clipboard()->text().toUtf8())
                 .array()
                 .at(0)
                 .toObject()
                 .value(u"id"_s)
                 .toString(),
             row5.id);
    action(u"Filter by This Application"_s)->trigger();
    QCOMPARE(window->filterBar()->query().applicationId, row5.oauthApplicationId);
    QVERIFY(waitUntil([&] { return model->query().applicationId == row5.oauthApplicationId; }));
}

void TestMainWindow::setApiKeyThroughTheSettingsDialog()
{
    auto window = m_fixture->newWindow();
    window->connectWithStoredKey(m_fixture->sandboxChoice());
    QVERIFY(waitUntil([&] { return window->banner()->isVisible(); }));
    QPushButton *setKey = nullptr;
    for (QPushButton *button : window->banner()->findChildren<QPushButton *>()) {
        if (button->text() == u"Set API key…"_s)
            setKey = button;
    }
    QVERIFY(setKey && setKey->isVisible());
    QTest::mouseClick(setKey, Qt::LeftButton);

    // Non-modal for the test: the dialog is opened with open() and driven directly.
    auto *dialog = window->findChild<ConnectionSettingsDialog *>();
    QVERIFY(dialog);
    QVERIFY(waitUntil([&] { return dialog->isVisible(); }));
    QCOMPARE(dialog->choice().environment, u"custom"_s);
    QCOMPARE(dialog->choice().customUrl, m_fixture->sandbox().baseUrl());
    QVERIFY(enterKeyAndAccept(dialog, QString::fromLatin1(WindowFixture::kApiKey)));

    QVERIFY(waitUntil([&] { return window->session() && !window->session()->isLocal(); }));
    QCOMPARE(window->session()->baseUrl(), m_fixture->sandbox().baseUrl());
    QVERIFY(waitUntil([&] { return tableModel(*window) && tableModel(*window)->rowCount() > 0; }));
    QVERIFY(m_fixture->secrets().hasKey(keySlot(m_fixture->sandboxChoice()).id));
    QVERIFY(window->banner()->isHidden());
}

void TestMainWindow::choosingTheSameConnectionKeepsTheRows()
{
    WindowSettings::setChoice(m_fixture->settings(), m_fixture->sandboxChoice());
    auto window = m_fixture->openWindow();
    ConnectionSession *session = window->session();
    window->openConnectionSettings();
    auto *dialog = window->findChild<ConnectionSettingsDialog *>();
    QVERIFY(dialog);
    QVERIFY(waitUntil([&] { return dialog->isVisible(); }));
    dialog->accept();
    QVERIFY(waitUntil([&] { return window->findChild<ConnectionSettingsDialog *>() == nullptr; }));
    QTest::qWait(50);
    QCOMPARE(window->session(), session);
    QCOMPARE(tableModel(*window)->rowCount(), WindowFixture::kPageSize);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
