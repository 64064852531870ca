// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstore.h"

#include "compactfield.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView kIdPrefix("connection_");
constexpr QLatin1StringView kGroupPrefix("group_");
constexpr QLatin1StringView kActive("active");
constexpr QLatin1StringView kInactive("inactive");

// Rough heap cost of a QString: its block header, the UTF-16 payload and the terminator.
qsizetype stringBytes(const QString &text)
{
    return text.isEmpty() ? 0 : 16 + (text.capacity() + 1) * 2;
}

// `text` case-folded as Qt's case-insensitive search folds it; nullopt when a character
// folds outside ASCII.
std::optional<QByteArray> foldedAscii(const QString &text)
{
    QByteArray folded;
    folded.reserve(text.size());
    for (const QChar c : text) {
        const char32_t f = QChar::toCaseFolded(char32_t(c.unicode()));
        if (f > 0x7f)
            return std::nullopt;
        folded.append(char(f));
    }
    return folded;
}

} // namespace

void ConnectionStore::append(const OAuthConnection &connection)
{
    static_assert(sizeof(Row) == 64, "a row stays compact");
    static_assert(sizeof(Row::id) == CompactField::kIdLength, "ids hold their random part");
    if ((m_size & (kChunkRows - 1)) == 0 && size_t(m_size >> kChunkShift) == m_chunks.size())
        m_chunks.emplace_back(new Row[size_t(kChunkRows)]);
    write(m_size, connection);
    ++m_size;
}

void ConnectionStore::replace(qsizetype index, const OAuthConnection &connection)
{
    Q_ASSERT(index >= 0 && index < m_size);
    for (const Field field :
         {IdField, GroupField, CreatedField, DeletedField, StatusField, TypeField})
        m_verbatim.remove(verbatimKey(index, field));
    write(index, connection);
}

qsizetype ConnectionStore::indexOf(const QString &id, qsizetype from) const
{
    char packed[CompactField::kIdLength];
    const bool compact = CompactField::packId(id, kIdPrefix, packed);
    for (qsizetype index = std::max<qsizetype>(from, 0); index < m_size; ++index) {
        const Row &r = row(index);
        if (r.flags & IdVerbatim) {
            if (!compact && verbatim(index, IdField) == id)
                return index;
        } else if (compact && std::memcmp(r.id, packed, sizeof(packed)) == 0) {
            return index;
        }
    }
    return -1;
}

void ConnectionStore::write(qsizetype index, const OAuthConnection &connection)
{
    Row &r = m_chunks[size_t(index >> kChunkShift)][size_t(index & (kChunkRows - 1))];
    r.flags = 0;

    if (!CompactField::packId(connection.id, kIdPrefix, r.id)) {
        r.flags |= IdVerbatim;
        m_verbatim.insert(verbatimKey(index, IdField), connection.id);
    }
    if (!CompactField::packId(connection.groupId, kGroupPrefix, r.groupId)) {
        r.flags |= GroupVerbatim;
        m_verbatim.insert(verbatimKey(index, GroupField), connection.groupId);
    }

    if (const std::optional<qint64> created = CompactField::packTimestamp(connection.createdAt)) {
        r.createdAt = *created;
    } else {
        r.createdAt = 0;
        r.flags |= CreatedVerbatim;
        m_verbatim.insert(verbatimKey(index, CreatedField), connection.createdAt);
    }
    r.deletedAt = 0;
    if (!connection.deletedAt) {
        r.flags |= DeletedNull;
    } else if (const std::optional<qint64> deleted =
                   CompactField::packTimestamp(*connection.deletedAt)) {
        r.deletedAt = *deleted;
    } else {
        r.flags |= DeletedVerbatim;
        m_verbatim.insert(verbatimKey(index, DeletedField), *connection.deletedAt);
    }

    if (connection.status == kActive) {
        r.status = Active;
    } else if (connection.status == kInactive) {
        r.status = Inactive;
    } else {
        // A status this build does not know is kept as sent, never dropped.
        r.status = OtherStatus;
        m_verbatim.insert(verbatimKey(index, StatusField), connection.status);
    }

    auto application = m_applicationIndex.constFind(connection.oauthApplicationId);
    if (application == m_applicationIndex.cend()) {
        application = m_applicationIndex.insert(connection.oauthApplicationId,
                                                quint32(m_applicationIds.size()));
        m_applicationIds.append(connection.oauthApplicationId);
    }
    r.application = *application;

    const auto type = m_typeIndex.constFind(connection.type);
    if (type != m_typeIndex.cend()) {
        r.type = *type;
    } else if (m_types.size() < 0xffff) {
        r.type = quint16(m_types.size());
        m_typeIndex.insert(connection.type, r.type);
        m_types.append(connection.type);
    } else {
        r.type = 0;
        r.flags |= TypeVerbatim;
        m_verbatim.insert(verbatimKey(index, TypeField), connection.type);
    }
}

void ConnectionStore::clear()
{
    // Swapping with empty containers gives the memory back, unlike clear().
    std::vector<std::unique_ptr<Row[]>>().swap(m_chunks);
    m_size = 0;
    m_applicationIds = {};
    m_applicationIndex = {};
    m_types = {};
    m_typeIndex = {};
    m_verbatim = {};
}

qsizetype ConnectionStore::size() const
{
    return m_size;
}

void ConnectionStore::reserve(qsizetype rows)
{
    m_chunks.reserve(size_t((rows + kChunkRows - 1) >> kChunkShift));
}

OAuthConnection ConnectionStore::at(qsizetype index) const
{
    OAuthConnection c;
    c.id = id(index);
    c.createdAt = createdAt(index);
    c.deletedAt = deletedAt(index);
    c.groupId = groupId(index);
    c.oauthApplicationId = oauthApplicationId(index);
    c.status = status(index);
    c.type = type(index);
    return c;
}

QString ConnectionStore::id(qsizetype index) const
{
    const Row &r = row(index);
    return r.flags & IdVerbatim ? verbatim(index, IdField)
                                : CompactField::unpackId(kIdPrefix, r.id);
}

QString ConnectionStore::createdAt(qsizetype index) const
{
    const Row &r = row(index);
    return r.flags & CreatedVerbatim ? verbatim(index, CreatedField)
                                     : CompactField::unpackTimestamp(r.createdAt);
}

std::optional<QString> ConnectionStore::deletedAt(qsizetype index) const
{
    const Row &r = row(index);
    if (r.flags & DeletedNull)
        return std::nullopt;
    return r.flags & DeletedVerbatim ? verbatim(index, DeletedField)
                                     : CompactField::unpackTimestamp(r.deletedAt);
}

QString ConnectionStore::groupId(qsizetype index) const
{
    const Row &r = row(index);
    return r.flags & GroupVerbatim ? verbatim(index, GroupField)
                                   : CompactField::unpackId(kGroupPrefix, r.groupId);
}

QString ConnectionStore::oauthApplicationId(qsizetype index) const
{
    return m_applicationIds.at(row(index).application);
}

QString ConnectionStore::status(qsizetype index) const
{
    switch (row(index).status) {
    case Active:
        return kActive;
    case Inactive:
        return kInactive;
    default:
        return verbatim(index, StatusField);
    }
}

QString ConnectionStore::type(qsizetype index) const
{
    const Row &r = row(index);
    return r.flags & TypeVerbatim ? verbatim(index, TypeField) : m_types.at(r.type);
}

ConnectionStore::Needle
ConnectionStore::needle(const QString &text,
                        const std::function<bool(const QString &applicationId)> &applicationMatches,
                        bool timesInUtc) const
{
    using Form = CompactField::PackedTimestampSearch::Form;
    Needle n;
    n.text = text;
    // Qt's case-insensitive search compares characters by their simple case folding, so
    // a needle occurs in ASCII text exactly when each of its characters folds into ASCII
    // (the Kelvin sign folds to "k") and the folded needle occurs in the folded text.
    if (const std::optional<QByteArray> folded = foldedAscii(text)) {
        n.inIds = CompactField::PackedIdSearch(kIdPrefix, *folded);
        n.inGroups = CompactField::PackedIdSearch(kGroupPrefix, *folded);
        n.inTimestamps = CompactField::PackedTimestampSearch(*folded);
        n.inShownTimestamps = CompactField::PackedTimestampSearch(
            *folded, timesInUtc ? Form::ShownUtc : Form::ShownLocal);
    }
    n.inActive = QString(kActive).contains(text, Qt::CaseInsensitive);
    n.inInactive = QString(kInactive).contains(text, Qt::CaseInsensitive);
    n.applications.reserve(size_t(m_applicationIds.size()));
    for (const QString &id : m_applicationIds)
        n.applications.push_back(applicationMatches(id));
    return n;
}

bool ConnectionStore::contains(qsizetype index, const Needle &needle) const
{
    const Row &r = row(index);
    if (r.application < needle.applications.size() && needle.applications[r.application])
        return true;
    switch (r.status) {
    case Active:
        if (needle.inActive)
            return true;
        break;
    case Inactive:
        if (needle.inInactive)
            return true;
        break;
    default:
        if (verbatimContains(index, StatusField, needle))
            return true;
    }
    if (r.flags & IdVerbatim ? verbatimContains(index, IdField, needle)
                             : needle.inIds.foundIn(r.id))
        return true;
    if (r.flags & GroupVerbatim ? verbatimContains(index, GroupField, needle)
                                : needle.inGroups.foundIn(r.groupId))
        return true;
    // A timestamp kept verbatim (fractional seconds, an offset) is shown parsed, when it
    // parses: its shown form is searched too.
    const auto timestampHas = [&](bool verbatimText, Field field, qint64 seconds) {
        if (verbatimText) {
            if (verbatimContains(index, field, needle))
                return true;
            const std::optional<qint64> parsed = CompactField::isoSeconds(verbatim(index, field));
            return parsed && needle.inShownTimestamps.foundIn(*parsed);
        }
        return needle.inTimestamps.foundIn(seconds) || needle.inShownTimestamps.foundIn(seconds);
    };
    if (timestampHas(r.flags & CreatedVerbatim, CreatedField, r.createdAt))
        return true;
    if (r.flags & DeletedNull)
        return false;
    return timestampHas(r.flags & DeletedVerbatim, DeletedField, r.deletedAt);
}

qsizetype ConnectionStore::bytesUsed() const
{
    qsizetype bytes = qsizetype(m_chunks.size()) * kChunkRows * qsizetype(sizeof(Row)) +
                      qsizetype(m_chunks.capacity() * sizeof(m_chunks[0]));
    // Interned strings are shared by the list and the hash: one payload, plus a hash node
    // and a list slot each. Verbatim strings: payload plus a hash node.
    for (const QString &id : m_applicationIds)
        bytes += stringBytes(id) + 64;
    for (const QString &type : m_types)
        bytes += stringBytes(type) + 64;
    for (const QString &text : m_verbatim)
        bytes += stringBytes(text) + 48;
    return bytes;
}

QString ConnectionStore::verbatim(qsizetype index, Field field) const
{
    return m_verbatim.value(verbatimKey(index, field));
}

std::optional<qint64> ConnectionStore::verbatimSeconds(qsizetype index, Field field) const
{
    return CompactField::isoSeconds(verbatim(index, field));
}

bool ConnectionStore::verbatimContains(qsizetype index, Field field, const Needle &needle) const
{
    const auto text = m_verbatim.constFind(verbatimKey(index, field));
    return text != m_verbatim.cend() && text->contains(needle.text, Qt::CaseInsensitive);
}
