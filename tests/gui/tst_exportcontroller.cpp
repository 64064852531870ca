// ExportController driven directly, without a widget, against the local sandbox in-process
// over loopback: progress as it goes, one export at a time, Cancel leaving no file (or the
// previous one as it was), a session retired mid-export kept until the export ends, the
// loaded rows written in the table's current order, and what the window will say.
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "englishplurals.h"
#include "exportcontroller.h"
#include "increaseclient.h"
#include "sandboxserver.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kKey = u"ic_test_key_EXPORTS_4242"_s;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// The first field of every data line: the ids, in the file's order.
QStringList idsIn(const QString &path)
{
    QStringList ids;
    const QList<QByteArray> lines = readAll(path).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines.at(i).isEmpty())
            ids.append(QString::fromUtf8(lines.at(i).split(',').first()));
    }
    return ids;
}

} // namespace

class TestExportController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::installTranslator(&m_plurals);
        SandboxOptions options;
        options.port = 0;
        options.apiKey = kKey;
        m_sandbox = std::make_unique<SandboxServer>(options);
        QString error;
        QVERIFY2(m_sandbox->listen(&error), qPrintable(error));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_session = newSession();
        QVERIFY(m_session);
        m_exports = std::make_unique<ExportController>();
        m_outcome.reset();
        connect(m_exports.get(), &ExportController::finished, this,
                [this](const ExportResult &result, const QString &path) {
                    m_outcome = result;
                    m_outcomePath = path;
                });
    }

    void cleanup()
    {
        m_exports.reset();
        delete m_session;
        m_sandbox->setLatency(0, 0);
        m_sandbox->setFailRate(0);
    }

    void progressIsReportedUntilTheFileIsWritten()
    {
        QSignalSpy started(m_exports.get(), &ExportController::started);
        QSignalSpy progress(m_exports.get(), &ExportController::progress);
        QSignalSpy running(m_exports.get(), &ExportController::runningChanged);
        const QString path = m_dir->filePath(u"all.csv"_s);
        QVERIFY(m_exports->start(m_session, allMatching(path)));
        QVERIFY(m_exports->isRunning());
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toString(), path);
        QCOMPARE(started.at(0).at(1).toLongLong(), qint64(-1)); // no total for every page

        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(m_outcomePath, path);
        QVERIFY(result.rows > 100);
        // A report a page, rows only growing, the last one the whole file.
        QVERIFY(progress.count() >= result.pages);
        qint64 previous = 0;
        for (const QList<QVariant> &report : std::as_const(progress)) {
            QVERIFY(report.at(0).toLongLong() >= previous);
            previous = report.at(0).toLongLong();
        }
        QCOMPARE(previous, result.rows);
        QCOMPARE(running.count(), 2);
        QCOMPARE(running.at(0).at(0).toBool(), true);
        QCOMPARE(running.at(1).at(0).toBool(), false);
        QCOMPARE(idsIn(path).size(), result.rows);
        QCOMPARE(result.message,
                 u"Exported %1 connections to %2."_s.arg(QLocale().toString(result.rows),
                                                         QDir::toNativeSeparators(path)));
    }

    void cancelLeavesNoFileOrThePreviousOne_data()
    {
        QTest::addColumn<bool>("existing");
        QTest::newRow("no file before") << false;
        QTest::newRow("a file before") << true;
    }

    void cancelLeavesNoFileOrThePreviousOne()
    {
        QFETCH(bool, existing);
        const QString path = m_dir->filePath(u"cancelled.csv"_s);
        const QByteArray before = "id\r\nconnection_from_last_week\r\n";
        if (existing) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(before);
        }
        m_sandbox->setLatency(100, 0);
        QSignalSpy progress(m_exports.get(), &ExportController::progress);
        QVERIFY(m_exports->start(m_session, allMatching(path)));
        QVERIFY(progress.wait(10000)); // a page is in the file being written
        m_exports->cancel();
        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Cancelled);
        QVERIFY(!m_exports->isRunning());
        if (existing) {
            QCOMPARE(result.message, u"Export cancelled; cancelled.csv was not changed."_s);
            QCOMPARE(readAll(path), before);
        } else {
            QCOMPARE(result.message, u"Export cancelled; no file was written."_s);
            QVERIFY(!QFile::exists(path));
        }
        // No temporary file either.
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).size(),
                 existing ? 1 : 0);
    }

    void aSecondStartIsRefusedWhileOneRuns()
    {
        m_sandbox->setLatency(100, 0);
        const QString first = m_dir->filePath(u"first.csv"_s);
        QVERIFY(m_exports->start(m_session, allMatching(first)));
        QSignalSpy started(m_exports.get(), &ExportController::started);
        QString why;
        QVERIFY(!m_exports->start(m_session, allMatching(m_dir->filePath(u"second.csv"_s)), &why));
        QVERIFY2(why.contains(QDir::toNativeSeparators(first)), qPrintable(why));
        QCOMPARE(started.count(), 0);
        QCOMPARE(m_exports->path(), first);
        m_sandbox->setLatency(0, 0);
        QCOMPARE(waitForOutcome().outcome, ExportResult::Outcome::Completed);
        QVERIFY(!QFile::exists(m_dir->filePath(u"second.csv"_s)));
        // Once it ended, the next one may start.
        QVERIFY(m_exports->start(m_session, allMatching(m_dir->filePath(u"second.csv"_s))));
        QCOMPARE(waitForOutcome().outcome, ExportResult::Outcome::Completed);
    }

    void aRetiredSessionLivesUntilTheExportEnds()
    {
        m_sandbox->setLatency(100, 0);
        const QString path = m_dir->filePath(u"switched.csv"_s);
        QPointer<ConnectionSession> session = m_session;
        QSignalSpy progress(m_exports.get(), &ExportController::progress);
        QVERIFY(m_exports->start(session, allMatching(path)));
        QVERIFY(progress.wait(10000));
        // The window switched to another connection: the session is retired, not gone.
        session->retire();
        QTest::qWait(300);
        QVERIFY(session);
        QVERIFY(m_exports->isRunning());
        m_sandbox->setLatency(0, 0);
        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(idsIn(path).size(), result.rows);
        // Nothing keeps it any more: it is freed.
        QVERIFY(QTest::qWaitFor([&] { return session.isNull(); }, 5000));
        m_session = nullptr;
    }

    void destroyingTheControllerCancelsAndFreesARetiredSession()
    {
        m_sandbox->setLatency(100, 0);
        const QString path = m_dir->filePath(u"closed.csv"_s);
        QPointer<ConnectionSession> session = m_session;
        QSignalSpy progress(m_exports.get(), &ExportController::progress);
        QVERIFY(m_exports->start(session, allMatching(path)));
        QVERIFY(progress.wait(10000));
        session->retire();
        m_exports.reset(); // the window closes
        QVERIFY(QTest::qWaitFor([&] { return session.isNull(); }, 5000));
        m_session = nullptr;
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void loadedRowsFollowTheTablesSort()
    {
        ConnectionTableModel *model = loadEveryPage();
        QStringList apiOrder;
        for (int row = 0; row < model->rowCount(); ++row)
            apiOrder.append(model->connectionAt(row).id);
        model->sort(ConnectionTableModel::GroupIdColumn, Qt::DescendingOrder);
        QStringList tableOrder;
        for (int row = 0; row < model->rowCount(); ++row)
            tableOrder.append(model->connectionAt(row).id);
        QVERIFY(tableOrder != apiOrder);

        const QString path = m_dir->filePath(u"sorted.csv"_s);
        QSignalSpy started(m_exports.get(), &ExportController::started);
        const qint64 requestsBefore = m_sandbox->requestsServed();
        QVERIFY(m_exports->start(m_session, loadedRows(path)));
        QCOMPARE(started.at(0).at(1).toLongLong(), qint64(model->rowCount()));
        QCOMPARE(waitForOutcome().outcome, ExportResult::Outcome::Completed);
        QCOMPARE(idsIn(path), tableOrder);
        QCOMPARE(m_sandbox->requestsServed(), requestsBefore);
    }

    void aRequeryStopsALoadedRowsExportAndSaysWhy()
    {
        ConnectionTableModel *model = loadEveryPage();
        QVERIFY(model->rowCount() > 1000); // more than one chunk: the export takes turns
        const QString path = m_dir->filePath(u"requeried.csv"_s);
        QVERIFY(m_exports->start(m_session, loadedRows(path)));
        ConnectionQuery inactive;
        inactive.statuses = {u"inactive"_s};
        model->setQuery(inactive);
        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Cancelled);
        QVERIFY2(result.message.startsWith(u"The table was listed again or re-sorted"_s),
                 qPrintable(result.message));
        QVERIFY(result.message.endsWith(u"no file was written."_s));
        QVERIFY(!QFile::exists(path));
    }

    void aFailureNamesTheIncreaseType()
    {
        m_sandbox->setFailRate(1.0);
        const QString path = m_dir->filePath(u"failed.csv"_s);
        QVERIFY(m_exports->start(m_session, allMatching(path)));
        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Failed);
        QVERIFY2(result.message.contains(u"internal_server_error"_s), qPrintable(result.message));
        QVERIFY(!QFile::exists(path));
    }

    void aFileThatCannotBeCreatedIsReported()
    {
        const QString path = m_dir->filePath(u"no/such/folder/out.csv"_s);
        QVERIFY(m_exports->start(m_session, allMatching(path)));
        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Failed);
        QVERIFY2(result.message.startsWith(u"Cannot write"_s), qPrintable(result.message));
        QVERIFY(!QDir(m_dir->filePath(u"no"_s)).exists());
    }

private:
    ConnectionSession *newSession()
    {
        ClientConfig defaults;
        defaults.backoffScale = 0.01;
        QString error;
        ConnectionSession *session = ConnectionSession::create(
            ConnectionChoice{u"custom"_s, m_sandbox->baseUrl()}, kKey, defaults, {}, &error);
        if (!session)
            qWarning("no session: %s", qPrintable(error));
        return session;
    }

    static ExportJob allMatching(const QString &path)
    {
        ExportJob job;
        job.options.outputPath = path;
        return job;
    }

    static ExportJob loadedRows(const QString &path)
    {
        ExportJob job = allMatching(path);
        job.scope = ExportJob::Scope::LoadedRows;
        return job;
    }

    ConnectionTableModel *loadEveryPage()
    {
        ConnectionTableModel *model = m_session->connections();
        model->loadAll();
        if (!QTest::qWaitFor([&] { return !model->hasMore() && !model->isFetching(); }, 30000))
            qWarning("the listing did not end");
        return model;
    }

    ExportResult waitForOutcome(int timeoutMs = 60000)
    {
        if (!QTest::qWaitFor([&] { return m_outcome.has_value(); }, timeoutMs))
            return {};
        const ExportResult result = *m_outcome;
        m_outcome.reset();
        return result;
    }

    EnglishPlurals m_plurals;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QPointer<ConnectionSession> m_session;
    std::unique_ptr<ExportController> m_exports;
    std::optional<ExportResult> m_outcome;
    QString m_outcomePath;
};

QTEST_GUILESS_MAIN(TestExportController)
#include "tst_exportcontroller.moc"
