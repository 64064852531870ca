// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Insights figures (Insights::Aggregator, snapshotOf) against a brute-force count
// over the sandbox's connections: every period's created and deactivated connections
// found by converting each row with QDateTime, and the active ones at each period's end
// counted directly from the definition (created_at <= t < deleted_at), by application,
// for days, weeks and months in UTC and in local time. ctest runs it in
// Australia/Adelaide (a half-hour offset with daylight saving); so does main() when TZ is
// not set.
#include "connectionfigures.h"
#include "connectionspans.h"
#include "connectiontablemodel.h"
#include "localsandbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QTest>
#include <QTimeZone>
#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Insights;

Q_DECLARE_METATYPE(Insights::Period)
Q_DECLARE_METATYPE(Insights::Zone)

namespace {

qint64 utc(const char *iso)
{
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(at.isValid());
    return at.toSecsSinceEpoch();
}

OAuthConnection connection(const QString &id, const QString &createdAt,
                           std::optional<QString> deletedAt = std::nullopt,
                           const QString &application = u"application_one"_s)
{
    OAuthConnection c;
    c.id = id;
    c.createdAt = createdAt;
    c.deletedAt = deletedAt;
    c.groupId = u"group_aaaaaaaaaaaaaaaaaaaa"_s;
    c.oauthApplicationId = application;
    c.status = deletedAt ? u"inactive"_s : u"active"_s;
    c.type = u"oauth_connection"_s;
    return c;
}

Figures aggregate(const QList<OAuthConnection> &rows, const Options &options)
{
    Aggregator aggregator(options);
    for (const OAuthConnection &row : rows)
        aggregator.add(row);
    return aggregator.result();
}

// --- The reference: QDateTime for every row, every period and every instant. ---

std::optional<qint64> referenceSeconds(const QString &text)
{
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return qint64(std::floor(double(at.toMSecsSinceEpoch()) / 1000.0));
}

QDate dateIn(qint64 unixSeconds, Zone zone)
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC);
    return zone == Zone::Utc ? at.date() : at.toLocalTime().date();
}

QDate firstDay(QDate day, Period period)
{
    switch (period) {
    case Period::Day:
        return day;
    case Period::Week:
        while (day.dayOfWeek() != Qt::Monday)
            day = day.addDays(-1);
        return day;
    case Period::Month:
        return QDate(day.year(), day.month(), 1);
    }
    return day;
}

QDate following(QDate start, Period period)
{
    return period == Period::Day    ? start.addDays(1)
           : period == Period::Week ? start.addDays(7)
                                    : start.addMonths(1);
}

qint64 midnight(QDate day, Zone zone)
{
    return QDateTime(day, QTime(0, 0), zone == Zone::Utc ? Qt::UTC : Qt::LocalTime)
        .toSecsSinceEpoch();
}

Figures reference(const QList<OAuthConnection> &rows, const Options &options)
{
    struct Parsed
    {
        qint64 created;
        std::optional<qint64> deleted;
        QString application;
    };
    Figures figures;
    figures.rows = rows.size();
    figures.now = options.now;
    QMap<QString, ApplicationFigures> applications;
    QList<Parsed> readable;
    for (const OAuthConnection &row : rows) {
        ApplicationFigures &application = applications[row.oauthApplicationId];
        application.applicationId = row.oauthApplicationId;
        if (row.status == "active"_L1)
            ++application.active;
        else if (row.status == "inactive"_L1)
            ++application.inactive;
        else
            ++application.other;
        const std::optional<qint64> created = referenceSeconds(row.createdAt);
        const std::optional<qint64> deleted =
            row.deletedAt ? referenceSeconds(*row.deletedAt) : std::nullopt;
        if (!created || (row.deletedAt && !deleted)) {
            ++figures.unreadable;
            continue;
        }
        const auto inLast30Days = [&](qint64 at) {
            return at >= options.now - 30 * 86400 && at <= options.now;
        };
        application.createdLast30Days += inLast30Days(*created) ? 1 : 0;
        application.deactivatedLast30Days += deleted && inLast30Days(*deleted) ? 1 : 0;
        readable.append({*created, deleted, row.oauthApplicationId});
    }
    qint64 allActive = 0;
    for (const ApplicationFigures &application : std::as_const(applications))
        allActive += application.active;
    for (ApplicationFigures application : std::as_const(applications)) {
        application.shareOfActive = allActive ? double(application.active) / double(allActive) : 0;
        figures.applications.append(application);
    }
    std::stable_sort(figures.applications.begin(), figures.applications.end(),
                     [](const ApplicationFigures &a, const ApplicationFigures &b) {
                         return a.active > b.active;
                     });
    if (readable.isEmpty())
        return figures;

    QDate first = firstDay(dateIn(options.now, options.zone), options.period);
    QDate last = first;
    for (const Parsed &row : std::as_const(readable)) {
        for (const std::optional<qint64> &at : {std::optional<qint64>(row.created), row.deleted}) {
            if (at) {
                const QDate start = firstDay(dateIn(*at, options.zone), options.period);
                first = std::min(first, start);
                last = std::max(last, start);
            }
        }
    }
    for (QDate start = first; start <= last; start = following(start, options.period)) {
        PeriodFigures period;
        period.start = start;
        const qint64 begin = midnight(start, options.zone);
        const qint64 end = midnight(following(start, options.period), options.zone);
        for (const ApplicationFigures &application : std::as_const(figures.applications)) {
            qint64 created = 0;
            qint64 deactivated = 0;
            qint64 active = 0;
            const qint64 t = end - 1; // the period's last second
            for (const Parsed &row : std::as_const(readable)) {
                if (row.application != application.applicationId)
                    continue;
                created += row.created >= begin && row.created < end ? 1 : 0;
                deactivated += row.deleted && *row.deleted >= begin && *row.deleted < end ? 1 : 0;
                active += row.created <= t && (!row.deleted || t < *row.deleted) ? 1 : 0;
            }
            period.createdBy.append(created);
            period.deactivatedBy.append(deactivated);
            period.activeAtEndBy.append(active);
            period.created += created;
            period.deactivated += deactivated;
            period.activeAtEnd += active;
        }
        figures.periods.append(period);
    }
    return figures;
}

// Empty when equal, else the first difference.
QString difference(const Figures &actual, const Figures &expected)
{
    const auto number = [](qint64 a, qint64 e, const QString &what) {
        return a == e ? QString() : u"%1: %2, expected %3"_s.arg(what).arg(a).arg(e);
    };
    for (const QString &d :
         {number(actual.rows, expected.rows, u"rows"_s),
          number(actual.unreadable, expected.unreadable, u"unreadable"_s),
          number(actual.now, expected.now, u"now"_s),
          number(actual.applications.size(), expected.applications.size(), u"applications"_s),
          number(actual.periods.size(), expected.periods.size(), u"periods"_s)}) {
        if (!d.isEmpty())
            return d;
    }
    for (qsizetype i = 0; i < actual.applications.size(); ++i) {
        const ApplicationFigures &a = actual.applications.at(i);
        const ApplicationFigures &e = expected.applications.at(i);
        const QString where = u"application %1 (%2)"_s.arg(i).arg(e.applicationId);
        if (a.applicationId != e.applicationId)
            return where + u": is "_s + a.applicationId;
        for (const QString &d :
             {number(a.active, e.active, where + u" active"_s),
              number(a.inactive, e.inactive, where + u" inactive"_s),
              number(a.other, e.other, where + u" other"_s),
              number(a.createdLast30Days, e.createdLast30Days, where + u" created 30d"_s),
              number(a.deactivatedLast30Days, e.deactivatedLast30Days,
                     where + u" deactivated 30d"_s)}) {
            if (!d.isEmpty())
                return d;
        }
        if (a.shareOfActive != e.shareOfActive)
            return where + u": share %1, expected %2"_s.arg(a.shareOfActive).arg(e.shareOfActive);
    }
    for (qsizetype i = 0; i < actual.periods.size(); ++i) {
        const PeriodFigures &a = actual.periods.at(i);
        const PeriodFigures &e = expected.periods.at(i);
        const QString where = u"period %1"_s.arg(e.start.toString(Qt::ISODate));
        if (a.start != e.start)
            return where + u": starts "_s + a.start.toString(Qt::ISODate);
        for (const QString &d :
             {number(a.created, e.created, where + u" created"_s),
              number(a.deactivated, e.deactivated, where + u" deactivated"_s),
              number(a.activeAtEnd, e.activeAtEnd, where + u" active at end"_s)}) {
            if (!d.isEmpty())
                return d;
        }
        if (a.createdBy != e.createdBy || a.deactivatedBy != e.deactivatedBy ||
            a.activeAtEndBy != e.activeAtEndBy)
            return where + u": by application differs"_s;
    }
    return {};
}

#define COMPARE_FIGURES(actual, expected)                                                          \
    do {                                                                                           \
        const QString diff = difference(actual, expected);                                         \
        QVERIFY2(diff.isEmpty(), qPrintable(diff));                                                \
    } while (false)

bool inAdelaide()
{
    // +09:30 in winter, +10:30 in summer.
    return QDateTime(QDate(2024, 7, 1), QTime(12, 0), Qt::LocalTime).offsetFromUtc() == 34200 &&
           QDateTime(QDate(2024, 1, 1), QTime(12, 0), Qt::LocalTime).offsetFromUtc() == 37800;
}

// The one period starting on `start`, or a default one.
PeriodFigures periodAt(const Figures &figures, QDate start)
{
    for (const PeriodFigures &period : figures.periods) {
        if (period.start == start)
            return period;
    }
    return {};
}

} // namespace

class TestConnectionFigures : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalSandbox> m_sandbox;
    QList<OAuthConnection> m_everything;

private Q_SLOTS:
    void initTestCase()
    {
        SandboxOptions options;
        options.connections = 3000;
        options.applications = 8;
        m_sandbox = std::make_unique<LocalSandbox>(options);
        QVERIFY(m_sandbox->isListening());
        m_everything = m_sandbox->listAll({{u"active"_s, u"inactive"_s}, QString()});
        QCOMPARE(m_everything.size(), 3000);
    }

    // --- Against the brute force, over the sandbox's connections. ---

    void sandboxAgainstBruteForce_data()
    {
        QTest::addColumn<Period>("period");
        QTest::addColumn<Zone>("zone");
        QTest::addColumn<qint64>("now");
        // After the newest connection (the deleted application's deactivations are in the
        // last 30 days), and in the middle of the data (later periods still follow).
        const qint64 after = utc("2025-07-02T08:00:00Z");
        const qint64 middle = utc("2024-03-15T17:45:00Z");
        for (const auto &[periodName, period] :
             {std::pair{"day", Period::Day}, std::pair{"week", Period::Week},
              std::pair{"month", Period::Month}}) {
            for (const auto &[zoneName, zone] :
                 {std::pair{"utc", Zone::Utc}, std::pair{"local", Zone::Local}}) {
                QTest::addRow("%s %s after", periodName, zoneName) << period << zone << after;
                QTest::addRow("%s %s middle", periodName, zoneName) << period << zone << middle;
            }
        }
    }
    void sandboxAgainstBruteForce()
    {
        QFETCH(Period, period);
        QFETCH(Zone, zone);
        QFETCH(qint64, now);
        const Options options{period, zone, now};
        const Figures actual = aggregate(m_everything, options);
        const Figures expected = reference(m_everything, options);
        QCOMPARE(actual.applications.size(), 8);
        QVERIFY(actual.periods.size() > 1);
        COMPARE_FIGURES(actual, expected);
        // The periods follow each other without gaps, and the last active count is every
        // connection still active at its end.
        for (qsizetype i = 1; i < actual.periods.size(); ++i)
            QCOMPARE(actual.periods.at(i).start,
                     nextPeriodStart(actual.periods.at(i - 1).start, period));
        qint64 created = 0;
        qint64 deactivated = 0;
        for (const PeriodFigures &p : actual.periods) {
            created += p.created;
            deactivated += p.deactivated;
            QCOMPARE(p.activeAtEnd, created - deactivated);
        }
        QCOMPARE(created, 3000);
    }

    void spansAggregateAsConnections()
    {
        // The same rows as spans (the store's path) give the same figures.
        const Options options{Period::Week, Zone::Local, utc("2025-07-02T08:00:00Z")};
        std::vector<ConnectionSpan> spans;
        QStringList applications;
        for (const OAuthConnection &row : std::as_const(m_everything)) {
            ConnectionSpan span;
            span.setCreatedAt(referenceSeconds(row.createdAt));
            if (row.deletedAt)
                span.setDeletedAt(referenceSeconds(*row.deletedAt));
            qsizetype index = applications.indexOf(row.oauthApplicationId);
            if (index < 0) {
                index = applications.size();
                applications.append(row.oauthApplicationId);
            }
            span.application = quint32(index);
            span.status = row.status == "active"_L1 ? ConnectionSpan::Status::Active
                                                    : ConnectionSpan::Status::Inactive;
            spans.push_back(span);
        }
        applications.append(u"application_without_rows"_s); // named, never used: not shown
        Aggregator aggregator(options);
        aggregator.add(spans, applications);
        COMPARE_FIGURES(aggregator.result(), aggregate(m_everything, options));
    }

    // --- Boundaries, by hand. ---

    void boundariesAtCreatedAndDeleted()
    {
        const QList<OAuthConnection> rows{
            connection(u"a"_s, u"2024-05-10T00:00:00Z"_s, u"2024-05-12T00:00:00Z"_s),
            // Deleted the instant it was created: created and deactivated, never active.
            connection(u"b"_s, u"2024-05-11T12:00:00Z"_s, u"2024-05-11T12:00:00Z"_s),
            // Created in the last second of a day.
            connection(u"c"_s, u"2024-05-11T23:59:59Z"_s),
        };
        const Figures figures =
            aggregate(rows, {Period::Day, Zone::Utc, utc("2024-05-13T09:00:00Z")});
        COMPARE_FIGURES(figures,
                        reference(rows, {Period::Day, Zone::Utc, utc("2024-05-13T09:00:00Z")}));
        QCOMPARE(figures.periods.size(), 4); // the 10th to now's day, the 13th
        const auto check = [&](int i, const char *start, qint64 created, qint64 deactivated,
                               qint64 active) {
            const PeriodFigures &p = figures.periods.at(i);
            QCOMPARE(p.start, QDate::fromString(QString::fromLatin1(start), Qt::ISODate));
            QCOMPARE(p.created, created);
            QCOMPARE(p.deactivated, deactivated);
            QCOMPARE(p.activeAtEnd, active);
        };
        check(0, "2024-05-10", 1, 0, 1); // a, from its first second
        check(1, "2024-05-11", 2, 1, 2); // b came and went; c arrived
        check(2, "2024-05-12", 0, 1, 1); // a went at the day's first second
        check(3, "2024-05-13", 0, 0, 1);
    }

    void lastThirtyDaysIncludesBothEnds()
    {
        const qint64 now = utc("2024-06-30T12:00:00Z");
        const auto at = [](qint64 seconds) {
            return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
        };
        const qint64 from = now - 30 * 86400;
        const QList<OAuthConnection> rows{
            connection(u"before"_s, at(from - 1), at(from - 1)),
            connection(u"first"_s, at(from), at(from)),
            connection(u"last"_s, at(now), at(now)),
            connection(u"after"_s, at(now + 1), at(now + 1)),
        };
        const Figures figures = aggregate(rows, {Period::Day, Zone::Utc, now});
        QCOMPARE(figures.applications.size(), 1);
        QCOMPARE(figures.applications.first().createdLast30Days, 2);
        QCOMPARE(figures.applications.first().deactivatedLast30Days, 2);
        QCOMPARE(figures.applications.first().inactive, 4);
        // A timestamp after now still has its period: the periods run on to it.
        QCOMPARE(figures.periods.last().start, QDate(2024, 6, 30));
        COMPARE_FIGURES(figures, reference(rows, {Period::Day, Zone::Utc, now}));
    }

    void unreadableTimestamps()
    {
        OAuthConnection other = connection(u"d"_s, u"2024-05-10T09:30:00.750+09:30"_s);
        other.status = u"suspended"_s; // a status this build does not know
        const QList<OAuthConnection> rows{
            connection(u"a"_s, u"2024-05-10T08:00:00Z"_s),
            connection(u"b"_s, u"yesterday"_s),
            connection(u"c"_s, u"2024-05-09T08:00:00Z"_s, u"2024-13-01T00:00:00Z"_s),
            other,
        };
        const Options options{Period::Day, Zone::Utc, utc("2024-05-11T00:00:00Z")};
        const Figures figures = aggregate(rows, options);
        QCOMPARE(figures.rows, 4);
        QCOMPARE(figures.unreadable, 2);
        QCOMPARE(figures.applications.size(), 1);
        QCOMPARE(figures.applications.first().active, 2);
        QCOMPARE(figures.applications.first().inactive, 1);
        QCOMPARE(figures.applications.first().other, 1);
        QCOMPARE(figures.applications.first().createdLast30Days, 2);
        // Only a and d (at 00:00:00Z, its fraction dropped) are in the periods.
        QCOMPARE(figures.periods.size(), 2);
        QCOMPARE(figures.periods.at(0).start, QDate(2024, 5, 10));
        QCOMPARE(figures.periods.at(0).created, 2);
        QCOMPARE(figures.periods.at(1).activeAtEnd, 2);
        COMPARE_FIGURES(figures, reference(rows, options));

        // Only unreadable rows: applications, but no periods.
        const Figures none = aggregate({rows.at(1)}, options);
        QCOMPARE(none.rows, 1);
        QCOMPARE(none.unreadable, 1);
        QVERIFY(none.periods.isEmpty());
        QCOMPARE(none.applications.size(), 1);
    }

    void nothingAdded()
    {
        const Figures figures = Aggregator({Period::Week, Zone::Local, 1'700'000'000}).result();
        QCOMPARE(figures.rows, 0);
        QVERIFY(figures.applications.isEmpty());
        QVERIFY(figures.periods.isEmpty());
        QCOMPARE(figures.now, 1'700'000'000);
    }

    void applicationsByActiveThenId()
    {
        const QList<OAuthConnection> rows{
            connection(u"1"_s, u"2024-01-01T00:00:00Z"_s, std::nullopt, u"application_c"_s),
            connection(u"2"_s, u"2024-01-01T00:00:00Z"_s, std::nullopt, u"application_b"_s),
            connection(u"3"_s, u"2024-01-01T00:00:00Z"_s, std::nullopt, u"application_a"_s),
            connection(u"4"_s, u"2024-01-01T00:00:00Z"_s, std::nullopt, u"application_c"_s),
            connection(u"5"_s, u"2024-01-01T00:00:00Z"_s, u"2024-01-02T00:00:00Z"_s,
                       u"application_d"_s),
        };
        const Figures figures =
            aggregate(rows, {Period::Month, Zone::Utc, utc("2024-02-01T00:00:00Z")});
        QStringList order;
        for (const ApplicationFigures &application : figures.applications)
            order.append(application.applicationId);
        QCOMPARE(order, (QStringList{u"application_c"_s, u"application_a"_s, u"application_b"_s,
                                     u"application_d"_s}));
        QCOMPARE(figures.applications.first().shareOfActive, 0.5);
        QCOMPARE(figures.periods.first().activeAtEndBy, (QList<qint64>{2, 1, 1, 0}));
        QCOMPARE(figures.periods.first().deactivatedBy, (QList<qint64>{0, 0, 0, 1}));
    }

    // --- Zones, weeks and months. ---

    void monthBoundaries_data()
    {
        QTest::addColumn<Zone>("zone");
        QTest::addColumn<qint64>("lastOfFebruary");
        QTest::newRow("utc") << Zone::Utc << utc("2024-02-29T23:59:59Z");
        // Midnight of 1 March in Adelaide (summer time, +10:30).
        QTest::newRow("local") << Zone::Local << utc("2024-02-29T13:29:59Z");
    }
    void monthBoundaries()
    {
        QFETCH(Zone, zone);
        QFETCH(qint64, lastOfFebruary);
        if (zone == Zone::Local && !inAdelaide())
            QSKIP("needs TZ=Australia/Adelaide (ctest and main() set it)");
        const auto at = [](qint64 seconds) {
            return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
        };
        const QList<OAuthConnection> rows{
            connection(u"feb"_s, at(lastOfFebruary), at(lastOfFebruary + 1)),
            connection(u"mar"_s, at(lastOfFebruary + 1)),
        };
        const Options options{Period::Month, zone, utc("2024-04-15T00:00:00Z")};
        const Figures figures = aggregate(rows, options);
        COMPARE_FIGURES(figures, reference(rows, options));
        QCOMPARE(figures.periods.size(), 3);
        QCOMPARE(figures.periods.at(0).start, QDate(2024, 2, 1));
        QCOMPARE(figures.periods.at(0).created, 1);
        QCOMPARE(figures.periods.at(0).deactivated, 0);
        QCOMPARE(figures.periods.at(0).activeAtEnd, 1);
        QCOMPARE(figures.periods.at(1).start, QDate(2024, 3, 1));
        QCOMPARE(figures.periods.at(1).created, 1);
        QCOMPARE(figures.periods.at(1).deactivated, 1);
        QCOMPARE(figures.periods.at(1).activeAtEnd, 1);
        QCOMPARE(figures.periods.at(2).start, QDate(2024, 4, 1));
    }

    void daylightSavingWeeksAndDays()
    {
        if (!inAdelaide())
            QSKIP("needs TZ=Australia/Adelaide (ctest and main() set it)");
        // Summer time began on Sunday 6 October 2024 at 02:00 (+09:30 to +10:30): the week
        // from Monday 30 September began at 2024-09-29T14:30:00Z and ended at
        // 2024-10-06T13:30:00Z, an hour short; its Sunday had 23 hours.
        const QList<OAuthConnection> rows{
            connection(u"1"_s, u"2024-09-29T14:29:59Z"_s),
            connection(u"2"_s, u"2024-09-29T14:30:00Z"_s),
            connection(u"3"_s, u"2024-10-06T13:29:59Z"_s, u"2024-10-06T13:30:00Z"_s),
            connection(u"4"_s, u"2024-10-06T13:30:00Z"_s),
            // Summer time ended on Sunday 7 April 2024 at 03:00: that day had 25 hours,
            // from 2024-04-06T13:30:00Z to 2024-04-07T14:30:00Z.
            connection(u"5"_s, u"2024-04-06T13:29:59Z"_s),
            connection(u"6"_s, u"2024-04-06T13:30:00Z"_s),
            connection(u"7"_s, u"2024-04-07T14:29:59Z"_s),
            connection(u"8"_s, u"2024-04-07T14:30:00Z"_s),
        };
        const Options weeks{Period::Week, Zone::Local, utc("2024-10-20T00:00:00Z")};
        const Figures byWeek = aggregate(rows, weeks);
        COMPARE_FIGURES(byWeek, reference(rows, weeks));
        QCOMPARE(periodAt(byWeek, QDate(2024, 9, 23)).created, 1);
        QCOMPARE(periodAt(byWeek, QDate(2024, 9, 30)).created, 2);
        QCOMPARE(periodAt(byWeek, QDate(2024, 9, 30)).deactivated, 0);
        QCOMPARE(periodAt(byWeek, QDate(2024, 10, 7)).created, 1);
        QCOMPARE(periodAt(byWeek, QDate(2024, 10, 7)).deactivated, 1);
        QCOMPARE(periodAt(byWeek, QDate(2024, 4, 1)).created, 3); // 5 to 7: Sat 23:59:59 on
        QCOMPARE(periodAt(byWeek, QDate(2024, 4, 8)).created, 1); // 8: Monday's midnight

        const Options days{Period::Day, Zone::Local, utc("2024-10-20T00:00:00Z")};
        const Figures byDay = aggregate(rows, days);
        COMPARE_FIGURES(byDay, reference(rows, days));
        QCOMPARE(periodAt(byDay, QDate(2024, 4, 6)).created, 1);
        QCOMPARE(periodAt(byDay, QDate(2024, 4, 7)).created, 2);
        QCOMPARE(periodAt(byDay, QDate(2024, 4, 8)).created, 1);
        QCOMPARE(periodAt(byDay, QDate(2024, 10, 6)).created, 1);
        QCOMPARE(periodAt(byDay, QDate(2024, 10, 7)).created, 1);
        QCOMPARE(periodAt(byDay, QDate(2024, 10, 7)).deactivated, 1);

        // In UTC the same instants fall on the UTC dates.
        const Options utcWeeks{Period::Week, Zone::Utc, utc("2024-10-20T00:00:00Z")};
        const Figures inUtc = aggregate(rows, utcWeeks);
        COMPARE_FIGURES(inUtc, reference(rows, utcWeeks));
        QCOMPARE(periodAt(inUtc, QDate(2024, 9, 23)).created, 2);
        QCOMPARE(periodAt(inUtc, QDate(2024, 9, 30)).created, 2);
    }

    void periodStarts()
    {
        QCOMPARE(periodStart(QDate(2024, 2, 29), Period::Day), QDate(2024, 2, 29));
        QCOMPARE(periodStart(QDate(2024, 2, 29), Period::Week), QDate(2024, 2, 26));
        QCOMPARE(periodStart(QDate(2024, 3, 3), Period::Week), QDate(2024, 2, 26)); // a Sunday
        QCOMPARE(periodStart(QDate(2024, 2, 26), Period::Week), QDate(2024, 2, 26));
        QCOMPARE(periodStart(QDate(2024, 2, 29), Period::Month), QDate(2024, 2, 1));
        QCOMPARE(nextPeriodStart(QDate(2024, 2, 29), Period::Day), QDate(2024, 3, 1));
        QCOMPARE(nextPeriodStart(QDate(2024, 12, 30), Period::Week), QDate(2025, 1, 6));
        QCOMPARE(nextPeriodStart(QDate(2024, 12, 1), Period::Month), QDate(2025, 1, 1));
        QCOMPARE(nextPeriodStart(QDate(2024, 1, 31), Period::Month), QDate(2024, 2, 1));
        // The ISO week of 1 January 2021 (a Friday) began in 2020.
        QCOMPARE(periodStart(QDate(2021, 1, 1), Period::Week), QDate(2020, 12, 28));
    }

    // --- The window's path: the table's rows as spans. ---

    void snapshotEqualsListing()
    {
        ConnectionTableModel model(&m_sandbox->client());
        model.setQuery({{u"active"_s, u"inactive"_s}, QString()});
        model.loadAll();
        QVERIFY(waitUntil([&] { return !model.hasMore() && !model.isFetching(); }));
        QCOMPARE(model.rowCount(), m_everything.size());
        for (const Options &options :
             {Options{Period::Week, Zone::Utc, utc("2025-07-02T08:00:00Z")},
              Options{Period::Day, Zone::Local, utc("2024-03-15T17:45:00Z")},
              Options{Period::Month, Zone::Local, utc("2025-07-02T08:00:00Z")}}) {
            const SpanSnapshot snapshot = snapshotOf(model);
            QCOMPARE(qsizetype(snapshot.spans.size()), m_everything.size());
            Aggregator aggregator(options);
            aggregator.add(snapshot.spans, snapshot.applications);
            COMPARE_FIGURES(aggregator.result(), aggregate(m_everything, options));
        }
        // Sorted, the same rows in another order: the same figures, also into a snapshot
        // kept from before (its memory reused, its old spans gone).
        SpanSnapshot kept = snapshotOf(model);
        model.sort(ConnectionTableModel::GroupIdColumn);
        const Options options{Period::Week, Zone::Local, utc("2025-07-02T08:00:00Z")};
        const SpanSnapshot sorted = snapshotOf(model);
        snapshotOf(model, &kept);
        QCOMPARE(kept.spans.size(), sorted.spans.size());
        for (const SpanSnapshot *snapshot : {&sorted, static_cast<const SpanSnapshot *>(&kept)}) {
            Aggregator aggregator(options);
            aggregator.add(snapshot->spans, snapshot->applications);
            COMPARE_FIGURES(aggregator.result(), aggregate(m_everything, options));
        }
    }

    void snapshotLeavesOutRowsAWatchRemoved()
    {
        const QList<OAuthConnection> active = m_sandbox->listAll({});
        QVERIFY(active.size() > 100);
        ConnectionTableModel model(&m_sandbox->client());
        model.setQuery({}); // active only
        QVERIFY(scrollToEnd(model));
        QCOMPARE(model.rowCount(), active.size());

        // A watch sees row 10 deactivated: the table removes it.
        const QDateTime at = QDateTime::fromString(u"2025-07-01T09:00:00Z"_s, Qt::ISODate);
        OAuthConnection gone = model.connectionAt(10);
        gone.status = u"inactive"_s;
        gone.deletedAt = at.toString(Qt::ISODate);
        QCOMPARE(model.applyChange(gone, ConnectionTableModel::RowMark::Deactivated, at),
                 ConnectionTableModel::ChangeOutcome::Removed);
        QCOMPARE(model.rowCount(), active.size() - 1);
        QCOMPARE(qsizetype(model.store().size()), active.size()); // still stored

        QList<OAuthConnection> shown = active;
        shown.removeIf([&](const OAuthConnection &c) { return c.id == gone.id; });
        QCOMPARE(shown.size(), active.size() - 1);
        const Options options{Period::Month, Zone::Utc, utc("2025-07-02T08:00:00Z")};
        const SpanSnapshot snapshot = snapshotOf(model);
        QCOMPARE(qsizetype(snapshot.spans.size()), shown.size());
        Aggregator aggregator(options);
        aggregator.add(snapshot.spans, snapshot.applications);
        const Figures figures = aggregator.result();
        COMPARE_FIGURES(figures, aggregate(shown, options));
        qint64 inactive = 0;
        for (const ApplicationFigures &application : figures.applications)
            inactive += application.inactive;
        QCOMPARE(inactive, 0);
    }

    void snapshotReadsUnreadableAndUnknownValues()
    {
        // Rows the store keeps verbatim: an unreadable deleted_at is told from a null one.
        ConnectionTableModel model(&m_sandbox->client());
        model.setQuery({{u"active"_s, u"inactive"_s}, QString()});
        QVERIFY(waitUntil([&] { return model.rowCount() > 0 && !model.isFetching(); }));
        const QList<OAuthConnection> shown = [&] {
            QList<OAuthConnection> rows;
            for (int row = 0; row < model.rowCount(); ++row)
                rows.append(model.connectionAt(row));
            return rows;
        }();
        const QDateTime at = QDateTime::fromString(u"2025-07-01T09:00:00Z"_s, Qt::ISODate);
        OAuthConnection odd = shown.at(3);
        odd.status = u"inactive"_s;
        odd.deletedAt = u"not a time"_s;
        QCOMPARE(model.applyChange(odd, ConnectionTableModel::RowMark::Deactivated, at),
                 ConnectionTableModel::ChangeOutcome::Updated);
        OAuthConnection offset = shown.at(4);
        offset.status = u"inactive"_s;
        offset.deletedAt = u"2025-07-01T18:30:00.5+09:30"_s;
        QCOMPARE(model.applyChange(offset, ConnectionTableModel::RowMark::Deactivated, at),
                 ConnectionTableModel::ChangeOutcome::Updated);
        QList<OAuthConnection> expected = shown;
        expected[3] = odd;
        expected[4] = offset;
        const SpanSnapshot snapshot = snapshotOf(model);
        QVERIFY(snapshot.spans.at(3).deletedUnreadable());
        QVERIFY(!snapshot.spans.at(4).deletedUnreadable());
        QCOMPARE(snapshot.spans.at(4).deletedAt(),
                 std::optional<qint64>(utc("2025-07-01T09:00:00Z")));
        const Options options{Period::Day, Zone::Local, utc("2025-07-02T08:00:00Z")};
        Aggregator aggregator(options);
        aggregator.add(snapshot.spans, snapshot.applications);
        const Figures figures = aggregator.result();
        QCOMPARE(figures.unreadable, 1);
        COMPARE_FIGURES(figures, aggregate(expected, options));
        COMPARE_FIGURES(figures, reference(expected, options));
    }
};

int main(int argc, char *argv[])
{
    // Local time away from UTC, with a half-hour offset and daylight saving.
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", "Australia/Adelaide");
    QCoreApplication app(argc, argv);
    TestConnectionFigures test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_connectionfigures.moc"
