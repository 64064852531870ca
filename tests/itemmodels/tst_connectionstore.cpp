// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
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
#include <cstring>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

// A timestamp as the table shows it in UTC, when it parses (and names its offset).
QString shownInUtc(const QString &timestamp)
{
    const QDateTime parsed = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    return parsed.isValid() && parsed.timeSpec() != Qt::LocalTime
               ? parsed.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s)
               : QString();
}

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

    // contains() reads the compact rows, yet answers exactly as QString::contains over the
    // fields as sent, for every odd row above and needles cut from every part of them.
    void containsAgreesWithQString_data() { roundTrip_data(); }
    void containsAgreesWithQString()
    {
        QFETCH(OAuthConnection, connection);
        OAuthConnection deleted = typical();
        deleted.deletedAt = u"2021-02-01T00:00:00Z"_s;
        deleted.status = u"inactive"_s;
        ConnectionStore store;
        for (const OAuthConnection &c : {typical(), connection, deleted})
            store.append(c);

        QStringList needles{u"n_"_s,
                            u"_D"_s,
                            u"p_1"_s,
                            u"T2"_s,
                            u"9z"_s,
                            u"Z"_s,
                            u"t"_s,
                            u"-01-3"_s,
                            u":5"_s,
                            u"tive"_s,
                            u"INACT"_s,
                            u"é"_s,
                            u"É"_s,
                            u"☕"_s,
                            u"٢٠"_s,
                            u"K"_s /* Kelvin sign, folds to k */,
                            u"ſ"_s /* long s, folds to s */,
                            u"connection_connection"_s};
        const std::optional<QString> deletedAt = connection.deletedAt;
        for (const QString &field :
             {connection.id, connection.status, connection.groupId, connection.createdAt,
              deletedAt.value_or(QString()), shownInUtc(connection.createdAt),
              shownInUtc(deletedAt.value_or(QString()))}) {
            needles << field << field.toUpper();
            for (int size = 1; size <= 8; ++size) {
                for (int at = 0; at + size <= std::min<qsizetype>(field.size(), 40); ++at)
                    needles << field.mid(at, size) << field.mid(at, size).toUpper();
            }
        }
        for (const QString &needle : std::as_const(needles)) {
            if (needle.isEmpty())
                continue;
            const ConnectionStore::Needle prepared = store.needle(
                needle, [](const QString &) { return false; }, true);
            for (int row = 0; row < store.size(); ++row) {
                const OAuthConnection c = store.at(row);
                const auto has = [&needle](const QString &text) {
                    return text.contains(needle, Qt::CaseInsensitive);
                };
                const bool expected = has(c.id) || has(c.status) || has(c.groupId) ||
                                      has(c.createdAt) || (c.deletedAt && has(*c.deletedAt)) ||
                                      has(shownInUtc(c.createdAt)) ||
                                      (c.deletedAt && has(shownInUtc(*c.deletedAt)));
                QVERIFY2(store.contains(row, prepared) == expected,
                         qPrintable(u"row %1, needle '%2'"_s.arg(row).arg(needle)));
            }
        }
    }

    // Applications match through the caller's answer, asked once per distinct id.
    void containsAsksOncePerApplication()
    {
        ConnectionStore store;
        for (const QString &application :
             {u"application_a"_s, u"application_b"_s, u"application_a"_s, u"application_c"_s}) {
            OAuthConnection c = typical();
            c.oauthApplicationId = application;
            store.append(c);
        }
        QStringList asked;
        const ConnectionStore::Needle needle = store.needle(
            u"Payroll"_s,
            [&asked](const QString &id) {
                asked << id;
                return id == u"application_b"_s;
            },
            true);
        QCOMPARE(asked, (QStringList{u"application_a"_s, u"application_b"_s, u"application_c"_s}));
        QCOMPARE(store.contains(0, needle), false);
        QCOMPARE(store.contains(1, needle), true);
        QCOMPARE(store.contains(2, needle), false);
        QCOMPARE(store.contains(3, needle), false);
    }

    // The packed searches agree with QString::contains on random ids and timestamps, the
    // timestamps in runs of a day and jumping between years (the rendered-date cache).
    void packedSearchesAgreeWithQString()
    {
        QRandomGenerator rng(20250630);
        const auto randomText = [&rng](const char *alphabet, int size) {
            const int letters = int(std::strlen(alphabet));
            QByteArray text;
            for (int i = 0; i < size; ++i)
                text += alphabet[rng.bounded(letters)];
            return text;
        };
        const auto cut = [&rng](const QString &text) {
            const int at = int(rng.bounded(int(text.size())));
            const int size = 1 + int(rng.bounded(int(text.size() - at)));
            QString piece = text.mid(at, size);
            return rng.bounded(2) ? piece.toUpper() : piece;
        };

        QList<qint64> times;
        qint64 t = QDateTime(QDate(2022, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        for (int i = 0; i < 3000; ++i) {
            t += rng.bounded(4) ? qint64(rng.bounded(7200)) : -qint64(rng.bounded(86400 * 400));
            times << (rng.bounded(20) ? t : qint64(rng.bounded(253402300799LL)));
        }
        QStringList timeNeedles{u"T"_s, u"z"_s, u"0"_s, u"-"_s, u":"_s, u"t00:"_s};
        for (int i = 0; i < 60; ++i)
            timeNeedles << cut(CompactField::unpackTimestamp(times.at(int(rng.bounded(3000)))))
                        << QString::fromLatin1(randomText("0123456789", 1 + int(rng.bounded(3))));
        for (const QString &needle : std::as_const(timeNeedles)) {
            const CompactField::PackedTimestampSearch search(needle.toLower().toLatin1());
            for (const qint64 seconds : std::as_const(times)) {
                const QString text = CompactField::unpackTimestamp(seconds);
                QVERIFY2(search.foundIn(seconds) == text.contains(needle, Qt::CaseInsensitive),
                         qPrintable(u"'%1' in %2"_s.arg(needle, text)));
            }
        }

        QList<QByteArray> ids;
        for (int i = 0; i < 300; ++i)
            ids << randomText("abcdefghijklmnopqrstuvwxyz0123456789", CompactField::kIdLength);
        QStringList idNeedles{u"_"_s, u"n_"_s, u"connection_"_s, u"ection_a"_s, u"_0"_s};
        for (int i = 0; i < 60; ++i)
            idNeedles << cut(u"connection_"_s + QString::fromLatin1(ids.at(int(rng.bounded(300)))))
                      << QString::fromLatin1(randomText("n_o0a", 1 + int(rng.bounded(3))));
        for (const QString &needle : std::as_const(idNeedles)) {
            const CompactField::PackedIdSearch search(QLatin1StringView("connection_"),
                                                      needle.toLower().toLatin1());
            for (const QByteArray &packed : std::as_const(ids)) {
                const QString text = u"connection_"_s + QString::fromLatin1(packed);
                QVERIFY2(search.foundIn(packed.constData()) ==
                             text.contains(needle, Qt::CaseInsensitive),
                         qPrintable(u"'%1' in %2"_s.arg(needle, text)));
            }
        }
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
