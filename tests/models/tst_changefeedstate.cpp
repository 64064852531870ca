// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Where a watch stands, as its state file keeps it: the JSON round-trips exactly (same
// state, same bytes), the overlap forgets only what the next poll cannot list again, and
// anything this build did not write is refused with a reason rather than read as "now".
#include "changefeedstate.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC();
}

} // namespace

class TestChangeFeedState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsExactly()
    {
        ChangeFeedState state = ChangeFeedState::startingAt(utc(u"2025-06-30T12:00:00.250Z"_s));
        state.remember(u"event_b"_s, utc(u"2025-06-30T12:00:30Z"_s), 60);
        state.remember(u"event_a"_s, utc(u"2025-06-30T12:00:45.5Z"_s), 60);
        const QByteArray json = state.toJson();
        QString error;
        const std::optional<ChangeFeedState> read = ChangeFeedState::fromJson(json, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(*read, state);
        QCOMPARE(read->toJson(), json); // ids sorted: the same state is the same bytes
        QVERIFY(read->hasSeen(u"event_a"_s));
        QCOMPARE(read->newest, utc(u"2025-06-30T12:00:45.500Z"_s));
    }

    void overlapForgetsOnlyWhatCannotComeBack()
    {
        ChangeFeedState state = ChangeFeedState::startingAt(utc(u"2025-06-30T12:00:00Z"_s));
        state.remember(u"event_old"_s, utc(u"2025-06-30T12:00:10Z"_s), 60);
        state.remember(u"event_edge"_s, utc(u"2025-06-30T12:01:10Z"_s), 60);
        // The newest is 12:01:10: the next poll lists from 12:00:10, so both stay.
        QCOMPARE(state.listFrom(60), utc(u"2025-06-30T12:00:10Z"_s));
        QVERIFY(state.hasSeen(u"event_old"_s) && state.hasSeen(u"event_edge"_s));
        // One second later the oldest can no longer be listed again: forgotten.
        state.remember(u"event_new"_s, utc(u"2025-06-30T12:01:11Z"_s), 60);
        QVERIFY(!state.hasSeen(u"event_old"_s));
        QVERIFY(state.hasSeen(u"event_edge"_s) && state.hasSeen(u"event_new"_s));
        // An event older than the newest (visible late) never moves the state back.
        state.remember(u"event_late"_s, utc(u"2025-06-30T12:00:50Z"_s), 60);
        QCOMPARE(state.newest, utc(u"2025-06-30T12:01:11Z"_s));
    }

    void refusesWhatItDidNotWrite_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        const QByteArray good =
            ChangeFeedState::startingAt(utc(u"2025-06-30T12:00:00Z"_s)).toJson();
        QTest::newRow("empty") << QByteArray() << u"not JSON"_s;
        QTest::newRow("cut off") << good.left(good.size() / 2) << u"not JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << u"not a JSON object"_s;
        QTest::newRow("another file")
            << QByteArray(R"({"since":"2025-06-30T12:00:00Z"})") << u"not a watch state file"_s;
        QTest::newRow("future version")
            << QByteArray(good).replace("\"version\": 1", "\"version\": 2") << u"version 2"_s;
        QTest::newRow("local time")
            << QByteArray(good).replace("12:00:00.000Z", "12:00:00.000") << u"since/newest"_s;
        QTest::newRow("newest before since")
            << QByteArray(R"({"format":"increase-connections watch state","version":1,)"
                          R"("since":"2025-06-30T12:00:00Z",)"
                          R"("newest_event_created_at":"2025-06-30T11:00:00Z",)"
                          R"("recent_events":[]})")
            << u"in order"_s;
        QTest::newRow("entry without id")
            << QByteArray(R"({"format":"increase-connections watch state","version":1,)"
                          R"("since":"2025-06-30T12:00:00Z",)"
                          R"("newest_event_created_at":"2025-06-30T12:00:00Z",)"
                          R"("recent_events":[{"created_at":"2025-06-30T12:00:00Z"}]})")
            << u"no id or created_at"_s;
    }

    void refusesWhatItDidNotWrite()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString error;
        QCOMPARE(ChangeFeedState::fromJson(json, &error), std::nullopt);
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestChangeFeedState)
#include "tst_changefeedstate.moc"
