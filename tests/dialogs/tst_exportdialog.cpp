// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The export dialog driven through its widgets with QTest against the real local sandbox
// over loopback. The dialog configures and hands the export to an ExportController, then
// closes; the export's progress and Cancel are in the ExportBar. The file holds the chosen
// columns in the chosen format, Cancel leaves no file, "loaded rows only" writes exactly the
// model's rows, an existing file is replaced only after the user agrees, the options come
// back in the next dialog, and with every page loaded the dialog offers the loaded rows.
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "exportbar.h"
#include "exportcontroller.h"
#include "exportdialog.h"
#include "exporter.h"
#include "exportfixture.h"
#include "exportprogress.h"
#include "exportscopebox.h"
#include "widgetdriver.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// Names that need CSV quoting and the guard, in the files.
SandboxOptions trickyNames()
{
    SandboxOptions options;
    options.tricky = true;
    return options;
}

using WidgetDriver::child;
using WidgetDriver::click;

void typePath(const QWidget *dialog, const QString &path)
{
    auto *edit = child<QLineEdit>(dialog, "path");
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, path);
    QCOMPARE(edit->text(), path);
}

// Toggles a column's check box with the keyboard, as a user tabbing through would.
void toggleColumn(const QWidget *dialog, const QString &name)
{
    auto *list = child<QListWidget>(dialog, "columns");
    QVERIFY(list);
    const QList<QListWidgetItem *> items = list->findItems(name, Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    list->setFocus();
    list->setCurrentItem(items.first());
    const Qt::CheckState before = items.first()->checkState();
    QTest::keyClick(list, Qt::Key_Space);
    QVERIFY(items.first()->checkState() != before);
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.listen(&error), qPrintable(error));

        // One page loaded, more available: "loaded rows only" differs from "all matching".
        m_session.reset(m_fixture.newSession());
        QVERIFY(m_session);
        ConnectionTableModel *model = m_session->connections();
        QSignalSpy loaded(model, &ConnectionTableModel::pageLoaded);
        model->fetchMore({});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model->rowCount(), 100);
        QVERIFY(model->hasMore());
    }

    void init()
    {
        QVERIFY(m_fixture.beginTest());
        m_settings =
            std::make_unique<QSettings>(folder().filePath(u"settings.ini"_s), QSettings::IniFormat);
    }

    void cleanup() { m_fixture.endTest(); }

    void allMatchingWritesTheChosenColumnsAsCsv()
    {
        auto dialog = openDialog();
        click(child<QRadioButton>(dialog.get(), "scopeAll"));
        toggleColumn(dialog.get(), u"created_at"_s);
        toggleColumn(dialog.get(), u"type"_s);
        toggleColumn(dialog.get(), u"oauth_application_name"_s);
        click(child<QRadioButton>(dialog.get(), "formatCsv"));
        const QString path = folder().filePath(u"all.csv"_s);
        typePath(dialog.get(), path);
        click(child<QPushButton>(dialog.get(), "start"));
        // Configured and handed over: the dialog goes, the export runs on.
        QVERIFY(!dialog->isVisible());
        QVERIFY(exports()->isRunning());
        const QString result = waitForResult();

        // The same export made directly with the Exporter is the reference.
        ExportOptions reference;
        reference.columns = {ExportColumn::Id,
                             ExportColumn::DeletedAt,
                             ExportColumn::GroupId,
                             ExportColumn::OAuthApplicationId,
                             ExportColumn::OAuthApplicationName,
                             ExportColumn::Status};
        reference.outputPath = folder().filePath(u"reference.csv"_s);
        const ExportResult expected = runExporter(reference);
        QCOMPARE(expected.outcome, ExportResult::Outcome::Completed);

        const QByteArray written = ExportFolder::readAll(path);
        QCOMPARE(written, ExportFolder::readAll(reference.outputPath));
        QVERIFY(written.startsWith("id,deleted_at,group_id,oauth_application_id,"
                                   "oauth_application_name,status\r\n"));
        QVERIFY(expected.rows > 100); // every page, not only the loaded one
        QCOMPARE(result, u"Exported %1 connections to %2."_s.arg(QLocale().toString(expected.rows),
                                                                 QDir::toNativeSeparators(path)));
    }

    void jsonlFollowsTheFormatChoice()
    {
        auto dialog = openDialog();
        typePath(dialog.get(), folder().filePath(u"rows.csv"_s));
        click(child<QRadioButton>(dialog.get(), "formatJsonl"));
        // The extension follows the format; a byte order mark is a CSV-only option.
        QCOMPARE(child<QLineEdit>(dialog.get(), "path")->text(),
                 folder().filePath(u"rows.jsonl"_s));
        QVERIFY(!child<QCheckBox>(dialog.get(), "bom")->isEnabled());
        click(child<QPushButton>(dialog.get(), "start"));
        const QString result = waitForResult();
        QVERIFY2(result.startsWith(u"Exported "_s), qPrintable(result));

        const QList<QByteArray> lines =
            ExportFolder::readAll(folder().filePath(u"rows.jsonl"_s)).split('\n');
        QVERIFY(lines.size() > 100);
        QVERIFY(lines.last().isEmpty());
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.keys().size(), 7);
        QVERIFY(first.value(u"id"_s).toString().startsWith(u"connection_"_s));
        QCOMPARE(first.value(u"status"_s).toString(), u"active"_s);
    }

    void cancelInTheStripLeavesNoFile()
    {
        sandbox()->setLatency(100, 0);
        ExportBar bar(exports());
        bar.show();
        auto dialog = openDialog();
        const QString path = folder().filePath(u"cancelled.csv"_s);
        typePath(dialog.get(), path);
        click(child<QPushButton>(dialog.get(), "start"));
        QVERIFY(bar.isVisible());
        QCOMPARE(bar.message(), u"Exporting to cancelled.csv"_s);
        auto *progress = child<QLabel>(&bar, "progress");
        QTRY_VERIFY_WITH_TIMEOUT(progress->text().contains(u"1 page"_s), 10000);
        click(child<QPushButton>(&bar, "cancelExport"));
        const QString result = waitForResult();
        QCOMPARE(result, u"Export cancelled; no file was written."_s);
        QCOMPARE(bar.message(), result);
        QVERIFY(!QFile::exists(path));
        // Nor a temporary file left behind by QSaveFile.
        QCOMPARE(folder().files(), QStringList{u"settings.ini"_s});
    }

    void loadedRowsWritesExactlyTheModelsRows()
    {
        auto dialog = openDialog();
        auto *loaded = child<QRadioButton>(dialog.get(), "scopeLoaded");
        QVERIFY(loaded->text().contains(u"(100 rows,"_s));
        // More pages remain: nothing to offer instead of fetching.
        QVERIFY(dialog->scopeBox()->allLoadedNote().isEmpty());
        click(loaded);
        click(child<QRadioButton>(dialog.get(), "formatCsv"));
        const QString path = folder().filePath(u"loaded.csv"_s);
        typePath(dialog.get(), path);
        const qint64 requestsBefore = sandbox()->requestsServed();
        click(child<QPushButton>(dialog.get(), "start"));
        const QString result = waitForResult();
        QVERIFY2(result.startsWith(u"Exported 100 connections to"_s), qPrintable(result));
        // Written from memory: the API was not listed again.
        QCOMPARE(sandbox()->requestsServed(), requestsBefore);

        QCOMPARE(ExportFolder::readAll(path).count('\n'), 1 + 100);
        QStringList modelIds;
        for (int row = 0; row < 100; ++row)
            modelIds << m_session->connections()->connectionAt(row).id;
        QCOMPARE(ExportFolder::idsIn(path), modelIds);
    }

    void existingFileIsReplacedOnlyAfterConfirmation()
    {
        const QString path = folder().filePath(u"existing.csv"_s);
        QVERIFY(ExportFolder::write(path, "previous contents\n"));
        auto dialog = openDialog();
        typePath(dialog.get(), path);
        auto *bar = child<QWidget>(dialog.get(), "overwriteBar");
        QVERIFY(!bar->isVisible());
        click(child<QPushButton>(dialog.get(), "start"));
        QVERIFY(bar->isVisible());
        // Asking is all that happened: no export runs, the file is untouched.
        QTest::qWait(300);
        QVERIFY(!exports()->isRunning());
        QVERIFY(dialog->isVisible());
        QCOMPARE(ExportFolder::readAll(path), QByteArray("previous contents\n"));

        click(child<QPushButton>(dialog.get(), "overwrite"));
        QVERIFY(!dialog->isVisible());
        const QString result = waitForResult();
        QVERIFY2(result.startsWith(u"Exported "_s), qPrintable(result));
        QVERIFY(ExportFolder::readAll(path).startsWith("id,created_at,"));
    }

    void cancelledOverwriteKeepsThePreviousFile()
    {
        const QString path = folder().filePath(u"kept.csv"_s);
        QVERIFY(ExportFolder::write(path, "keep me\n"));
        sandbox()->setLatency(100, 0);
        ExportBar bar(exports());
        bar.show();
        auto dialog = openDialog();
        typePath(dialog.get(), path);
        click(child<QPushButton>(dialog.get(), "start"));
        click(child<QPushButton>(dialog.get(), "overwrite"));
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&bar, "progress")->text().contains(u"1 page"_s),
                                 10000);
        click(child<QPushButton>(&bar, "cancelExport"));
        QCOMPARE(waitForResult(), u"Export cancelled; kept.csv was not changed."_s);
        QCOMPARE(ExportFolder::readAll(path), QByteArray("keep me\n"));
    }

    void retriesAreShownAsTheyHappen()
    {
        // A burst of ten requests, then 429s with Retry-After: 1.
        sandbox()->setRateLimit(10);
        ExportBar bar(exports());
        bar.show();
        auto dialog = openDialog();
        typePath(dialog.get(), folder().filePath(u"limited.csv"_s));
        auto *progress = child<QLabel>(&bar, "progress");
        QStringList seen;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&] {
            if (seen.isEmpty() || seen.last() != progress->text())
                seen.append(progress->text());
        });
        sampler.start(10);
        click(child<QPushButton>(dialog.get(), "start"));
        const QString result = waitForResult();
        sampler.stop();
        QVERIFY2(result.startsWith(u"Exported "_s), qPrintable(result));
        const QString all = seen.join(u'\n');
        QVERIFY2(all.contains(u"Rate limited, retrying in 1 s"_s), qPrintable(all));
        QVERIFY2(all.contains(u"1 retry"_s), qPrintable(all));
    }

    void aMissingFolderIsSaidInTheDialog()
    {
        auto dialog = openDialog();
        typePath(dialog.get(), folder().filePath(u"no/such/folder/out.csv"_s));
        click(child<QPushButton>(dialog.get(), "start"));
        // Nothing started; the dialog stays so the path can be fixed.
        QVERIFY(!exports()->isRunning());
        QVERIFY(dialog->isVisible());
        auto *result = child<QLabel>(dialog.get(), "result");
        QVERIFY(result->isVisible());
        QVERIFY2(result->text().startsWith(u"The folder "_s), qPrintable(result->text()));
        QVERIFY(!QDir(folder().filePath(u"no"_s)).exists());
    }

    void optionsComeBackInTheNextDialog()
    {
        const QString exportsFolder = folder().filePath(u"exports"_s);
        QVERIFY(QDir().mkpath(exportsFolder));
        {
            auto dialog = openDialog();
            click(child<QRadioButton>(dialog.get(), "scopeLoaded"));
            toggleColumn(dialog.get(), u"type"_s);
            toggleColumn(dialog.get(), u"oauth_application_name"_s);
            click(child<QRadioButton>(dialog.get(), "formatCsv"));
            click(child<QCheckBox>(dialog.get(), "bom"));
            typePath(dialog.get(), exportsFolder + u"/first.csv"_s);
            click(child<QPushButton>(dialog.get(), "start"));
            QVERIFY(waitForResult().startsWith(u"Exported "_s));
            QVERIFY(ExportFolder::readAll(exportsFolder + u"/first.csv"_s)
                        .startsWith("\xEF\xBB\xBFid,"));
        }
        m_settings->sync();
        QVERIFY(
            !ExportFolder::readAll(m_settings->fileName()).contains(m_fixture.apiKey().toUtf8()));

        auto dialog = openDialog();
        QVERIFY(child<QRadioButton>(dialog.get(), "scopeLoaded")->isChecked());
        QVERIFY(child<QRadioButton>(dialog.get(), "formatCsv")->isChecked());
        QVERIFY(child<QCheckBox>(dialog.get(), "bom")->isChecked());
        auto *list = child<QListWidget>(dialog.get(), "columns");
        QStringList checked;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked)
                checked.append(list->item(i)->text());
        }
        QCOMPARE(checked, (QStringList{u"id"_s, u"created_at"_s, u"deleted_at"_s, u"group_id"_s,
                                       u"oauth_application_id"_s, u"oauth_application_name"_s,
                                       u"status"_s}));
        // The next file is proposed in the folder used last time.
        QCOMPARE(QFileInfo(child<QLineEdit>(dialog.get(), "path")->text()).absolutePath(),
                 exportsFolder);

        click(child<QRadioButton>(dialog.get(), "formatJsonl"));
        click(child<QPushButton>(dialog.get(), "close"));
        QVERIFY(!dialog->isVisible());
        auto again = openDialog();
        QVERIFY(child<QRadioButton>(again.get(), "formatJsonl")->isChecked());
    }

    void everyPageLoadedOffersTheLoadedRowsAndSaysWhen()
    {
        std::unique_ptr<ConnectionSession> full(m_fixture.newSession());
        QVERIFY(full);
        ConnectionTableModel *model = full->connections();
        QVERIFY(ExportFixture::loadEveryPage(model));
        QVERIFY(model->rowCount() > 1000);

        auto dialog = openDialog(full.get());
        // The loaded rows are picked for the user, and the note says since when.
        QVERIFY(child<QRadioButton>(dialog.get(), "scopeLoaded")->isChecked());
        const QString note = dialog->scopeBox()->allLoadedNote();
        const QString at =
            QLocale().toString(model->lastFetchAt().toLocalTime().time(), QLocale::LongFormat);
        QVERIFY2(note.startsWith(u"All %1 matching connections are loaded (at %2)"_s.arg(
                     QLocale().toString(model->rowCount()), at)),
                 qPrintable(note));
        QVERIFY(child<QLabel>(dialog.get(), "allLoadedNote")->isVisible());

        const QString path = folder().filePath(u"loaded-all.csv"_s);
        typePath(dialog.get(), path);
        const qint64 requestsBefore = sandbox()->requestsServed();
        click(child<QPushButton>(dialog.get(), "start"));
        QVERIFY(waitForResult().startsWith(u"Exported "_s));
        QCOMPARE(sandbox()->requestsServed(), requestsBefore);
        QCOMPARE(ExportFolder::readAll(path).count('\n'), model->rowCount() + 1);
        // Remembered as the user left it: next time, with pages missing, every page again.
        m_settings->sync();
        QCOMPARE(m_settings->value(u"export/scope"_s).toString(), u"all"_s);
        auto partial = openDialog();
        QVERIFY(child<QRadioButton>(partial.get(), "scopeAll")->isChecked());
    }

    void anotherExportRunningHoldsStartAndOffersToCancelIt()
    {
        sandbox()->setLatency(150, 0);
        auto first = openDialog();
        const QString path = folder().filePath(u"first.csv"_s);
        typePath(first.get(), path);
        click(child<QPushButton>(first.get(), "start"));
        QVERIFY(exports()->isRunning());

        auto second = openDialog();
        typePath(second.get(), folder().filePath(u"second.csv"_s));
        auto *busy = child<QWidget>(second.get(), "busyBar");
        QVERIFY(busy->isVisible());
        QVERIFY(busy->findChild<QLabel *>()->text().contains(QDir::toNativeSeparators(path)));
        QVERIFY(!child<QPushButton>(second.get(), "start")->isEnabled());
        // A second start through the controller is refused the same way.
        QString why;
        QVERIFY(!exports()->start(m_session.get(), ExportJob{}, &why));
        QVERIFY2(why.contains(QDir::toNativeSeparators(path)), qPrintable(why));

        click(child<QPushButton>(second.get(), "cancelRunning"));
        QCOMPARE(waitForResult(), u"Export cancelled; no file was written."_s);
        QVERIFY(!busy->isVisible());
        QVERIFY(child<QPushButton>(second.get(), "start")->isEnabled());
    }

    void progressLine_data()
    {
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("retries");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<qint64>("leftMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("start") << qint64(0) << 0 << 0 << QString() << qint64(-1)
                               << u"0 rows · 0 pages · 0 retries"_s;
        QTest::newRow("singular") << qint64(1) << 1 << 1 << QString() << qint64(-1)
                                  << u"1 row · 1 page · 1 retry"_s;
        QTest::newRow("rate limited") << qint64(200) << 2 << 1 << u"Rate limited"_s << qint64(1500)
                                      << u"200 rows · 2 pages · 1 retry — Rate limited, "
                                         "retrying in 2 s"_s;
        QTest::newRow("due") << qint64(200) << 2 << 3 << u"Rate limited"_s << qint64(0)
                             << u"200 rows · 2 pages · 3 retries — Rate limited, retrying now…"_s;
    }

    void progressLine()
    {
        QFETCH(qint64, rows);
        QFETCH(int, pages);
        QFETCH(int, retries);
        QFETCH(QString, reason);
        QFETCH(qint64, leftMs);
        QFETCH(QString, expected);
        QLocale::setDefault(QLocale::c());
        QCOMPARE(ExportProgress::text(rows, pages, retries, reason, leftMs), expected);
        QLocale::setDefault(QLocale::system());
    }

private:
    std::unique_ptr<ExportDialog> openDialog(ConnectionSession *session = nullptr)
    {
        auto dialog = std::make_unique<ExportDialog>(session ? session : m_session.get(), exports(),
                                                     m_settings.get());
        dialog->open();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            qWarning("the dialog was not exposed");
        return dialog;
    }

    // Waits until the export ends and returns what the window would say about it.
    QString waitForResult() { return m_fixture.waitForOutcome().message; }

    ExportResult runExporter(const ExportOptions &options)
    {
        Exporter exporter(m_session->client(), options);
        std::optional<ExportResult> result;
        connect(&exporter, &Exporter::finished, this, [&](const ExportResult &r) { result = r; });
        exporter.start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            return {};
        return *result;
    }

    ExportController *exports() const { return m_fixture.exports(); }
    SandboxServer *sandbox() { return &m_fixture.sandbox(); }
    ExportFolder &folder() { return m_fixture.folder(); }

    ExportFixture m_fixture{trickyNames()};
    std::unique_ptr<ConnectionSession> m_session;
    std::unique_ptr<QSettings> m_settings;
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
