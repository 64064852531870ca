// The export dialog driven through its widgets with QTest against the real local sandbox
// over loopback: the file holds the chosen columns in the chosen format, Cancel leaves no
// file, "loaded rows only" writes exactly the model's rows, an existing file is replaced
// only after the user agrees, and the options come back in the next dialog.
#include "connectiontablemodel.h"
#include "exportdialog.h"
#include "exporter.h"
#include "exportprogress.h"
#include "increaseclient.h"
#include "sandboxserver.h"
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
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QString kKey = u"ic_test_key_DIALOG_7777"_s;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
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

// Waits until the export ends (the Start button is back) and returns the outcome line.
QString waitForResult(const QWidget *dialog, int timeoutMs = 60000)
{
    auto *start = child<QPushButton>(dialog, "start");
    auto *result = child<QLabel>(dialog, "result");
    if (!QTest::qWaitFor([&] { return start->isEnabled() && result->isVisible(); }, timeoutMs))
        return u"<timed out>"_s;
    return result->text();
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.port = 0;
        options.apiKey = kKey;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_sandbox->listen(&error), qPrintable(error));

        ClientConfig config;
        config.baseUrl = m_sandbox->baseUrl();
        config.apiKey = kKey;
        config.environment = u"local"_s;
        config.backoffScale = 0.02;
        m_client = std::make_unique<IncreaseClient>(config);

        // One page loaded, more available: "loaded rows only" differs from "all matching".
        m_model = std::make_unique<ConnectionTableModel>(m_client.get());
        QSignalSpy loaded(m_model.get(), &ConnectionTableModel::pageLoaded);
        m_model->fetchMore({});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_model->rowCount(), 100);
        QVERIFY(m_model->hasMore());
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings =
            std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    }

    void cleanup()
    {
        m_sandbox->setLatency(0, 0);
        m_sandbox->setRateLimit(0);
    }

    void allMatchingWritesTheChosenColumnsAsCsv()
    {
        auto dialog = openDialog();
        click(child<QRadioButton>(dialog.get(), "scopeAll"));
        toggleColumn(dialog.get(), u"created_at"_s);
        toggleColumn(dialog.get(), u"type"_s);
        toggleColumn(dialog.get(), u"oauth_application_name"_s);
        click(child<QRadioButton>(dialog.get(), "formatCsv"));
        const QString path = m_dir->filePath(u"all.csv"_s);
        typePath(dialog.get(), path);
        click(child<QPushButton>(dialog.get(), "start"));
        const QString result = waitForResult(dialog.get());

        // The same export made directly with the Exporter is the reference.
        ExportOptions reference;
        reference.columns = {ExportColumn::Id,
                             ExportColumn::DeletedAt,
                             ExportColumn::GroupId,
                             ExportColumn::OAuthApplicationId,
                             ExportColumn::OAuthApplicationName,
                             ExportColumn::Status};
        reference.outputPath = m_dir->filePath(u"reference.csv"_s);
        const ExportResult expected = runExporter(reference);
        QCOMPARE(expected.outcome, ExportResult::Outcome::Completed);

        const QByteArray written = readAll(path);
        QCOMPARE(written, readAll(reference.outputPath));
        QVERIFY(written.startsWith("id,deleted_at,group_id,oauth_application_id,"
                                   "oauth_application_name,status\r\n"));
        QVERIFY(expected.rows > 100); // every page, not only the loaded one
        QVERIFY2(result.contains(QLocale().toString(expected.rows)), qPrintable(result));
        QVERIFY2(result.contains(QDir::toNativeSeparators(path)), qPrintable(result));
    }

    void jsonlFollowsTheFormatChoice()
    {
        auto dialog = openDialog();
        typePath(dialog.get(), m_dir->filePath(u"rows.csv"_s));
        click(child<QRadioButton>(dialog.get(), "formatJsonl"));
        // The extension follows the format; a byte order mark is a CSV-only option.
        QCOMPARE(child<QLineEdit>(dialog.get(), "path")->text(), m_dir->filePath(u"rows.jsonl"_s));
        QVERIFY(!child<QCheckBox>(dialog.get(), "bom")->isEnabled());
        click(child<QPushButton>(dialog.get(), "start"));
        const QString result = waitForResult(dialog.get());
        QVERIFY2(result.contains(u"rows written"_s), qPrintable(result));

        const QList<QByteArray> lines = readAll(m_dir->filePath(u"rows.jsonl"_s)).split('\n');
        QVERIFY(lines.size() > 100);
        QVERIFY(lines.last().isEmpty());
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.keys().size(), 7);
        QVERIFY(first.value(u"id"_s).toString().startsWith(u"connection_"_s));
        QCOMPARE(first.value(u"status"_s).toString(), u"active"_s);
    }

    void cancelMidExportLeavesNoFile()
    {
        m_sandbox->setLatency(100, 0);
        auto dialog = openDialog();
        const QString path = m_dir->filePath(u"cancelled.csv"_s);
        typePath(dialog.get(), path);
        click(child<QPushButton>(dialog.get(), "start"));
        auto *progress = child<QLabel>(dialog.get(), "progress");
        QTRY_VERIFY_WITH_TIMEOUT(progress->text().contains(u"1 page"_s), 10000);
        QVERIFY(!child<QPushButton>(dialog.get(), "start")->isEnabled());
        click(child<QPushButton>(dialog.get(), "cancelExport"));
        const QString result = waitForResult(dialog.get());
        QVERIFY2(result.contains(u"cancelled"_s), qPrintable(result));
        QVERIFY(!QFile::exists(path));
        // Nor a temporary file left behind by QSaveFile.
        const QStringList files = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(files, QStringList{u"settings.ini"_s});
    }

    void loadedRowsWritesExactlyTheModelsRows()
    {
        auto dialog = openDialog();
        auto *loaded = child<QRadioButton>(dialog.get(), "scopeLoaded");
        QVERIFY(loaded->text().contains(u"100"_s));
        click(loaded);
        click(child<QRadioButton>(dialog.get(), "formatCsv"));
        const QString path = m_dir->filePath(u"loaded.csv"_s);
        typePath(dialog.get(), path);
        const qint64 requestsBefore = m_sandbox->requestsServed();
        click(child<QPushButton>(dialog.get(), "start"));
        const QString result = waitForResult(dialog.get());
        QVERIFY2(result.startsWith(u"100 rows written"_s), qPrintable(result));
        // Written from memory: the API was not listed again.
        QCOMPARE(m_sandbox->requestsServed(), requestsBefore);

        const QList<QByteArray> lines = readAll(path).split('\n');
        QCOMPARE(lines.size(), 1 + 100 + 1);
        for (int row = 0; row < 100; ++row) {
            const QByteArray id = lines[row + 1].split(',').first();
            QCOMPARE(QString::fromUtf8(id), m_model->connectionAt(row).id);
        }
    }

    void existingFileIsReplacedOnlyAfterConfirmation()
    {
        const QString path = m_dir->filePath(u"existing.csv"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous contents\n");
        }
        auto dialog = openDialog();
        typePath(dialog.get(), path);
        auto *bar = child<QWidget>(dialog.get(), "overwriteBar");
        QVERIFY(!bar->isVisible());
        click(child<QPushButton>(dialog.get(), "start"));
        QVERIFY(bar->isVisible());
        // Asking is all that happened: no export runs, the file is untouched.
        QTest::qWait(300);
        QVERIFY(child<QPushButton>(dialog.get(), "start")->isEnabled());
        QVERIFY(!child<QLabel>(dialog.get(), "result")->isVisible());
        QCOMPARE(readAll(path), QByteArray("previous contents\n"));

        click(child<QPushButton>(dialog.get(), "overwrite"));
        const QString result = waitForResult(dialog.get());
        QVERIFY2(result.contains(u"rows written"_s), qPrintable(result));
        QVERIFY(readAll(path).startsWith("id,created_at,"));
        QVERIFY(!bar->isVisible());
    }

    void cancelledOverwriteKeepsThePreviousFile()
    {
        const QString path = m_dir->filePath(u"kept.csv"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep me\n");
        }
        m_sandbox->setLatency(100, 0);
        auto dialog = openDialog();
        typePath(dialog.get(), path);
        click(child<QPushButton>(dialog.get(), "start"));
        click(child<QPushButton>(dialog.get(), "overwrite"));
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(dialog.get(), "progress")->text().contains(u"1 page"_s), 10000);
        // Esc cancels a running export and keeps the dialog open to say so.
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        const QString result = waitForResult(dialog.get());
        QVERIFY2(result.contains(u"unchanged"_s), qPrintable(result));
        QVERIFY(dialog->isVisible());
        QCOMPARE(readAll(path), QByteArray("keep me\n"));
    }

    void retriesAreShownAsTheyHappen()
    {
        // A burst of ten requests, then 429s with Retry-After: 1.
        m_sandbox->setRateLimit(10);
        auto dialog = openDialog();
        typePath(dialog.get(), m_dir->filePath(u"limited.csv"_s));
        auto *progress = child<QLabel>(dialog.get(), "progress");
        QStringList seen;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&] {
            if (seen.isEmpty() || seen.last() != progress->text())
                seen.append(progress->text());
        });
        sampler.start(10);
        click(child<QPushButton>(dialog.get(), "start"));
        const QString result = waitForResult(dialog.get());
        sampler.stop();
        QVERIFY2(result.contains(u"rows written"_s), qPrintable(result));
        const QString all = seen.join(u'\n');
        QVERIFY2(all.contains(u"Rate limited, retrying in 1 s"_s), qPrintable(all));
        QVERIFY2(all.contains(u"1 retry"_s), qPrintable(all));
    }

    void failureShowsTheExportersMessage()
    {
        auto dialog = openDialog();
        typePath(dialog.get(), m_dir->filePath(u"no/such/folder/out.csv"_s));
        click(child<QPushButton>(dialog.get(), "start"));
        const QString result = waitForResult(dialog.get());
        QVERIFY2(result.startsWith(u"Cannot write"_s), qPrintable(result));
        QVERIFY(!QDir(m_dir->filePath(u"no"_s)).exists());
    }

    void optionsComeBackInTheNextDialog()
    {
        const QString folder = m_dir->filePath(u"exports"_s);
        QVERIFY(QDir().mkpath(folder));
        {
            auto dialog = openDialog();
            click(child<QRadioButton>(dialog.get(), "scopeLoaded"));
            toggleColumn(dialog.get(), u"type"_s);
            toggleColumn(dialog.get(), u"oauth_application_name"_s);
            click(child<QRadioButton>(dialog.get(), "formatCsv"));
            click(child<QCheckBox>(dialog.get(), "bom"));
            typePath(dialog.get(), folder + u"/first.csv"_s);
            click(child<QPushButton>(dialog.get(), "start"));
            QVERIFY(waitForResult(dialog.get()).contains(u"rows written"_s));
            QVERIFY(readAll(folder + u"/first.csv"_s).startsWith("\xEF\xBB\xBFid,"));
        }
        m_settings->sync();
        QVERIFY(!readAll(m_settings->fileName()).contains(kKey.toUtf8()));

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
        QCOMPARE(QFileInfo(child<QLineEdit>(dialog.get(), "path")->text()).absolutePath(), folder);

        click(child<QRadioButton>(dialog.get(), "formatJsonl"));
        click(child<QPushButton>(dialog.get(), "close"));
        QVERIFY(!dialog->isVisible());
        auto again = openDialog();
        QVERIFY(child<QRadioButton>(again.get(), "formatJsonl")->isChecked());
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
    std::unique_ptr<ExportDialog> openDialog()
    {
        auto dialog =
            std::make_unique<ExportDialog>(m_client.get(), m_model.get(), m_settings.get());
        dialog->open();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            qWarning("the dialog was not exposed");
        return dialog;
    }

    ExportResult runExporter(const ExportOptions &options)
    {
        Exporter exporter(m_client.get(), options);
        std::optional<ExportResult> result;
        connect(&exporter, &Exporter::finished, this, [&](const ExportResult &r) { result = r; });
        exporter.start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            return {};
        return *result;
    }

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<IncreaseClient> m_client;
    std::unique_ptr<ConnectionTableModel> m_model;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
