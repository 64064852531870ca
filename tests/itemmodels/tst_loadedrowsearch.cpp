// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Find in loaded rows (Ctrl+F) over a table loaded from the local sandbox, under
// QAbstractItemModelTester: every searched field matches, case-insensitively, the
// application's name too, in the view's order (sorted or not), wrapping both ways; and
// for many needles, starts and directions it answers exactly as a plain QString::contains
// over each row would.
#include "applicationlistmodel.h"
#include "compactfield.h"
#include "connectiontablemodel.h"
#include "loadedrowsearch.h"
#include "localsandbox.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Tester = QAbstractItemModelTester;

namespace {

constexpr Tester::FailureReportingMode kReport = Tester::FailureReportingMode::QtTest;

// What the search promised before it read the compact store: a row's fields as the API
// sent them, and its application's display name, contain the needle.
bool rowMatches(const ConnectionTableModel &model, const ApplicationListModel *names, int row,
                const QString &needle)
{
    const OAuthConnection c = model.connectionAt(row);
    const auto has = [&needle](const QString &text) {
        return text.contains(needle, Qt::CaseInsensitive);
    };
    // And the timestamps as the table shows them (in UTC or local time, as it is set).
    const auto shown = [&](int column) {
        return model.index(row, column).data().toString();
    };
    return has(c.id) || has(c.status) || has(c.oauthApplicationId) || has(c.groupId) ||
           has(c.createdAt) || (c.deletedAt && has(*c.deletedAt)) ||
           (names && has(names->displayName(c.oauthApplicationId))) ||
           has(shown(ConnectionTableModel::CreatedColumn)) ||
           (c.deletedAt && has(shown(ConnectionTableModel::DeletedColumn)));
}

std::optional<int> referenceFind(const ConnectionTableModel &model,
                                 const ApplicationListModel *names, const QString &needle, int from,
                                 bool forward)
{
    const int rows = model.rowCount();
    if (needle.isEmpty() || rows == 0)
        return std::nullopt;
    int row = from < 0 || from >= rows ? (forward ? rows - 1 : 0) : from;
    for (int step = 0; step < rows; ++step) {
        row = forward ? (row + 1) % rows : (row - 1 + rows) % rows;
        if (rowMatches(model, names, row, needle))
            return row;
    }
    return std::nullopt;
}

int firstRow(const ConnectionTableModel &model, const std::function<bool(int)> &matches)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (matches(row))
            return row;
    }
    return -1;
}

// The only row for which `matches` holds, or -1 if none or several.
int onlyRow(const ConnectionTableModel &model, const std::function<bool(int)> &matches)
{
    int found = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (matches(row)) {
            if (found >= 0)
                return -1;
            found = row;
        }
    }
    return found;
}

} // namespace

class TestLoadedRowSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.connections = 600;
        options.applications = 8;
        options.tricky = true; // searched for: "Payroll Bridge", "Café Zürich Treasury ☕"
        m_sandbox = std::make_unique<LocalSandbox>(options);
        QVERIFY(m_sandbox->isListening());
        m_names = std::make_unique<ApplicationListModel>(&m_sandbox->client());
        m_model = std::make_unique<ConnectionTableModel>(&m_sandbox->client());
        m_tester = std::make_unique<Tester>(m_model.get(), kReport);
        m_model->setApplicationNames(m_names.get());
        m_names->reload();
        QVERIFY(waitUntil([&] { return m_names->isLoaded(); }));
        m_model->setQuery({{u"active"_s, u"inactive"_s}, QString()});
        m_model->loadAll();
        QVERIFY(waitUntil([&] { return !m_model->hasMore() && !m_model->isFetching(); }));
        QCOMPARE(m_model->rowCount(), 600);
    }

    void init()
    {
        m_model->sort(-1); // the API's order
        m_model->setTimesInUtc(false);
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_model.reset();
        m_names.reset();
        m_sandbox.reset();
    }

    void eachFieldMatches_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *field : {"id", "group id", "created_at", "deleted_at", "status",
                                  "application id", "application name"})
            QTest::newRow(field) << QString::fromLatin1(field);
    }

    void eachFieldMatches()
    {
        QFETCH(QString, field);
        const ConnectionTableModel &model = *m_model;
        // Given a needle that this field holds, and the first row that holds it
        QString needle;
        int expected = -1;
        if (field == "id"_L1) {
            needle = model.connectionAt(137).id.mid(11, 9);
            expected = 137;
        } else if (field == "group id"_L1) {
            // Connections of one user share a group: the first of them.
            const QString group = model.connectionAt(421).groupId;
            needle = group.right(12);
            expected =
                firstRow(model, [&](int r) { return model.connectionAt(r).groupId == group; });
            QCOMPARE(referenceFind(model, nullptr, needle, -1, true), std::optional<int>(expected));
        } else if (field == "created_at"_L1 || field == "deleted_at"_L1) {
            // A whole timestamp, of a row that no other row shares it with.
            for (int row = 200; row < model.rowCount() && expected < 0; ++row) {
                const OAuthConnection c = model.connectionAt(row);
                needle = field == "created_at"_L1 ? c.createdAt : c.deletedAt.value_or(QString());
                if (!needle.isEmpty())
                    expected = onlyRow(
                        model, [&](int r) { return rowMatches(model, nullptr, r, needle); });
            }
        } else if (field == "status"_L1) {
            needle = u"inactive"_s; // "active" would match both
            expected = *referenceFind(model, nullptr, needle, -1, true);
            QCOMPARE(model.connectionAt(expected).status, u"inactive"_s);
            for (int row = 0; row < expected; ++row)
                QCOMPARE(model.connectionAt(row).status, u"active"_s);
        } else if (field == "application id"_L1) {
            needle = model.connectionAt(50).oauthApplicationId;
            expected = *referenceFind(model, nullptr, needle, -1, true);
            QCOMPARE(model.connectionAt(expected).oauthApplicationId, needle);
        } else {
            needle = u"Payroll Bridge"_s; // a name no id, date or status holds
            expected = *referenceFind(model, m_names.get(), needle, -1, true);
            QCOMPARE(m_names->displayName(model.connectionAt(expected).oauthApplicationId), needle);
        }
        QVERIFY2(expected >= 0, qPrintable(needle));

        // When the table is searched from the top, then that row is found
        QCOMPARE(LoadedRowSearch::find(model, m_names.get(), needle, -1, true),
                 std::optional<int>(expected));
        // in whatever case the needle is typed.
        QCOMPARE(LoadedRowSearch::find(model, m_names.get(), needle.toUpper(), -1, true),
                 std::optional<int>(expected));
        QCOMPARE(LoadedRowSearch::find(model, m_names.get(), needle.toLower(), -1, true),
                 std::optional<int>(expected));
    }

    void applicationNameNeedsTheNames()
    {
        const QString needle = u"payroll bridge"_s;
        QVERIFY(LoadedRowSearch::find(*m_model, m_names.get(), needle, -1, true).has_value());
        QCOMPARE(LoadedRowSearch::find(*m_model, nullptr, needle, -1, true), std::nullopt);
        // "☕" is in one name only, outside ASCII.
        const std::optional<int> cafe =
            LoadedRowSearch::find(*m_model, m_names.get(), u"ZÜRICH TREASURY ☕"_s, -1, true);
        QVERIFY(cafe);
        QCOMPARE(m_names->displayName(m_model->connectionAt(*cafe).oauthApplicationId),
                 u"Café Zürich Treasury ☕"_s);
    }

    void sortedOrderIsTheViewsOrder()
    {
        // Given the table sorted by Created, oldest first
        m_model->sort(ConnectionTableModel::CreatedColumn, Qt::AscendingOrder);
        const QString oldestId = m_model->connectionAt(0).id;
        const QString someId = m_model->connectionAt(321).id;

        // then rows are found, and stepped through, in that order.
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), someId, -1, true),
                 std::optional<int>(321));
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), oldestId, 400, true),
                 std::optional<int>(0));
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), u"CONNECTION_"_s, 41, true),
                 std::optional<int>(42));
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), u"connection_"_s, 41, false),
                 std::optional<int>(40));

        m_model->sort(ConnectionTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), someId, -1, true),
                 std::optional<int>(int(onlyRow(
                     *m_model, [&](int row) { return m_model->connectionAt(row).id == someId; }))));
    }

    void wrapsAroundForwards()
    {
        const QString only3 = m_model->connectionAt(3).id;
        const int last = m_model->rowCount() - 1;
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), only3, last, true),
                 std::optional<int>(3));
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), only3, 3, true),
                 std::optional<int>(3)); // round to itself
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), u"connection_"_s, last, true),
                 std::optional<int>(0));
    }

    void searchesBackwards()
    {
        const QString only3 = m_model->connectionAt(3).id;
        const int last = m_model->rowCount() - 1;
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), u"connection_"_s, 10, false),
                 std::optional<int>(9));
        // From no row, backwards starts at the last; from row 2 it wraps past the top.
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), u"connection_"_s, -1, false),
                 std::optional<int>(last));
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), only3, 2, false),
                 std::optional<int>(3));
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), u"connection_"_s, 0, false),
                 std::optional<int>(last));
    }

    void noMatch()
    {
        for (const QString &needle : {u"no such text anywhere"_s, u"connection_connection"_s,
                                      u"2031-"_s, u"zz:"_s, u"☕☕"_s}) {
            QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), needle, -1, true),
                     std::nullopt);
            QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), needle, 17, false),
                     std::nullopt);
        }
        QCOMPARE(LoadedRowSearch::find(*m_model, m_names.get(), QString(), -1, true), std::nullopt);
        ConnectionTableModel empty(&m_sandbox->client());
        QCOMPARE(LoadedRowSearch::find(empty, m_names.get(), u"connection_"_s, -1, true),
                 std::nullopt);
    }

    // What the Created column shows is found, in local time and in UTC: the hour a user
    // reads off the table (here in Adelaide, UTC+9:30 or +10:30) is not the API's.
    void findsTimestampsAsShown()
    {
        QVERIFY2(QDateTime::currentDateTime().offsetFromUtc() != 0,
                 "this test runs in a zone away from UTC (TZ, set in CMakeLists.txt)");
        const QModelIndex created = m_model->index(250, ConnectionTableModel::CreatedColumn);
        const QString local = created.data().toString();
        const QString api = m_model->connectionAt(250).createdAt;
        QCOMPARE(local.size(), 19); // "yyyy-MM-dd HH:mm:ss"
        QVERIFY(!api.contains(local.mid(8)));
        const std::optional<int> found =
            LoadedRowSearch::find(*m_model, m_names.get(), local, -1, true);
        QVERIFY(found);
        QVERIFY(m_model->index(*found, ConnectionTableModel::CreatedColumn)
                    .data()
                    .toString()
                    .contains(local));

        // In UTC the table shows the API's instant with a space: found as shown, and the
        // local form no longer is (unless another row happens to show it).
        m_model->setTimesInUtc(true);
        const QString utc = created.data().toString();
        QCOMPARE(utc, QString(api).replace(u'T', u' ').chopped(1));
        const std::optional<int> inUtc =
            LoadedRowSearch::find(*m_model, m_names.get(), utc, -1, true);
        QVERIFY(inUtc);
        QCOMPARE(m_model->connectionAt(*inUtc).createdAt, api);
    }

    // The offsets the search reads from the zone's transitions are local time's own: at
    // random instants over the years of a 32-bit time_t and a second either side of each
    // transition. (Beyond 2037 Qt 6.4's local time borrows the rules of an earlier year
    // with the same calendar, and the two part; no connection is created that late.)
    void localOffsetsAgreeWithLocalTime()
    {
        const CompactField::LocalOffsets offsets;
        const auto expected = [](qint64 seconds) {
            return QDateTime::fromSecsSinceEpoch(seconds, Qt::LocalTime).offsetFromUtc();
        };
        QList<qint64> instants;
        QRandomGenerator random(11);
        const qint64 from = QDateTime(QDate(1971, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        const qint64 to = QDateTime(QDate(2037, 12, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        for (int i = 0; i < 20000; ++i)
            instants << from + qint64(random.bounded(double(to - from)));
        const QTimeZone zone = QTimeZone::systemTimeZone();
        const auto transitions = zone.transitions(QDateTime::fromSecsSinceEpoch(from, Qt::UTC),
                                                  QDateTime::fromSecsSinceEpoch(to, Qt::UTC));
        QVERIFY(transitions.size() > 50); // Adelaide changes its clocks twice a year
        for (const QTimeZone::OffsetData &transition : transitions) {
            const qint64 at = transition.atUtc.toSecsSinceEpoch();
            instants << at - 1 << at << at + 1;
        }
        for (const qint64 instant : std::as_const(instants))
            QVERIFY2(
                offsets.at(instant) == expected(instant),
                qPrintable(QDateTime::fromSecsSinceEpoch(instant, Qt::UTC).toString(Qt::ISODate)));
    }

    // Needles that land in every part of the fields, in either case, from many starts.
    void agreesWithPlainContains_data()
    {
        QTest::addColumn<int>("sortColumn");
        QTest::addColumn<bool>("timesInUtc");
        QTest::newRow("API order, local times") << -1 << false;
        QTest::newRow("API order, UTC") << -1 << true;
        QTest::newRow("sorted by Deleted, local times")
            << int(ConnectionTableModel::DeletedColumn) << false;
    }

    void agreesWithPlainContains()
    {
        QFETCH(int, sortColumn);
        QFETCH(bool, timesInUtc);
        m_model->setTimesInUtc(timesInUtc);
        m_model->sort(sortColumn, Qt::AscendingOrder);
        const OAuthConnection sample = m_model->connectionAt(77);
        const QString shown =
            m_model->index(77, ConnectionTableModel::CreatedColumn).data().toString();
        QStringList needles{u"n_"_s,     u"ON_"_s,    u"_"_s,    u"group_"_s,
                            u"p_"_s,     u"t0"_s,     u"T1"_s,   u"0z"_s,
                            u"9Z"_s,     u":0"_s,     u"-06-"_s, u"2024-"_s,
                            u"T23:59"_s, u"59:59Z"_s, u"act"_s,  u"Inact"_s,
                            u"ve"_s,     u"'"_s,      u"\r\n"_s, u"app"_s,
                            u"ledger"_s, u"=cmd"_s,   u"é"_s,    u"\u212a"_s /* Kelvin: k */,
                            u"\u017f"_s /* long s: s */};
        for (const QString &field :
             {sample.id, sample.groupId, sample.createdAt, sample.oauthApplicationId, shown}) {
            for (int at = 0; at + 3 <= field.size(); at += 4)
                needles << field.mid(at, 3) << field.mid(at, 7).toUpper();
        }
        for (const QString &needle : std::as_const(needles)) {
            for (const int from : {-1, 0, 5, 299, 598, 599}) {
                for (const bool forward : {true, false}) {
                    for (const ApplicationListModel *names :
                         {static_cast<const ApplicationListModel *>(m_names.get()),
                          static_cast<const ApplicationListModel *>(nullptr)}) {
                        QCOMPARE(LoadedRowSearch::find(*m_model, names, needle, from, forward),
                                 referenceFind(*m_model, names, needle, from, forward));
                    }
                }
            }
        }
    }

private:
    std::unique_ptr<LocalSandbox> m_sandbox;
    std::unique_ptr<ApplicationListModel> m_names;
    std::unique_ptr<ConnectionTableModel> m_model;
    std::unique_ptr<Tester> m_tester;
};

QTEST_GUILESS_MAIN(TestLoadedRowSearch)
#include "tst_loadedrowsearch.moc"
