// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The connection table taking a watch's changes in place (applyChange), against the local
// sandbox over HTTP and always under QAbstractItemModelTester: rows are updated, removed
// and inserted without a reset, persistent indexes follow their connection, the rows a
// watch changed are marked, and paging, Load All and sorting stay right around them.
#include "connectiontablemodel.h"
#include "localsandbox.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using Tester = QAbstractItemModelTester;
using M = ConnectionTableModel;

namespace {

const ConnectionQuery kBoth{{u"active"_s, u"inactive"_s}, QString()};

constexpr Tester::FailureReportingMode kReport = Tester::FailureReportingMode::QtTest;

// A few hundred rows: three or four pages of the API's 100.
SandboxOptions smallSandbox(qint64 connections = 300)
{
    SandboxOptions options;
    options.connections = connections;
    return options;
}

QString idAt(const ConnectionTableModel &model, int row)
{
    return model.index(row, M::IdColumn).data(M::ApiValueRole).toString();
}

QStringList idsOf(const ConnectionTableModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(idAt(model, row));
    return ids;
}

QStringList idsOf(const QList<OAuthConnection> &rows)
{
    QStringList ids;
    for (const OAuthConnection &row : rows)
        ids.append(row.id);
    return ids;
}

qint64 seconds(const QString &timestamp)
{
    return QDateTime::fromString(timestamp, Qt::ISODate).toSecsSinceEpoch();
}

QString isoSeconds(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

qint64 newestCreated(const QList<OAuthConnection> &rows)
{
    qint64 newest = 0;
    for (const OAuthConnection &row : rows)
        newest = std::max(newest, seconds(row.createdAt));
    return newest;
}

// The API's order: newest first by created_at, ties by id descending.
bool listedBefore(const OAuthConnection &a, const OAuthConnection &b)
{
    const qint64 x = seconds(a.createdAt);
    const qint64 y = seconds(b.createdAt);
    return x != y ? x > y : a.id > b.id;
}

// `connection` as a watch retrieves it once deactivated.
OAuthConnection deactivated(OAuthConnection connection, const QDateTime &at)
{
    connection.status = u"inactive"_s;
    connection.deletedAt = at.toUTC().toString(Qt::ISODate);
    return connection;
}

// A connection the sandbox does not have: a fresh id, created at `createdAt` (UTC secs).
OAuthConnection newConnection(QRandomGenerator &random, const OAuthConnection &like,
                              qint64 createdAt)
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    OAuthConnection connection = like;
    connection.id = u"connection_"_s;
    for (int i = 0; i < 20; ++i)
        connection.id += QLatin1Char(kAlphabet[random.bounded(36)]);
    connection.createdAt = isoSeconds(createdAt);
    connection.deletedAt.reset();
    connection.status = u"active"_s;
    return connection;
}

// The first page only: the model asks once and nobody scrolls. The tester joins after
// this, as it asks for the next page on every model signal.
bool firstPageOnly(ConnectionTableModel &model, const ConnectionQuery &query)
{
    model.setQuery(query);
    return waitUntil([&] { return model.rowCount() > 0 && !model.isFetching(); }, 10000);
}

} // namespace

class TestConnectionTableLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Under "active,inactive" a deactivated connection still belongs: it is rewritten in
    // place and marked, nothing is removed or reset.
    void deactivationUnderBothIsAnUpdateInPlace()
    {
        // Given the first page of "active,inactive" on screen...
        LocalSandbox sandbox(smallSandbox());
        QVERIFY(sandbox.isListening());
        ConnectionTableModel model(&sandbox.client());
        QVERIFY(firstPageOnly(model, kBoth));
        Tester tester(&model, kReport);
        const int rows = model.rowCount();
        int row = -1;
        for (int r = 10; r < rows && row < 0; ++r) {
            if (model.connectionAt(r).status == "active"_L1)
                row = r;
        }
        QVERIFY(row >= 0);
        const QString id = idAt(model, row);
        const QPersistentModelIndex held = model.index(row, M::GroupIdColumn);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // ...when the watch sees one of its active rows deactivated...
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const OAuthConnection change = deactivated(model.connectionAt(row), at);
        QCOMPARE(model.applyChange(change, M::RowMark::Deactivated, at), M::ChangeOutcome::Updated);

        // ...then the same row shows the new status and deleted_at, marked, in place.
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(idAt(model, row), id);
        QCOMPARE(model.connectionAt(row), change);
        QCOMPARE(model.index(row, M::StatusColumn).data(M::ApiValueRole).toString(), u"inactive"_s);
        QCOMPARE(model.index(row, M::StatusColumn).data().toString(), u"Inactive"_s);
        QCOMPARE(model.index(row, M::DeletedColumn).data(M::ApiValueRole).toString(),
                 *change.deletedAt);
        QVERIFY(!model.index(row, M::DeletedColumn).data().toString().isEmpty());
        QCOMPARE(model.index(row, M::IdColumn).data(M::RecentChangeRole).toInt(),
                 int(M::RowMark::Deactivated));
        QCOMPARE(model.index(row, M::CreatedColumn).data(M::RecentChangeTimeRole).toDateTime(), at);
        QVERIFY(model.index(row, M::StatusColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(u"Deactivated since the listing began"_s));
        QVERIFY(!model.index(row - 1, M::IdColumn).data(M::RecentChangeRole).isValid());
        QCOMPARE(model.markedRows(), QList<int>{row});
        QVERIFY(held.isValid());
        QCOMPARE(held.row(), row);
        bool rowAnnounced = false;
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const auto topLeft = signal.at(0).value<QModelIndex>();
            const auto bottomRight = signal.at(1).value<QModelIndex>();
            rowAnnounced |= topLeft.row() <= row && bottomRight.row() >= row &&
                            topLeft.column() == 0 && bottomRight.column() == M::ColumnCount - 1;
        }
        QVERIFY(rowAnnounced);
    }

    // A change the listing already shows (it happened in the same second as the listing's
    // Date) is not news: nothing is marked or announced.
    void aChangeTheListingAlreadyShowsIsUnchanged()
    {
        LocalSandbox sandbox(smallSandbox());
        QVERIFY(sandbox.isListening());
        ConnectionTableModel model(&sandbox.client());
        QVERIFY(firstPageOnly(model, kBoth));
        Tester tester(&model, kReport);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QDateTime at = QDateTime::currentDateTimeUtc();
        QCOMPARE(model.applyChange(model.connectionAt(3), M::RowMark::Created, at),
                 M::ChangeOutcome::Unchanged);
        QCOMPARE(changed.count(), 0);
        QVERIFY(model.markedRows().isEmpty());
    }

    // Under the API's default ("active") a deactivated connection leaves the table with
    // a row removal: the selection and persistent indexes below it follow their rows.
    void deactivationUnderActiveRemovesTheRow()
    {
        LocalSandbox sandbox(smallSandbox());
        const QList<OAuthConnection> listed = sandbox.listAll({});
        QVERIFY(listed.size() > 150);
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        model.setQuery({});
        QVERIFY(scrollToEnd(model));
        QCOMPARE(idsOf(model), idsOf(listed));

        // Given a selected row and a persistent index below the row that goes...
        const int gone = 10;
        const QString goneId = idAt(model, gone);
        QItemSelectionModel selection(&model);
        selection.select(model.index(20, M::IdColumn),
                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection.setCurrentIndex(model.index(20, M::GroupIdColumn), QItemSelectionModel::NoUpdate);
        const QString selectedId = idAt(model, 20);
        const QPersistentModelIndex held = model.index(30, M::CreatedColumn);
        const QString heldId = idAt(model, 30);
        const QPersistentModelIndex above = model.index(5, M::IdColumn);
        const QString aboveId = idAt(model, 5);
        const int rows = model.rowCount();
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // ...when the watch sees that connection deactivated...
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const OAuthConnection change = deactivated(model.connectionAt(gone), at);
        QCOMPARE(model.applyChange(change, M::RowMark::Deactivated, at), M::ChangeOutcome::Removed);

        // ...then exactly that row went, and everything else kept its connection.
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), gone);
        QCOMPARE(removed.first().at(2).toInt(), gone);
        QCOMPARE(model.rowCount(), rows - 1);
        QCOMPARE(model.rowOf(goneId), -1);
        QCOMPARE(held.row(), 29);
        QCOMPARE(held.data(M::ConnectionIdRole).toString(), heldId);
        QCOMPARE(above.row(), 5);
        QCOMPARE(above.data(M::ConnectionIdRole).toString(), aboveId);
        const QModelIndexList selected = selection.selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(M::ConnectionIdRole).toString(), selectedId);
        QCOMPARE(selection.currentIndex().data(M::ConnectionIdRole).toString(), selectedId);
        QCOMPARE(selection.currentIndex().column(), int(M::GroupIdColumn));
        QVERIFY(model.markedRows().isEmpty()); // a removed row leaves no mark behind
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(!model.index(row, 0).data(M::RecentChangeRole).isValid());

        // The table is what the API lists once that connection is inactive.
        QList<OAuthConnection> expected = listed;
        expected.removeIf([&](const OAuthConnection &row) { return row.id == goneId; });
        QCOMPARE(idsOf(model), idsOf(expected));

        // The same change seen again finds nothing to do.
        QCOMPARE(model.applyChange(change, M::RowMark::Deactivated, at), M::ChangeOutcome::Ignored);
        QCOMPARE(model.rowCount(), rows - 1);
        QCOMPARE(removed.count(), 1);
    }

    // A connection newer than every row goes in at the top even while pages remain, and
    // stays marked until the marks are cleared.
    void newConnectionGoesInAtTheTop()
    {
        LocalSandbox sandbox(smallSandbox());
        const QList<OAuthConnection> listed = sandbox.listAll({});
        ConnectionTableModel model(&sandbox.client());
        QVERIFY(firstPageOnly(model, {}));
        Tester tester(&model, kReport);
        QVERIFY(model.hasMore());
        const int rows = model.rowCount();
        const QPersistentModelIndex held = model.index(5, M::ApplicationColumn);
        const QString heldId = idAt(model, 5);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // Given a connection created after every row listed...
        QRandomGenerator random(7);
        const qint64 createdAt = newestCreated(listed) + 3600;
        const OAuthConnection created = newConnection(random, listed.first(), createdAt);
        const QDateTime at = QDateTime::fromSecsSinceEpoch(createdAt, Qt::UTC);

        // ...when the watch reports it, then it is the new first row, the rest shift.
        QCOMPARE(model.applyChange(created, M::RowMark::Created, at), M::ChangeOutcome::Inserted);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 0);
        QCOMPARE(model.rowCount(), rows + 1);
        QCOMPARE(model.connectionAt(0), created);
        QCOMPARE(idAt(model, 1), listed.first().id);
        QCOMPARE(held.row(), 6);
        QCOMPARE(held.data(M::ConnectionIdRole).toString(), heldId);
        QCOMPARE(model.index(0, M::IdColumn).data(M::RecentChangeRole).toInt(),
                 int(M::RowMark::Created));
        QCOMPARE(model.index(0, M::IdColumn).data(M::RecentChangeTimeRole).toDateTime(), at);
        QVERIFY(model.index(0, M::GroupIdColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(u"New since the listing began"_s));
        QVERIFY(!model.index(1, M::IdColumn).data(M::RecentChangeRole).isValid());
        QCOMPARE(model.markedRows(), QList<int>{0});

        // When the marks are cleared, the row says so and is no longer marked.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.clearMarks();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 0);
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(M::RecentChangeRole));
        QVERIFY(model.markedRows().isEmpty());
        QVERIFY(!model.index(0, M::IdColumn).data(M::RecentChangeRole).isValid());
        QVERIFY(!model.index(0, M::IdColumn).data(M::RecentChangeTimeRole).isValid());
        QVERIFY(!model.index(0, M::GroupIdColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .startsWith(u"New since"_s));
        model.clearMarks(); // nothing marked: nothing said
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.connectionAt(0), created);
    }

    // A change for a row past the last one loaded, while pages remain, is left to the page
    // that brings it: the row then shows once.
    void changePastTheLoadedRowsWaitsForItsPage()
    {
        LocalSandbox sandbox(smallSandbox());
        const QList<OAuthConnection> listed = sandbox.listAll(kBoth);
        QVERIFY(listed.size() >= 300);
        ConnectionTableModel model(&sandbox.client());
        QVERIFY(firstPageOnly(model, kBoth));
        Tester tester(&model, kReport); // it asks for the next page: it is not in yet
        QVERIFY(model.hasMore());
        const int rows = model.rowCount();
        QCOMPARE(rows, 100);

        // Given a connection the API lists on the third page, deactivated...
        int later = 250;
        while (listed.at(later).status != "active"_L1)
            ++later;
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const OAuthConnection change = deactivated(listed.at(later), at);
        QVERIFY(listedBefore(model.connectionAt(rows - 1), change));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // ...when the watch reports it, then nothing changes now...
        QCOMPARE(model.applyChange(change, M::RowMark::Deactivated, at), M::ChangeOutcome::Ignored);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.rowOf(change.id), -1);
        QVERIFY(model.markedRows().isEmpty());

        // ...and when the user scrolls to the end, it is there once, where the API has it.
        QVERIFY(scrollToEnd(model));
        QCOMPARE(idsOf(model), idsOf(listed));
        QCOMPARE(idsOf(model).count(change.id), 1);
        QCOMPARE(model.rowOf(change.id), later);
        QCOMPARE(model.duplicatesDropped(), 0);
    }

    // A connection the server creates during the listing, reported by the watch, shows
    // once when the listing is paged to its end. (The sandbox's cursor carries the last
    // row listed, so no later page repeats a row placed among the loaded ones: the
    // dropping of such a repeat cannot be staged against it and is not tested here.)
    void connectionCreatedDuringTheListingShowsOnce()
    {
        LocalSandbox sandbox(smallSandbox());
        // The tester joins only once the server has changed: it asks for the next page on
        // every signal.
        ConnectionTableModel model(&sandbox.client());
        QVERIFY(firstPageOnly(model, kBoth));
        QVERIFY(model.hasMore());
        const QStringList firstPage = idsOf(model);

        // Given a connection the server creates after the first page was listed...
        const QStringList before = idsOf(sandbox.listAll(kBoth));
        QList<OAuthConnection> now = sandbox.listAll(kBoth);
        for (int attempt = 0; attempt < 50 && now.size() == before.size(); ++attempt) {
            sandbox.server().churnOnce(); // a new connection, or a deactivation
            now = sandbox.listAll(kBoth);
        }
        QCOMPARE(now.size(), before.size() + 1);
        const OAuthConnection created = now.first();
        QVERIFY(!before.contains(created.id));
        QCOMPARE(model.rowCount(), 100);
        QVERIFY(!model.isFetching());

        // ...when the watch reports it, it goes in at the top...
        Tester tester(&model, kReport);
        const QDateTime at = QDateTime::fromString(created.createdAt, Qt::ISODate);
        QCOMPARE(model.applyChange(created, M::RowMark::Created, at), M::ChangeOutcome::Inserted);
        QCOMPARE(idAt(model, 0), created.id);
        QCOMPARE(idsOf(model).mid(1), firstPage);

        // ...and when the user scrolls to the end, the table is the server's listing now:
        // the new row once, every other row once, in order.
        QVERIFY(scrollToEnd(model));
        const QStringList shown = idsOf(model);
        QCOMPARE(shown.count(created.id), 1);
        QCOMPARE(shown, idsOf(now));
        QCOMPARE(model.duplicatesDropped(), 0);
        QCOMPARE(model.markedRows(), QList<int>{0});
    }

    // Sorted, a new row goes where the sort puts it (first among equals); back in API
    // order it is where the API lists it.
    void sortedTableTakesANewRowAtItsSortedPlace()
    {
        LocalSandbox sandbox(smallSandbox());
        const QList<OAuthConnection> listed = sandbox.listAll(kBoth);
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        model.setQuery(kBoth);
        QVERIFY(scrollToEnd(model));
        QVERIFY(model.isSortable());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QRandomGenerator random(11);
        const qint64 newest = newestCreated(listed);
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const auto createdAt = [&](int row) {
            return model.index(row, M::CreatedColumn).data(M::SortRole).toLongLong();
        };

        // Given the table sorted by Created, newest first...
        model.sort(M::CreatedColumn, Qt::DescendingOrder);
        const QPersistentModelIndex held = model.index(40, M::IdColumn);
        const QString heldId = idAt(model, 40);

        // ...a connection newer than all goes at the top...
        const OAuthConnection newest1 = newConnection(random, listed.first(), newest + 60);
        QCOMPARE(model.applyChange(newest1, M::RowMark::Created, at), M::ChangeOutcome::Inserted);
        QCOMPARE(inserted.last().at(1).toInt(), 0);
        QCOMPARE(idAt(model, 0), newest1.id);
        QVERIFY(createdAt(0) > createdAt(1));
        QCOMPARE(held.row(), 41);
        QCOMPARE(held.data(M::ConnectionIdRole).toString(), heldId);

        // ...and one created in the same second as rows already shown goes before them.
        const int tieRow = 150;
        const qint64 tieSecond = createdAt(tieRow);
        const OAuthConnection tie = newConnection(random, listed.first(), tieSecond);
        QCOMPARE(model.applyChange(tie, M::RowMark::Created, at), M::ChangeOutcome::Inserted);
        const int tiePlace = model.rowOf(tie.id);
        QCOMPARE(inserted.last().at(1).toInt(), tiePlace);
        QVERIFY(tiePlace > 0 && tiePlace + 1 < model.rowCount());
        QVERIFY(createdAt(tiePlace - 1) > tieSecond); // first among equals
        QCOMPARE(createdAt(tiePlace), tieSecond);
        QCOMPARE(createdAt(tiePlace + 1), tieSecond);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(createdAt(row - 1) >= createdAt(row));

        // Given the table sorted by ID, ascending, a new row goes between its neighbours.
        model.sort(M::IdColumn, Qt::AscendingOrder);
        OAuthConnection byId = newConnection(random, listed.first(), newest + 120);
        QCOMPARE(model.applyChange(byId, M::RowMark::Created, at), M::ChangeOutcome::Inserted);
        const int idPlace = model.rowOf(byId.id);
        QCOMPARE(inserted.last().at(1).toInt(), idPlace);
        QCOMPARE(model.index(idPlace, 0).data(M::RecentChangeRole).toInt(),
                 int(M::RowMark::Created));
        QVERIFY(idPlace == 0 || idAt(model, idPlace - 1) < byId.id);
        QVERIFY(idPlace + 1 == model.rowCount() || byId.id < idAt(model, idPlace + 1));
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(idAt(model, row - 1) < idAt(model, row));
        QCOMPARE(held.data(M::ConnectionIdRole).toString(), heldId);
        QCOMPARE(model.markedRows().size(), 3);

        // When the sort is undone, the API's order holds with the new rows in their places.
        model.sort(-1);
        QList<OAuthConnection> expected = listed;
        expected << newest1 << tie << byId;
        std::stable_sort(expected.begin(), expected.end(), listedBefore);
        QCOMPARE(idAt(model, 0), byId.id);
        QCOMPARE(idAt(model, 1), newest1.id);
        QCOMPARE(idsOf(model), idsOf(expected));
        QCOMPARE(model.rowCount(), listed.size() + 3);
        QCOMPARE(held.data(M::ConnectionIdRole).toString(), heldId);
        QCOMPARE(model.connectionAt(held.row()).id, heldId);
        QList<int> marked{0, 1, int(expected.indexOf(tie))};
        std::sort(marked.begin(), marked.end());
        QCOMPARE(model.markedRows(), marked);

        // A deactivation under a sorted "active,inactive" table updates the row where it is.
        model.sort(M::CreatedColumn, Qt::AscendingOrder);
        const int updatedRow = 77;
        const OAuthConnection change = deactivated(model.connectionAt(updatedRow), at);
        const int rows = model.rowCount();
        QCOMPARE(model.applyChange(change, M::RowMark::Deactivated, at), M::ChangeOutcome::Updated);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(model.connectionAt(updatedRow), change);
        QCOMPARE(model.index(updatedRow, 0).data(M::RecentChangeRole).toInt(),
                 int(M::RowMark::Deactivated));
    }

    // Sorted under "active", a deactivated row is removed from where the sort shows it.
    void sortedTableRemovesADeactivatedRow()
    {
        LocalSandbox sandbox(smallSandbox());
        const QList<OAuthConnection> listed = sandbox.listAll({});
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        model.setQuery({});
        QVERIFY(scrollToEnd(model));
        model.sort(M::GroupIdColumn, Qt::DescendingOrder);
        const int gone = 42;
        const QString goneId = idAt(model, gone);
        const QPersistentModelIndex held = model.index(gone + 1, 0);
        const QString heldId = idAt(model, gone + 1);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const QDateTime at = QDateTime::currentDateTimeUtc();

        QCOMPARE(model.applyChange(deactivated(model.connectionAt(gone), at),
                                   M::RowMark::Deactivated, at),
                 M::ChangeOutcome::Removed);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), gone);
        QCOMPARE(model.rowOf(goneId), -1);
        QCOMPARE(model.rowCount(), listed.size() - 1);
        QCOMPARE(held.row(), gone);
        QCOMPARE(held.data(M::ConnectionIdRole).toString(), heldId);

        model.sort(-1);
        QList<OAuthConnection> expected = listed;
        expected.removeIf([&](const OAuthConnection &row) { return row.id == goneId; });
        QCOMPARE(idsOf(model), idsOf(expected));
    }

    // While Load All holds received rows back (inserting them every 100 ms), a change
    // first puts them in, then applies: its place is among every row received.
    void changeDuringLoadAllInsertsHeldRowsFirst()
    {
        LocalSandbox sandbox(smallSandbox(3000));
        sandbox.server().setLatency(5, 0);
        const QList<OAuthConnection> listed = sandbox.listAll({});
        ConnectionTableModel model(&sandbox.client());
        Tester tester(&model, kReport);
        QStringList events;
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first, int last) {
                    events.append(u"inserted %1-%2"_s.arg(first).arg(last));
                });
        connect(&model, &QAbstractItemModel::rowsRemoved, this,
                [&](const QModelIndex &, int first, int last) {
                    events.append(u"removed %1-%2"_s.arg(first).arg(last));
                });

        // Given Load All under way with received rows not yet in the table...
        model.setQuery({});
        model.loadAll();
        QVERIFY(waitUntil(
            [&] { return model.hasMore() && model.store().size() > model.rowCount() + 1; }, 20000));
        const int shown = model.rowCount();
        const int received = int(model.store().size());
        events.clear();

        // ...when the watch deactivates a received row not yet shown...
        const OAuthConnection held = model.store().at(shown + 1);
        const QDateTime at = QDateTime::currentDateTimeUtc();
        QCOMPARE(model.applyChange(deactivated(held, at), M::RowMark::Deactivated, at),
                 M::ChangeOutcome::Removed);

        // ...then the held rows went in first, and that one came out of them.
        QCOMPARE(events, (QStringList{u"inserted %1-%2"_s.arg(shown).arg(received - 1),
                                      u"removed %1-%1"_s.arg(shown + 1)}));
        QCOMPARE(model.rowCount(), received - 1);
        QCOMPARE(model.rowOf(held.id), -1);

        // And a new connection goes in at the top while Load All goes on.
        QRandomGenerator random(3);
        const OAuthConnection created =
            newConnection(random, listed.first(), newestCreated(listed) + 10);
        QCOMPARE(model.applyChange(created, M::RowMark::Created, at), M::ChangeOutcome::Inserted);
        QCOMPARE(idAt(model, 0), created.id);

        // When Load All ends, the table is the listing with both changes.
        QVERIFY(waitUntil([&] { return model.isSortable(); }, 60000));
        QVERIFY(!model.isLoadingAll());
        QList<OAuthConnection> expected = listed;
        expected.removeIf([&](const OAuthConnection &row) { return row.id == held.id; });
        expected.prepend(created);
        QCOMPARE(idsOf(model), idsOf(expected));
        QCOMPARE(model.markedRows(), QList<int>{0});
        QCOMPARE(model.duplicatesDropped(), 0);
    }

    // A requery starts a new listing: the marks and the live rows go, and the listing's
    // time is the server's again once the first page is in.
    void requeryClearsMarksAndSetsListedAtAgain()
    {
        LocalSandbox sandbox(smallSandbox());
        const QList<OAuthConnection> listed = sandbox.listAll(kBoth);
        ConnectionTableModel model(&sandbox.client());
        QVERIFY(!model.firstPageReceived());
        QVERIFY(!model.listedAt().isValid());
        QVERIFY(firstPageOnly(model, kBoth));
        QVERIFY(model.firstPageReceived());
        const QDateTime firstListedAt = model.listedAt();
        QVERIFY(firstListedAt.isValid());
        QVERIFY(qAbs(firstListedAt.secsTo(QDateTime::currentDateTimeUtc())) <= 5);
        // The later pages, answered a second after, leave it: it is the first page's Date.
        QVERIFY(waitUntil(
            [&] { return QDateTime::currentSecsSinceEpoch() > firstListedAt.toSecsSinceEpoch(); },
            3000));
        QCOMPARE(model.rowCount(), 100); // nobody asked for more meanwhile
        Tester tester(&model, kReport);
        QVERIFY(scrollToEnd(model));
        QCOMPARE(model.listedAt(), firstListedAt);

        // Given rows the watch changed...
        QRandomGenerator random(5);
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const OAuthConnection created =
            newConnection(random, listed.first(), newestCreated(listed) + 1);
        QCOMPARE(model.applyChange(created, M::RowMark::Created, at), M::ChangeOutcome::Inserted);
        QCOMPARE(
            model.applyChange(deactivated(model.connectionAt(3), at), M::RowMark::Deactivated, at),
            M::ChangeOutcome::Updated);
        QCOMPARE(model.markedRows(), (QList<int>{0, 3}));

        // ...when the user refreshes, then the new listing has no marks and no live rows...
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QCOMPARE(reset.count(), 1);
        QVERIFY(model.markedRows().isEmpty());
        QVERIFY(!model.firstPageReceived());
        QVERIFY(!model.listedAt().isValid());
        QVERIFY(waitUntil([&] { return model.firstPageReceived() && !model.isFetching(); }));

        // ...and its time is the server's Date of its own first page.
        QVERIFY(model.listedAt().isValid());
        QVERIFY(qAbs(model.listedAt().secsTo(QDateTime::currentDateTimeUtc())) <= 5);
        QVERIFY(model.listedAt() >= firstListedAt);
        QVERIFY(model.markedRows().isEmpty());
        QCOMPARE(model.rowOf(created.id), -1); // the sandbox never had it
        QCOMPARE(model.connectionAt(3), listed.at(3));
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(!model.index(row, 0).data(M::RecentChangeRole).isValid());

        // The new listing pages to its end as any other.
        QVERIFY(scrollToEnd(model));
        QCOMPARE(idsOf(model), idsOf(listed));
        QCOMPARE(model.duplicatesDropped(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConnectionTableLive)
#include "tst_connectiontablelive.moc"
