// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxdataset.h"

#include "sandboxeventlog.h"
#include "sandboxjson.h"
#include "sandboxnames.h"
#include "sandboxrandom.h"

#include <QString>
#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 TimeBase = 946684800;   // 2000-01-01T00:00:00Z
constexpr qint64 Newest = 1751284800;    // 2025-06-30T12:00:00Z, the newest connection
constexpr qint64 Span = 3 * 365 * 86400; // connections spread over about three years
constexpr qint64 Day = 86400;
constexpr int TiePercent = 12; // chance that a connection shares its second
constexpr char Alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
constexpr int DeletedApplicationIndex = 3;
constexpr int StatusSlots = 3; // active, inactive, both

void writeId(char *out, quint64 first, quint64 second)
{
    quint64 word = first;
    for (int i = 0; i < SandboxDataset::IdLength; ++i) {
        if (i == 12) // 36^12 < 2^64: twelve characters per word
            word = second;
        out[i] = Alphabet[word % 36];
        word /= 36;
    }
}

QByteArray makeId(const char *prefix, SandboxRandom &rng)
{
    char id[SandboxDataset::IdLength];
    const quint64 first = rng.next();
    writeId(id, first, rng.next());
    return QByteArray(prefix) + QByteArray(id, SandboxDataset::IdLength);
}

int statusSlot(quint8 statuses)
{
    return statuses == SandboxDataset::Active ? 0 : statuses == SandboxDataset::Inactive ? 1 : 2;
}

} // namespace

SandboxDataset::SandboxDataset(quint64 seed, quint32 connections, int applications, bool tricky)
    : m_seed(seed)
    , m_tricky(tricky)
{
    applications = std::clamp(applications, 1, MaxApplications);
    m_connections.resize(std::min(connections, MaxConnections));
    m_generated = quint32(m_connections.size());
    if (applications >= DeletedApplicationIndex + 1)
        m_deletedApplication = DeletedApplicationIndex;
    generateConnections(applications);
    sortTies();
    generateApplications(applications);
    buildIndexes();
    m_events = std::make_unique<SandboxEventLog>(*this, seed);
}

SandboxDataset::~SandboxDataset() = default;

qint64 SandboxDataset::timeBase()
{
    return TimeBase;
}

void SandboxDataset::generateConnections(int applications)
{
    SandboxRandom rng(m_seed);
    const quint32 count = connectionCount();

    // Exactly even counts per application, in a shuffled order.
    for (quint32 i = 0; i < count; ++i)
        m_connections[i].application = quint16(i % quint32(applications));
    for (quint32 i = count; i > 1; --i)
        std::swap(m_connections[i - 1].application, m_connections[rng.below(i)].application);

    // About a third inactive overall, counting the deleted application's connections,
    // which are all inactive.
    const double deletedShare = m_deletedApplication >= 0 ? 1.0 / applications : 0.0;
    const double inactiveChance = (1.0 / 3 - deletedShare) / (1.0 - deletedShare);
    const qint64 deletedApplicationAt = Newest + 3600;
    const qint64 meanGap = std::max<qint64>(1, Span / std::max<quint32>(count, 1));

    qint64 created = Newest;
    for (quint32 i = 0; i < count; ++i) {
        Connection &row = m_connections[i];
        const quint64 first = rng.next();
        writeId(row.id, first, rng.next());
        row.createdAt = quint32(created - TimeBase);
        row.deletedAt = 0;
        if (row.application == m_deletedApplication) {
            row.deletedAt = quint32(deletedApplicationAt - TimeBase);
        } else if (rng.unit() < inactiveChance) {
            const qint64 lifetime = std::clamp<qint64>(Newest - created, 1, 400 * Day);
            row.deletedAt = quint32(created + 1 + qint64(rng.below(quint64(lifetime))) - TimeBase);
        }
        if (rng.below(100) >= TiePercent)
            created -= 1 + qint64(rng.below(quint64(2 * meanGap)));
    }
}

// Connections created in the same second are listed by id descending.
void SandboxDataset::sortTies()
{
    auto begin = m_connections.begin();
    while (begin != m_connections.end()) {
        auto end = std::find_if(begin, m_connections.end(), [&](const Connection &row) {
            return row.createdAt != begin->createdAt;
        });
        if (end - begin > 1) {
            std::sort(begin, end, [](const Connection &a, const Connection &b) {
                return std::memcmp(a.id, b.id, IdLength) > 0;
            });
        }
        begin = end;
    }
}

void SandboxDataset::generateApplications(int applications)
{
    SandboxRandom rng(SandboxRandom::mix(m_seed ^ 0xa5a5a5a5a5a5a5a5ULL));
    const qint64 oldestConnection =
        m_connections.empty() ? Newest : TimeBase + m_connections.back().createdAt;
    m_applications.resize(size_t(applications));
    for (int i = 0; i < applications; ++i) {
        Application &app = m_applications[size_t(i)];
        app.id = makeId("application_", rng);
        const QByteArray clientId = makeId("client_id_", rng);
        // Listed newest first, like connections, so index order is list order.
        app.createdAt = oldestConnection - Day * (1 + 9 * qint64(i)) - qint64(rng.below(Day));
        app.active = i != m_deletedApplication;

        QByteArray &json = app.json;
        json = R"({"id":")" + app.id + R"(","client_id":")" + clientId + R"(","created_at":")" +
               SandboxJson::timestamp(app.createdAt) + R"(","deleted_at":)";
        json += app.active ? QByteArray("null") : '"' + SandboxJson::timestamp(Newest + 3600) + '"';
        json += R"(,"name":)";
        const std::optional<QString> name = SandboxNames::applicationName(i, m_tricky);
        if (name)
            SandboxJson::appendString(json, *name);
        else
            json += "null";
        json += app.active ? R"(,"status":"active")" : R"(,"status":"deleted")";
        json += R"(,"type":"oauth_application"})";
    }
}

std::vector<quint32> &SandboxDataset::list(int slot, int application)
{
    return m_lists[size_t(slot * (applicationCount() + 1) + application + 1)];
}

void SandboxDataset::buildIndexes()
{
    const quint32 count = connectionCount();
    m_lists.assign(size_t(StatusSlots * (applicationCount() + 1)), {});

    // Count first so every list is allocated once, at its final size.
    std::vector<quint32> sizes(m_lists.size(), 0);
    const auto visit = [&](auto &&add) {
        for (quint32 row = 0; row < count; ++row) {
            const Connection &c = m_connections[row];
            const int slot = c.deletedAt == 0 ? 0 : 1;
            add(slot, -1, row);
            add(slot, int(c.application), row);
            add(2, int(c.application), row);
        }
    };
    const int width = applicationCount() + 1;
    visit([&](int slot, int app, quint32) { ++sizes[size_t(slot * width + app + 1)]; });
    for (size_t i = 0; i < m_lists.size(); ++i)
        m_lists[i].reserve(sizes[i]);
    visit([&](int slot, int app, quint32 row) { list(slot, app).push_back(row); });

    m_byId.resize(count);
    for (quint32 row = 0; row < count; ++row)
        m_byId[row] = row;
    std::sort(m_byId.begin(), m_byId.end(), [this](quint32 a, quint32 b) {
        return std::memcmp(m_connections[a].id, m_connections[b].id, IdLength) < 0;
    });
}

SandboxDataset::Rows SandboxDataset::rows(quint8 statuses, int application) const
{
    Rows rows;
    const int slot = statusSlot(statuses);
    if (slot == 2 && application < 0 && !m_everyRowListed) {
        rows.m_size = connectionCount();
        return rows;
    }
    const auto &selected = m_lists[size_t(slot * (applicationCount() + 1) + application + 1)];
    rows.m_rows = selected.data();
    rows.m_size = quint32(selected.size());
    return rows;
}

std::optional<quint32> SandboxDataset::findConnection(QStringView id) const
{
    const QStringView prefix = u"connection_";
    if (id.size() != prefix.size() + IdLength || !id.startsWith(prefix))
        return std::nullopt;
    char key[IdLength];
    for (int i = 0; i < IdLength; ++i) {
        const char16_t c = id[prefix.size() + i].unicode();
        if (c > 0x7f)
            return std::nullopt;
        key[i] = char(c);
    }
    const auto it = std::lower_bound(
        m_byId.begin(), m_byId.end(), key, [this](quint32 row, const char *wanted) {
            return std::memcmp(connection(row).id, wanted, IdLength) < 0;
        });
    if (it == m_byId.end() || std::memcmp(connection(*it).id, key, IdLength) != 0)
        return std::nullopt;
    return *it;
}

int SandboxDataset::findApplication(QStringView id) const
{
    for (int i = 0; i < applicationCount(); ++i) {
        if (QLatin1StringView(m_applications[size_t(i)].id) == id)
            return i;
    }
    return -1;
}

// Groups are derived from the row, so they cost no memory; about four connections in
// three share a group with another.
void SandboxDataset::writeGroupId(char *out, quint32 row) const
{
    // From the generated count, so a churned connection changes no other group.
    const quint64 groups = std::max<quint64>(1, quint64(m_generated) * 3 / 4);
    const quint64 group = SandboxRandom::mix(m_seed ^ SandboxRandom::mix(row + 1)) % groups;
    const quint64 first = SandboxRandom::mix(m_seed * 31 + group);
    writeId(out, first, SandboxRandom::mix(first));
}

namespace {

template <size_t N> char *put(char *out, const char (&text)[N])
{
    std::memcpy(out, text, N - 1);
    return out + N - 1;
}

} // namespace

void SandboxDataset::appendConnectionJson(QByteArray &out, quint32 row) const
{
    const Connection &c = connection(row);
    const QByteArray &applicationId = m_applications[c.application].id;
    char buffer[320];
    char *p = put(buffer, R"({"id":"connection_)");
    std::memcpy(p, c.id, IdLength);
    p = put(p + IdLength, R"(","created_at":")");
    p = SandboxJson::writeTimestamp(p, TimeBase + c.createdAt);
    p = put(p, R"(","deleted_at":)");
    if (c.deletedAt == 0) {
        p = put(p, "null");
    } else {
        *p++ = '"';
        p = SandboxJson::writeTimestamp(p, TimeBase + c.deletedAt);
        *p++ = '"';
    }
    p = put(p, R"(,"group_id":"group_)");
    writeGroupId(p, row);
    p = put(p + IdLength, R"(","oauth_application_id":")");
    std::memcpy(p, applicationId.constData(), size_t(applicationId.size()));
    p += applicationId.size();
    p = c.deletedAt == 0 ? put(p, R"(","status":"active")") : put(p, R"(","status":"inactive")");
    p = put(p, R"(,"type":"oauth_connection"})");
    out.append(buffer, p - buffer);
}

bool SandboxDataset::listedBefore(quint32 a, quint32 b) const
{
    const Connection &x = connection(a);
    const Connection &y = connection(b);
    if (x.createdAt != y.createdAt)
        return x.createdAt > y.createdAt;
    return std::memcmp(x.id, y.id, IdLength) > 0;
}

quint32 SandboxDataset::positionAfter(const Rows &rows, quint32 row) const
{
    quint32 low = 0;
    quint32 high = rows.size();
    while (low < high) {
        const quint32 middle = low + (high - low) / 2;
        const quint32 at = rows.at(middle);
        if (at == row || listedBefore(at, row))
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

void SandboxDataset::insertInOrder(std::vector<quint32> &list, quint32 row)
{
    list.insert(std::upper_bound(list.begin(), list.end(), row,
                                 [this](quint32 a, quint32 b) { return listedBefore(a, b); }),
                row);
}

void SandboxDataset::eraseFrom(std::vector<quint32> &list, quint32 row)
{
    const auto it = std::lower_bound(list.begin(), list.end(), row,
                                     [this](quint32 a, quint32 b) { return listedBefore(a, b); });
    if (it != list.end() && *it == row)
        list.erase(it);
}

// The unfiltered list is the generated rows as they are until churn adds one.
void SandboxDataset::listEveryRow()
{
    if (m_everyRowListed)
        return;
    std::vector<quint32> &every = list(2, -1);
    every.resize(connectionCount());
    for (quint32 row = 0; row < connectionCount(); ++row)
        every[row] = row;
    m_everyRowListed = true;
}

std::optional<quint32> SandboxDataset::addConnection(qint64 unixSeconds, int application,
                                                     quint64 idBits1, quint64 idBits2)
{
    Connection c{};
    writeId(c.id, idBits1, idBits2);
    if (findConnection(QString(u"connection_"_s + QLatin1StringView(c.id, IdLength))))
        return std::nullopt;
    c.createdAt = quint32(std::max(unixSeconds, TimeBase) - TimeBase);
    c.deletedAt = 0;
    c.application = quint16(application);
    listEveryRow();
    const quint32 row = connectionCount();
    m_added.push_back(c);

    m_byId.insert(std::lower_bound(m_byId.begin(), m_byId.end(), row,
                                   [this](quint32 a, quint32 b) {
                                       return std::memcmp(connection(a).id, connection(b).id,
                                                          IdLength) < 0;
                                   }),
                  row);
    insertInOrder(list(0, -1), row);
    insertInOrder(list(0, application), row);
    insertInOrder(list(2, application), row);
    insertInOrder(list(2, -1), row);
    m_events->add(SandboxEventLog::key(row, SandboxEventLog::Created));
    return row;
}

bool SandboxDataset::deactivate(quint32 row, qint64 unixSeconds)
{
    if (row >= connectionCount() || connection(row).deletedAt != 0)
        return false;
    Connection &c = row < m_generated ? m_connections[row] : m_added[row - m_generated];
    // Never before it was created, and never 0, which means active.
    c.deletedAt = std::max({quint32(std::max(unixSeconds, TimeBase) - TimeBase), c.createdAt, 1u});
    eraseFrom(list(0, -1), row);
    eraseFrom(list(0, c.application), row);
    insertInOrder(list(1, -1), row);
    insertInOrder(list(1, c.application), row);
    m_events->add(SandboxEventLog::key(row, SandboxEventLog::Deactivated));
    return true;
}
