// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The request log's filter: failures only, one status class, both; it follows the ring as
// entries arrive and old ones drop, and sorts numbers as numbers.
#include "requestlogfiltermodel.h"
#include "requestlogfixtures.h"
#include "requestlogmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using RequestLogFixtures::entry;
using Tester = QAbstractItemModelTester;

namespace {

constexpr Tester::FailureReportingMode kReport = Tester::FailureReportingMode::QtTest;

// Fixture numbers of the proxy's rows, in its order.
QList<int> numbers(const QAbstractItemModel &proxy)
{
    QList<int> out;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const auto e =
            proxy.index(row, 0).data(RequestLogModel::EntryRole).value<RequestLogEntry>();
        out.append(QUrlQuery(e.url).queryItemValue(u"cursor"_s).mid(1).toInt());
    }
    return out;
}

// 0: 200, 1: 500, 2: no response, 3: 429, 4: 200, 5: 404, 6: cancelled, 7: 200 cut body
void appendMix(RequestLogModel &model, int offset = 0)
{
    model.append(entry(offset + 0, 200));
    model.append(entry(offset + 1, 500, u"internal_server_error"_s));
    model.append(entry(offset + 2, 0, u"timeout_error"_s));
    model.append(entry(offset + 3, 429, u"rate_limited_error"_s));
    model.append(entry(offset + 4, 200));
    model.append(entry(offset + 5, 404, u"object_not_found_error"_s));
    model.append(entry(offset + 6, 0, u"cancelled"_s));
    model.append(entry(offset + 7, 200, u"malformed_response_error"_s));
}

} // namespace

class TestRequestLogFilterModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filtersByFailureAndStatusClass()
    {
        // Given a log with every kind of outcome behind the filter
        RequestLogModel model;
        RequestLogFilterModel proxy;
        proxy.setSourceModel(&model);
        Tester tester(&proxy, kReport);
        appendMix(model);
        QCOMPARE(proxy.rowCount(), 8);

        // When only failures are wanted, then cancelled requests and clean 2xx drop out
        proxy.setFailuresOnly(true);
        QVERIFY(proxy.failuresOnly());
        QCOMPARE(numbers(proxy), (QList<int>{1, 2, 3, 5, 7}));

        // When also 4xx only, then both conditions hold
        proxy.setStatusClass(4);
        QCOMPARE(proxy.statusClass(), 4);
        QCOMPARE(numbers(proxy), (QList<int>{3, 5}));

        // When no response is chosen (class 0), failures only
        proxy.setStatusClass(0);
        QCOMPARE(numbers(proxy), (QList<int>{2}));

        proxy.setFailuresOnly(false);
        QCOMPARE(numbers(proxy), (QList<int>{2, 6}));
        proxy.setStatusClass(2);
        QCOMPARE(numbers(proxy), (QList<int>{0, 4, 7}));
        proxy.setStatusClass(5);
        QCOMPARE(numbers(proxy), (QList<int>{1}));

        proxy.setStatusClass(RequestLogFilterModel::kAnyStatusClass);
        QCOMPARE(proxy.rowCount(), 8);
    }

    void followsTheRing()
    {
        RequestLogModel model;
        model.setCapacity(8);
        RequestLogFilterModel proxy;
        proxy.setSourceModel(&model);
        Tester tester(&proxy, kReport);
        proxy.setFailuresOnly(true);
        appendMix(model);
        QCOMPARE(numbers(proxy), (QList<int>{1, 2, 3, 5, 7}));

        // Half of a second mix pushes out the first half of the first
        model.append(entry(10, 200));
        model.append(entry(11, 500, u"internal_server_error"_s));
        model.append(entry(12, 0, u"timeout_error"_s));
        model.append(entry(13, 429, u"rate_limited_error"_s));
        QCOMPARE(numbers(proxy), (QList<int>{5, 7, 11, 12, 13}));

        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void sortsNumbersAsNumbers()
    {
        RequestLogModel model;
        RequestLogFilterModel proxy;
        proxy.setSourceModel(&model);
        Tester tester(&proxy, kReport);
        for (const int latency : {900, 80, 1000, 7}) {
            RequestLogEntry e = entry(latency);
            e.latencyMs = latency;
            model.append(e);
        }
        proxy.sort(RequestLogModel::LatencyColumn);
        QCOMPARE(numbers(proxy), (QList<int>{7, 80, 900, 1000}));
        proxy.sort(RequestLogModel::LatencyColumn, Qt::DescendingOrder);
        QCOMPARE(numbers(proxy), (QList<int>{1000, 900, 80, 7}));
    }
};

QTEST_GUILESS_MAIN(TestRequestLogFilterModel)
#include "tst_requestlogfiltermodel.moc"
