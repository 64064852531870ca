// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionfigures.h"

#include "compactfield.h"

#include <QHash>
#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace Insights {

namespace {

constexpr qint64 kSecondsPerDay = 86400;
constexpr qint64 kLast30Days = 30 * kSecondsPerDay;
constexpr qint64 kJulianDayOfEpoch = 2440588; // 1970-01-01
// 1970-01-01 was a Thursday: the Monday that begins its ISO week is three days before.
constexpr qint64 kEpochWeekdayFromMonday = 3;
constexpr quint32 kNotInterned = std::numeric_limits<quint32>::max();

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Howard Hinnant's civil-from-days, year and month only: exact for the proleptic Gregorian
// calendar, a handful of divisions.
qint64 monthIndexOfDay(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153; // 0: March
    const qint64 month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return year * 12 + (month - 1);
}

// The first day of the period numbered `key` (see Private::periodOfDay).
QDate startOfPeriod(qint64 key, Period period)
{
    switch (period) {
    case Period::Day:
        return QDate::fromJulianDay(key + kJulianDayOfEpoch);
    case Period::Week:
        return QDate::fromJulianDay(key * 7 - kEpochWeekdayFromMonday + kJulianDayOfEpoch);
    case Period::Month:
        return QDate(int(floorDiv(key, 12)), int(key - floorDiv(key, 12) * 12) + 1, 1);
    }
    return {};
}

} // namespace

struct Aggregator::Private
{
    struct ApplicationCounts
    {
        qint64 active = 0;
        qint64 inactive = 0;
        qint64 other = 0;
        qint64 createdLast30Days = 0;
        qint64 deactivatedLast30Days = 0;
    };
    struct PeriodCounts
    {
        qint64 created = 0;
        qint64 deactivated = 0;
    };
    using PeriodRow = std::vector<PeriodCounts>; // by application index

    // The period a timestamp falls in, cached: created_at comes in runs (the API lists by
    // creation), deleted_at far less so, hence one cache (and one zone reader) for each.
    struct Side
    {
        CompactField::LocalOffsets offsets;
        qint64 day = std::numeric_limits<qint64>::min();
        qint64 period = 0;
        qint64 key = std::numeric_limits<qint64>::min();
        PeriodRow *row = nullptr;
    };

    explicit Private(const Options &o)
        : options(o)
    {
        nowPeriod = periodOf(options.now, created);
    }

    qint64 dayOf(qint64 unixSeconds, Side &side) const
    {
        const qint64 local =
            options.zone == Zone::Local ? unixSeconds + side.offsets.at(unixSeconds) : unixSeconds;
        return floorDiv(local, kSecondsPerDay);
    }

    qint64 periodOfDay(qint64 day) const
    {
        switch (options.period) {
        case Period::Day:
            return day;
        case Period::Week:
            return floorDiv(day + kEpochWeekdayFromMonday, 7);
        case Period::Month:
            return monthIndexOfDay(day);
        }
        return day;
    }

    qint64 periodOf(qint64 unixSeconds, Side &side) const
    {
        const qint64 day = dayOf(unixSeconds, side);
        if (day != side.day) {
            side.day = day;
            side.period = periodOfDay(day);
        }
        return side.period;
    }

    PeriodCounts &countsAt(qint64 unixSeconds, quint32 application, Side &side)
    {
        const qint64 key = periodOf(unixSeconds, side);
        if (key != side.key) {
            side.key = key;
            side.row = &periods[key];
        }
        if (side.row->size() <= application)
            side.row->resize(applications.size());
        return (*side.row)[application];
    }

    quint32 intern(const QString &applicationId)
    {
        auto found = applicationIndex.constFind(applicationId);
        if (found == applicationIndex.cend()) {
            found = applicationIndex.insert(applicationId, quint32(applicationIds.size()));
            applicationIds.append(applicationId);
            applications.emplace_back();
        }
        return *found;
    }

    void add(std::optional<qint64> createdAt, std::optional<qint64> deletedAt,
             bool deletedUnreadable, quint32 application, ConnectionSpan::Status status)
    {
        ++rows;
        ApplicationCounts &counts = applications[application];
        switch (status) {
        case ConnectionSpan::Status::Active:
            ++counts.active;
            break;
        case ConnectionSpan::Status::Inactive:
            ++counts.inactive;
            break;
        case ConnectionSpan::Status::Other:
            ++counts.other;
            break;
        }
        if (!createdAt || deletedUnreadable) {
            ++unreadable;
            return;
        }
        const qint64 from = options.now - kLast30Days;
        if (*createdAt >= from && *createdAt <= options.now)
            ++counts.createdLast30Days;
        if (deletedAt && *deletedAt >= from && *deletedAt <= options.now)
            ++counts.deactivatedLast30Days;
        ++countsAt(*createdAt, application, created).created;
        // Deleted before it was created: never active, so deactivated when created.
        if (deletedAt)
            ++countsAt(std::max(*deletedAt, *createdAt), application, deleted).deactivated;
    }

    Options options;
    Side created;
    Side deleted;
    qint64 nowPeriod = 0;
    QStringList applicationIds;
    QHash<QString, quint32> applicationIndex;
    std::vector<ApplicationCounts> applications;
    std::unordered_map<qint64, PeriodRow> periods;
    qint64 rows = 0;
    qint64 unreadable = 0;
};

Aggregator::Aggregator(const Options &options)
    : d(std::make_unique<Private>(options))
{}

Aggregator::~Aggregator() = default;

void Aggregator::add(const OAuthConnection &connection)
{
    const std::optional<qint64> createdAt = CompactField::isoSeconds(connection.createdAt);
    std::optional<qint64> deletedAt;
    bool deletedUnreadable = false;
    if (connection.deletedAt) {
        deletedAt = CompactField::isoSeconds(*connection.deletedAt);
        deletedUnreadable = !deletedAt;
    }
    using Status = ConnectionSpan::Status;
    const Status status = connection.status == "active"_L1     ? Status::Active
                          : connection.status == "inactive"_L1 ? Status::Inactive
                                                               : Status::Other;
    d->add(createdAt, deletedAt, deletedUnreadable, d->intern(connection.oauthApplicationId),
           status);
}

void Aggregator::add(const std::vector<ConnectionSpan> &spans, const QStringList &applications)
{
    // Their indices to ours, interned when first used: an application without a row is not
    // one of the figures.
    std::vector<quint32> ours(size_t(applications.size()) + 1, kNotInterned);
    const quint32 unnamed = quint32(applications.size()); // an index past the list
    for (const ConnectionSpan &span : spans) {
        const quint32 theirs = std::min(span.application, unnamed);
        quint32 &application = ours[theirs];
        if (application == kNotInterned)
            application = d->intern(theirs < unnamed ? applications.at(theirs) : QString());
        d->add(span.createdAt(), span.deletedAt(), span.deletedUnreadable(), application,
               span.status);
    }
}

Figures Aggregator::result() const
{
    Figures figures;
    figures.rows = d->rows;
    figures.unreadable = d->unreadable;
    figures.now = d->options.now;

    // Applications by active, descending, then id.
    const qsizetype count = d->applicationIds.size();
    std::vector<quint32> order(static_cast<size_t>(count));
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
        const qint64 activeA = d->applications[a].active;
        const qint64 activeB = d->applications[b].active;
        if (activeA != activeB)
            return activeA > activeB;
        return d->applicationIds.at(a) < d->applicationIds.at(b);
    });
    qint64 allActive = 0;
    for (const Private::ApplicationCounts &counts : d->applications)
        allActive += counts.active;
    figures.applications.reserve(count);
    for (const quint32 index : order) {
        const Private::ApplicationCounts &counts = d->applications[index];
        ApplicationFigures application;
        application.applicationId = d->applicationIds.at(index);
        application.active = counts.active;
        application.inactive = counts.inactive;
        application.other = counts.other;
        application.createdLast30Days = counts.createdLast30Days;
        application.deactivatedLast30Days = counts.deactivatedLast30Days;
        application.shareOfActive = allActive > 0 ? double(counts.active) / double(allActive) : 0;
        figures.applications.append(application);
    }

    if (d->periods.empty())
        return figures;
    qint64 first = d->nowPeriod;
    qint64 last = d->nowPeriod;
    for (const auto &[key, row] : d->periods) {
        first = std::min(first, key);
        last = std::max(last, key);
    }
    figures.periods.reserve(qsizetype(last - first + 1));
    std::vector<qint64> active(static_cast<size_t>(count), 0);
    for (qint64 key = first; key <= last; ++key) {
        PeriodFigures period;
        period.start = startOfPeriod(key, d->options.period);
        period.createdBy.resize(count);
        period.deactivatedBy.resize(count);
        period.activeAtEndBy.resize(count);
        const auto found = d->periods.find(key);
        const Private::PeriodRow *row = found == d->periods.end() ? nullptr : &found->second;
        for (qsizetype i = 0; i < count; ++i) {
            const quint32 index = order[size_t(i)];
            if (row && index < row->size()) {
                const Private::PeriodCounts &counts = (*row)[index];
                period.createdBy[i] = counts.created;
                period.deactivatedBy[i] = counts.deactivated;
                active[index] += counts.created - counts.deactivated;
                period.created += counts.created;
                period.deactivated += counts.deactivated;
            }
            period.activeAtEndBy[i] = active[index];
            period.activeAtEnd += active[index];
        }
        figures.periods.append(std::move(period));
    }
    return figures;
}

QDate periodStart(QDate day, Period period)
{
    switch (period) {
    case Period::Day:
        return day;
    case Period::Week:
        return day.addDays(1 - day.dayOfWeek());
    case Period::Month:
        return QDate(day.year(), day.month(), 1);
    }
    return day;
}

QDate nextPeriodStart(QDate start, Period period)
{
    start = periodStart(start, period);
    switch (period) {
    case Period::Day:
        return start.addDays(1);
    case Period::Week:
        return start.addDays(7);
    case Period::Month:
        return start.addMonths(1);
    }
    return start;
}

} // namespace Insights
