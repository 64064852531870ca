// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxapi.h"

#include "sandboxdataset.h"
#include "sandboxerrors.h"
#include "sandboxeventcategories.h"
#include "sandboxeventlog.h"
#include "sandboxlistquery.h"
#include "sandboxrandom.h"

#include <algorithm>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QString ConnectionsPath = u"/oauth_connections"_s;
const QString ApplicationsPath = u"/oauth_applications"_s;
const QString EventsPath = u"/events"_s;

// The id after `collection/`, or nullopt when `path` is not an item of `collection`.
std::optional<QString> itemId(const QString &path, const QString &collection)
{
    if (path.size() <= collection.size() + 1 || !path.startsWith(collection) ||
        path[collection.size()] != u'/') {
        return std::nullopt;
    }
    QString id = path.mid(collection.size() + 1);
    if (id.contains(u'/'))
        return std::nullopt;
    return id;
}

qint64 floorDivide(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// The whole seconds an event may carry under created_at bounds given in milliseconds.
struct SecondRange
{
    qint64 first = std::numeric_limits<qint64>::min();
    qint64 last = std::numeric_limits<qint64>::max();
};

SecondRange secondRange(const std::optional<qint64> (&bound)[4])
{
    SecondRange range;
    if (bound[0]) // after: t * 1000 > ms
        range.first = std::max(range.first, floorDivide(*bound[0], 1000) + 1);
    if (bound[1]) // before: t * 1000 < ms
        range.last = std::min(range.last, -floorDivide(-*bound[1], 1000) - 1);
    if (bound[2]) // on or after: t * 1000 >= ms
        range.first = std::max(range.first, -floorDivide(-*bound[2], 1000));
    if (bound[3]) // on or before: t * 1000 <= ms
        range.last = std::min(range.last, floorDivide(*bound[3], 1000));
    return range;
}

quint64 cursorKey(const SandboxDataset &dataset)
{
    return SandboxRandom::mix(dataset.seed() ^ (quint64(dataset.connectionCount()) << 20) ^
                              quint64(dataset.applicationCount()));
}

} // namespace

SandboxApi::SandboxApi(const SandboxDataset &dataset, const QString &apiKey)
    : m_dataset(dataset)
    , m_apiKey(apiKey.toUtf8())
    , m_cursors(cursorKey(dataset))
{}

SandboxResponse SandboxApi::handle(const SandboxRequest &request) const
{
    if (auto refused = authenticate(request))
        return *refused;
    const bool get = request.method == "GET";
    const QString &path = request.path;
    if (get && path == ConnectionsPath)
        return listConnections(request);
    if (get && path == ApplicationsPath)
        return listApplications(request);
    if (get && path == EventsPath)
        return listEvents(request);
    if (get) {
        if (const auto id = itemId(path, ConnectionsPath))
            return retrieveConnection(*id);
        if (const auto id = itemId(path, ApplicationsPath))
            return retrieveApplication(*id);
        if (const auto id = itemId(path, EventsPath))
            return retrieveEvent(*id);
    }
    return SandboxErrors::apiMethodNotFound(QString::fromLatin1(request.method), path);
}

std::optional<SandboxResponse> SandboxApi::authenticate(const SandboxRequest &request) const
{
    if (!request.authorization) {
        return SandboxErrors::invalidApiKey(
            u"no_header"_s, u"No Authorization header; send `Authorization: Bearer <API key>`."_s);
    }
    const QByteArray header = request.authorization->trimmed();
    const QByteArray scheme = QByteArrayLiteral("bearer");
    const QByteArray lowered = header.toLower();
    if (!lowered.startsWith(scheme) ||
        (header.size() > scheme.size() && lowered[scheme.size()] != ' ')) {
        return SandboxErrors::invalidApiKey(u"no_credential"_s,
                                            u"The Authorization header is not a Bearer API key."_s);
    }
    const QByteArray key = header.mid(scheme.size()).trimmed();
    if (key.isEmpty()) {
        return SandboxErrors::invalidApiKey(u"no_credential"_s,
                                            u"The Authorization header has an empty API key."_s);
    }
    // The key itself is never echoed back.
    if (!m_apiKey.isEmpty() && key != m_apiKey) {
        return SandboxErrors::invalidApiKey(u"no_credential"_s,
                                            u"The API key is not valid for this sandbox."_s);
    }
    return std::nullopt;
}

std::optional<SandboxResponse> SandboxApi::startOfPage(const QString &cursor,
                                                       quint64 filterSignature, quint32 bound,
                                                       quint32 *value) const
{
    *value = 0;
    if (cursor.isEmpty())
        return std::nullopt;
    const auto problem = m_cursors.decode(cursor, filterSignature, value);
    if (problem == SandboxCursor::Problem::OtherFilter) {
        return SandboxErrors::invalidParameters({SandboxErrors::parameterError(
            u"cursor"_s, u"was issued for a different filter; repeat the original filters "
                         u"with it, or start again without a cursor"_s)});
    }
    if (problem == SandboxCursor::Problem::Garbled || *value > bound) {
        return SandboxErrors::invalidParameters(
            {SandboxErrors::parameterError(u"cursor"_s, u"is not a cursor this server issued"_s)});
    }
    return std::nullopt;
}

template <typename AppendItem, typename CursorValue>
SandboxResponse SandboxApi::page(quint32 offset, int limit, quint32 size, quint64 filterSignature,
                                 qsizetype itemSize, AppendItem appendItem,
                                 CursorValue cursorValue) const
{
    const quint32 end = quint32(std::min<quint64>(size, quint64(offset) + quint64(limit)));
    QByteArray body;
    body.reserve(64 + qsizetype(end - offset) * (itemSize + 1));
    body.append(R"({"data":[)");
    for (quint32 i = offset; i < end; ++i) {
        if (i != offset)
            body.append(',');
        appendItem(body, i);
    }
    body.append(R"(],"next_cursor":)");
    if (end < size)
        body.append('"').append(m_cursors.encode(filterSignature, cursorValue(end))).append('"');
    else
        body.append("null");
    body.append('}');
    return {200, body, 0};
}

SandboxResponse SandboxApi::listConnections(const SandboxRequest &request) const
{
    SandboxListQuery query(request.query);
    const int limit = query.limit();
    const quint8 statuses = query.statuses({u"active"_s, u"inactive"_s}, SandboxDataset::Active);
    const std::optional<QString> applicationId = query.text(u"oauth_application_id"_s);
    const QString cursor = query.cursor();
    if (!query.errors().isEmpty())
        return SandboxErrors::invalidParameters(query.errors());

    const int application = applicationId ? m_dataset.findApplication(*applicationId) : -1;
    const SandboxDataset::Rows rows = applicationId && application < 0
                                          ? SandboxDataset::Rows() // unknown: nothing matches
                                          : m_dataset.rows(statuses, application);
    const QByteArray filter = "oauth_connections|" + QByteArray::number(statuses) + '|' +
                              applicationId.value_or(QString()).toUtf8();
    const quint64 signature = SandboxCursor::signature(filter);
    // The cursor carries the last row listed (+1, so 0 stays "none"): churn may add or
    // deactivate rows before it, and the next page still starts right after it.
    quint32 after = 0;
    if (auto refused = startOfPage(cursor, signature, m_dataset.connectionCount(), &after))
        return *refused;
    const quint32 offset = after == 0 ? 0 : m_dataset.positionAfter(rows, after - 1);
    return page(
        offset, limit, rows.size(), signature, 240,
        [&](QByteArray &out, quint32 i) { m_dataset.appendConnectionJson(out, rows.at(i)); },
        [&](quint32 end) { return rows.at(end - 1) + 1; });
}

SandboxResponse SandboxApi::retrieveConnection(const QString &id) const
{
    const std::optional<quint32> row = m_dataset.findConnection(id);
    if (!row)
        return SandboxErrors::objectNotFound(u"No OAuth Connection has the id %1."_s.arg(id));
    QByteArray body;
    m_dataset.appendConnectionJson(body, *row);
    return {200, body, 0};
}

SandboxResponse SandboxApi::listApplications(const SandboxRequest &request) const
{
    SandboxListQuery query(request.query);
    const int limit = query.limit();
    const quint8 statuses = query.statuses({u"active"_s, u"deleted"_s}, 0b11);
    const QString bounds[] = {u"created_at.after"_s, u"created_at.before"_s,
                              u"created_at.on_or_after"_s, u"created_at.on_or_before"_s};
    std::optional<qint64> bound[4];
    QByteArray filter = "oauth_applications|" + QByteArray::number(statuses);
    for (int i = 0; i < 4; ++i) {
        bound[i] = query.timestampMs(bounds[i]);
        filter += '|' + (bound[i] ? QByteArray::number(*bound[i]) : QByteArray());
    }
    const QString cursor = query.cursor();
    if (!query.errors().isEmpty())
        return SandboxErrors::invalidParameters(query.errors());

    std::vector<int> matching;
    for (int i = 0; i < m_dataset.applicationCount(); ++i) {
        const SandboxDataset::Application &app = m_dataset.application(i);
        const qint64 at = app.createdAt * 1000;
        if ((statuses & (app.active ? 1 : 2)) && (!bound[0] || at > *bound[0]) &&
            (!bound[1] || at < *bound[1]) && (!bound[2] || at >= *bound[2]) &&
            (!bound[3] || at <= *bound[3])) {
            matching.push_back(i);
        }
    }
    const quint64 signature = SandboxCursor::signature(filter);
    quint32 offset = 0;
    if (auto refused = startOfPage(cursor, signature, quint32(matching.size()), &offset))
        return *refused;
    return page(
        offset, limit, quint32(matching.size()), signature, 260,
        [&](QByteArray &out, quint32 i) { out.append(m_dataset.application(matching[i]).json); },
        [](quint32 end) { return end; });
}

SandboxResponse SandboxApi::retrieveApplication(const QString &id) const
{
    const int index = m_dataset.findApplication(id);
    if (index < 0)
        return SandboxErrors::objectNotFound(u"No OAuth Application has the id %1."_s.arg(id));
    return {200, m_dataset.application(index).json, 0};
}

SandboxResponse SandboxApi::listEvents(const SandboxRequest &request) const
{
    SandboxListQuery query(request.query);
    const int limit = query.limit();
    const std::optional<QStringList> categories =
        query.enumList(u"category.in"_s, SandboxEventCategories::all());
    const std::optional<QString> objectId = query.text(u"associated_object_id"_s);
    const QString bounds[] = {u"created_at.after"_s, u"created_at.before"_s,
                              u"created_at.on_or_after"_s, u"created_at.on_or_before"_s};
    std::optional<qint64> bound[4];
    for (int i = 0; i < 4; ++i)
        bound[i] = query.timestampMs(bounds[i]);
    const QString cursor = query.cursor();
    if (!query.errors().isEmpty())
        return SandboxErrors::invalidParameters(query.errors());

    // Bit 0: created, bit 1: deactivated; other categories are never recorded here.
    quint8 kinds = 0b11;
    if (categories) {
        kinds = (categories->contains(u"oauth_connection.created"_s) ? 0b01 : 0) |
                (categories->contains(u"oauth_connection.deactivated"_s) ? 0b10 : 0);
    }
    const SecondRange range = secondRange(bound);
    QByteArray filter = "events|" + QByteArray::number(kinds) + '|' +
                        objectId.value_or(QString()).toUtf8() + '|' +
                        QByteArray::number(range.first) + '|' + QByteArray::number(range.last);
    const quint64 signature = SandboxCursor::signature(filter);
    // The cursor carries the last event listed (+1): new events never shift a page.
    quint32 after = 0;
    if (auto refused = startOfPage(cursor, signature, m_dataset.connectionCount() * 2, &after))
        return *refused;

    const SandboxEventLog &events = m_dataset.events();
    if (after > 0 && !events.exists(after - 1)) {
        return SandboxErrors::invalidParameters(
            {SandboxErrors::parameterError(u"cursor"_s, u"is not a cursor this server issued"_s)});
    }
    // One connection's events are found from it; every other listing walks the order.
    std::vector<quint32> own;
    const std::vector<quint32> *order = &own;
    if (objectId) {
        if (const std::optional<quint32> row = m_dataset.findConnection(*objectId)) {
            for (const auto kind : {SandboxEventLog::Created, SandboxEventLog::Deactivated}) {
                if (events.exists(SandboxEventLog::key(*row, kind)))
                    own.push_back(SandboxEventLog::key(*row, kind));
            }
            std::sort(own.begin(), own.end(),
                      [&](quint32 a, quint32 b) { return events.before(a, b); });
        }
    } else if (kinds != 0) {
        order = &events.ordered();
    }
    const auto firstPosition = [&]() -> size_t {
        if (after > 0) {
            return size_t(
                std::upper_bound(order->begin(), order->end(), after - 1,
                                 [&](quint32 a, quint32 b) { return events.before(a, b); }) -
                order->begin());
        }
        if (order == &own)
            return 0;
        return events.firstAtOrAfter(range.first);
    };

    // Up to limit + 1 matches: the extra one only says that a next page exists.
    std::vector<quint32> matches;
    for (size_t i = firstPosition(); i < order->size() && matches.size() <= size_t(limit); ++i) {
        const quint32 key = (*order)[i];
        const qint64 time = events.time(key);
        if (time > range.last)
            break;
        if (time >= range.first && (kinds & (1u << SandboxEventLog::kindOf(key))))
            matches.push_back(key);
    }
    return page(
        0, limit, quint32(matches.size()), signature, 230,
        [&](QByteArray &out, quint32 i) { events.appendJson(out, matches[i]); },
        [&](quint32 end) { return matches[end - 1] + 1; });
}

SandboxResponse SandboxApi::retrieveEvent(const QString &id) const
{
    const std::optional<quint32> key = m_dataset.events().find(id);
    if (!key)
        return SandboxErrors::objectNotFound(u"No Event has the id %1."_s.arg(id));
    QByteArray body;
    m_dataset.events().appendJson(body, *key);
    return {200, body, 0};
}
