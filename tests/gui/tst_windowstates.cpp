// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The window's states stay consistent however the user gets out of them (issue 11): a
// cancelled countdown leaves no banner, Retry resumes what failed, a retried error does
// not linger on the status line, Escape means the find bar when the find bar has focus.
#include "windowfixture.h"

#include "apicall.h"
#include "apiparsing.h"
#include "apiresult.h"
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "detailpane.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "findbar.h"
#include "increaseclient.h"
#include "loadstatus.h"
#include "noticeboard.h"

#include <QAction>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {

QPushButton *bannerButton(ErrorBanner *banner, const QString &text)
{
    for (QPushButton *button : banner->findChildren<QPushButton *>()) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}

} // namespace

class TestWindowStates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<WindowFixture>();
        QVERIFY(m_fixture->isReady());
    }
    void cleanup() { m_fixture.reset(); }

    // Defect 2: Esc, the status bar's Cancel and a requery each end the countdown.
    void everyCancelEndsTheCountdown_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("Escape") << u"escape"_s;
        QTest::newRow("status bar Cancel") << u"status bar"_s;
        QTest::newRow("banner Cancel") << u"banner"_s;
        QTest::newRow("a filter change") << u"requery"_s;
    }
    void everyCancelEndsTheCountdown()
    {
        QFETCH(QString, how);
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        m_fixture->sandbox().setRateLimit(0.4);
        QTest::mouseClick(window->loadStatus()->loadAllButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return window->banner()->isShowingRateLimit(); }, 10000));

        if (how == u"escape"_s) {
            QTest::keyClick(window->tableView(), Qt::Key_Escape);
        } else if (how == u"status bar"_s) {
            QTest::mouseClick(window->loadStatus()->cancelButton(), Qt::LeftButton);
        } else if (how == u"banner"_s) {
            QPushButton *cancel = bannerButton(window->banner(), u"Cancel"_s);
            QVERIFY(cancel && cancel->isVisible());
            QTest::mouseClick(cancel, Qt::LeftButton);
        } else {
            // The new query's own requests are not limited: only the old countdown could
            // keep the banner up.
            m_fixture->sandbox().setRateLimit(0);
            window->filterBar()->filterByApplication(model->connectionAt(0).oauthApplicationId);
        }

        QVERIFY(!model->isLoadingAll() || how == u"requery"_s);
        QVERIFY(window->banner()->isHidden());
        QVERIFY(!window->notices()->current());
        // It stays gone: no "retrying now…" comes back for a retry that was cancelled.
        QTest::qWait(300);
        QVERIFY(window->banner()->isHidden());
        QVERIFY(window->loadStatus()->progressText().isEmpty() || how == u"requery"_s);
    }

    // Defect 4: Retry after a failed Load All continues Load All, with progress and Cancel.
    void retryResumesLoadAll()
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        m_fixture->sandbox().setFailRate(1.0);
        QTest::mouseClick(window->loadStatus()->loadAllButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return window->banner()->error().has_value(); }, 30000));
        QVERIFY(!model->isLoadingAll());
        m_fixture->sandbox().setFailRate(0);

        QPushButton *retry = bannerButton(window->banner(), u"Retry"_s);
        QVERIFY(retry && retry->isVisible());
        QTest::mouseClick(retry, Qt::LeftButton);

        QVERIFY(model->isLoadingAll());
        QVERIFY(window->loadStatus()->cancelButton()->isVisible());
        QVERIFY(window->loadStatus()->progressText().startsWith(u"Loading all"_s));
        QVERIFY(waitUntil([&] { return !model->hasMore() && !model->isFetching(); }, 30000));
        QVERIFY(model->rowCount() > 2 * WindowFixture::kPageSize); // every page, not one more
        QVERIFY(!model->isLoadingAll());
    }

    // Defect 5: an error that a retry fixed does not stay on the status line, and nothing
    // covers the Load All controls meanwhile.
    void aRetriedErrorLeavesTheStatusLine()
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        m_fixture->sandbox().setFailRate(1.0);
        model->fetchMore({});
        QVERIFY(waitUntil(
            [&] { return window->loadStatus()->messageText().contains(u"retrying (attempt"_s); },
            10000));
        QVERIFY(window->loadStatus()->loadAllButton()->isVisible());
        QVERIFY(window->statusBar()->currentMessage().isEmpty());
        m_fixture->sandbox().setFailRate(0);
        QVERIFY(waitUntil([&] { return model->rowCount() == 200; }, 30000));
        QVERIFY(window->loadStatus()->messageText().isEmpty());
        QVERIFY(window->banner()->isHidden());
    }

    // Defect 8: Esc in the find bar closes the find bar and leaves Load All running.
    void escapeInTheFindBarClosesIt()
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        m_fixture->sandbox().setLatency(200, 0);
        window->loadStatus()->loadAll();
        QVERIFY(model->isLoadingAll());
        QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(window->findBar()->isVisible());
        QVERIFY(window->findBar()->lineEdit()->hasFocus());

        QTest::keyClick(window->findBar()->lineEdit(), Qt::Key_Escape);

        QVERIFY(!window->findBar()->isVisible());
        QVERIFY(model->isLoadingAll());
        // With the focus back on the table, Esc cancels Load All.
        QTest::keyClick(window->tableView(), Qt::Key_Escape);
        QVERIFY(!model->isLoadingAll());
    }

    // Defect 12: typing in the table (Qt's keyboard search walks every row's data) loads
    // no page; only rows the view paints near the end prefetch.
    void typingInTheTableLoadsNothing()
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        QTest::qWait(100);
        QCOMPARE(model->rowCount(), WindowFixture::kPageSize);
        QSignalSpy pagesAsked(model, &ConnectionTableModel::fetchStarted);
        window->tableView()->setFocus();
        for (const char *letter : {"c", "a", "f", "z", "q"}) {
            QTest::keyClicks(window->tableView(), QString::fromLatin1(letter));
            QTest::qWait(30);
        }
        QTest::qWait(200);
        QCOMPARE(model->rowCount(), WindowFixture::kPageSize);
        QCOMPARE(pagesAsked.count(), 0);

        // Scrolled near the end, the painted rows ask for the next page before the end.
        window->tableView()->scrollTo(model->index(WindowFixture::kPageSize - 30, 0),
                                      QAbstractItemView::PositionAtBottom);
        QVERIFY(waitUntil([&] { return model->rowCount() == 2 * WindowFixture::kPageSize; }));
    }

    // Defect 10: switching sessions does not pile up the table's selection models.
    void sessionSwitchesLeaveOneSelectionModel()
    {
        auto window = m_fixture->openWindow();
        for (int i = 0; i < 3; ++i) {
            window->connectWithKey(m_fixture->sandboxChoice(),
                                   QString::fromLatin1(WindowFixture::kApiKey));
            QVERIFY(waitUntil(
                [&] { return tableModel(*window) && tableModel(*window)->rowCount() > 0; }));
        }
        QCOMPARE(window->tableView()->findChildren<QItemSelectionModel *>().size(), 1);
    }

    // Defect 3: Go to ID selects the row when it is loaded, and no other row stays
    // highlighted when it is not; a filter change says the pane's connection may be gone.
    void goToIdAndTheTableShowOneSelection()
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        ConnectionTableView *table = window->tableView();
        DetailPane *detail = window->detailPane();
        table->goToRow(5);
        QVERIFY(waitUntil([&] { return detail->shownId() == model->connectionAt(5).id; }));

        const QString loaded = model->connectionAt(40).id;
        goToId(*window, loaded);
        QVERIFY(waitUntil([&] { return detail->shownId() == loaded; }));
        QCOMPARE(table->selectedRows(), QList<int>{40});
        QCOMPARE(table->currentIndex().row(), 40);

        // An inactive connection is not in the active list: the table highlights nothing.
        const QString inactive = firstInactiveId(*window);
        QVERIFY(!inactive.isEmpty());
        QCOMPARE(model->rowOf(inactive), -1);
        goToId(*window, inactive);
        QVERIFY(waitUntil([&] { return detail->shownId() == inactive; }));
        QVERIFY(table->selectedRows().isEmpty());
        QVERIFY(!table->currentIndex().isValid());
    }

    void aFilterChangeMarksThePane()
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        DetailPane *detail = window->detailPane();
        clickRow(window->tableView(), 3);
        const QString id = model->connectionAt(3).id;
        QVERIFY(waitUntil([&] { return detail->shownId() == id; }));
        QVERIFY(detail->stateText().isEmpty());

        window->filterBar()->statusCombo()->setFocus();
        QTest::keyClick(window->filterBar()->statusCombo(), Qt::Key_Down);
        QVERIFY(waitUntil([&] { return model->query().statuses == QStringList{u"inactive"_s}; }));

        QVERIFY2(detail->stateText().contains(u"not in the current list"_s),
                 qPrintable(detail->stateText()));
        QCOMPARE(detail->shownId(), id);
    }

    // Nothing but the user selects a row: the banner's Retry puts the focus on the table,
    // which must not load its first row into the pane.
    void retryingSelectsNoRow()
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        m_fixture->sandbox().setFailRate(1.0);
        window->refresh();
        QVERIFY(waitUntil([&] { return window->banner()->error().has_value(); }, 30000));
        m_fixture->sandbox().setFailRate(0);
        QPushButton *retry = bannerButton(window->banner(), u"Retry"_s);
        QVERIFY(retry);
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(waitUntil([&] { return model->rowCount() == WindowFixture::kPageSize; }));
        window->tableView()->setFocus(Qt::TabFocusReason);
        QTest::qWait(ConnectionTableView::kSelectionSettleMs + 100);
        QVERIFY(window->tableView()->selectedRows().isEmpty());
        QVERIFY(window->detailPane()->shownId().isEmpty());
        QVERIFY(!window->detailPane()->isRetrieving());
    }

    // A rejected id and its message do not linger once another row is chosen.
    void choosingARowClearsTheGoToField()
    {
        auto window = m_fixture->openWindow();
        DetailPane *detail = window->detailPane();
        QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
        QTest::keyClicks(detail->goToField(), u"not an id"_s);
        QTest::keyClick(detail->goToField(), Qt::Key_Return);
        QVERIFY(!detail->goToError().isEmpty());

        clickRow(window->tableView(), 2);
        QVERIFY(waitUntil([&] { return !detail->shownId().isEmpty(); }));
        QVERIFY(detail->goToError().isEmpty());
        QVERIFY(detail->goToField()->text().isEmpty());
    }

    // Defect 9: Load All and Cancel Loading are offered only when they can do something,
    // and counts read as English ("1 connection", not "1 connections").
    void loadActionsFollowTheListing()
    {
        auto window = m_fixture->newWindow();
        QAction *loadAll = actionNamed(*window, u"Load All"_s);
        QAction *cancel = actionNamed(*window, u"Cancel Loading"_s);
        QVERIFY(loadAll && cancel);
        QVERIFY(!loadAll->isEnabled()); // nothing listed yet
        QVERIFY(!cancel->isEnabled());
        window->connectWithKey(m_fixture->sandboxChoice(),
                               QString::fromLatin1(WindowFixture::kApiKey));
        QVERIFY(
            waitUntil([&] { return tableModel(*window) && tableModel(*window)->rowCount() > 0; }));
        ConnectionTableModel *model = tableModel(*window);
        QVERIFY(waitUntil([&] { return !model->isFetching(); }));
        QVERIFY(loadAll->isEnabled());
        QVERIFY(!cancel->isEnabled());
        m_fixture->sandbox().setLatency(100, 0);
        loadAll->trigger();
        QVERIFY(model->isLoadingAll());
        QVERIFY(!loadAll->isEnabled());
        QVERIFY(cancel->isEnabled());
        m_fixture->sandbox().setLatency(0, 0);
        QVERIFY(waitUntil([&] { return !model->hasMore() && !model->isFetching(); }, 30000));
        QVERIFY(!loadAll->isEnabled());
        QVERIFY(!cancel->isEnabled());
    }

    void oneConnectionReadsSingular()
    {
        SandboxOptions options;
        options.port = 0;
        options.connections = 1;
        options.applications = 1;
        options.seed = 11;
        SandboxServer server(options);
        QVERIFY(server.listen());
        ClientConfig config;
        config.baseUrl = server.baseUrl();
        config.apiKey = u"ic_test_key_singular"_s;
        IncreaseClient client(config);
        ConnectionTableModel model(&client);
        LoadStatus status;
        status.setModel(&model);
        model.setQuery({{u"active"_s, u"inactive"_s}, QString()});
        QVERIFY(waitUntil([&] { return !model.hasMore() && !model.isFetching(); }));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(status.countText(), u"1 connection · all loaded"_s);
        status.setModel(nullptr);
    }

    // Timestamps: to the second, with the zone in the header, switchable and remembered.
    void timesInUtcAreSwitchableAndRemembered()
    {
        {
            auto window = m_fixture->openWindow();
            ConnectionTableModel *model = tableModel(*window);
            const QModelIndex created = model->index(0, ConnectionTableModel::CreatedColumn);
            const QDateTime instant = QDateTime::fromString(
                created.data(ConnectionTableModel::ApiValueRole).toString(), Qt::ISODate);
            QCOMPARE(created.data().toString(),
                     instant.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
            QAction *utc = actionNamed(*window, u"Times in UTC"_s);
            QVERIFY(utc && utc->isCheckable() && !utc->isChecked());
            utc->trigger();
            QCOMPARE(
                model->headerData(ConnectionTableModel::CreatedColumn, Qt::Horizontal).toString(),
                u"Created (UTC)"_s);
            QCOMPARE(created.data().toString(), instant.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
            window->close();
        }
        auto again = m_fixture->openWindow();
        QVERIFY(actionNamed(*again, u"Times in UTC"_s)->isChecked());
        QVERIFY(tableModel(*again)->timesInUtc());
    }

    // Copying says what it copied; Load All is on the toolbar.
    void copyingSaysWhatWasCopied()
    {
        auto window = m_fixture->openWindow();
        window->tableView()->goToRow(2);
        window->tableView()->selectionModel()->select(tableModel(*window)->index(3, 0),
                                                      QItemSelectionModel::Select |
                                                          QItemSelectionModel::Rows);
        window->tableView()->setFocus();
        QTest::keyClick(window->tableView(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(window->loadStatus()->messageText(), u"Copied 2 rows as tab-separated values"_s);
        window->tableView()->goToRow(4);
        QTest::keyClick(window->tableView(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window->loadStatus()->messageText(), u"Copied 1 row as JSON"_s);

        auto *toolBar = window->findChild<QToolBar *>(u"mainToolBar"_s);
        QVERIFY(toolBar);
        QVERIFY(toolBar->actions().contains(actionNamed(*window, u"Load All"_s)));
    }

    // An empty table says why it is empty.
    void anEmptyTableSaysWhy()
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        window->filterBar()->filterByApplication(u"application_withnoconnections"_s);
        QVERIFY(waitUntil([&] { return model->rowCount() == 0 && !model->isFetching(); }));
        QVERIFY(waitUntil([&] {
            return window->tableView()->emptyText() ==
                   u"No active connections for application_withnoconnections."_s;
        }));
    }

private:
    static QAction *actionNamed(MainWindow &window, const QString &text)
    {
        for (QAction *action : window.actions()) {
            if (action->text().remove(u'&') == text)
                return action;
        }
        return nullptr;
    }
    static void goToId(MainWindow &window, const QString &id)
    {
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QLineEdit *field = window.detailPane()->goToField();
        field->selectAll();
        QTest::keyClicks(field, id);
        QTest::keyClick(field, Qt::Key_Return);
    }
    QString firstInactiveId(MainWindow &window)
    {
        // Straight from the sandbox, as another operator would have it.
        ConnectionSession *session = window.session();
        ApiCall *call = session->client()->listConnections({{u"inactive"_s}, QString()}, {}, 1);
        QString id;
        QObject::connect(call, &ApiCall::finished, [&id](const ApiResult &result) {
            QString error;
            const auto page = ApiParsing::connectionPage(result.body, &error);
            if (page && !page->data.isEmpty())
                id = page->data.first().id;
        });
        waitUntil([&] { return !id.isEmpty(); });
        return id;
    }
    static void clickRow(ConnectionTableView *table, int row)
    {
        const QModelIndex index = table->model()->index(row, 0);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    }

    std::unique_ptr<WindowFixture> m_fixture;
};

QTEST_MAIN(TestWindowStates)
#include "tst_windowstates.moc"
