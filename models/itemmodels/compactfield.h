#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringView>
#include <optional>

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

// Seconds since the epoch for any ISO 8601 timestamp that names its offset ("Z" or
// "+01:00"), fractional seconds truncated; nullopt otherwise (no offset, not a date).
std::optional<qint64> isoSeconds(QStringView text);

} // namespace CompactField
