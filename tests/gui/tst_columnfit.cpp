// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The table's columns fit the window until the user sizes them: ColumnFitter's shares on
// their own, then the real window at the three sizes the README shows, a drag on a
// column's edge with the mouse, and the header's Fit Columns to Window.
#include "columnfitter.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "windowfixture.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>
#include <QTest>

#include <numeric>

using namespace Qt::StringLiterals;
using Column = ColumnFitter::Column;

Q_DECLARE_METATYPE(QList<Column>)

namespace {

int sum(const QList<int> &widths)
{
    return std::accumulate(widths.cbegin(), widths.cend(), 0);
}

QList<int> sectionSizes(const QHeaderView *header)
{
    QList<int> sizes;
    for (int i = 0; i < header->count(); ++i)
        sizes << header->sectionSize(i);
    return sizes;
}

} // namespace

class TestColumnFit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void shares_data();
    void shares();
    void fitsTheWindowAtEachSize();
    void aDraggedEdgeMakesTheWidthsTheUsers();
    void hidingAColumnGivesItsRoomToTheOthers();

private:
    QHeaderView *header() const { return m_window->tableView()->horizontalHeader(); }
    void resizeWindow(int width, int height)
    {
        m_window->resize(width, height);
        QVERIFY(waitUntil([&] { return m_window->width() == width; }));
        QCoreApplication::processEvents();
    }

    std::unique_ptr<WindowFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestColumnFit::init()
{
    m_fixture = std::make_unique<WindowFixture>();
    QVERIFY(m_fixture->isReady());
}

void TestColumnFit::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

void TestColumnFit::shares_data()
{
    QTest::addColumn<QList<Column>>("columns");
    QTest::addColumn<int>("available");
    QTest::addColumn<QList<int>>("expected");
    // natural, least, grow, compact
    const QList<Column> table{
        {200, 100, 0, 150}, {60, 60, 0, 0}, {120, 70, 2, 0}, {180, 90, 1, 130}, {150, 150, 0, 0}};
    QTest::newRow("exactly natural") << table << 710 << QList<int>{200, 60, 120, 180, 150};
    // 90 more: two thirds to the names, one third to the group.
    QTest::newRow("wider") << table << 800 << QList<int>{200, 60, 180, 210, 150};
    // 50 short: the last column with a compact form takes it; the 0 left over goes nowhere.
    QTest::newRow("group compact") << table << 660 << QList<int>{200, 60, 120, 130, 150};
    // 40 short: the group goes compact (50) and gives the 10 left back to the names and
    // itself not (it would show its prefix again).
    QTest::newRow("compact, room left") << table << 670 << QList<int>{200, 60, 130, 130, 150};
    // Both compact (610) and 30 short still: slack 50 + 50 + 40 shares the cut.
    QTest::newRow("both compact, shrink")
        << table << 580 << QList<int>{150 - 10, 60, 120 - 10, 130 - 10, 150};
    // Not even the least fits: the least, and a scrollbar.
    QTest::newRow("below least") << table << 300 << QList<int>{100, 60, 70, 90, 150};
    QTest::newRow("nothing grows")
        << QList<Column>{{100, 50, 0, 0}, {50, 50, 0, 0}} << 400 << QList<int>{100, 50};
}

void TestColumnFit::shares()
{
    QFETCH(QList<Column>, columns);
    QFETCH(int, available);
    QFETCH(QList<int>, expected);
    const QList<int> widths = ColumnFitter::fit(columns, available);
    QCOMPARE(widths, expected);
    for (int i = 0; i < columns.size(); ++i)
        QVERIFY(widths.at(i) >= columns.at(i).least);
}

void TestColumnFit::fitsTheWindowAtEachSize()
{
    m_window = m_fixture->openWindow();
    ConnectionTableView *table = m_window->tableView();
    const QFontMetrics metrics = table->fontMetrics();
    const int timestamp = metrics.horizontalAdvance(u"2025-06-24 14:21:42"_s);
    QMap<int, QList<int>> sizesAt;
    for (const QSize size : {QSize(1024, 700), QSize(1200, 760), QSize(1600, 1000)}) {
        resizeWindow(size.width(), size.height());
        const QList<int> sizes = sectionSizes(header());
        sizesAt.insert(size.width(), sizes);
        // Every column on screen, the table filled: no horizontal scrollbar, no blank.
        QVERIFY2(!table->horizontalScrollBar()->isVisible(),
                 qPrintable(QString::number(size.width())));
        QCOMPARE(sum(sizes), table->viewport()->width());
        // The timestamps whole, and each header's title.
        QVERIFY(sizes.at(ConnectionTableModel::CreatedColumn) > timestamp);
        QVERIFY(sizes.at(ConnectionTableModel::DeletedColumn) > timestamp);
        for (int column = 0; column < header()->count(); ++column) {
            const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(sizes.at(column) > metrics.horizontalAdvance(title), qPrintable(title));
        }
    }
    // A wider window widens the names and the groups, not the dates at the end.
    const QList<int> at1200 = sizesAt.value(1200);
    const QList<int> at1600 = sizesAt.value(1600);
    QVERIFY(at1600.at(ConnectionTableModel::ApplicationColumn) >
            at1200.at(ConnectionTableModel::ApplicationColumn) + 150);
    QVERIFY(at1600.at(ConnectionTableModel::GroupIdColumn) >
            at1200.at(ConnectionTableModel::GroupIdColumn));
    QCOMPARE(at1600.at(ConnectionTableModel::DeletedColumn),
             at1200.at(ConnectionTableModel::DeletedColumn));
    QCOMPARE(at1600.at(ConnectionTableModel::StatusColumn),
             at1200.at(ConnectionTableModel::StatusColumn));
    // At 1600 the ids have their whole width, prefix and all.
    QVERIFY(at1600.at(ConnectionTableModel::IdColumn) >
            metrics.horizontalAdvance(tableModel(*m_window)->connectionAt(0).id));
}

void TestColumnFit::aDraggedEdgeMakesTheWidthsTheUsers()
{
    m_window = m_fixture->openWindow();
    resizeWindow(1200, 760);
    ConnectionTableView *table = m_window->tableView();
    QVERIFY(!table->columnsSizedByUser());
    const int status = ConnectionTableModel::StatusColumn;
    const int before = header()->sectionSize(status);

    // Drag the right edge of Status 40 pixels to the right, as a user does.
    const int edge = header()->sectionViewportPosition(status) + before - 1;
    const int y = header()->height() / 2;
    QWidget *headerViewport = header()->viewport();
    QTest::mousePress(headerViewport, Qt::LeftButton, {}, QPoint(edge, y));
    QTest::mouseMove(headerViewport, QPoint(edge + 20, y));
    QTest::mouseMove(headerViewport, QPoint(edge + 40, y));
    QTest::mouseRelease(headerViewport, Qt::LeftButton, {}, QPoint(edge + 40, y));
    QCOMPARE(header()->sectionSize(status), before + 40);
    QVERIFY(table->columnsSizedByUser());

    // The user's widths stay when the window changes size.
    const QList<int> chosen = sectionSizes(header());
    resizeWindow(1500, 900);
    QCOMPARE(sectionSizes(header()), chosen);

    // The header's menu fits them to the window again.
    const std::unique_ptr<QMenu> menu(table->headerMenu());
    QAction *fit = menu->actions().value(0);
    QVERIFY(fit && fit->isEnabled());
    QCOMPARE(fit->text(), u"&Fit Columns to Window"_s);
    fit->trigger();
    QVERIFY(!table->columnsSizedByUser());
    QCOMPARE(sum(sectionSizes(header())), table->viewport()->width());
    QVERIFY(header()->sectionSize(status) < before + 40);
}

void TestColumnFit::hidingAColumnGivesItsRoomToTheOthers()
{
    m_window = m_fixture->openWindow();
    resizeWindow(1200, 760);
    ConnectionTableView *table = m_window->tableView();
    const int application = header()->sectionSize(ConnectionTableModel::ApplicationColumn);
    const std::unique_ptr<QMenu> menu(table->headerMenu());
    QAction *deleted = nullptr;
    QAction *id = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() ==
            table->model()->headerData(ConnectionTableModel::DeletedColumn, Qt::Horizontal))
            deleted = action;
        if (action->text() == u"ID"_s)
            id = action;
    }
    QVERIFY(deleted && id);
    QVERIFY(!id->isEnabled()); // a row needs its id
    deleted->setChecked(false);
    QVERIFY(header()->isSectionHidden(ConnectionTableModel::DeletedColumn));
    QVERIFY(header()->sectionSize(ConnectionTableModel::ApplicationColumn) > application);
    QVERIFY(!table->horizontalScrollBar()->isVisible());
}

QTEST_MAIN(TestColumnFit)
#include "tst_columnfit.moc"
