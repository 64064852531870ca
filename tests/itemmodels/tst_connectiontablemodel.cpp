// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The incremental connection table against the local sandbox over HTTP, always under
// QAbstractItemModelTester (which itself calls fetchMore on every model signal, so these
// tests also prove that its calls never send a duplicate request).
#include "connectiontablemodel.h"
#include "localsandbox.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Tester = QAbstractItemModelTester;

namespace {

const ConnectionQuery kBoth{{u"active"_s, u"inactive"_s}, QString()};

constexpr Tester::FailureReportingMode kReport = Tester::FailureReportingMode::QtTest;

QString idAt(const ConnectionTableModel &model, int row)
{
    return model.index(row, ConnectionTableModel::IdColumn)
        .data(ConnectionTableModel::ApiValueRole)
        .toString();
}

QList<OAuthConnection> rowsOf(const ConnectionTableModel &model)
{
    QList<OAuthConnection> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(model.connectionAt(row));
    return rows;
}

// Counts the pages the server answered (200s only: not failures, not retries).
void countPagesReceived(IncreaseClient &client, QObject *context, int *pages)
{
    QObject::connect(&client, &IncreaseClient::exchange, context,
                     [pages](const RequestLogEntry &entry) { *pages += entry.httpStatus == 200; });
}

} // namespace

class TestConnectionTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstPageLoadsOnFetchMore()
    {
        LocalSandbox sandbox;
        QVERIFY(sandbox.isListening());
        const QList<OAuthConnection> expected = sandbox.listAll({});
        const qint64 servedBefore = sandbox.server().requestsServed();

        // Given a new model, nothing is requested until someone asks.
        ConnectionTableModel model(&sandbox.client());
        QTest::qWait(50);
        QCOMPARE(sandbox.server().requestsServed(), servedBefore);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(model.hasMore());

        // When a view calls fetchMore, then the first page is inserted in one step.
        QSignalSpy pages(&model, &ConnectionTableModel::pageLoaded);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QVERIFY(model.isFetching());
        QVERIFY(!model.canFetchMore({}));
        Tester tester(&model, kReport);
        QVERIFY(pages.wait(10000));
        QCOMPARE(pages.first().at(0).toInt(), 100);
        QCOMPARE(pages.first().at(1).toBool(), true);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 99);
        for (int row = 0; row < 100; ++row)
            QCOMPARE(model.connectionAt(row), expected.at(row));
        QVERIFY(model.lastFetchAt().isValid());
    }

    void repeatedFetchMoreSendsOneRequest()
    {
        LocalSandbox sandbox;
        sandbox.server().setLatency(50, 0);
        ConnectionTableModel model(&sandbox.client());
        int exchanges = 0;
        connect(&sandbox.client(), &IncreaseClient::exchange, this, [&] { ++exchanges; });
        int exchangesAtFirstPage = -1;
        qint64 servedAtFirstPage = -1;
        connect(&model, &ConnectionTableModel::pageLoaded, this, [&] {
            if (exchangesAtFirstPage < 0) {
                exchangesAtFirstPage = exchanges;
                servedAtFirstPage = sandbox.server().requestsServed();
            }
        });
        QSignalSpy started(&model, &ConnectionTableModel::fetchStarted);

        for (int i = 0; i < 10; ++i)
            model.fetchMore({});
        Tester tester(&model, kReport); // an eleventh call
        QCOMPARE(started.count(), 1);
        QCOMPARE(sandbox.client().inFlight(), 1);

        QVERIFY(waitUntil([&] { return exchangesAtFirstPage >= 0; }, 10000));
        QCOMPARE(exchangesAtFirstPage, 1);
        QCOMPARE(servedAtFirstPage, 1);
        QCOMPARE(model.rowCount(), 100);
    }

    void scrollingToTheEndLoadsEveryRowOnce_data()
    {
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<int>("application"); // index into the sandbox's applications; -1 all
        QTest::addColumn<bool>("unknownApplication");
        QTest::newRow("API default") << QStringList() << -1 << false;
        QTest::newRow("active") << QStringList{u"active"_s} << -1 << false;
        QTest::newRow("inactive") << QStringList{u"inactive"_s} << -1 << false;
        QTest::newRow("both") << QStringList{u"active"_s, u"inactive"_s} << -1 << false;
        QTest::newRow("both, one application")
            << QStringList{u"active"_s, u"inactive"_s} << 1 << false;
        QTest::newRow("deleted application") << QStringList{u"inactive"_s} << 3 << false;
        QTest::newRow("unknown application") << QStringList() << -1 << true;
    }
    void scrollingToTheEndLoadsEveryRowOnce()
    {
        QFETCH(QStringList, statuses);
        QFETCH(int, application);
        QFETCH(bool, unknownApplication);
        LocalSandbox sandbox;
        ConnectionQuery query{statuses, QString()};
        if (application >= 0)
            query.applicationId = sandbox.applicationIds().value(application);
        if (unknownApplication)
            query.applicationId = u"application_doesnotexist0000000000"_s;
        const QList<OAuthConnection> expected = sandbox.listAll(query);

        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        QSignalSpy failed(&model, &ConnectionTableModel::fetchFailed);
        model.setQuery(query);
        QVERIFY(scrollToEnd(model));

        QCOMPARE(failed.count(), 0);
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(rowsOf(model), expected);
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(idAt(model, row));
        QCOMPARE(ids.size(), model.rowCount());
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.isSortable());
    }

    void staleReplyNeverInserts()
    {
        LocalSandbox sandbox;
        sandbox.server().setLatency(100, 0);
        const QList<OAuthConnection> inactive = sandbox.listAll({{u"inactive"_s}, QString()});
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        QSignalSpy pages(&model, &ConnectionTableModel::pageLoaded);

        model.setQuery({{u"active"_s}, QString()});
        QTest::qWait(30); // the active page is on its way
        model.setQuery({{u"inactive"_s}, QString()});
        QVERIFY(pages.wait(10000));
        QCOMPARE(model.rowCount(), 100);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.connectionAt(row), inactive.at(row));
    }

    void errorKeepsRowsAndRetryResumes()
    {
        LocalSandbox sandbox({}, /*maxRetries*/ 0);
        const QList<OAuthConnection> expected = sandbox.listAll(kBoth);
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        QSignalSpy pages(&model, &ConnectionTableModel::pageLoaded);
        QSignalSpy failed(&model, &ConnectionTableModel::fetchFailed);
        model.setQuery(kBoth);
        QVERIFY(pages.wait(10000));

        // Given rows on screen, when every request fails...
        sandbox.server().setFailRate(1.0);
        QVERIFY(failed.wait(10000));
        const int kept = model.rowCount();
        QVERIFY(kept >= 100);
        QCOMPARE(kept % 100, 0);
        QCOMPARE(failed.first().at(0).value<ApiError>().kind, ApiError::Kind::InternalServer);
        QVERIFY(model.lastError());
        QCOMPARE(model.lastError()->kind, ApiError::Kind::InternalServer);
        // ...then the rows stay, more is still known to exist, and nothing retries by itself.
        QVERIFY(model.hasMore());
        QVERIFY(!model.isFetching());
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!model.isSortable());
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), kept);
        QCOMPARE(failed.count(), 1);
        for (int row = 0; row < kept; ++row)
            QCOMPARE(model.connectionAt(row), expected.at(row));

        // When the user retries, loading resumes where it stopped.
        sandbox.server().setFailRate(0.0);
        model.fetchMore({});
        QVERIFY(scrollToEnd(model));
        QVERIFY(!model.lastError());
        QCOMPARE(rowsOf(model), expected);
    }

    void sortIsRefusedUntilEveryPageIsLoaded()
    {
        LocalSandbox sandbox;
        sandbox.server().setLatency(20, 0);
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        QSignalSpy pages(&model, &ConnectionTableModel::pageLoaded);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        model.setQuery(kBoth);
        QVERIFY(pages.wait(10000));

        QVERIFY(!model.isSortable());
        const QString first = idAt(model, 0);
        model.sort(ConnectionTableModel::CreatedColumn, Qt::AscendingOrder);
        QCOMPARE(layouts.count(), 0);
        QCOMPARE(idAt(model, 0), first);
        QVERIFY(model.headerData(0, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(u"API order (newest first)"_s));

        model.loadAll();
        QVERIFY(model.isLoadingAll());
        QVERIFY(waitUntil([&] { return model.isSortable(); }, 60000));
        QVERIFY(!model.isLoadingAll());
        const QList<OAuthConnection> apiOrder = rowsOf(model);
        QCOMPARE(apiOrder.size(), 2500);
        QHash<QString, int> apiIndex;
        for (int i = 0; i < apiOrder.size(); ++i)
            apiIndex.insert(apiOrder.at(i).id, i);

        const QPersistentModelIndex tracked =
            model.index(1234, ConnectionTableModel::GroupIdColumn);
        const QString trackedId = tracked.data(ConnectionTableModel::ConnectionIdRole).toString();

        model.sort(ConnectionTableModel::CreatedColumn, Qt::AscendingOrder);
        QCOMPARE(layouts.count(), 1);
        QVERIFY(model.headerData(0, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(u"Sorted by"_s));
        for (int row = 1; row < model.rowCount(); ++row) {
            const qint64 previous = model.index(row - 1, ConnectionTableModel::CreatedColumn)
                                        .data(ConnectionTableModel::SortRole)
                                        .toLongLong();
            const qint64 current = model.index(row, ConnectionTableModel::CreatedColumn)
                                       .data(ConnectionTableModel::SortRole)
                                       .toLongLong();
            QVERIFY(previous <= current);
            if (previous == current) // stable: ties keep the API order
                QVERIFY(apiIndex.value(idAt(model, row - 1)) < apiIndex.value(idAt(model, row)));
        }
        QVERIFY(tracked.isValid());
        QCOMPARE(tracked.column(), int(ConnectionTableModel::GroupIdColumn));
        QCOMPARE(tracked.data(ConnectionTableModel::ConnectionIdRole).toString(), trackedId);
        QCOMPARE(model.connectionAt(tracked.row()).id, trackedId);

        model.sort(ConnectionTableModel::IdColumn, Qt::DescendingOrder);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(idAt(model, row - 1) > idAt(model, row));
        QCOMPARE(tracked.data(ConnectionTableModel::ConnectionIdRole).toString(), trackedId);

        model.sort(ConnectionTableModel::StatusColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(0, 1).data(ConnectionTableModel::ApiValueRole).toString(),
                 u"active"_s);
        QCOMPARE(model.index(model.rowCount() - 1, 1)
                     .data(ConnectionTableModel::ApiValueRole)
                     .toString(),
                 u"inactive"_s);

        model.sort(-1); // back to the API's order
        QCOMPARE(rowsOf(model), apiOrder);
        QCOMPARE(tracked.row(), 1234);
        QCOMPARE(layouts.count(), 4);
    }

    void loadAllCanBeCancelled()
    {
        LocalSandbox sandbox;
        sandbox.server().setLatency(30, 0);
        const QList<OAuthConnection> expected = sandbox.listAll(kBoth);
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        QSignalSpy failed(&model, &ConnectionTableModel::fetchFailed);
        model.setQuery(kBoth);
        model.loadAll();
        QVERIFY(waitUntil([&] { return model.rowCount() >= 300; }, 20000));

        model.cancelLoadAll();
        QVERIFY(!model.isLoadingAll());
        QVERIFY(!model.isFetching());
        const int kept = model.rowCount();
        QTest::qWait(150); // the aborted reply, or any other, must not add rows
        QCOMPARE(model.rowCount(), kept);
        QCOMPARE(failed.count(), 0); // a user's cancel is not an error
        QVERIFY(model.hasMore());
        QVERIFY(model.canFetchMore({}));

        model.loadAll();
        QVERIFY(waitUntil([&] { return model.isSortable(); }, 60000));
        QCOMPARE(rowsOf(model), expected);
    }

    // Pages that arrive faster than the view should repaint go in together, so the window
    // repaints a few times a second, not once per page; every row still goes in once.
    void loadAllInsertsPagesTogether()
    {
        SandboxOptions options;
        options.connections = 5000;
        LocalSandbox sandbox(options);
        sandbox.server().setLatency(5, 0);
        const QList<OAuthConnection> expected = sandbox.listAll(kBoth);
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        int pagesReceived = 0;
        countPagesReceived(sandbox.client(), this, &pagesReceived);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy pages(&model, &ConnectionTableModel::pageLoaded);
        model.setQuery(kBoth);
        model.loadAll(); // from the first page on
        QVERIFY(waitUntil([&] { return model.isSortable(); }, 60000));
        QCOMPARE(pagesReceived, 50);
        QVERIFY2(inserted.count() < pagesReceived / 2,
                 qPrintable(u"%1 insertions for 50 pages"_s.arg(inserted.count())));
        QCOMPARE(pages.count(), inserted.count());
        int announced = 0;
        for (const QList<QVariant> &page : std::as_const(pages))
            announced += page.at(0).toInt();
        QCOMPARE(announced, 5000);
        QVERIFY(!pages.last().at(1).toBool());
        QCOMPARE(rowsOf(model), expected);
    }

    // A cancel, or a failure, inserts what was received before it: nothing is lost.
    void loadAllKeepsReceivedRowsOnCancelAndFailure()
    {
        LocalSandbox sandbox({}, /*maxRetries*/ 0);
        sandbox.server().setLatency(5, 0);
        const QList<OAuthConnection> expected = sandbox.listAll(kBoth);
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        int pagesReceived = 0;
        countPagesReceived(sandbox.client(), this, &pagesReceived);
        model.setQuery(kBoth);
        model.loadAll();
        QVERIFY(waitUntil([&] { return pagesReceived >= 4; }, 10000));
        model.cancelLoadAll();
        QCOMPARE(model.rowCount(), pagesReceived * 100);
        QCOMPARE(rowsOf(model), expected.mid(0, model.rowCount()));

        QSignalSpy failed(&model, &ConnectionTableModel::fetchFailed);
        model.loadAll();
        const int before = pagesReceived;
        QVERIFY(waitUntil([&] { return pagesReceived >= before + 3; }, 10000));
        sandbox.server().setFailRate(1.0);
        QVERIFY(failed.wait(10000));
        QCOMPARE(model.rowCount(), pagesReceived * 100);
        QCOMPARE(rowsOf(model), expected.mid(0, model.rowCount()));
    }

    // A view painting a row near the end asks for the next page, but only after the call
    // returns; data() itself never fetches (a keyboard search walks every row's data).
    void paintingNearTheEndPrefetches()
    {
        LocalSandbox sandbox;
        ConnectionTableModel model(&sandbox.client());
        QSignalSpy pages(&model, &ConnectionTableModel::pageLoaded);
        model.fetchMore({});
        QVERIFY(pages.wait(10000));
        // The tester would itself fetch on every signal, hiding what prefetch does: it
        // joins once the first page is in and no request is pending.
        QTest::qWait(50);
        QVERIFY(!model.isFetching());
        QCOMPARE(model.rowCount(), 100);

        for (int row = 0; row < model.rowCount(); ++row)
            model.index(row, 0).data();
        QTest::qWait(20);
        QVERIFY(!model.isFetching());
        QCOMPARE(pages.count(), 1);

        model.prefetchNear(10);
        QTest::qWait(20);
        QVERIFY(!model.isFetching());

        model.prefetchNear(60);
        QVERIFY(!model.isFetching()); // never from inside the call
        QVERIFY(waitUntil([&] { return model.rowCount() == 200; }, 10000));
        QCOMPARE(pages.count(), 2);
        Tester tester(&model, kReport);
    }

    // Retry after a failed Load All goes on loading everything (issue 11, defect 4); after
    // a failed single page it fetches that page only.
    void retryResumesWhatFailed()
    {
        LocalSandbox sandbox;
        ConnectionTableModel model(&sandbox.client());
        QSignalSpy failed(&model, &ConnectionTableModel::fetchFailed);
        QSignalSpy pages(&model, &ConnectionTableModel::pageLoaded);
        model.fetchMore({});
        QVERIFY(pages.wait(10000));
        sandbox.server().setFailRate(1.0);
        model.loadAll();
        QVERIFY(failed.wait(30000));
        QVERIFY(!model.isLoadingAll());
        const int rowsAtFailure = model.rowCount();

        sandbox.server().setFailRate(0);
        model.retry();
        QVERIFY(model.isLoadingAll());
        QVERIFY(waitUntil([&] { return !model.hasMore(); }, 30000));
        QVERIFY(model.rowCount() > rowsAtFailure + 100);

        // A single page that failed is fetched again alone.
        model.refresh();
        QVERIFY(waitUntil([&] { return model.rowCount() == 100 && !model.isFetching(); }));
        sandbox.server().setFailRate(1.0);
        model.fetchMore({});
        QVERIFY(waitUntil([&] { return model.lastError().has_value(); }, 30000));
        sandbox.server().setFailRate(0);
        model.retry();
        QVERIFY(!model.isLoadingAll());
        QVERIFY(waitUntil([&] { return model.rowCount() == 200 && !model.isFetching(); }));
        QTest::qWait(50);
        QCOMPARE(model.rowCount(), 200);
    }

    void cellsShowWhatTheApiSent()
    {
        LocalSandbox sandbox;
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        model.setQuery(kBoth);
        QVERIFY(scrollToEnd(model));
        int active = -1;
        int inactive = -1;
        for (int row = 0; row < model.rowCount() && (active < 0 || inactive < 0); ++row)
            (model.connectionAt(row).deletedAt ? inactive : active) = row;
        QVERIFY(active >= 0 && inactive >= 0);
        using M = ConnectionTableModel;

        const OAuthConnection a = model.connectionAt(active);
        QCOMPARE(model.index(active, M::IdColumn).data().toString(), a.id);
        QCOMPARE(model.index(active, M::StatusColumn).data().toString(), u"Active"_s);
        QCOMPARE(model.index(active, M::StatusColumn).data(M::ApiValueRole).toString(),
                 u"active"_s);
        QCOMPARE(model.index(active, M::ApplicationColumn).data().toString(), a.oauthApplicationId);
        QCOMPARE(model.index(active, M::GroupIdColumn).data().toString(), a.groupId);
        QCOMPARE(model.index(active, M::DeletedColumn).data().toString(), QString());
        QVERIFY(!model.index(active, M::DeletedColumn).data(M::ApiValueRole).isValid());
        for (int column = 0; column < M::ColumnCount; ++column)
            QCOMPARE(model.index(active, column).data(M::ConnectionIdRole).toString(), a.id);

        const QModelIndex created = model.index(active, M::CreatedColumn);
        const QDateTime instant = QDateTime::fromString(a.createdAt, Qt::ISODate);
        QCOMPARE(created.data(M::ApiValueRole).toString(), a.createdAt);
        QCOMPARE(created.data(M::SortRole).toLongLong(), instant.toSecsSinceEpoch());
        // Local time by default, to the second, one format whatever the locale.
        QCOMPARE(created.data().toString(),
                 instant.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
        QVERIFY(created.data(Qt::ToolTipRole).toString().contains(a.createdAt));

        const OAuthConnection i = model.connectionAt(inactive);
        QCOMPARE(model.index(inactive, M::StatusColumn).data().toString(), u"Inactive"_s);
        QCOMPARE(model.index(inactive, M::DeletedColumn).data(M::ApiValueRole).toString(),
                 *i.deletedAt);
        QVERIFY(!model.index(inactive, M::DeletedColumn).data().toString().isEmpty());

        const QStringList headers = {u"ID"_s,       u"Status"_s,          u"Application"_s,
                                     u"Group ID"_s, u"Created (local)"_s, u"Deleted (local)"_s};
        for (int column = 0; column < M::ColumnCount; ++column)
            QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), headers.at(column));

        // In UTC the cell shows the API's instant, and the header says so.
        QSignalSpy headersChanged(&model, &QAbstractItemModel::headerDataChanged);
        QSignalSpy cellsChanged(&model, &QAbstractItemModel::dataChanged);
        model.setTimesInUtc(true);
        QCOMPARE(headersChanged.count(), 1);
        QCOMPARE(cellsChanged.count(), 1);
        QCOMPARE(created.data().toString(), instant.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
        QCOMPARE(model.headerData(M::CreatedColumn, Qt::Horizontal).toString(), u"Created (UTC)"_s);
        QCOMPARE(model.headerData(M::DeletedColumn, Qt::Horizontal).toString(), u"Deleted (UTC)"_s);
    }
};

QTEST_GUILESS_MAIN(TestConnectionTableModel)
#include "tst_connectiontablemodel.moc"
