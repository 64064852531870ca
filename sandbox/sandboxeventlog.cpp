// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxeventlog.h"

#include "sandboxdataset.h"
#include "sandboxjson.h"
#include "sandboxrandom.h"

#include <algorithm>
#include <cstring>

namespace {

// In ASCII order, so ids of one length sort as the numbers they spell.
constexpr char Digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
constexpr int ValueDigits = 13; // 36^13 > 2^64
constexpr int CheckDigits = SandboxEventLog::IdLength - ValueDigits;
constexpr int Rounds = 4;

quint32 round(quint32 half, quint64 key, int i)
{
    return quint32(SandboxRandom::mix(key ^ (quint64(half) << 8) ^ quint64(i)));
}

// A Feistel network: a bijection on 64 bits for any round function.
quint64 permute(quint64 value, quint64 key)
{
    quint32 left = quint32(value >> 32);
    quint32 right = quint32(value);
    for (int i = 0; i < Rounds; ++i) {
        const quint32 next = left ^ round(right, key, i);
        left = right;
        right = next;
    }
    return (quint64(left) << 32) | right;
}

quint64 unpermute(quint64 value, quint64 key)
{
    quint32 left = quint32(value >> 32);
    quint32 right = quint32(value);
    for (int i = Rounds - 1; i >= 0; --i) {
        const quint32 previous = right ^ round(left, key, i);
        right = left;
        left = previous;
    }
    return (quint64(left) << 32) | right;
}

void writeBase36(char *out, int width, quint64 value)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = Digits[value % 36];
        value /= 36;
    }
}

int digitValue(char16_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    return -1;
}

template <size_t N> char *put(char *out, const char (&text)[N])
{
    std::memcpy(out, text, N - 1);
    return out + N - 1;
}

} // namespace

SandboxEventLog::SandboxEventLog(const SandboxDataset &dataset, quint64 seed)
    : m_dataset(dataset)
    , m_key(SandboxRandom::mix(seed ^ 0xe7e7e7e7e7e7e7e7ULL))
{}

bool SandboxEventLog::exists(quint32 key) const
{
    const quint32 row = rowOf(key);
    if (row >= m_dataset.connectionCount())
        return false;
    return kindOf(key) == Created || m_dataset.connection(row).deletedAt != 0;
}

qint64 SandboxEventLog::time(quint32 key) const
{
    const SandboxDataset::Connection &c = m_dataset.connection(rowOf(key));
    return SandboxDataset::timeBase() + (kindOf(key) == Created ? c.createdAt : c.deletedAt);
}

quint64 SandboxEventLog::idValue(quint32 key) const
{
    return permute(key, m_key);
}

quint64 SandboxEventLog::checkValue(quint64 value) const
{
    return SandboxRandom::mix(value ^ m_key);
}

bool SandboxEventLog::before(quint32 a, quint32 b) const
{
    const qint64 timeA = time(a);
    const qint64 timeB = time(b);
    return timeA != timeB ? timeA < timeB : idValue(a) < idValue(b);
}

const std::vector<quint32> &SandboxEventLog::ordered() const
{
    if (m_built)
        return m_ordered;
    // Sorting on precomputed (time, id) pairs is several times faster than calling
    // before() in the comparator; the pairs are freed once the order is known.
    struct Entry
    {
        qint64 time;
        quint64 id;
        quint32 key;
    };
    std::vector<Entry> entries;
    const quint32 rows = m_dataset.connectionCount();
    entries.reserve(size_t(rows) + rows / 2);
    for (quint32 row = 0; row < rows; ++row) {
        for (const Kind kind : {Created, Deactivated}) {
            const quint32 k = key(row, kind);
            if (kind == Created || exists(k))
                entries.push_back({time(k), idValue(k), k});
        }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.time != b.time ? a.time < b.time : a.id < b.id;
    });
    m_ordered.resize(entries.size());
    for (size_t i = 0; i < entries.size(); ++i)
        m_ordered[i] = entries[i].key;
    m_built = true;
    return m_ordered;
}

size_t SandboxEventLog::firstAtOrAfter(qint64 unixSeconds) const
{
    const std::vector<quint32> &events = ordered();
    return size_t(std::partition_point(events.begin(), events.end(),
                                       [&](quint32 k) { return time(k) < unixSeconds; }) -
                  events.begin());
}

size_t SandboxEventLog::firstAfter(quint32 key) const
{
    const std::vector<quint32> &events = ordered();
    return size_t(std::upper_bound(events.begin(), events.end(), key,
                                   [this](quint32 a, quint32 b) { return before(a, b); }) -
                  events.begin());
}

void SandboxEventLog::add(quint32 key)
{
    if (!m_built) // the first listing will include it
        return;
    m_ordered.insert(std::upper_bound(m_ordered.begin(), m_ordered.end(), key,
                                      [this](quint32 a, quint32 b) { return before(a, b); }),
                     key);
}

void SandboxEventLog::writeId(char *out, quint32 key) const
{
    const quint64 value = idValue(key);
    writeBase36(out, ValueDigits, value);
    writeBase36(out + ValueDigits, CheckDigits, checkValue(value));
}

std::optional<quint32> SandboxEventLog::find(QStringView id) const
{
    const QStringView prefix = u"event_";
    if (id.size() != prefix.size() + IdLength || !id.startsWith(prefix))
        return std::nullopt;
    const QStringView digits = id.mid(prefix.size());
    quint64 value = 0;
    for (int i = 0; i < ValueDigits; ++i) {
        const int digit = digitValue(digits[i].unicode());
        if (digit < 0 || value > (~quint64(0) - quint64(digit)) / 36)
            return std::nullopt;
        value = value * 36 + quint64(digit);
    }
    char check[CheckDigits];
    writeBase36(check, CheckDigits, checkValue(value));
    for (int i = 0; i < CheckDigits; ++i) {
        if (digits[ValueDigits + i] != QLatin1Char(check[i]))
            return std::nullopt;
    }
    const quint64 original = unpermute(value, m_key);
    if (original > 0xffffffffULL || !exists(quint32(original)))
        return std::nullopt;
    return quint32(original);
}

void SandboxEventLog::appendJson(QByteArray &out, quint32 key) const
{
    const SandboxDataset::Connection &c = m_dataset.connection(rowOf(key));
    char buffer[320];
    char *p = put(buffer, R"({"associated_object_id":"connection_)");
    std::memcpy(p, c.id, SandboxDataset::IdLength);
    p = put(p + SandboxDataset::IdLength, R"(","associated_object_type":"oauth_connection",)");
    p = kindOf(key) == Created ? put(p, R"("category":"oauth_connection.created")")
                               : put(p, R"("category":"oauth_connection.deactivated")");
    p = put(p, R"(,"created_at":")");
    p = SandboxJson::writeTimestamp(p, time(key));
    p = put(p, R"(","id":"event_)");
    writeId(p, key);
    p = put(p + IdLength, R"(","type":"event"})");
    out.append(buffer, p - buffer);
}
