// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The window's export, driven as a user would (keys and clicks on the real widgets,
// offscreen) against the local sandbox with latency: configured in the dialog, then run in
// the background while the table, the filters and the detail pane stay in use, with its
// progress, Cancel and outcome in the strip under the table.
#include "windowfixture.h"

#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "detailpane.h"
#include "exportbar.h"
#include "exportcontroller.h"
#include "exportdialog.h"
#include "exportfolder.h"
#include "exportscopebox.h"
#include "filterbar.h"
#include "loadstatus.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

template <typename T> T *child(const QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

void clickRow(ConnectionTableView *table, int row)
{
    const QModelIndex index = table->model()->index(row, 0);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
}

void clickButton(QAbstractButton *button)
{
    QVERIFY(button);
    QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(button->objectName()));
    // Radio buttons answer on their indicator and label: click near the left edge.
    const QPoint where = qobject_cast<QRadioButton *>(button) ? QPoint(4, button->height() / 2)
                                                              : button->rect().center();
    QTest::mouseClick(button, Qt::LeftButton, {}, where);
}

// Ctrl+Shift+E, as the user opens it.
ExportDialog *openExportDialog(MainWindow &window)
{
    QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = window.findChild<ExportDialog *>();
    if (!dialog || !waitUntil([&] { return dialog->isVisible(); }))
        return nullptr;
    return dialog;
}

void typePath(ExportDialog *dialog, const QString &path)
{
    auto *edit = child<QLineEdit>(dialog, "path");
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, path);
    QCOMPARE(edit->text(), path);
}

} // namespace

class TestWindowExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<WindowFixture>();
        QVERIFY(m_fixture->isReady());
        m_folder = std::make_unique<ExportFolder>();
        QVERIFY(m_folder->isValid());
    }

    void cleanup() { m_fixture.reset(); }

    void theWindowStaysInUseWhileAnExportRuns()
    {
        auto window = m_fixture->openWindow();
        m_fixture->sandbox().setLatency(400, 0);
        const QString path = m_folder->filePath(u"running.csv"_s);
        startAllMatching(*window, path);
        ExportController *exports = window->exportController();
        ExportBar *bar = window->exportBar();
        QVERIFY(exports->isRunning());
        QVERIFY(!QApplication::activeModalWidget()); // nothing blocks the window
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->message(), u"Exporting to running.csv"_s);

        // A row click retrieves that connection into the detail pane.
        ConnectionTableModel *model = tableModel(*window);
        const QString id = model->connectionAt(4).id;
        clickRow(window->tableView(), 4);
        QVERIFY(waitUntil([&] { return window->detailPane()->shownId() == id; }));
        QVERIFY(exports->isRunning());

        // A filter change lists again in the table.
        QComboBox *status = window->filterBar()->statusCombo();
        status->setFocus();
        QTest::keyClick(status, Qt::Key_Down); // Inactive
        QVERIFY(waitUntil([&] {
            return model->query().statuses == QStringList{u"inactive"_s} && model->rowCount() > 0 &&
                   !model->isFetching();
        }));
        QCOMPARE(model->connectionAt(0).status, u"inactive"_s);
        QVERIFY(exports->isRunning());

        // The strip shows how far it is.
        auto *progress = child<QLabel>(bar, "progress");
        const QRegularExpression line(u"^[0-9,]+ rows · [1-9][0-9]* pages? · 0 retries$"_s);
        QVERIFY2(waitUntil([&] { return line.match(progress->text()).hasMatch(); }),
                 qPrintable(progress->text()));
        QVERIFY(exports->isRunning());

        clickButton(child<QPushButton>(bar, "cancelExport"));
        QVERIFY(!exports->isRunning());
        QCOMPARE(bar->message(), u"Export cancelled; no file was written."_s);
        QVERIFY(!QFile::exists(path));
        QVERIFY(m_folder->files().isEmpty());
        clickButton(child<QPushButton>(bar, "dismissExport"));
        QVERIFY(!bar->isVisible());
    }

    void cancelKeepsThePreviousFileByteForByte()
    {
        const QString path = m_folder->filePath(u"previous.csv"_s);
        const QByteArray before = "id,status\r\nconnection_kept,active\r\n";
        QVERIFY(ExportFolder::write(path, before));
        auto window = m_fixture->openWindow();
        m_fixture->sandbox().setLatency(300, 0);
        ExportDialog *dialog = openExportDialog(*window);
        QVERIFY(dialog);
        typePath(dialog, path);
        clickButton(child<QPushButton>(dialog, "start"));
        clickButton(child<QPushButton>(dialog, "overwrite"));
        QVERIFY(waitUntil([&] { return window->findChild<ExportDialog *>() == nullptr; }));
        ExportBar *bar = window->exportBar();
        QVERIFY(waitUntil(
            [&] { return child<QLabel>(bar, "progress")->text().contains(u"1 page"_s); }));
        clickButton(child<QPushButton>(bar, "cancelExport"));
        QCOMPARE(bar->message(), u"Export cancelled; previous.csv was not changed."_s);
        QCOMPARE(ExportFolder::readAll(path), before);
        QCOMPARE(m_folder->files(), QStringList{u"previous.csv"_s});
    }

    void theEndIsAnnouncedWithOpenFolder()
    {
        auto window = m_fixture->openWindow();
        const QString path = m_folder->filePath(u"done.csv"_s);
        startAllMatching(*window, path);
        ExportController *exports = window->exportController();
        QVERIFY(waitUntil([&] { return !exports->isRunning(); }));
        ExportBar *bar = window->exportBar();
        const qsizetype rows = ExportFolder::idsIn(path).size();
        QVERIFY(rows > WindowFixture::kPageSize);
        QCOMPARE(bar->message(), u"Exported %1 connections to %2."_s.arg(
                                     QLocale().toString(rows), QDir::toNativeSeparators(path)));

        QList<QUrl> opened;
        bar->setFolderOpener([&](const QUrl &folder) {
            opened << folder;
            return true;
        });
        clickButton(child<QPushButton>(bar, "openFolder"));
        QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(m_folder->path())});
        clickButton(child<QPushButton>(bar, "dismissExport"));
        QVERIFY(!bar->isVisible());
    }

    void loadedRowsAreWrittenInTheTablesSortedOrder()
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        QTest::mouseClick(window->loadStatus()->loadAllButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !model->hasMore() && !model->isFetching(); }));
        QStringList apiOrder;
        for (int row = 0; row < model->rowCount(); ++row)
            apiOrder << model->connectionAt(row).id;

        // Sorted by Group ID with a click on its header, as the user would.
        QHeaderView *header = window->tableView()->horizontalHeader();
        const int section = ConnectionTableModel::GroupIdColumn;
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(section) + 5, header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), section);
        QStringList shown;
        for (int row = 0; row < model->rowCount(); ++row)
            shown << window->tableView()
                         ->model()
                         ->index(row, ConnectionTableModel::IdColumn)
                         .data(ConnectionTableModel::ConnectionIdRole)
                         .toString();
        QVERIFY(shown != apiOrder);

        // Every page is loaded: the dialog offers the loaded rows and says since when.
        ExportDialog *dialog = openExportDialog(*window);
        QVERIFY(dialog);
        QVERIFY(child<QRadioButton>(dialog, "scopeLoaded")->isChecked());
        const QString at =
            QLocale().toString(model->lastFetchAt().toLocalTime().time(), QLocale::LongFormat);
        const QString note = dialog->scopeBox()->allLoadedNote();
        QVERIFY2(note.contains(u"All %1 matching connections are loaded (at %2)"_s.arg(
                     QLocale().toString(model->rowCount()), at)),
                 qPrintable(note));

        const QString path = m_folder->filePath(u"sorted.csv"_s);
        typePath(dialog, path);
        const qint64 requestsBefore = m_fixture->sandbox().requestsServed();
        clickButton(child<QPushButton>(dialog, "start"));
        QVERIFY(waitUntil([&] { return !window->exportController()->isRunning(); }));
        QCOMPARE(ExportFolder::idsIn(path), shown);
        QCOMPARE(m_fixture->sandbox().requestsServed(), requestsBefore);
        QVERIFY(window->exportBar()->message().startsWith(
            u"Exported %1 connections"_s.arg(QLocale().toString(model->rowCount()))));
    }

    void anExportOutlivesASwitchOfConnection()
    {
        auto window = m_fixture->openWindow();
        m_fixture->sandbox().setLatency(300, 0);
        const QString firstId = tableModel(*window)->connectionAt(0).id;
        const QString path = m_folder->filePath(u"switched.csv"_s);
        startAllMatching(*window, path);
        QPointer<ConnectionSession> before = window->session();
        QVERIFY(waitUntil([&] {
            return child<QLabel>(window->exportBar(), "progress")->text().contains(u"1 page"_s);
        }));

        window->connectWithKey(ConnectionChoice{u"local"_s, {}}, QString());
        QVERIFY(waitUntil([&] { return window->session() != before.data(); }));
        QVERIFY(window->session()->isLocal());
        // qWait, unlike waitUntil, runs deferred deletions: a retired session that nothing
        // kept would be gone.
        QTest::qWait(200);
        QVERIFY(before); // retired, kept by the export
        QVERIFY(window->exportController()->isRunning());

        m_fixture->sandbox().setLatency(0, 0);
        QVERIFY(waitUntil([&] { return !window->exportController()->isRunning(); }));
        QVERIFY2(window->exportBar()->message().startsWith(u"Exported "_s),
                 qPrintable(window->exportBar()->message()));
        // The file is the first connection's listing, not the local sandbox's.
        QCOMPARE(ExportFolder::idsIn(path).value(0), firstId);
        QVERIFY(QTest::qWaitFor([&] { return before.isNull(); }, 5000));
    }

    void closingTheWindowAsksBeforeCancelling()
    {
        auto window = m_fixture->openWindow();
        m_fixture->sandbox().setLatency(300, 0);
        const QString path = m_folder->filePath(u"closing.csv"_s);
        startAllMatching(*window, path);
        ExportBar *bar = window->exportBar();

        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        QVERIFY2(bar->message().startsWith(u"Closing the window cancels the export"_s),
                 qPrintable(bar->message()));
        clickButton(child<QPushButton>(bar, "keepExporting"));
        QCOMPARE(bar->message(), u"Exporting to closing.csv"_s);
        QVERIFY(window->exportController()->isRunning());

        QVERIFY(!window->close());
        clickButton(child<QPushButton>(bar, "cancelExportAndClose"));
        QVERIFY(waitUntil([&] { return !window->isVisible(); }));
        QVERIFY(!window->exportController()->isRunning());
        QVERIFY(!QFile::exists(path));
    }

private:
    void startAllMatching(MainWindow &window, const QString &path)
    {
        ExportDialog *dialog = openExportDialog(window);
        QVERIFY(dialog);
        clickButton(child<QRadioButton>(dialog, "scopeAll"));
        typePath(dialog, path);
        clickButton(child<QPushButton>(dialog, "start"));
        // Handed over: the dialog is gone, the window is the user's again.
        QVERIFY(waitUntil([&] { return window.findChild<ExportDialog *>() == nullptr; }));
    }

    std::unique_ptr<ExportFolder> m_folder;
    std::unique_ptr<WindowFixture> m_fixture;
};

QTEST_MAIN(TestWindowExport)
#include "tst_windowexport.moc"
