// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The window without a mouse and with a screen reader (issue 14): Tab goes round the
// window in reading order and every stop has a name; every menu item has words and its
// own mnemonic; Help → Keyboard Shortcuts lists the keys from the actions themselves;
// the table's current cell shows focus and a move by keyboard is announced; the dialogs
// name their controls too.
#include "windowfixture.h"

#include "connectionsettingsdialog.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "detailpane.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "historysection.h"
#include "insightsdock.h"
#include "keyboardshortcutsdialog.h"
#include "requestlogdock.h"
#include "requestlogtable.h"
#include "watchcounter.h"

#include <QAccessible>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

// Bound on a round of Tab: the window has a few dozen stops; past this, Tab is stuck.
constexpr int kMaxTabStops = 200;

QString describe(const QWidget *widget)
{
    if (!widget)
        return u"(nothing)"_s;
    QString where;
    for (const QWidget *parent = widget->parentWidget(); parent && !parent->isWindow();
         parent = parent->parentWidget())
        where += u" < "_s + QString::fromLatin1(parent->metaObject()->className());
    return QString::fromLatin1(widget->metaObject()->className()) + u" \""_s +
           widget->accessibleName() + u"\" "_s + widget->objectName() + where + u" at "_s +
           QString::number(widget->mapTo(widget->window(), QPoint()).x()) + u","_s +
           QString::number(widget->mapTo(widget->window(), QPoint()).y()) + u" "_s +
           QString::number(widget->width()) + u"x"_s + QString::number(widget->height());
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

// Each stop's class, name and what a screen reader calls it: for a failure message.
QString listed(const QList<QWidget *> &stops)
{
    QStringList lines;
    for (QWidget *stop : stops)
        lines << describe(stop) + u" → "_s + accessibleName(stop);
    return lines.join(u'\n');
}

// Presses Tab from `start` until the focus comes back to it; each widget that took the
// focus on the way, `start` first. Empty when the round never closes (a stop keeps Tab).
QList<QWidget *> tabRound(QWidget *start)
{
    start->setFocus(Qt::TabFocusReason);
    if (!waitUntil([&] { return QApplication::focusWidget() == start; }, 2000))
        return {};
    QList<QWidget *> stops{start};
    for (int i = 0; i < kMaxTabStops; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (now == start)
            return stops;
        if (!now || stops.contains(now)) {
            qWarning("Tab went to %s again, before coming back to the start, after:\n%s",
                     qPrintable(describe(now)), qPrintable(listed(stops)));
            return {};
        }
        stops.append(now);
    }
    return {};
}

// Where Tab put the focus is in sight: inside its window.
bool inSight(const QWidget *widget)
{
    const QWidget *window = widget->window();
    return window->rect().intersects(QRect(widget->mapTo(window, QPoint()), widget->size()));
}

// Every widget of `root` a user can Tab to while it shows, and that has no name.
QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if ((widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy() &&
            widget->isVisibleTo(root) && accessibleName(widget).isEmpty())
            unnamed << describe(widget);
    }
    return unnamed;
}

QList<QAction *> menuActions(const QMenu *menu)
{
    QList<QAction *> all;
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        all.append(action);
        if (action->menu())
            all += menuActions(action->menu());
    }
    return all;
}

// The character after a single '&', lower case; null when there is none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) != u'&')
            return text.at(i + 1).toLower();
        ++i;
    }
    return {};
}

QAction *helpAction(MainWindow &window, const QString &text)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() != u"&Help"_s || !menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->text() == text)
                return action;
        }
    }
    return nullptr;
}

// The accessibility events the window sends, as a screen reader would receive them.
struct AccessibleEventRecord
{
    QObject *object;
    int child;
    QAccessible::Event type;
};
QList<AccessibleEventRecord> g_events;

void recordEvent(QAccessibleEvent *event)
{
    g_events.append({event->object(), event->child(), event->type()});
}

// Keeps the focus frames a view asks its style for, on top of Fusion.
class FocusFrameRecorder : public QProxyStyle
{
public:
    FocusFrameRecorder()
        : QProxyStyle(QStyleFactory::create(u"Fusion"_s))
    {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element == PE_FrameFocusRect)
            frames.append({option->rect, option->state});
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }

    struct Frame
    {
        QRect rect;
        QStyle::State state;
    };
    mutable QList<Frame> frames;
};

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = std::make_unique<WindowFixture>();
        QVERIFY(m_fixture->isReady());
        m_window = m_fixture->openWindow();
        QVERIFY(tableModel(*m_window));
        QVERIFY(tableModel(*m_window)->rowCount() > 0);
        // The first question makes the platform start its bridge (AT-SPI on xcb), which
        // turns active once it has reached the accessibility bus, an event loop later.
        // tests/gui/run_with_atspi.sh gives it one and asks for it to be there.
        QAccessible::isActive();
        if (qEnvironmentVariableIsSet("IC_REQUIRE_ACCESSIBILITY_BRIDGE"))
            QVERIFY2(waitUntil([] { return QAccessible::isActive(); }, 10000),
                     "no accessibility bridge came up (is AT_SPI_BUS_ADDRESS a live bus?)");
    }

    void init()
    {
        // A dialog closed by the test before may have left no window active.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_fixture.reset();
    }

    void tabGoesRoundTheWindowInReadingOrder();
    void theWatchCounterIsReadBetweenTheFiltersAndTheTable();
    void tabReachesTheOpenDocks_data();
    void tabReachesTheOpenDocks();
    void everyMenuItemHasWordsAndItsOwnMnemonic();
    void keyboardShortcutsListsTheActionsKeys();
    void aboutNamesTheVersionAndTheLicence();
    void theCurrentCellShowsFocus();
    void aRowChangeByKeyboardIsAnnounced();
    void theConnectionSettingsDialogNamesItsControls();
    void theExportDialogNamesItsControls();

private:
    std::unique_ptr<WindowFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void TestAccessibility::tabGoesRoundTheWindowInReadingOrder()
{
    // A connection in the pane: its values and its history are stops too.
    ConnectionTableView *view = m_window->tableView();
    view->setFocus();
    view->selectRow(0);
    const QString id =
        view->model()->index(0, 0).data(ConnectionTableModel::ConnectionIdRole).toString();
    QVERIFY(waitUntil([&] {
        return m_window->detailPane()->shownId() == id &&
               !m_window->detailPane()->history()->isLoading();
    }));
    QWidget *status = m_window->filterBar()->statusCombo();
    const QList<QWidget *> stops = tabRound(status);
    QVERIFY2(!stops.isEmpty(), "Tab did not come back to the status filter");
    for (QWidget *stop : stops) {
        QVERIFY2(!accessibleName(stop).isEmpty(), qPrintable(listed(stops)));
        QVERIFY2(inSight(stop), qPrintable(listed(stops)));
    }

    const qsizetype application = stops.indexOf(m_window->filterBar()->applicationCombo());
    const qsizetype table = stops.indexOf(m_window->tableView());
    const qsizetype goTo = stops.indexOf(m_window->detailPane()->goToField());
    QVERIFY2(application > 0, qPrintable(listed(stops)));
    QVERIFY2(table > application, qPrintable(listed(stops)));
    QVERIFY2(goTo > table, qPrintable(listed(stops)));
    // Nothing but the watch's counter (hidden here) between the filters and the table,
    // and the table's banner (hidden) between the table and the pane.
    QCOMPARE(application, 1);
    QCOMPARE(table, 2);
    QCOMPARE(goTo, 3);
    // The pane's own order, as it reads: the field and its Go button, then the buttons
    // under the values and the JSON under them. (The values are selectable labels: they
    // take the focus by click, and a screen reader reads them in the pane's tree.)
    QStringList paneNames;
    for (QWidget *stop : stops) {
        if (m_window->detailPane()->isAncestorOf(stop))
            paneNames << accessibleName(stop);
    }
    QCOMPARE(paneNames, (QStringList{u"Go to connection ID"_s, u"Go to this connection ID"_s,
                                     u"Copy ID"_s, u"Copy JSON"_s, u"Raw JSON"_s}));
    for (qsizetype i = goTo; i < goTo + paneNames.size(); ++i) // one after the other
        QVERIFY2(m_window->detailPane()->isAncestorOf(stops.value(i)), qPrintable(listed(stops)));
}

void TestAccessibility::theWatchCounterIsReadBetweenTheFiltersAndTheTable()
{
    // Made after the rest of the window, the counter at the end of the line under the
    // filters is read there, not after the status bar.
    WatchCounter *counter = m_window->watchCounter();
    counter->setCounter(u"3 new"_s, u"3 connections created since the watch began"_s);
    QVERIFY(counter->isVisible());
    const QList<QWidget *> stops = tabRound(m_window->filterBar()->statusCombo());
    counter->setCounter(QString(), QString());
    QVERIFY2(!stops.isEmpty(), "Tab did not come back to the status filter");
    QCOMPARE(stops.indexOf(counter), 2);
    QCOMPARE(stops.indexOf(m_window->tableView()), 3);
    QCOMPARE(accessibleName(counter), u"Changes seen by the watch"_s);
}

void TestAccessibility::tabReachesTheOpenDocks_data()
{
    QTest::addColumn<bool>("requestLog");
    QTest::addColumn<bool>("insights");
    QTest::newRow("request log") << true << false;
    QTest::newRow("insights") << false << true;
    QTest::newRow("both, as tabs") << true << true;
}

void TestAccessibility::tabReachesTheOpenDocks()
{
    QFETCH(bool, requestLog);
    QFETCH(bool, insights);
    RequestLogDock *log = m_window->requestLogDock();
    InsightsDock *figures = m_window->insightsDock();
    log->setVisible(requestLog);
    figures->setVisible(insights);
    // The two share the bottom as tabs: the one raised last is on top.
    QDockWidget *dock = insights ? static_cast<QDockWidget *>(figures) : log;
    dock->raise();
    QTableView *dockTable = insights ? figures->tableView() : log->tableView();
    QVERIFY(waitUntil([&] { return dockTable->isVisible(); }));
    QCoreApplication::processEvents(); // the docks' tab bar placed

    const QList<QWidget *> stops = tabRound(m_window->filterBar()->statusCombo());
    log->hide();
    figures->hide();
    QVERIFY2(!stops.isEmpty(), "Tab did not come back to the status filter");
    for (QWidget *stop : stops) {
        QVERIFY2(!accessibleName(stop).isEmpty(), qPrintable(listed(stops)));
        QVERIFY2(inSight(stop), qPrintable(listed(stops)));
    }
    const qsizetype goTo = stops.indexOf(m_window->detailPane()->goToField());
    const qsizetype inDock = stops.indexOf(dockTable);
    QVERIFY2(goTo > 0 && inDock > goTo, qPrintable(listed(stops)));
    // The dock's stops come together, after the window's; then, with both open, the tab
    // bar that switches between them, and nothing else.
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype i = 0; i < stops.size(); ++i) {
        if (dock->isAncestorOf(stops.at(i))) {
            first = first < 0 ? i : first;
            last = i;
        }
    }
    QVERIFY2(first > goTo, qPrintable(listed(stops)));
    const auto *tabs = qobject_cast<QTabBar *>(stops.last());
    if (requestLog && insights) {
        QVERIFY2(tabs && tabs->parentWidget() == m_window.get(), qPrintable(listed(stops)));
        QCOMPARE(stops.last()->accessibleName(), u"Docked panels"_s);
        QCOMPARE(last, stops.size() - 2);
    } else {
        QCOMPARE(last, stops.size() - 1);
    }
}

void TestAccessibility::everyMenuItemHasWordsAndItsOwnMnemonic()
{
    QSet<QChar> menuKeys;
    for (QAction *menu : m_window->menuBar()->actions()) {
        QVERIFY(menu->menu());
        const QChar menuKey = mnemonic(menu->text());
        QVERIFY2(!menuKey.isNull(), qPrintable(menu->text()));
        QVERIFY2(!menuKeys.contains(menuKey), qPrintable(menu->text()));
        menuKeys.insert(menuKey);
        QList<QMenu *> menus{menu->menu()};
        for (QAction *action : menuActions(menu->menu())) {
            QVERIFY2(!action->text().isEmpty(), qPrintable(menu->text()));
            if (action->menu())
                menus.append(action->menu());
        }
        // Within one menu, a key goes to one item (the watch's intervals too).
        for (const QMenu *each : std::as_const(menus)) {
            QSet<QChar> keys;
            for (QAction *action : each->actions()) {
                if (action->isSeparator())
                    continue;
                const QChar key = mnemonic(action->text());
                QVERIFY2(!key.isNull(), qPrintable(action->text()));
                QVERIFY2(!keys.contains(key), qPrintable(action->text()));
                keys.insert(key);
            }
        }
    }
    QVERIFY(menuKeys.contains(u'h')); // Help
}

void TestAccessibility::keyboardShortcutsListsTheActionsKeys()
{
    QAction *shortcuts = helpAction(*m_window, u"&Keyboard Shortcuts"_s);
    QVERIFY(shortcuts);
    QCOMPARE(shortcuts->shortcut(), QKeySequence(Qt::Key_F1));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->tableView()->setFocus();
    QTest::keyClick(m_window->tableView(), Qt::Key_F1);
    auto *dialog = m_window->findChild<KeyboardShortcutsDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    QHash<QString, QString> keysOf;
    for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = dialog->list()->topLevelItem(i);
        QVERIFY2(!keysOf.contains(item->text(0)), qPrintable(item->text(0)));
        keysOf.insert(item->text(0), item->text(1));
    }
    const auto native = [](const QString &portable) {
        return QKeySequence(portable).toString(QKeySequence::NativeText);
    };
    QCOMPARE(keysOf.value(u"Refresh"_s), native(u"F5"_s) + u", "_s + native(u"Ctrl+R"_s));
    QCOMPARE(keysOf.value(u"Watch for Changes"_s), native(u"Ctrl+Shift+W"_s));
    QCOMPARE(keysOf.value(u"Insights"_s), native(u"Ctrl+I"_s));
    QCOMPARE(keysOf.value(u"Request Log"_s), native(u"F12"_s));
    QCOMPARE(keysOf.value(u"Find in Loaded Rows"_s),
             QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText));
    QCOMPARE(keysOf.value(u"Copy Rows as JSON"_s), native(u"Ctrl+Shift+C"_s)); // the table's
    QCOMPARE(keysOf.value(u"Keyboard Shortcuts"_s),
             native(u"F1"_s) + u", "_s + native(u"Ctrl+/"_s));
    // From the actions: each that has keys is listed, and nothing else.
    QSet<QString> withKeys;
    for (QAction *action : m_window->actions() + m_window->tableView()->actions()) {
        if (!action->shortcuts().isEmpty())
            withKeys.insert(KeyboardShortcutsDialog::plainText(action));
    }
    QCOMPARE(QSet<QString>(keysOf.keyBegin(), keysOf.keyEnd()), withKeys);
    QVERIFY2(unnamedControls(dialog).isEmpty(), qPrintable(unnamedControls(dialog).join(u'\n')));

    // A key changed later shows the next time the list opens.
    QAction *loadAll = nullptr;
    for (QAction *action : m_window->actions()) {
        if (action->text() == u"Load &All"_s)
            loadAll = action;
    }
    QVERIFY(loadAll);
    dialog->close();
    QVERIFY(waitUntil([&] { return !m_window->findChild<KeyboardShortcutsDialog *>(); }));
    loadAll->setShortcut(QKeySequence(u"Ctrl+Shift+L"_s));
    shortcuts->trigger();
    dialog = m_window->findChild<KeyboardShortcutsDialog *>();
    QVERIFY(dialog);
    const QList<QTreeWidgetItem *> found =
        dialog->list()->findItems(u"Load All"_s, Qt::MatchExactly);
    loadAll->setShortcut(QKeySequence());
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->text(1), native(u"Ctrl+Shift+L"_s));
    dialog->close();
    QVERIFY(waitUntil([&] { return !m_window->findChild<KeyboardShortcutsDialog *>(); }));
}

void TestAccessibility::aboutNamesTheVersionAndTheLicence()
{
    QAction *about = helpAction(*m_window, u"&About Increase Connections"_s);
    QVERIFY(about);
    about->trigger();
    auto *box = m_window->findChild<QMessageBox *>();
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral(IC_VERSION)));
    QVERIFY(box->informativeText().contains(u"GPL-3.0-or-later"_s));
    QVERIFY(box->informativeText().contains(QString::fromLatin1(qVersion())));
    box->close();
    QVERIFY(waitUntil([&] { return !m_window->findChild<QMessageBox *>(); }));
}

void TestAccessibility::theCurrentCellShowsFocus()
{
    ConnectionTableView *table = m_window->tableView();
    FocusFrameRecorder recorder; // outlives its use by the table
    table->setStyle(&recorder);
    // Into the table by keyboard, one row down.
    QWidget *application = m_window->filterBar()->applicationCombo();
    application->setFocus(Qt::TabFocusReason);
    QVERIFY(waitUntil([&] { return QApplication::focusWidget() == application; }, 2000));
    QTest::keyClick(application, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), table);
    QTest::keyClick(table, Qt::Key_Down);
    const QModelIndex current = table->currentIndex();
    QVERIFY(current.isValid());
    table->scrollTo(current);
    recorder.frames.clear();
    const QImage image = table->grab().toImage();
    table->setStyle(nullptr);
    QVERIFY(!image.isNull());
    // IC_GRAB_DIR=folder keeps the table as drawn, to look at.
    if (const QString folder = qEnvironmentVariable("IC_GRAB_DIR"); !folder.isEmpty())
        QVERIFY(image.copy(0, 0, image.width(), image.height() / 4)
                    .save(folder + u"/table-focus.png"_s));
    if (const QString folder = qEnvironmentVariable("IC_GRAB_DIR"); !folder.isEmpty()) {
        const QRect cellOnImage = table->visualRect(table->currentIndex())
                                      .translated(table->viewport()->mapTo(table, QPoint()))
                                      .adjusted(-4, -4, 4, 4);
        QVERIFY(image.copy(cellOnImage)
                    .scaled(cellOnImage.size() * 4)
                    .save(folder + u"/cell-focus.png"_s));
    }
    const QRect cell = table->visualRect(current);
    bool framed = false;
    for (const FocusFrameRecorder::Frame &frame : std::as_const(recorder.frames)) {
        // Fusion draws the frame only after a keyboard focus change: the state says so.
        if (cell.intersects(frame.rect) && (frame.state & QStyle::State_KeyboardFocusChange))
            framed = true;
    }
    QVERIFY2(framed, "no focus frame drawn on the current cell");
}

void TestAccessibility::aRowChangeByKeyboardIsAnnounced()
{
    ConnectionTableView *table = m_window->tableView();
    table->setFocus(Qt::TabFocusReason);
    QVERIFY(waitUntil([&] { return QApplication::focusWidget() == table; }, 2000));
    const QModelIndex start = table->model()->index(3, ConnectionTableModel::IdColumn);
    table->setCurrentIndex(start);

    g_events.clear();
    QAccessible::installUpdateHandler(recordEvent);
    QTest::keyClick(table, Qt::Key_Down);
    QAccessible::installUpdateHandler(nullptr);
    QCOMPARE(table->currentIndex().row(), 4);

    // What a screen reader asks on the event: the table's focused child, the new cell.
    QAccessibleInterface *tableInterface = QAccessible::queryAccessibleInterface(table);
    QVERIFY(tableInterface);
    QAccessibleInterface *focused = tableInterface->focusChild();
    QVERIFY(focused);
    QVERIFY(focused->tableCellInterface());
    QCOMPARE(focused->tableCellInterface()->rowIndex(), 4);
    QCOMPARE(focused->tableCellInterface()->columnIndex(), start.column());
    const QString cellText = table->model()->index(4, start.column()).data().toString();
    QVERIFY(!cellText.isEmpty());
    QCOMPARE(focused->text(QAccessible::Name), cellText);

    // QTableView sends the Focus event while a screen reader listens: QAccessible::isActive(),
    // which only a platform's bridge (AT-SPI, UIA, NSAccessibility) sets. The offscreen
    // platform has none, and QAccessible::setActive() does not change isActive(); the ctest
    // tst_accessibility_atspi runs this suite on X with the bridge on and requires it.
    if (!QAccessible::isActive()) {
        qInfo("no accessibility bridge on this platform: the Focus event is not sent");
        return;
    }
    bool announced = false;
    for (const AccessibleEventRecord &event : std::as_const(g_events)) {
        if (event.object != table || event.type != QAccessible::Focus || event.child < 0)
            continue;
        QAccessibleInterface *cell = tableInterface->child(event.child);
        QVERIFY(cell && cell->tableCellInterface());
        if (cell->tableCellInterface()->rowIndex() == 4 &&
            cell->tableCellInterface()->columnIndex() == start.column()) {
            announced = true;
            QCOMPARE(cell->text(QAccessible::Name), cellText);
        }
    }
    QVERIFY2(announced, "no Focus event for the new row's cell");
}

// Every control of `dialog` has a name (the radio buttons a group hides from Tab
// included), and a Tab round stays in the dialog through named stops; then it closes.
template <typename Dialog> static void checkDialogNames(MainWindow *window)
{
    auto *dialog = window->findChild<Dialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY2(unnamedControls(dialog).isEmpty(), qPrintable(unnamedControls(dialog).join(u'\n')));
    QWidget *first = dialog->focusWidget();
    QVERIFY(first);
    const QList<QWidget *> stops = tabRound(first);
    QVERIFY2(stops.size() > 2, qPrintable(listed(stops)));
    for (QWidget *stop : stops) {
        QVERIFY2(dialog->isAncestorOf(stop), qPrintable(listed(stops)));
        QVERIFY2(!accessibleName(stop).isEmpty(), qPrintable(listed(stops)));
    }
    dialog->reject();
    QVERIFY(waitUntil([&] { return !window->findChild<Dialog *>(); }));
}

void TestAccessibility::theConnectionSettingsDialogNamesItsControls()
{
    m_window->openConnectionSettings();
    checkDialogNames<ConnectionSettingsDialog>(m_window.get());
}

void TestAccessibility::theExportDialogNamesItsControls()
{
    m_window->openExportDialog();
    checkDialogNames<ExportDialog>(m_window.get());
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
