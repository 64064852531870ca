// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// DuplicateFilter: exact for API-ordered listings with memory bounded by its window.
#include "duplicatefilter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Verdict = DuplicateFilter::Verdict;

namespace {

OAuthConnection row(const QString &createdAt, const QString &id)
{
    OAuthConnection c;
    c.id = id;
    c.createdAt = createdAt;
    return c;
}

} // namespace

class TestDuplicateFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void apiOrderIsNew()
    {
        DuplicateFilter filter(true);
        QCOMPARE(filter.check(row(u"2024-02-01T00:00:00Z"_s, u"connection_b"_s)), Verdict::New);
        // A tie on created_at: ids descending.
        QCOMPARE(filter.check(row(u"2024-02-01T00:00:00Z"_s, u"connection_a"_s)), Verdict::New);
        QCOMPARE(filter.check(row(u"2024-01-01T00:00:00Z"_s, u"connection_z"_s)), Verdict::New);
    }

    void repeatAcrossAPageBoundaryIsADuplicate()
    {
        DuplicateFilter filter(true, 200);
        for (int i = 0; i < 150; ++i)
            QCOMPARE(filter.check(row(u"2024-01-01T00:00:00Z"_s,
                                      u"connection_%1"_s.arg(999 - i, 3, 10, QChar(u'0')))),
                     Verdict::New);
        // The last row of one page comes back first on the next.
        QCOMPARE(filter.check(row(u"2024-01-01T00:00:00Z"_s, u"connection_850"_s)),
                 Verdict::Duplicate);
        QCOMPARE(filter.check(row(u"2024-01-01T00:00:00Z"_s, u"connection_849"_s)), Verdict::New);
    }

    void memoryIsBoundedByTheWindow()
    {
        DuplicateFilter filter(true, 10);
        for (int i = 0; i < 100; ++i)
            filter.check(row(u"2024-01-01T00:00:00Z"_s,
                             u"connection_%1"_s.arg(999 - i, 3, 10, QChar(u'0'))));
        // Beyond the window a repeat of an old row cannot be recognised, but it is not
        // silently dropped or taken for new: it is written and reported out of order.
        QCOMPARE(filter.check(row(u"2024-01-01T00:00:00Z"_s, u"connection_999"_s)),
                 Verdict::OutOfOrder);
        QCOMPARE(filter.check(row(u"2024-01-01T00:00:00Z"_s, u"connection_999"_s)),
                 Verdict::Duplicate);
    }

    void newerRowAfterOlderIsOutOfOrder()
    {
        DuplicateFilter filter(true);
        filter.check(row(u"2024-01-01T00:00:00Z"_s, u"connection_a"_s));
        QCOMPARE(filter.check(row(u"2024-03-01T00:00:00Z"_s, u"connection_b"_s)),
                 Verdict::OutOfOrder);
        // The order check goes on from the last row that was in order.
        QCOMPARE(filter.check(row(u"2023-12-01T00:00:00Z"_s, u"connection_c"_s)), Verdict::New);
    }

    void anyOrderRemembersEveryId()
    {
        DuplicateFilter filter(false, 2);
        QCOMPARE(filter.check(row(u"2024-01-01T00:00:00Z"_s, u"connection_a"_s)), Verdict::New);
        QCOMPARE(filter.check(row(u"2024-05-01T00:00:00Z"_s, u"connection_b"_s)), Verdict::New);
        for (int i = 0; i < 10; ++i)
            filter.check(row(u"2024-01-01T00:00:00Z"_s, u"connection_x%1"_s.arg(i)));
        QCOMPARE(filter.check(row(u"2024-01-01T00:00:00Z"_s, u"connection_a"_s)),
                 Verdict::Duplicate);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateFilter)
#include "tst_duplicatefilter.moc"
