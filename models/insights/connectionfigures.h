// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauthconnection.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

// The figures of the Insights view and the `summary` command: how many connections each
// application has, and how the number of active ones moved over time.
//
// A connection is active at instant t when created_at <= t and (deleted_at is null or
// t < deleted_at): it counts as created in the period holding created_at and as
// deactivated in the period holding deleted_at (one deleted the instant it was created is
// both, and never active). A period's "active at its end" is every connection created
// before the period's end less every one deactivated before it. The per-application
// counts of active and inactive follow `status` as the API sent it.
//
// A row whose created_at, or whose non-null deleted_at, cannot be read counts in `rows`,
// `unreadable` and its application's status counts only: not in the periods, nor in the
// last 30 days. One deleted before it was created is deactivated the instant it was
// created (never active) in the periods; its deleted_at still counts in the last 30 days.
namespace Insights {

// Periods begin at midnight in the zone asked for: a day, a week from Monday (ISO 8601),
// a calendar month.
enum class Period { Day, Week, Month };
enum class Zone { Utc, Local };

// One connection, as little as the figures need. Rows from the window's store are read
// into these on the GUI thread (snapshotOf, connectionspans.h), then aggregated on another.
// 24 bytes: a million of them are read on the GUI thread, where every byte written costs.
struct ConnectionSpan
{
    enum class Status : quint8 { Active, Inactive, Other };

    // Unix seconds; nullopt when it could not be read.
    std::optional<qint64> createdAt() const
    {
        return flags & HasCreated ? std::optional<qint64>(created) : std::nullopt;
    }
    // nullopt: null, or unreadable (deletedUnreadable()).
    std::optional<qint64> deletedAt() const
    {
        return flags & HasDeleted ? std::optional<qint64>(deleted) : std::nullopt;
    }
    bool deletedUnreadable() const { return flags & DeletedUnreadable; }
    void setCreatedAt(std::optional<qint64> seconds)
    {
        created = seconds.value_or(0);
        flags = quint8(seconds ? flags | HasCreated : flags & ~HasCreated);
    }
    void setDeletedAt(std::optional<qint64> seconds)
    {
        deleted = seconds.value_or(0);
        flags = quint8(seconds ? flags | HasDeleted : flags & ~HasDeleted);
    }
    void setDeletedUnreadable(bool unreadable)
    {
        flags = quint8(unreadable ? flags | DeletedUnreadable : flags & ~DeletedUnreadable);
    }

    qint64 created = 0;
    qint64 deleted = 0;
    quint32 application = 0; // index into the applications list given with them
    Status status = Status::Active;
    quint8 flags = 0;

private:
    enum Flag : quint8 { HasCreated = 1, HasDeleted = 2, DeletedUnreadable = 4 };
};
static_assert(sizeof(ConnectionSpan) == 24, "a span stays small");

struct ApplicationFigures
{
    QString applicationId;
    qint64 active = 0;                // status "active"
    qint64 inactive = 0;              // status "inactive"
    qint64 other = 0;                 // a status this build does not know
    qint64 createdLast30Days = 0;     // created_at in [now - 30 days, now]
    qint64 deactivatedLast30Days = 0; // deleted_at in [now - 30 days, now]
    double shareOfActive = 0;         // active / all active, 0..1
};

struct PeriodFigures
{
    QDate start; // the period's first day, in the zone asked for
    qint64 created = 0;
    qint64 deactivated = 0;
    qint64 activeAtEnd = 0;
    // The same three by application, in the order of Figures::applications.
    QList<qint64> createdBy;
    QList<qint64> deactivatedBy;
    QList<qint64> activeAtEndBy;
};

struct Figures
{
    // Every application with at least one row, by active, descending, then id.
    QList<ApplicationFigures> applications;
    // Oldest first, without gaps, to now's period (or to a later one holding a timestamp
    // after now); empty when no row could be read.
    QList<PeriodFigures> periods;
    qint64 rows = 0;
    qint64 unreadable = 0; // rows left out of the periods: created_at or deleted_at unreadable
    qint64 now = 0;        // the instant "the last 30 days" and the last period end at
};

struct Options
{
    Period period = Period::Week;
    Zone zone = Zone::Utc;
    qint64 now = 0; // Unix seconds; tests fix it, callers pass the current time
};

// Adds connections one at a time and keeps only counters (per application, per period
// and application), so a listing of any size streams through in flat memory. Not shared
// between threads: one thread adds and asks for the result (local time: the system
// zone's transitions are read once per aggregator, never a QDateTime per row).
class Aggregator
{
public:
    explicit Aggregator(const Options &options);
    ~Aggregator();
    Aggregator(const Aggregator &) = delete;
    Aggregator &operator=(const Aggregator &) = delete;

    // A connection as the API sent it (the headless command).
    void add(const OAuthConnection &connection);
    // Spans read from the store; `applications` names their indices (an application
    // without a span is not counted; an index past the list counts as an empty id).
    void add(const std::vector<ConnectionSpan> &spans, const QStringList &applications);

    Figures result() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The first day of the period holding `day`, and of the period after the one holding
// `start` (for axes and tests).
QDate periodStart(QDate day, Period period);
QDate nextPeriodStart(QDate start, Period period);

} // namespace Insights
