// The compact row store: every field comes back exactly as the API sent it, however odd,
// and a row stays far under the 200-byte budget of PRODUCT.md §7.
#include "compactfield.h"
#include "connectionsort.h"
#include "connectionstore.h"
#include "localsandbox.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

OAuthConnection typical()
{
    OAuthConnection c;
    c.id = u"connection_dauknoksyr4wilz4e6my"_s;
    c.createdAt = u"2020-01-31T23:59:59Z"_s;
    c.deletedAt = std::nullopt;
    c.groupId = u"group_1g4mhziu6kvrs3vz35um"_s;
    c.oauthApplicationId = u"application_gj9ufmpgh5i56k4vyriy"_s;
    c.status = u"active"_s;
    c.type = u"oauth_connection"_s;
    return c;
}

void compareFields(const ConnectionStore &store, qsizetype row, const OAuthConnection &expected)
{
    QCOMPARE(store.id(row), expected.id);
    QCOMPARE(store.createdAt(row), expected.createdAt);
    QCOMPARE(store.deletedAt(row), expected.deletedAt);
    QCOMPARE(store.groupId(row), expected.groupId);
    QCOMPARE(store.oauthApplicationId(row), expected.oauthApplicationId);
    QCOMPARE(store.status(row), expected.status);
    QCOMPARE(store.type(row), expected.type);
    QCOMPARE(store.at(row), expected);
}

} // namespace

class TestConnectionStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<OAuthConnection>("connection");
        const auto add = [](const char *name, auto change) {
            OAuthConnection c = typical();
            change(c);
            QTest::newRow(name) << c;
        };
        add("typical", [](OAuthConnection &) {});
        add("deleted", [](OAuthConnection &c) {
            c.deletedAt = u"2021-02-01T00:00:00Z"_s;
            c.status = u"inactive"_s;
        });
        add("upper-case id",
            [](OAuthConnection &c) { c.id = u"connection_DAUKNOKSYR4WILZ4E6MY"_s; });
        add("mixed-case id",
            [](OAuthConnection &c) { c.id = u"connection_dauknoksyr4wilz4e6mY"_s; });
        add("21-character id",
            [](OAuthConnection &c) { c.id = u"connection_ebvlolpltzs5xjma5f7nz"_s; });
        add("short id", [](OAuthConnection &c) { c.id = u"connection_1"_s; });
        add("200-character id",
            [](OAuthConnection &c) { c.id = u"connection_"_s + QString(189, u'x'); });
        add("other prefix",
            [](OAuthConnection &c) { c.id = u"oauth_connection_dauknoksyr4wilz4e6my"_s; });
        add("prefix only", [](OAuthConnection &c) { c.id = u"connection_"_s; });
        add("empty id", [](OAuthConnection &c) { c.id = QString(); });
        add("dash and underscore",
            [](OAuthConnection &c) { c.id = u"connection_dauknoksyr4-ilz4e6m_"_s; });
        add("unicode id", [](OAuthConnection &c) { c.id = u"connection_dauknoksyr4wilz4e6mé"_s; });
        add("upper-case group",
            [](OAuthConnection &c) { c.groupId = u"group_1G4MHZIU6KVRS3VZ35UM"_s; });
        add("long group",
            [](OAuthConnection &c) { c.groupId = u"group_1g4mhziu6kvrs3vz35umxx"_s; });
        add("group of another kind",
            [](OAuthConnection &c) { c.groupId = u"entity_1g4mhziu6kvrs3vz35um"_s; });
        add("fractional seconds",
            [](OAuthConnection &c) { c.createdAt = u"2020-01-31T23:59:59.123Z"_s; });
        add("microseconds",
            [](OAuthConnection &c) { c.createdAt = u"2020-01-31T23:59:59.123456Z"_s; });
        add("offset", [](OAuthConnection &c) { c.createdAt = u"2020-01-31T23:59:59+01:00"_s; });
        add("zero offset",
            [](OAuthConnection &c) { c.createdAt = u"2020-01-31T23:59:59+00:00"_s; });
        add("no offset", [](OAuthConnection &c) { c.createdAt = u"2020-01-31T23:59:59"_s; });
        add("lower-case t and z",
            [](OAuthConnection &c) { c.createdAt = u"2020-01-31t23:59:59z"_s; });
        add("impossible date", [](OAuthConnection &c) { c.createdAt = u"2023-02-30T00:00:00Z"_s; });
        add("leap day", [](OAuthConnection &c) { c.createdAt = u"2024-02-29T12:00:00Z"_s; });
        add("leap second", [](OAuthConnection &c) { c.createdAt = u"2016-12-31T23:59:60Z"_s; });
        add("hour 24", [](OAuthConnection &c) { c.createdAt = u"2020-01-31T24:00:00Z"_s; });
        add("year 0000", [](OAuthConnection &c) { c.createdAt = u"0000-01-01T00:00:00Z"_s; });
        add("year 9999", [](OAuthConnection &c) { c.createdAt = u"9999-12-31T23:59:59Z"_s; });
        add("before 1970", [](OAuthConnection &c) { c.createdAt = u"1969-12-31T23:59:59Z"_s; });
        add("not a date", [](OAuthConnection &c) { c.createdAt = u"yesterday"_s; });
        add("empty date", [](OAuthConnection &c) { c.createdAt = QString(); });
        add("arabic-indic digits",
            [](OAuthConnection &c) { c.createdAt = u"٢٠٢٠-01-31T23:59:59Z"_s; });
        add("deleted with fraction", [](OAuthConnection &c) {
            c.deletedAt = u"2021-02-01T00:00:00.5Z"_s;
            c.status = u"inactive"_s;
        });
        add("deleted with offset",
            [](OAuthConnection &c) { c.deletedAt = u"2021-02-01T00:00:00-05:30"_s; });
        add("deleted empty string", [](OAuthConnection &c) { c.deletedAt = QString(); });
        add("unknown status", [](OAuthConnection &c) { c.status = u"revoked"_s; });
        add("upper-case status", [](OAuthConnection &c) { c.status = u"Active"_s; });
        add("empty status", [](OAuthConnection &c) { c.status = QString(); });
        add("other type", [](OAuthConnection &c) { c.type = u"oauth_connection_v2"_s; });
        add("empty application", [](OAuthConnection &c) { c.oauthApplicationId = QString(); });
        add("odd application", [](OAuthConnection &c) { c.oauthApplicationId = u"APP ☕ \"x\""_s; });
    }
    void roundTrip()
    {
        QFETCH(OAuthConnection, connection);
        ConnectionStore store;
        store.append(typical());
        store.append(connection);
        store.append(typical());
        QCOMPARE(store.size(), 3);
        compareFields(store, 0, typical());
        compareFields(store, 1, connection);
        compareFields(store, 2, typical());
    }

    // Verbatim values are keyed by row and field: many odd rows never see each other's.
    void oddRowsTogether()
    {
        QList<OAuthConnection> rows;
        ConnectionStore store;
        for (int i = 0; i < 3000; ++i) {
            OAuthConnection c = typical();
            const int kind = i % 6;
            if (kind == 1)
                c.id = u"connection_X"_s + QString::number(i);
            if (kind == 2)
                c.createdAt = u"2020-01-31T23:59:%1.5Z"_s.arg(i % 60, 2, 10, QLatin1Char('0'));
            if (kind == 3)
                c.status = u"status_"_s + QString::number(i);
            if (kind == 4)
                c.deletedAt = u"2021-02-01T00:00:00+0%1:00"_s.arg(i % 10);
            if (kind == 5)
                c.groupId = u"group_"_s + QString::number(i);
            c.oauthApplicationId = u"application_"_s + QString::number(i % 7);
            rows.append(c);
            store.append(c);
        }
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(store.at(i), rows.at(i));
    }

    void seconds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("utc") << u"2020-01-31T23:59:59Z"_s << true << qint64(1580515199);
        QTest::newRow("fraction truncated")
            << u"2020-01-31T23:59:59.999Z"_s << true << qint64(1580515199);
        QTest::newRow("offset") << u"2020-02-01T00:59:59+01:00"_s << true << qint64(1580515199);
        QTest::newRow("before 1970") << u"1969-12-31T23:59:59Z"_s << true << qint64(-1);
        QTest::newRow("no offset") << u"2020-01-31T23:59:59"_s << false << qint64(0);
        QTest::newRow("garbage") << u"yesterday"_s << false << qint64(0);
    }
    void seconds()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, expected);
        ConnectionStore store;
        OAuthConnection c = typical();
        c.createdAt = text;
        c.deletedAt = text;
        store.append(c);
        QCOMPARE(store.createdAtSeconds(0).has_value(), valid);
        QCOMPARE(store.deletedAtSeconds(0).has_value(), valid);
        if (valid) {
            QCOMPARE(*store.createdAtSeconds(0), expected);
            QCOMPARE(*store.deletedAtSeconds(0), expected);
        }
        store.append(typical());
        QVERIFY(!store.deletedAtSeconds(1));
    }

    // The hand-written calendar agrees with QDateTime over years 0001-9999.
    void timestampCodecAgreesWithQDateTime()
    {
        QRandomGenerator rng(20240229);
        const qint64 first = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        const qint64 last =
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch();
        for (int i = 0; i < 20000; ++i) {
            const qint64 seconds = first + qint64(rng.bounded(quint64(last - first + 1)));
            const QString text = CompactField::unpackTimestamp(seconds);
            QCOMPARE(text, QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate));
            QCOMPARE(CompactField::packTimestamp(text), std::optional<qint64>(seconds));
        }
    }

    // Sorting compares ids and group ids as the strings compare, compact or not, in both
    // directions, and rows that tie keep the API order.
    void sortOrdersLikeStrings_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("compact") << QStringList{
            u"connection_zzzzzzzzzzzzzzzzzzzz"_s, u"connection_00000000000000000000"_s,
            u"connection_aaaaaaaaaaaaaaaaaaa9"_s, u"connection_aaaaaaaaaaa9aaaaaaaa"_s,
            u"connection_aaaaaaaaaaaaaaaaaaaa"_s, u"connection_9zzzzzzzzzzzzzzzzzzz"_s};
        QTest::newRow("mixed") << QStringList{
            u"connection_zzzzzzzzzzzzzzzzzzzz"_s,  u"connection_B"_s,
            u"connection_aaaaaaaaaaaaaaaaaaaa"_s,  u"zzz"_s,
            u"connection_aaaaaaaaaaaaaaaaaaaaa"_s, QString()};
    }
    void sortOrdersLikeStrings()
    {
        QFETCH(QStringList, ids);
        ConnectionStore store;
        for (int i = 0; i < ids.size(); ++i) {
            OAuthConnection c = typical();
            c.id = ids.at(i);
            c.groupId = i % 2 ? u"group_aaaaaaaaaaaaaaaaaaaa"_s : u"group_bbbbbbbbbbbbbbbbbbbb"_s;
            store.append(c);
        }
        const auto names = [](const QString &id) {
            return id;
        };
        QList<int> expected(ids.size());
        std::iota(expected.begin(), expected.end(), 0);
        std::stable_sort(expected.begin(), expected.end(),
                         [&](int a, int b) { return ids.at(a) < ids.at(b); });
        QCOMPARE(
            ConnectionSort::permutation(store, ConnectionSort::Key::Id, Qt::AscendingOrder, names),
            expected);
        std::reverse(expected.begin(), expected.end());
        QCOMPARE(
            ConnectionSort::permutation(store, ConnectionSort::Key::Id, Qt::DescendingOrder, names),
            expected);

        // Equal group ids: the API order (store order) in both directions.
        const QList<int> groups = ConnectionSort::permutation(store, ConnectionSort::Key::GroupId,
                                                              Qt::DescendingOrder, names);
        QList<int> odd;
        QList<int> even;
        for (int i = 0; i < ids.size(); ++i)
            (i % 2 ? odd : even).append(i);
        QCOMPARE(groups, even + odd);
    }

    void clearEmpties()
    {
        ConnectionStore store;
        for (int i = 0; i < 2000; ++i)
            store.append(typical());
        QVERIFY(store.bytesUsed() > 0);
        store.clear();
        QCOMPARE(store.size(), 0);
        QCOMPARE(store.bytesUsed(), 0);
        OAuthConnection odd = typical();
        odd.status = u"revoked"_s;
        store.append(odd);
        QCOMPARE(store.at(0), odd);
    }

    // Every row the local sandbox serves, both statuses, re-rendered field by field.
    void wholeSandboxDatasetRoundTrips()
    {
        LocalSandbox sandbox;
        QVERIFY(sandbox.isListening());
        const QList<OAuthConnection> rows =
            sandbox.listAll({{u"active"_s, u"inactive"_s}, QString()});
        QCOMPARE(rows.size(), 2500);
        ConnectionStore store;
        for (const OAuthConnection &c : rows)
            store.append(c);
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(store.at(i), rows.at(i));
    }

    void bytesPerRowAt100000Rows()
    {
        SandboxOptions options;
        options.connections = 100000;
        LocalSandbox sandbox(options);
        QVERIFY(sandbox.isListening());
        const QList<OAuthConnection> rows =
            sandbox.listAll({{u"active"_s, u"inactive"_s}, QString()});
        QCOMPARE(rows.size(), 100000);
        ConnectionStore store;
        for (const OAuthConnection &c : rows)
            store.append(c);
        for (int i = 0; i < rows.size(); ++i) {
            if (store.at(i) != rows.at(i))
                QFAIL(qPrintable(u"row %1 (%2) does not round-trip"_s.arg(i).arg(rows.at(i).id)));
        }
        const double perRow = double(store.bytesUsed()) / double(store.size());
        qInfo("ConnectionStore: %lld rows, %lld bytes, %.1f bytes/row", qint64(store.size()),
              qint64(store.bytesUsed()), perRow);
        QVERIFY(perRow <= 200);
    }
};

QTEST_GUILESS_MAIN(TestConnectionStore)
#include "tst_connectionstore.moc"
