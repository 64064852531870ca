// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ExportController driven directly, without a widget, against the local sandbox in-process
// over loopback: progress as it goes, one export at a time, Cancel leaving no file (or the
// previous one as it was), a session retired mid-export kept until the export ends, the
// loaded rows written in the table's current order, and what the window will say.
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "exportcontroller.h"
#include "exportfixture.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestExportController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.listen(&error), qPrintable(error));
    }

    void init()
    {
        QVERIFY(m_fixture.beginTest());
        m_session = m_fixture.newSession();
        QVERIFY(m_session);
    }

    void cleanup()
    {
        m_fixture.endTest();
        delete m_session;
    }

    void progressIsReportedUntilTheFileIsWritten()
    {
        QSignalSpy started(exports(), &ExportController::started);
        QSignalSpy progress(exports(), &ExportController::progress);
        QSignalSpy running(exports(), &ExportController::runningChanged);
        const QString path = folder().filePath(u"all.csv"_s);
        QVERIFY(exports()->start(m_session, allMatching(path)));
        QVERIFY(exports()->isRunning());
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toString(), path);
        QCOMPARE(started.at(0).at(1).toLongLong(), qint64(-1)); // no total for every page

        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(m_fixture.outcomePath(), path);
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
        QCOMPARE(ExportFolder::idsIn(path).size(), result.rows);
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
        const QString path = folder().filePath(u"cancelled.csv"_s);
        const QByteArray before = "id\r\nconnection_from_last_week\r\n";
        if (existing)
            QVERIFY(ExportFolder::write(path, before));
        sandbox()->setLatency(100, 0);
        QSignalSpy progress(exports(), &ExportController::progress);
        QVERIFY(exports()->start(m_session, allMatching(path)));
        QVERIFY(progress.wait(10000)); // a page is in the file being written
        exports()->cancel();
        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Cancelled);
        QVERIFY(!exports()->isRunning());
        if (existing) {
            QCOMPARE(result.message, u"Export cancelled; cancelled.csv was not changed."_s);
            QCOMPARE(ExportFolder::readAll(path), before);
        } else {
            QCOMPARE(result.message, u"Export cancelled; no file was written."_s);
            QVERIFY(!QFile::exists(path));
        }
        // No temporary file either.
        QCOMPARE(folder().files().size(), existing ? 1 : 0);
    }

    void aSecondStartIsRefusedWhileOneRuns()
    {
        sandbox()->setLatency(100, 0);
        const QString first = folder().filePath(u"first.csv"_s);
        QVERIFY(exports()->start(m_session, allMatching(first)));
        QSignalSpy started(exports(), &ExportController::started);
        QString why;
        QVERIFY(
            !exports()->start(m_session, allMatching(folder().filePath(u"second.csv"_s)), &why));
        QVERIFY2(why.contains(QDir::toNativeSeparators(first)), qPrintable(why));
        QCOMPARE(started.count(), 0);
        QCOMPARE(exports()->path(), first);
        sandbox()->setLatency(0, 0);
        QCOMPARE(waitForOutcome().outcome, ExportResult::Outcome::Completed);
        QVERIFY(!QFile::exists(folder().filePath(u"second.csv"_s)));
        // Once it ended, the next one may start.
        QVERIFY(exports()->start(m_session, allMatching(folder().filePath(u"second.csv"_s))));
        QCOMPARE(waitForOutcome().outcome, ExportResult::Outcome::Completed);
    }

    void aRetiredSessionLivesUntilTheExportEnds()
    {
        sandbox()->setLatency(100, 0);
        const QString path = folder().filePath(u"switched.csv"_s);
        QPointer<ConnectionSession> session = m_session;
        QSignalSpy progress(exports(), &ExportController::progress);
        QVERIFY(exports()->start(session, allMatching(path)));
        QVERIFY(progress.wait(10000));
        // The window switched to another connection: the session is retired, not gone.
        session->retire();
        QTest::qWait(300);
        QVERIFY(session);
        QVERIFY(exports()->isRunning());
        sandbox()->setLatency(0, 0);
        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Completed);
        QCOMPARE(ExportFolder::idsIn(path).size(), result.rows);
        // Nothing keeps it any more: it is freed.
        QVERIFY(QTest::qWaitFor([&] { return session.isNull(); }, 5000));
        m_session = nullptr;
    }

    void destroyingTheControllerCancelsAndFreesARetiredSession()
    {
        sandbox()->setLatency(100, 0);
        const QString path = folder().filePath(u"closed.csv"_s);
        QPointer<ConnectionSession> session = m_session;
        QSignalSpy progress(exports(), &ExportController::progress);
        QVERIFY(exports()->start(session, allMatching(path)));
        QVERIFY(progress.wait(10000));
        session->retire();
        m_fixture.destroyExports(); // the window closes
        QVERIFY(QTest::qWaitFor([&] { return session.isNull(); }, 5000));
        m_session = nullptr;
        QVERIFY(!QFile::exists(path));
        QVERIFY(folder().files().isEmpty());
    }

    void loadedRowsFollowTheTablesSort()
    {
        ConnectionTableModel *model = m_session->connections();
        QVERIFY(ExportFixture::loadEveryPage(model));
        QStringList apiOrder;
        for (int row = 0; row < model->rowCount(); ++row)
            apiOrder.append(model->connectionAt(row).id);
        model->sort(ConnectionTableModel::GroupIdColumn, Qt::DescendingOrder);
        QStringList tableOrder;
        for (int row = 0; row < model->rowCount(); ++row)
            tableOrder.append(model->connectionAt(row).id);
        QVERIFY(tableOrder != apiOrder);

        const QString path = folder().filePath(u"sorted.csv"_s);
        QSignalSpy started(exports(), &ExportController::started);
        const qint64 requestsBefore = sandbox()->requestsServed();
        QVERIFY(exports()->start(m_session, loadedRows(path)));
        QCOMPARE(started.at(0).at(1).toLongLong(), qint64(model->rowCount()));
        QCOMPARE(waitForOutcome().outcome, ExportResult::Outcome::Completed);
        QCOMPARE(ExportFolder::idsIn(path), tableOrder);
        QCOMPARE(sandbox()->requestsServed(), requestsBefore);
    }

    void aRequeryStopsALoadedRowsExportAndSaysWhy()
    {
        ConnectionTableModel *model = m_session->connections();
        QVERIFY(ExportFixture::loadEveryPage(model));
        QVERIFY(model->rowCount() > 1000); // more than one chunk: the export takes turns
        const QString path = folder().filePath(u"requeried.csv"_s);
        QVERIFY(exports()->start(m_session, loadedRows(path)));
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
        sandbox()->setFailRate(1.0);
        const QString path = folder().filePath(u"failed.csv"_s);
        QVERIFY(exports()->start(m_session, allMatching(path)));
        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Failed);
        QVERIFY2(result.message.contains(u"internal_server_error"_s), qPrintable(result.message));
        QVERIFY(!QFile::exists(path));
    }

    void aFileThatCannotBeCreatedIsReported()
    {
        const QString path = folder().filePath(u"no/such/folder/out.csv"_s);
        QVERIFY(exports()->start(m_session, allMatching(path)));
        const ExportResult result = waitForOutcome();
        QCOMPARE(result.outcome, ExportResult::Outcome::Failed);
        QVERIFY2(result.message.startsWith(u"Cannot write"_s), qPrintable(result.message));
        QVERIFY(!QDir(folder().filePath(u"no"_s)).exists());
    }

private:
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

    ExportController *exports() const { return m_fixture.exports(); }
    SandboxServer *sandbox() { return &m_fixture.sandbox(); }
    ExportFolder &folder() { return m_fixture.folder(); }
    ExportResult waitForOutcome() { return m_fixture.waitForOutcome(); }

    ExportFixture m_fixture;
    QPointer<ConnectionSession> m_session;
};

QTEST_GUILESS_MAIN(TestExportController)
#include "tst_exportcontroller.moc"
