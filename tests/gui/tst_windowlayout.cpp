// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The window's layout holds still (issue 11): a banner takes room from the last rows
// instead of pushing the table down, and the detail pane collapses and comes back with
// View → Detail Pane (Ctrl+D), remembered, and reopened by Go to ID.
#include "windowfixture.h"

#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "detailpane.h"
#include "errorbanner.h"
#include "historysection.h"

#include <QAction>
#include <QHeaderView>
#include <QMenuBar>
#include <QSplitter>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QAction *viewAction(MainWindow &window, const QString &text)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() != u"&View"_s || !menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->text() == text)
                return action;
        }
    }
    return nullptr;
}

// Where the table's header and first row are on screen.
QPoint tableTop(const ConnectionTableView *table)
{
    return table->viewport()->mapToGlobal(table->visualRect(table->model()->index(0, 0)).topLeft());
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<WindowFixture>();
        QVERIFY(m_fixture->isReady());
    }
    void cleanup() { m_fixture.reset(); }

    void aBannerLeavesTheTableWhereItWas();
    void detailPaneCollapsesAndComesBack();
    void aCollapsedPaneIsRemembered();
    void fitsA1024x700ScreenWithTheRequestLogOpen();

private:
    std::unique_ptr<WindowFixture> m_fixture;
};

void TestWindowLayout::aBannerLeavesTheTableWhereItWas()
{
    auto window = m_fixture->openWindow();
    ConnectionTableView *table = window->tableView();
    ConnectionTableModel *model = tableModel(*window);
    QVERIFY(window->banner()->isHidden());
    const QPoint header = table->horizontalHeader()->mapToGlobal(QPoint(0, 0));
    const QPoint firstRow = tableTop(table);

    // The next page fails: the banner comes.
    m_fixture->sandbox().setFailRate(1.0);
    model->fetchMore({});
    QVERIFY(waitUntil([&] { return window->banner()->error().has_value(); }, 30000));
    QVERIFY(window->banner()->isVisible());
    QCoreApplication::processEvents();

    // Header and rows are where they were; the banner sits under the table.
    QCOMPARE(table->horizontalHeader()->mapToGlobal(QPoint(0, 0)), header);
    QCOMPARE(tableTop(table), firstRow);
    const int tableBottom = table->mapToGlobal(QPoint(0, table->height())).y();
    QVERIFY(window->banner()->mapToGlobal(QPoint(0, 0)).y() >= tableBottom);
    // Dismissed, it gives the room back to the rows.
    const int shorter = table->height();
    m_fixture->sandbox().setFailRate(0);
    window->banner()->clear();
    QCoreApplication::processEvents();
    QVERIFY(table->height() > shorter);
    QCOMPARE(tableTop(table), firstRow);
}

void TestWindowLayout::detailPaneCollapsesAndComesBack()
{
    auto window = m_fixture->openWindow();
    QAction *pane = viewAction(*window, u"&Detail Pane"_s);
    QVERIFY(pane && pane->isCheckable() && pane->isChecked());
    QSplitter *splitter = window->splitter();
    const QList<int> before = splitter->sizes();
    QVERIFY(before.value(1) > 0);

    // Ctrl+D: the pane folds away, the table takes the width.
    QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(splitter->sizes().value(1), 0);
    QVERIFY(!pane->isChecked());
    QVERIFY(!window->detailPane()->isVisible() || window->detailPane()->width() == 0);
    QCOMPARE(splitter->sizes().value(0), before.value(0) + before.value(1));

    // Again: back at the width it had.
    QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier);
    QVERIFY(pane->isChecked());
    QCOMPARE(splitter->sizes(), before);

    // Dragged shut with the splitter's handle: the menu follows.
    QSplitterHandle *handle = splitter->handle(1);
    const QPoint middle(handle->width() / 2, handle->height() / 2);
    QTest::mousePress(handle, Qt::LeftButton, {}, middle);
    QTest::mouseMove(handle, middle + QPoint(before.value(1) / 2, 0));
    QTest::mouseMove(handle, middle + QPoint(before.value(1) + 50, 0));
    QTest::mouseRelease(handle, Qt::LeftButton, {}, middle + QPoint(before.value(1) + 50, 0));
    QCOMPARE(splitter->sizes().value(1), 0);
    QVERIFY(!pane->isChecked());

    // Go to ID needs the pane: it comes back for it, with the focus in the id field.
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(splitter->sizes().value(1) > 0);
    QVERIFY(pane->isChecked());
    QVERIFY(window->detailPane()->isAncestorOf(QApplication::focusWidget()));
}

void TestWindowLayout::aCollapsedPaneIsRemembered()
{
    {
        auto window = m_fixture->openWindow();
        window->setDetailPaneShown(false);
        window->close();
    }
    auto window = m_fixture->openWindow();
    QCOMPARE(window->splitter()->sizes().value(1), 0);
    QAction *pane = viewAction(*window, u"&Detail Pane"_s);
    QVERIFY(pane && !pane->isChecked());
    pane->trigger();
    QVERIFY(window->splitter()->sizes().value(1) > 0);
}

// The detail pane's fields and history scroll on their own: they never make the window
// taller than a small screen, even with the request log docked under the table.
void TestWindowLayout::fitsA1024x700ScreenWithTheRequestLogOpen()
{
    auto window = m_fixture->openWindow();
    // A connection shown, its history in: the pane at its tallest.
    window->tableView()->goToRow(0);
    QVERIFY(waitUntil([&] { return !window->detailPane()->history()->eventTexts().isEmpty(); }));
    QAction *log = viewAction(*window, u"Request &Log"_s);
    QVERIFY(log);
    if (!log->isChecked())
        log->trigger();
    window->resize(1024, 700);
    QVERIFY(waitUntil([&] { return window->width() == 1024; }));
    QCoreApplication::processEvents();
    QVERIFY2(window->minimumSizeHint().height() <= 700,
             qPrintable(QString::number(window->minimumSizeHint().height())));
    QCOMPARE(window->height(), 700);
}

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
