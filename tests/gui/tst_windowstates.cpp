// The window's states stay consistent however the user gets out of them (issue 11): a
// cancelled countdown leaves no banner, Retry resumes what failed, a retried error does
// not linger on the status line, Escape means the find bar when the find bar has focus.
#include "windowfixture.h"

#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "findbar.h"
#include "loadstatus.h"
#include "noticeboard.h"

#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>

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

private:
    std::unique_ptr<WindowFixture> m_fixture;
};

QTEST_MAIN(TestWindowStates)
#include "tst_windowstates.moc"
