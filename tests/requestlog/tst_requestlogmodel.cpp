// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The request log model: a ring of the last N exchanges with correct model signals, its
// columns and roles, capacity changes, and what an append costs (printed, not asserted).
#include "curlcommand.h"
#include "harwriter.h"
#include "requestlogfiltermodel.h"
#include "requestlogfixtures.h"
#include "requestlogmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <memory>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;
using RequestLogFixtures::entry;
using Tester = QAbstractItemModelTester;

namespace {

constexpr Tester::FailureReportingMode kReport = Tester::FailureReportingMode::QtTest;

// The fixture's number, read back from the cursor in its URL.
int numberAt(const RequestLogModel &model, int row)
{
    const QString cursor = QUrlQuery(model.entry(row).url).queryItemValue(u"cursor"_s);
    return cursor.mid(1).toInt();
}

QList<int> numbers(const RequestLogModel &model)
{
    QList<int> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(numberAt(model, row));
    return out;
}

// Heap in use, small blocks and mmapped ones; -1 where glibc's counters are missing.
qint64 heapInUse()
{
#if defined(__GLIBC__)
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#else
    return -1;
#endif
}

// An entry like a real list page: the sandbox's response headers and a body of `bodySize`
// bytes of its own (not shared with any other entry).
RequestLogEntry pageEntry(int number, int bodySize)
{
    RequestLogEntry e = entry(number);
    e.responseHeaders = {{"Content-Type", "application/json"},
                         {"Content-Length", QByteArray::number(bodySize)},
                         {"Date", "Thu, 02 Jan 2025 03:04:05 GMT"},
                         {"Connection", "keep-alive"}};
    e.responseBody = QByteArray(bodySize, 'x');
    e.bytesReceived = bodySize;
    return e;
}

// The request of the one entry in a HAR of `entries`.
QJsonObject harRequest(const QList<RequestLogEntry> &entries)
{
    const QJsonObject har = QJsonDocument::fromJson(HarWriter::toHar(entries, u"0"_s)).object();
    const QJsonArray written = har.value(u"log"_s).toObject().value(u"entries"_s).toArray();
    return written.size() == 1 ? written.at(0).toObject().value(u"request"_s).toObject()
                               : QJsonObject();
}

} // namespace

class TestRequestLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void ringKeepsTheNewestEntries_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("appends");
        QTest::addColumn<int>("testedAppends"); // the last ones, under the model tester
        // The tester re-checks every index on each signal: all of a small ring's life...
        QTest::newRow("50 of 120") << 50 << 120 << 120;
        // ...and the default ring's last appends, once it has wrapped round twice.
        QTest::newRow("5,000 of 12,000") << 5000 << 12000 << 3;
    }

    void ringKeepsTheNewestEntries()
    {
        QFETCH(int, capacity);
        QFETCH(int, appends);
        QFETCH(int, testedAppends);
        // Given a log of `capacity` entries
        RequestLogModel model;
        if (capacity != RequestLogModel::kDefaultCapacity)
            model.setCapacity(capacity);
        QCOMPARE(model.capacity(), capacity);
        QSignalSpy aboutToRemove(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // When more exchanges arrive than it holds
        std::unique_ptr<Tester> tester;
        for (int i = 0; i < appends; ++i) {
            if (i == appends - testedAppends)
                tester = std::make_unique<Tester>(&model, kReport);
            model.append(entry(i));
        }

        // Then the newest are kept, oldest first, and every drop was signalled as row 0
        const int dropped = appends - capacity;
        QCOMPARE(model.rowCount(), capacity);
        QCOMPARE(model.droppedCount(), dropped);
        const QList<int> kept = numbers(model);
        for (int row = 0; row < kept.size(); ++row)
            QCOMPARE(kept.at(row), dropped + row);
        QCOMPARE(model.entries().size(), capacity);
        QCOMPARE(model.entries().first().url, entry(dropped).url);

        QCOMPARE(inserted.size(), appends);
        QCOMPARE(aboutToInsert.size(), appends);
        QCOMPARE(removed.size(), dropped);
        QCOMPARE(aboutToRemove.size(), dropped);
        QCOMPARE(reset.size(), 0);
        for (const auto &args : std::as_const(removed)) {
            QVERIFY(!args.at(0).toModelIndex().isValid());
            QCOMPARE(args.at(1).toInt(), 0);
            QCOMPARE(args.at(2).toInt(), 0);
        }
        for (int i = 0; i < inserted.size(); ++i) {
            const int row = std::min(i, capacity - 1);
            QVERIFY(!inserted.at(i).at(0).toModelIndex().isValid());
            QCOMPARE(inserted.at(i).at(1).toInt(), row);
            QCOMPARE(inserted.at(i).at(2).toInt(), row);
        }
    }

    void columnsShowTheExchange()
    {
        RequestLogModel model;
        Tester tester(&model, kReport);
        RequestLogEntry ok = entry(41);
        ok.url = QUrl::fromEncoded("http://127.0.0.1:4010/oauth_connections?limit=100"
                                   "&cursor=a%20b%C3%BC%0Ac&status.in=active,inactive");
        ok.latencyMs = 1234;
        ok.attempt = 2;
        RequestLogEntry none = entry(42, 0, u"network_error"_s);
        none.bytesReceived = 0;
        none.responseBody.clear();
        model.append(ok);
        model.append(none);

        QCOMPARE(model.columnCount(), 8);
        const QStringList headers{u"Time"_s,       u"Method"_s,  u"Path and query"_s, u"Status"_s,
                                  u"Error type"_s, u"Attempt"_s, u"Latency"_s,        u"Size"_s};
        for (int column = 0; column < headers.size(); ++column)
            QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), headers.at(column));

        const auto text = [&model](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, RequestLogModel::TimeColumn),
                 ok.startedAt.toLocalTime().toString(u"HH:mm:ss.zzz"_s));
        QCOMPARE(text(0, RequestLogModel::MethodColumn), u"GET"_s);
        // Decoded for reading; a newline stays encoded so the row stays one line.
        QCOMPARE(text(0, RequestLogModel::TargetColumn),
                 u"/oauth_connections?limit=100&cursor=a bü%0Ac&status.in=active,inactive"_s);
        QCOMPARE(text(0, RequestLogModel::StatusColumn), u"200"_s);
        QCOMPARE(text(0, RequestLogModel::ErrorTypeColumn), QString());
        QCOMPARE(text(0, RequestLogModel::AttemptColumn), u"2"_s);
        QCOMPARE(text(0, RequestLogModel::LatencyColumn), u"1,234"_s);
        QCOMPARE(text(0, RequestLogModel::SizeColumn), u"1.5 KiB"_s);
        QCOMPARE(model.index(0, RequestLogModel::SizeColumn).data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(model.index(0, RequestLogModel::LatencyColumn)
                     .data(RequestLogModel::SortRole)
                     .toLongLong(),
                 1234);
        QCOMPARE(model.index(0, RequestLogModel::TargetColumn).data(Qt::ToolTipRole).toString(),
                 QString::fromLatin1(ok.url.toEncoded()));

        QCOMPARE(text(1, RequestLogModel::StatusColumn), u"— network_error"_s);
        QCOMPARE(text(1, RequestLogModel::ErrorTypeColumn), u"network_error"_s);
        // The error type may be cut in its column: its tooltip holds it whole.
        QCOMPARE(model.index(1, RequestLogModel::ErrorTypeColumn).data(Qt::ToolTipRole).toString(),
                 u"network_error"_s);
        QCOMPARE(model.index(1, RequestLogModel::StatusColumn).data(Qt::ToolTipRole).toString(),
                 QString::fromLatin1(none.url.toEncoded()));
        QCOMPARE(text(1, RequestLogModel::SizeColumn), u"0 bytes"_s);

        const QModelIndex first = model.index(0, 0);
        const QModelIndex second = model.index(1, 3);
        QCOMPARE(first.data(RequestLogModel::IsFailureRole).toBool(), false);
        QCOMPARE(first.data(RequestLogModel::StatusClassRole).toInt(), 2);
        QCOMPARE(second.data(RequestLogModel::IsFailureRole).toBool(), true);
        QCOMPARE(second.data(RequestLogModel::StatusClassRole).toInt(), 0);
        const auto stored = second.data(RequestLogModel::EntryRole).value<RequestLogEntry>();
        QCOMPARE(stored.url, none.url);
        QCOMPARE(stored.errorType, none.errorType);
    }

    // The headers are short so that the columns beside the path stay narrow; what they
    // leave out (the unit, what the value means) is in their tooltips.
    void headersAreShortAndExplained_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("inToolTip");
        QTest::newRow("time") << int(RequestLogModel::TimeColumn) << u"local time"_s;
        QTest::newRow("method") << int(RequestLogModel::MethodColumn) << u"HTTP method"_s;
        QTest::newRow("target") << int(RequestLogModel::TargetColumn) << u"as it was sent"_s;
        QTest::newRow("status") << int(RequestLogModel::StatusColumn) << u"HTTP status"_s;
        QTest::newRow("error type") << int(RequestLogModel::ErrorTypeColumn) << u"Increase"_s;
        QTest::newRow("attempt") << int(RequestLogModel::AttemptColumn) << u"retries"_s;
        QTest::newRow("latency") << int(RequestLogModel::LatencyColumn) << u"milliseconds"_s;
        QTest::newRow("size") << int(RequestLogModel::SizeColumn) << u"response body"_s;
    }

    void headersAreShortAndExplained()
    {
        QFETCH(int, column);
        QFETCH(QString, inToolTip);
        const RequestLogModel model;
        const QString title = model.headerData(column, Qt::Horizontal).toString();
        const QString tip = model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(!title.contains(u'('), qPrintable(title)); // no unit in the title
        if (column != RequestLogModel::TargetColumn)
            QVERIFY2(title.size() <= 10, qPrintable(title));
        QVERIFY2(tip.contains(inToolTip), qPrintable(tip));
        QVERIFY(!model.headerData(column, Qt::Vertical, Qt::ToolTipRole).isValid());
    }

    // The path and query read decoded; the tooltip, "Copy as curl" and the HAR keep the URL
    // as it was sent.
    void targetIsDecodedForReading_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<QString>("shown");
        const QByteArray origin = "http://127.0.0.1:4010";
        QTest::newRow("comma") << origin + "/oauth_connections?status.in=active%2Cdeleted"
                               << u"/oauth_connections?status.in=active,deleted"_s;
        QTest::newRow("colons")
            << origin + "/oauth_connections?created_at.after=2025-01-01T00%3A00%3A00Z"
            << u"/oauth_connections?created_at.after=2025-01-01T00:00:00Z"_s;
        QTest::newRow("space, utf-8, slash")
            << origin + "/oauth_connections?cursor=a%20b%C3%BC%2Fc%3D%3D&limit=10"
            << u"/oauth_connections?cursor=a bü/c==&limit=10"_s;
        QTest::newRow("path") << origin + "/oauth_connections/a%20b%3Ac"
                              << u"/oauth_connections/a b:c"_s;
        // Control characters stay encoded: a row is one line, and a tab or DEL is invisible.
        QTest::newRow("controls") << origin + "/oauth_connections?cursor=a%0Ab%09c%7Fd%0D"
                                  << u"/oauth_connections?cursor=a%0Ab%09c%7Fd%0D"_s;
        QTest::newRow("no query") << origin + "/oauth_applications" << u"/oauth_applications"_s;
    }

    void targetIsDecodedForReading()
    {
        QFETCH(QByteArray, sent);
        QFETCH(QString, shown);
        RequestLogModel model;
        RequestLogEntry e = entry(1);
        e.url = QUrl::fromEncoded(sent, QUrl::StrictMode);
        QVERIFY2(e.url.isValid(), sent.constData());
        QCOMPARE(e.url.toEncoded(), sent); // the fixture is a URL as the client sends it
        model.append(e);

        const QModelIndex target = model.index(0, RequestLogModel::TargetColumn);
        QCOMPARE(target.data().toString(), shown);
        QCOMPARE(target.data(RequestLogModel::SortRole).toString(), shown);
        QCOMPARE(target.data(Qt::ToolTipRole).toString(), QString::fromLatin1(sent));
        const QString curl = curlCommand(model.entry(0));
        QVERIFY2(curl.endsWith(u" '"_s + QString::fromLatin1(sent) + u'\''), qPrintable(curl));
        const QJsonObject request = harRequest(model.entries());
        QCOMPARE(request.value(u"url"_s).toString(), QString::fromLatin1(sent));
    }

    void failureAndStatusClass_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<bool>("failure");
        QTest::addColumn<int>("statusClass");
        QTest::newRow("200") << 200 << QString() << false << 2;
        QTest::newRow("200 cut body") << 200 << u"malformed_response_error"_s << true << 2;
        QTest::newRow("304") << 304 << QString() << false << 3;
        QTest::newRow("404") << 404 << u"object_not_found_error"_s << true << 4;
        QTest::newRow("429") << 429 << u"rate_limited_error"_s << true << 4;
        QTest::newRow("503") << 503 << u"internal_server_error"_s << true << 5;
        QTest::newRow("timeout") << 0 << u"timeout_error"_s << true << 0;
        QTest::newRow("cancelled") << 0 << u"cancelled"_s << false << 0;
    }

    void failureAndStatusClass()
    {
        QFETCH(int, status);
        QFETCH(QString, errorType);
        QFETCH(bool, failure);
        QFETCH(int, statusClass);
        const RequestLogEntry e = entry(1, status, errorType);
        QCOMPARE(RequestLogModel::isFailure(e), failure);
        QCOMPARE(RequestLogModel::statusClass(e), statusClass);
    }

    void capacityChangesKeepTheNewest()
    {
        RequestLogModel model;
        Tester tester(&model, kReport);
        model.setCapacity(5);
        for (int i = 0; i < 8; ++i) // wraps: the oldest slot is mid-buffer
            model.append(entry(i));
        QCOMPARE(numbers(model), (QList<int>{3, 4, 5, 6, 7}));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setCapacity(3);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(numbers(model), (QList<int>{5, 6, 7}));
        QCOMPARE(model.droppedCount(), 5);

        model.append(entry(8));
        model.setCapacity(6);
        for (int i = 9; i < 13; ++i)
            model.append(entry(i));
        QCOMPARE(numbers(model), (QList<int>{7, 8, 9, 10, 11, 12}));

        model.setCapacity(0); // at least one
        QCOMPARE(model.capacity(), 1);
        QCOMPARE(numbers(model), (QList<int>{12}));
        model.append(entry(13));
        QCOMPARE(numbers(model), (QList<int>{13}));
    }

    void bodyBudgetDropsTheOldest()
    {
        // Given a log of 10 rows that keeps at most 100 bytes of bodies (30 each here)
        RequestLogModel model;
        Tester tester(&model, kReport);
        model.setCapacity(10);
        model.setMaxBodyBytes(100);
        QCOMPARE(entry(0).responseBody.size(), 30);
        for (int i = 0; i < 5; ++i)
            model.append(entry(i));
        QCOMPARE(numbers(model), (QList<int>{2, 3, 4}));
        QCOMPARE(model.bodyBytes(), 90);
        QCOMPARE(model.droppedCount(), 2);

        // A body over the budget on its own leaves only itself
        RequestLogEntry big = entry(5);
        big.responseBody = QByteArray(250, 'x');
        model.append(big);
        QCOMPARE(numbers(model), (QList<int>{5}));
        QCOMPARE(model.bodyBytes(), 250);

        // Without a budget the ring grows again, from a slot mid-buffer, up to its capacity
        model.setMaxBodyBytes(0);
        for (int i = 6; i < 18; ++i)
            model.append(entry(i));
        QCOMPARE(numbers(model), (QList<int>{8, 9, 10, 11, 12, 13, 14, 15, 16, 17}));
        QCOMPARE(model.bodyBytes(), 300);

        // A new budget applies at once
        model.setMaxBodyBytes(60);
        QCOMPARE(numbers(model), (QList<int>{16, 17}));
        QCOMPARE(model.bodyBytes(), 60);
        model.clear();
        QCOMPARE(model.bodyBytes(), 0);
    }

    void clearEmptiesTheLog()
    {
        RequestLogModel model;
        Tester tester(&model, kReport);
        model.setCapacity(4);
        for (int i = 0; i < 6; ++i)
            model.append(entry(i));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedCount(), 0);
        QCOMPARE(model.capacity(), 4);
        model.append(entry(10));
        QCOMPARE(numbers(model), (QList<int>{10}));
        QCOMPARE(model.entries().size(), 1);
    }

    void appendCost()
    {
        constexpr int kAppends = 100000;
        const auto measure = [](RequestLogModel &model, const char *what) {
            QList<RequestLogEntry> entries;
            entries.reserve(kAppends);
            for (int i = 0; i < kAppends; ++i)
                entries.append(entry(i));
            for (int i = 0; i < model.capacity(); ++i) // full: every append also drops one
                model.append(entries.at(i));
            QElapsedTimer clock;
            clock.start();
            for (const RequestLogEntry &e : std::as_const(entries))
                model.append(e);
            const double nsPerAppend = double(clock.nsecsElapsed()) / kAppends;
            qInfo("append to a full log of %d (%s): %.0f ns per entry", model.capacity(), what,
                  nsPerAppend);
            QCOMPARE(model.rowCount(), model.capacity());
        };
        {
            RequestLogModel model;
            measure(model, "model alone");
        }
        {
            RequestLogModel model;
            RequestLogFilterModel proxy;
            proxy.setSourceModel(&model);
            measure(model, "with an unfiltered proxy");
        }
        {
            RequestLogModel model;
            RequestLogFilterModel proxy;
            proxy.setSourceModel(&model);
            proxy.setFailuresOnly(true);
            proxy.sort(RequestLogModel::LatencyColumn);
            measure(model, "with a filtering, sorting proxy");
        }
    }

    void memoryAtCapacity()
    {
        if (heapInUse() < 0)
            QSKIP("needs glibc's mallinfo2 to measure the heap");
        // Typical bodies: an error (~200 B), a 100-row page of the local sandbox (~24 KB).
        for (const int bodySize : {200, 24 * 1024}) {
            QList<RequestLogEntry> source;
            source.reserve(RequestLogModel::kDefaultCapacity);
            const qint64 before = heapInUse();
            for (int i = 0; i < RequestLogModel::kDefaultCapacity; ++i)
                source.append(pageEntry(i, bodySize));
            RequestLogModel model;
            for (const RequestLogEntry &e : std::as_const(source))
                model.append(e); // shares the entries' data, as with the client's signal
            source.clear();
            const qint64 perEntry = (heapInUse() - before) / model.rowCount();
            qInfo("memory at capacity (%d entries, %d-byte bodies): %lld bytes per entry, "
                  "%lld besides the body (the struct itself: %zu)",
                  model.rowCount(), bodySize, perEntry, perEntry - bodySize,
                  sizeof(RequestLogEntry));
            QCOMPARE(model.rowCount(), RequestLogModel::kDefaultCapacity);
        }
    }
};

QTEST_GUILESS_MAIN(TestRequestLogModel)
#include "tst_requestlogmodel.moc"
