// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowfixture.h"

#include "connectionsession.h"
#include "connectionsettingsdialog.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "filterbar.h"
#include "keyslot.h"
#include "windowsettings.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSplitter>
#include <QTest>

using namespace Qt::StringLiterals;

// What the window remembers: a second window on the same (isolated) settings file comes
// back with the first one's filters, columns and splitter.
class TestWindowSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void restoredOnTheNextWindow();
    void environmentIsRememberedWithoutAnySecret();
    void keyStoredThroughTheWindowNeverReachesSettings();
    void filtersFromAHandEditedFileAreChecked();

private:
    std::unique_ptr<WindowFixture> m_fixture;
};

void TestWindowSettings::init()
{
    m_fixture = std::make_unique<WindowFixture>();
    QVERIFY(m_fixture->isReady());
}

void TestWindowSettings::cleanup()
{
    m_fixture.reset();
}

void TestWindowSettings::restoredOnTheNextWindow()
{
    QList<int> splitterSizes;
    QString applicationId;
    int idWidth = 0;
    {
        auto window = m_fixture->openWindow();
        ConnectionTableModel *model = tableModel(*window);
        QComboBox *status = window->filterBar()->statusCombo();
        status->setFocus();
        QTest::keyClick(status, Qt::Key_Down);
        QTest::keyClick(status, Qt::Key_Down); // Active and inactive
        QVERIFY(waitUntil([&] { return model->query().statuses.size() == 2; }));
        QVERIFY(waitUntil([&] { return model->rowCount() > 0 && !model->isFetching(); }));
        applicationId = model->connectionAt(0).oauthApplicationId;
        window->filterBar()->filterByApplication(applicationId);
        QVERIFY(waitUntil([&] { return model->query().applicationId == applicationId; }));

        // The ID column dragged 40 pixels wider with the mouse: the widths are the user's.
        QHeaderView *header = window->tableView()->horizontalHeader();
        const int edge = header->sectionViewportPosition(ConnectionTableModel::IdColumn) +
                         header->sectionSize(ConnectionTableModel::IdColumn) - 1;
        const int y = header->height() / 2;
        idWidth = header->sectionSize(ConnectionTableModel::IdColumn) + 40;
        QTest::mousePress(header->viewport(), Qt::LeftButton, {}, QPoint(edge, y));
        QTest::mouseMove(header->viewport(), QPoint(edge + 20, y));
        QTest::mouseMove(header->viewport(), QPoint(edge + 40, y));
        QTest::mouseRelease(header->viewport(), Qt::LeftButton, {}, QPoint(edge + 40, y));
        QCOMPARE(header->sectionSize(ConnectionTableModel::IdColumn), idWidth);
        header->moveSection(ConnectionTableModel::GroupIdColumn, 1);
        window->splitter()->setSizes({500, 300});
        splitterSizes = window->splitter()->sizes();
        window->close();
    }

    auto window = m_fixture->openWindow();
    ConnectionTableModel *model = tableModel(*window);
    QCOMPARE(model->query().statuses, (QStringList{u"active"_s, u"inactive"_s}));
    QCOMPARE(model->query().applicationId, applicationId);
    QCOMPARE(window->filterBar()->statusCombo()->currentIndex(), 2);
    QHeaderView *header = window->tableView()->horizontalHeader();
    QVERIFY(window->tableView()->columnsSizedByUser());
    QCOMPARE(header->sectionSize(ConnectionTableModel::IdColumn), idWidth);
    QCOMPARE(header->visualIndex(ConnectionTableModel::GroupIdColumn), 1);
    QCOMPARE(window->splitter()->sizes(), splitterSizes);
    // The column layout survives a requery too.
    window->refresh();
    QCOMPARE(header->sectionSize(ConnectionTableModel::IdColumn), idWidth);
}

void TestWindowSettings::environmentIsRememberedWithoutAnySecret()
{
    QSettings &settings = m_fixture->settings();
    WindowSettings::setChoice(settings, m_fixture->sandboxChoice());
    {
        auto window = m_fixture->openWindow();
        window->close();
    }
    settings.sync();
    const std::optional<ConnectionChoice> choice = WindowSettings::choice(settings);
    QVERIFY(choice);
    QCOMPARE(choice->environment, u"custom"_s);
    QCOMPARE(choice->customUrl, m_fixture->sandbox().baseUrl());
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(WindowFixture::kApiKey));
}

void TestWindowSettings::keyStoredThroughTheWindowNeverReachesSettings()
{
    QSettings &settings = m_fixture->settings();
    WindowSettings::setChoice(settings, m_fixture->sandboxChoice());
    {
        auto window = m_fixture->newWindow();
        window->openConnectionSettings();
        auto *dialog = window->findChild<ConnectionSettingsDialog *>();
        QVERIFY(dialog);
        QVERIFY(waitUntil([&] { return dialog->isVisible(); }));
        QVERIFY(enterKeyAndAccept(dialog, QString::fromLatin1(WindowFixture::kApiKey)));
        QVERIFY(waitUntil([&] { return window->session() && !window->session()->isLocal(); }));
        QVERIFY(
            waitUntil([&] { return tableModel(*window) && tableModel(*window)->rowCount() > 0; }));
        window->close();
    }
    settings.sync();

    // The key went where it belongs, and the settings file, written in full, holds none of it.
    QCOMPARE(m_fixture->secrets().storedKey(keySlot(m_fixture->sandboxChoice()).id),
             QString::fromLatin1(WindowFixture::kApiKey));
    QCOMPARE(WindowSettings::choice(settings)->environment, u"custom"_s);
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.contains("customUrl"));
    QVERIFY(!written.contains(WindowFixture::kApiKey));
    QVERIFY(!written.contains("SECRET"));
}

void TestWindowSettings::filtersFromAHandEditedFileAreChecked()
{
    QSettings &settings = m_fixture->settings();
    settings.setValue(u"filters/statuses"_s, QStringList{u"active"_s, u"bogus"_s});
    settings.setValue(u"filters/applicationId"_s, u"../../x"_s);
    const ConnectionQuery query = WindowSettings::filters(settings);
    QCOMPARE(query.statuses, QStringList{u"active"_s});
    QVERIFY(query.applicationId.isEmpty());
}

QTEST_MAIN(TestWindowSettings)
#include "tst_windowsettings.moc"
