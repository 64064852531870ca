// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>
#include <limits>
#include <optional>
#include <vector>

// Pure encoders for the compact row storage of ConnectionStore. Each packs a value only
// when unpacking gives back exactly the same string; otherwise it refuses, and the
// caller keeps the text verbatim.
namespace CompactField {

// Length of the random part of an Increase id ("connection_" + 20 characters).
inline constexpr int kIdLength = 20;
// Length of "2024-03-05T17:04:11Z".
inline constexpr int kTimestampLength = 20;

// `prefix` followed by exactly kIdLength characters of [a-z0-9]: writes those characters
// to `out` (kIdLength bytes) and returns true. Anything else (other length, upper case,
// another prefix) returns false.
bool packId(QStringView text, QLatin1StringView prefix, char *out);
QString unpackId(QLatin1StringView prefix, const char *packed);

// Seconds since the Unix epoch for "yyyy-MM-ddTHH:mm:ssZ" when rendering them back gives
// the same string; nullopt for fractional seconds, offsets, lower-case "z", impossible
// dates, years outside 0000-9999.
std::optional<qint64> packTimestamp(QStringView text);
QString unpackTimestamp(qint64 unixSeconds);

// A case-folded needle prepared for searching packed ids as the text `prefix` + the
// kIdLength packed characters, without building that text: whether it lies within the
// prefix, where it may straddle the prefix's end, else a search of the packed part.
class PackedIdSearch
{
public:
    PackedIdSearch() = default; // finds nothing
    // `folded`: the needle case-folded into ASCII, as packed ids are.
    PackedIdSearch(QLatin1StringView prefix, QByteArrayView folded);
    bool foundIn(const char *packed) const;

private:
    QByteArray m_needle;
    bool m_possible = false; // only characters an id has, and short enough
    bool m_inPrefix = false; // every id holds it
    quint32 m_straddles = 0; // bit k: the prefix ends with the needle's first k characters
};

// Seconds east of UTC of the local time zone at an instant, as QDateTime's local time
// has it, from the zone's transitions read once: a search asks for two timestamps a row,
// and a QDateTime conversion each would cost seconds at a million rows.
class LocalOffsets
{
public:
    int at(qint64 unixSeconds) const;

private:
    void load() const;

    mutable std::vector<qint64> m_starts; // ascending: where each offset begins
    mutable std::vector<int> m_offsets;
    mutable size_t m_last = 0; // the span asked for last: rows come in runs
};

// A case-folded needle prepared for searching packed timestamps without a QString, in
// one of the forms a user sees them: as the API sends them ("dddd-dd-ddtdd:dd:ddz",
// unpackTimestamp()), or as the table shows them ("dddd-dd-dd dd:dd:dd", in UTC or in
// local time). Only where the needle fits the form's shape is it compared, and a row's
// date is rendered again only when it changes (rows come in runs of a day: the API
// lists by creation).
class PackedTimestampSearch
{
public:
    enum class Form { Api, ShownUtc, ShownLocal };

    PackedTimestampSearch() = default; // finds nothing
    explicit PackedTimestampSearch(QByteArrayView folded, Form form = Form::Api);
    bool foundIn(qint64 unixSeconds) const;

private:
    struct RenderedDate
    {
        qint64 day = std::numeric_limits<qint64>::min();
        char text[11] = {}; // "yyyy-mm-ddt" or "yyyy-mm-dd "
    };

    QByteArray m_needle;
    Form m_form = Form::Api;
    quint32 m_offsets = 0; // bit i: the needle fits the shape at character i
    bool m_readsDate = false;
    bool m_readsTime = false;
    // Two: the created and the deleted timestamp of a row are usually days apart.
    mutable RenderedDate m_dates[2];
    mutable int m_nextDate = 0;
    LocalOffsets m_local;
};

// Seconds since the epoch for any ISO 8601 timestamp that names its offset ("Z" or
// "+01:00"), fractional seconds truncated; nullopt otherwise (no offset, not a date).
std::optional<qint64> isoSeconds(QStringView text);

} // namespace CompactField
