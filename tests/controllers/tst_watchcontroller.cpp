// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Watch for Changes decided without a window: where it starts (the listing's server Date),
// what it applies to the table and counts, what it says when a poll fails, and that after
// minutes' worth of churn under faults the table equals a fresh listing. Against the real
// sandbox over loopback HTTP, the table under QAbstractItemModelTester.
#include "connectiontablemodel.h"
#include "localsandbox.h"
#include "noticeboard.h"
#include "watchcontroller.h"
#include "watchpolls.h"
#include "windowsettings.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Tester = QAbstractItemModelTester;

namespace {

constexpr Tester::FailureReportingMode kReport = Tester::FailureReportingMode::QtTest;
const ConnectionQuery kBoth{{u"active"_s, u"inactive"_s}, QString()};

SandboxOptions smallSandbox()
{
    SandboxOptions options;
    options.connections = 450; // five pages
    options.applications = 3;
    options.seed = 23;
    return options;
}

bool loadEverything(ConnectionTableModel &model)
{
    model.loadAll();
    return waitUntil([&] { return !model.hasMore() && !model.isFetching(); }, 60000);
}

// The table's rows as "id status", top to bottom.
QStringList tableRows(const ConnectionTableModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const OAuthConnection c = model.connectionAt(row);
        rows << c.id + u' ' + c.status;
    }
    return rows;
}

QStringList listedRows(const QList<OAuthConnection> &listing)
{
    QStringList rows;
    for (const OAuthConnection &c : listing)
        rows << c.id + u' ' + c.status;
    return rows;
}

bool pollUntilGood(WatchController &watch)
{
    return WatchPolls::pollAfterNow(watch, [&watch] { watch.pollNow(); });
}

using WatchPolls::nextSecond;

} // namespace

class TestWatchController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(u"watch.ini"_s), QSettings::IniFormat);
        m_settings->clear();
    }
    void cleanup() { m_settings.reset(); }

    void offByDefaultWithARememberedInterval()
    {
        NoticeBoard notices;
        {
            WatchController watch(m_settings.get(), &notices);
            QVERIFY(!watch.isWatching());
            QCOMPARE(watch.intervalSeconds(), WatchController::kDefaultIntervalSeconds);
            QVERIFY(watch.counterText().isEmpty());
            // At least 5 s: a smaller interval is raised.
            watch.setIntervalSeconds(2);
            QCOMPARE(watch.intervalSeconds(), 5);
            watch.setIntervalSeconds(30);
        }
        WatchController again(m_settings.get(), &notices);
        QCOMPARE(again.intervalSeconds(), 30);
        QVERIFY(!again.isWatching()); // on is never remembered
        m_settings->setValue(u"view/watchIntervalSeconds"_s, u"often"_s);
        WatchController junk(m_settings.get(), &notices);
        QCOMPARE(junk.intervalSeconds(), 15);
    }

    void startsWhereTheListingBeganByTheServersClock()
    {
        LocalSandbox sandbox(smallSandbox());
        QVERIFY(sandbox.isListening());
        // Given changes made before the listing, and a listing a second later...
        for (int i = 0; i < 4; ++i)
            sandbox.server().churnOnce();
        nextSecond();
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        model.setQuery(kBoth);
        QVERIFY(loadEverything(model));
        QVERIFY(model.listedAt().isValid());
        QVERIFY(qAbs(model.listedAt().secsTo(QDateTime::currentDateTimeUtc())) < 5);
        nextSecond();
        // ...and changes after it, made before the watch is even turned on:
        const qint64 before = sandbox.server().churnChanges();
        for (int i = 0; i < 6; ++i)
            sandbox.server().churnOnce();
        const int changesAfterListing = int(sandbox.server().churnChanges() - before);

        NoticeBoard notices;
        WatchController watch(m_settings.get(), &notices);
        watch.setListing(&model, &sandbox.client());
        QSignalSpy applied(&watch, &WatchController::changeApplied);
        const int rowsBefore = model.rowCount();
        watch.setWatching(true);
        QVERIFY(waitUntil([&] { return applied.size() == changesAfterListing; }));
        QVERIFY(pollUntilGood(watch));

        // Then exactly the changes since the listing were applied, none of those before.
        QCOMPARE(applied.size(), changesAfterListing);
        QCOMPARE(watch.createdCount() + watch.deactivatedCount(), changesAfterListing);
        QCOMPARE(watch.countingSince(), model.listedAt());
        QCOMPARE(model.rowCount(), rowsBefore + watch.createdCount());
        QCOMPARE(tableRows(model), listedRows(sandbox.listAll(kBoth)));
        QCOMPARE(model.markedRows().size(), changesAfterListing);
        QVERIFY(watch.counterText().contains(u"since"_s));
    }

    void underChurnAndFaultsTheTableEqualsAFreshListing()
    {
        // Given the default (active) listing fully loaded, a row selected below the top.
        // One retry only: some polls fail for good and the next must cover their span.
        LocalSandbox sandbox(smallSandbox(), 1);
        QVERIFY(sandbox.isListening());
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        model.refresh();
        QVERIFY(loadEverything(model));
        const int initialRows = model.rowCount();
        const QPersistentModelIndex selected = model.index(initialRows - 3, 0);
        const QString selectedId = model.connectionAt(selected.row()).id;
        nextSecond();

        NoticeBoard notices;
        WatchController watch(m_settings.get(), &notices);
        watch.setListing(&model, &sandbox.client());
        QSet<QString> eventIds;
        int repeats = 0;
        connect(&watch, &WatchController::changeApplied, this, [&](const ConnectionChange &change) {
            repeats += eventIds.contains(change.event.id);
            eventIds.insert(change.event.id);
        });
        int fewestRows = model.rowCount();
        connect(&model, &QAbstractItemModel::rowsRemoved, this,
                [&] { fewestRows = std::min(fewestRows, model.rowCount()); });
        int failedPolls = 0;
        connect(&watch, &WatchController::pollFinished, this, [&](bool ok) { failedPolls += !ok; });

        // When the sandbox changes 20 times a second for several seconds while 5 % of
        // answers are 500s, 5 % of bodies are cut and 30 requests a second are allowed,
        // and the watch polls as often as it may...
        const qint64 before = sandbox.server().churnChanges();
        sandbox.server().setFailRate(0.05);
        sandbox.server().setDropRate(0.05);
        sandbox.server().setRateLimit(30);
        sandbox.server().setChurn(1200);
        watch.setWatching(true);
        waitUntil(
            [&] {
                if (!watch.isPolling())
                    watch.pollNow();
                return false;
            },
            8000);
        sandbox.server().setChurn(0);
        sandbox.server().setFailRate(0);
        sandbox.server().setDropRate(0);
        sandbox.server().setRateLimit(0);
        nextSecond();
        QVERIFY(pollUntilGood(watch));
        const int changes = int(sandbox.server().churnChanges() - before);
        QVERIFY2(changes > 60, qPrintable(QString::number(changes)));

        // Then every change was applied exactly once, the table equals a fresh listing,
        // was never emptied, and the selected row is still the selected connection.
        QCOMPARE(repeats, 0);
        QCOMPARE(eventIds.size(), changes);
        QCOMPARE(tableRows(model), listedRows(sandbox.listAll({})));
        QVERIFY(fewestRows >= initialRows - watch.deactivatedCount());
        QVERIFY(selected.isValid());
        QCOMPARE(model.connectionAt(selected.row()).id, selectedId);
        qInfo("%d changes, %d polls failed, %d requests by the watch", changes, failedPolls,
              watch.requestCount());
    }

    void aFailingPollSaysSoAndKeepsTheTable()
    {
        LocalSandbox sandbox(smallSandbox(), 0);
        QVERIFY(sandbox.isListening());
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        model.refresh();
        QVERIFY(waitUntil([&] { return model.rowCount() > 0 && !model.isFetching(); }));
        const QStringList rows = tableRows(model);

        NoticeBoard notices;
        WatchController watch(m_settings.get(), &notices);
        watch.setListing(&model, &sandbox.client());
        QSignalSpy finished(&watch, &WatchController::pollFinished);
        // Given a server that fails every request...
        sandbox.server().setFailRate(1.0);
        sandbox.server().churnOnce();
        watch.setWatching(true);
        QVERIFY(finished.wait(10000));
        // ...then the poll failed, the notice says so with Retry, the table is as it was.
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY(notices.isFrom(&watch));
        QVERIFY(notices.current()->error->title.startsWith(u"Checking for changes failed"_s));
        QVERIFY(notices.current()->actions & Notice::Retry);
        QCOMPARE(tableRows(model), rows);
        QVERIFY(watch.counterToolTip().contains(u"The last check failed"_s));

        // When the server recovers and the operator presses Retry, the change arrives and
        // the notice goes.
        sandbox.server().setFailRate(0);
        notices.retry();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QVERIFY(!notices.current());
        QCOMPARE(watch.createdCount() + watch.deactivatedCount(), 1);
    }

    void anotherNoticeIsNotBuried()
    {
        LocalSandbox sandbox(smallSandbox(), 0);
        QVERIFY(sandbox.isListening());
        ConnectionTableModel model(&sandbox.client());
        model.refresh();
        QVERIFY(waitUntil([&] { return model.rowCount() > 0 && !model.isFetching(); }));
        NoticeBoard notices;
        const QObject listing;
        Notice theirs;
        theirs.title = u"A page could not be loaded"_s;
        notices.post(&listing, theirs);
        WatchController watch(m_settings.get(), &notices);
        watch.setListing(&model, &sandbox.client());
        QSignalSpy finished(&watch, &WatchController::pollFinished);
        sandbox.server().setFailRate(1.0);
        watch.setWatching(true);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY(notices.isFrom(&listing));
    }

    void pollsOnItsOwnAtTheInterval()
    {
        LocalSandbox sandbox(smallSandbox());
        QVERIFY(sandbox.isListening());
        ConnectionTableModel model(&sandbox.client());
        model.refresh();
        QVERIFY(waitUntil([&] { return model.rowCount() > 0 && !model.isFetching(); }));
        NoticeBoard notices;
        WatchController watch(m_settings.get(), &notices);
        watch.setIntervalSeconds(5);
        watch.setListing(&model, &sandbox.client());
        QSignalSpy finished(&watch, &WatchController::pollFinished);
        watch.setWatching(true);
        QVERIFY(finished.wait(10000)); // the first poll goes at once
        QElapsedTimer clock;
        clock.start();
        sandbox.server().churnOnce();
        // The next one an interval after the first ended, with nothing pressed.
        QVERIFY(finished.wait(8000));
        QVERIFY2(clock.elapsed() >= 4500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(watch.createdCount() + watch.deactivatedCount(), 1);
        // Off: nothing more is sent.
        watch.setWatching(false);
        const qint64 served = sandbox.server().requestsServed();
        QTest::qWait(5500);
        QCOMPARE(sandbox.server().requestsServed(), served);
        QVERIFY(watch.counterText().isEmpty());
    }

    void aNewQueryStartsOverAndFollowsItsFilter()
    {
        LocalSandbox sandbox(smallSandbox());
        QVERIFY(sandbox.isListening());
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        model.refresh();
        QVERIFY(loadEverything(model));
        NoticeBoard notices;
        WatchController watch(m_settings.get(), &notices);
        watch.setListing(&model, &sandbox.client());
        watch.setWatching(true);
        nextSecond();
        for (int i = 0; i < 3; ++i)
            sandbox.server().churnOnce();
        QVERIFY(pollUntilGood(watch));
        QVERIFY(watch.createdCount() + watch.deactivatedCount() > 0);

        // When the operator lists the inactive connections instead, the counts start over
        // from the new listing and only deactivations concern it.
        const ConnectionQuery inactive{{u"inactive"_s}, QString()};
        model.setQuery(inactive);
        QCOMPARE(watch.createdCount() + watch.deactivatedCount(), 0);
        QVERIFY(loadEverything(model));
        QVERIFY(waitUntil([&] { return !watch.isPolling(); }));
        nextSecond();
        for (int i = 0; i < 10; ++i)
            sandbox.server().churnOnce();
        QVERIFY(pollUntilGood(watch));
        QCOMPARE(watch.createdCount(), 0);
        QVERIFY(watch.deactivatedCount() > 0);
        QCOMPARE(tableRows(model), listedRows(sandbox.listAll(inactive)));

        // The counter's jump walks the marked rows and wraps.
        const QList<int> marked = model.markedRows();
        QCOMPARE(marked.size(), watch.deactivatedCount());
        QCOMPARE(watch.nextChangedRow(-1), marked.first());
        QCOMPARE(watch.nextChangedRow(marked.last()), marked.first());
        watch.clearChanges();
        QVERIFY(model.markedRows().isEmpty());
        QCOMPARE(watch.nextChangedRow(-1), -1);
        QVERIFY(watch.counterText().startsWith(u"No changes since"_s));
    }

    void anApplicationFilterKeepsOtherApplicationsOut()
    {
        LocalSandbox sandbox(smallSandbox());
        QVERIFY(sandbox.isListening());
        const QStringList applications = sandbox.applicationIds();
        QVERIFY(!applications.isEmpty());
        const ConnectionQuery one{{u"active"_s, u"inactive"_s}, applications.first()};
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        model.setQuery(one);
        QVERIFY(loadEverything(model));
        NoticeBoard notices;
        WatchController watch(m_settings.get(), &notices);
        watch.setListing(&model, &sandbox.client());
        QSignalSpy applied(&watch, &WatchController::changeApplied);
        watch.setWatching(true);
        nextSecond();
        for (int i = 0; i < 30; ++i)
            sandbox.server().churnOnce();
        QVERIFY(pollUntilGood(watch));
        for (const QList<QVariant> &call : std::as_const(applied)) {
            const auto change = call.at(0).value<ConnectionChange>();
            QCOMPARE(change.connection.oauthApplicationId, applications.first());
        }
        QVERIFY(applied.size() < 30);
        QCOMPARE(tableRows(model), listedRows(sandbox.listAll(one)));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
};

QTEST_GUILESS_MAIN(TestWatchController)
#include "tst_watchcontroller.moc"
