// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Save as HAR off the window's thread: a full log (~30 MB) is written while the event
// loop keeps turning, the file appears only once complete (QSaveFile), and the outcome
// comes back as a signal.
#include "harsaver.h"
#include "harwriter.h"
#include "requestlogfixtures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using RequestLogFixtures::entry;

namespace {

const QString kVersion = u"0.1.0"_s;

// 120 entries of 256 KiB bodies, the log's cap: about 30 MiB of HAR.
QList<RequestLogEntry> largeLog()
{
    QByteArray body = "{\"data\":[";
    while (body.size() < 256 * 1024 - 64)
        body += "{\"id\":\"connection_dauknoksyr4wilz4e6my\",\"status\":\"active\"},";
    body += "{}],\"next_cursor\":null}";
    QList<RequestLogEntry> entries;
    for (int i = 0; i < 120; ++i) {
        RequestLogEntry e = entry(i);
        e.responseBody = body;
        e.bytesReceived = body.size();
        entries.append(e);
    }
    return entries;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestHarSaver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void eventLoopKeepsTurningWhileALargeLogIsWritten()
    {
        const QList<RequestLogEntry> entries = largeLog();
        const QString path = m_dir.filePath(u"large.har"_s);
        HarSaver saver;
        QSignalSpy finished(&saver, &HarSaver::finished);
        int ticks = 0;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(1);

        // When the save starts, it returns before anything is written
        QElapsedTimer clock;
        clock.start();
        QVERIFY(saver.save(path, entries, kVersion));
        const qint64 startMs = clock.elapsed();
        QVERIFY(saver.isSaving());
        QVERIFY(!QFile::exists(path));

        // and the timer keeps ticking until the outcome arrives.
        QVERIFY(finished.wait(120 * 1000));
        const qint64 saveMs = clock.elapsed();
        ticker.stop();
        qInfo("save() returned in %lld ms; the save took %lld ms; %d ticks meanwhile", startMs,
              saveMs, ticks);
        QVERIFY2(startMs < saveMs / 4, qPrintable(QString::number(startMs)));
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
        QVERIFY(!saver.isSaving());

        QCOMPARE(finished.size(), 1);
        const QList<QVariant> outcome = finished.takeFirst();
        QCOMPARE(outcome.at(0).toString(), path);
        QCOMPARE(outcome.at(1).value<qsizetype>(), entries.size());
        QCOMPARE(outcome.at(2).toBool(), true);
        QCOMPARE(outcome.at(3).toString(), QString());
        const QByteArray written = readAll(path);
        QVERIFY(written.size() > 30 * 1000 * 1000);
        QVERIFY(written == HarWriter::toHar(entries, kVersion)); // and so no part of the key
    }

    void anExistingFileIsReplacedOnlyWhenComplete()
    {
        const QString path = m_dir.filePath(u"replaced.har"_s);
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous");
        old.close();
        const QList<RequestLogEntry> entries = largeLog();
        HarSaver saver;
        QSignalSpy finished(&saver, &HarSaver::finished);

        QVERIFY(saver.save(path, entries, kVersion));
        QCOMPARE(readAll(path), QByteArray("previous"));
        QVERIFY(finished.wait(120 * 1000));

        QVERIFY(readAll(path) == HarWriter::toHar(entries, kVersion));
        // QSaveFile's temporary file is gone.
        QVERIFY(!QDir(m_dir.path()).entryList(QDir::Files).join(u' ').contains(u"replaced.har."_s));
    }

    void aFailureIsReportedNamingTheFile()
    {
        const QString path = m_dir.filePath(u"missing/session.har"_s);
        HarSaver saver;
        QSignalSpy finished(&saver, &HarSaver::finished);

        QVERIFY(saver.save(path, {entry(1)}, kVersion));
        QVERIFY(finished.wait(10 * 1000));

        const QList<QVariant> outcome = finished.takeFirst();
        QCOMPARE(outcome.at(2).toBool(), false);
        QVERIFY2(outcome.at(3).toString().contains(u"session.har"_s),
                 qPrintable(outcome.at(3).toString()));
        QVERIFY(!QFile::exists(path));
    }

    void oneSaveAtATime()
    {
        const QString first = m_dir.filePath(u"first.har"_s);
        const QString second = m_dir.filePath(u"second.har"_s);
        HarSaver saver;
        QSignalSpy finished(&saver, &HarSaver::finished);

        QVERIFY(saver.save(first, largeLog(), kVersion));
        QVERIFY(!saver.save(second, {entry(1)}, kVersion));
        QVERIFY(finished.wait(120 * 1000));
        QVERIFY(!QFile::exists(second));

        QVERIFY(saver.save(second, {entry(1)}, kVersion));
        QVERIFY(finished.wait(10 * 1000));
        QCOMPARE(readAll(second), HarWriter::toHar({entry(1)}, kVersion));
    }

    void destroyedWhileSavingLeavesACompleteFile()
    {
        const QString path = m_dir.filePath(u"closing.har"_s);
        const QList<RequestLogEntry> entries = largeLog();
        {
            HarSaver saver;
            QVERIFY(saver.save(path, entries, kVersion));
        } // as when the window closes mid-save
        QVERIFY(readAll(path) == HarWriter::toHar(entries, kVersion));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHarSaver)
#include "tst_harsaver.moc"
