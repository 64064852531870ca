// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compactfield.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtAlgorithms>

#include <algorithm>

namespace {

constexpr qint64 kSecondsPerDay = 86400;

// Howard Hinnant's civil-from-days and days-from-civil: exact for the proleptic
// Gregorian calendar and far cheaper than QDateTime for two timestamps a row.
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

void civilFromDays(qint64 days, int *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    *day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    *month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    *year = int(yearOfEra + era * 400 + (*month <= 2 ? 1 : 0));
}

// Reads `width` ASCII digits at `at`; -1 if any is not a digit.
int readDigits(QStringView text, int at, int width)
{
    int value = 0;
    for (int i = at; i < at + width; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + int(c - u'0');
    }
    return value;
}

template <typename Char> Char *writeDigits(Char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = Char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

// Whole days since the epoch, and the seconds into the last one, for either sign.
void splitSeconds(qint64 unixSeconds, qint64 *days, int *secondOfDay)
{
    *days = unixSeconds / kSecondsPerDay;
    qint64 rest = unixSeconds % kSecondsPerDay;
    if (rest < 0) {
        rest += kSecondsPerDay;
        --*days;
    }
    *secondOfDay = int(rest);
}

constexpr int kDateLength = 11; // "yyyy-MM-ddT"

// The first kDateLength characters of a timestamp, in UTF-16 or Latin-1.
template <typename Char> void writeDate(qint64 days, Char *out)
{
    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, &year, &month, &day);
    out = writeDigits(out, year, 4);
    *out++ = Char('-');
    out = writeDigits(out, month, 2);
    *out++ = Char('-');
    out = writeDigits(out, day, 2);
    *out = Char('T');
}

// The rest: "HH:mm:ssZ".
template <typename Char> void writeTime(int secondOfDay, Char *out)
{
    out = writeDigits(out, secondOfDay / 3600, 2);
    *out++ = Char(':');
    out = writeDigits(out, secondOfDay / 60 % 60, 2);
    *out++ = Char(':');
    out = writeDigits(out, secondOfDay % 60, 2);
    *out = Char('Z');
}

bool equal(const char *a, const char *b, int size)
{
    for (int i = 0; i < size; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// Whether `needle` occurs in `text`; both short, so a plain scan beats memmem's set-up.
bool occursIn(const char *text, int textSize, const QByteArray &needle)
{
    const int size = int(needle.size());
    const char *n = needle.constData();
    for (int at = 0; at + size <= textSize; ++at) {
        if (text[at] == n[0] && equal(text + at + 1, n + 1, size - 1))
            return true;
    }
    return false;
}

bool isIdCharacter(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

} // namespace

namespace CompactField {

bool packId(QStringView text, QLatin1StringView prefix, char *out)
{
    if (text.size() != prefix.size() + kIdLength || !text.startsWith(prefix))
        return false;
    for (int i = 0; i < kIdLength; ++i) {
        const char16_t c = text[prefix.size() + i].unicode();
        if (!isIdCharacter(c))
            return false;
        out[i] = char(c);
    }
    return true;
}

QString unpackId(QLatin1StringView prefix, const char *packed)
{
    QString id(prefix.size() + kIdLength, Qt::Uninitialized);
    QChar *out = id.data();
    for (qsizetype i = 0; i < prefix.size(); ++i)
        *out++ = QLatin1Char(prefix.at(i));
    for (int i = 0; i < kIdLength; ++i)
        *out++ = QLatin1Char(packed[i]);
    return id;
}

std::optional<qint64> packTimestamp(QStringView text)
{
    if (text.size() != kTimestampLength || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' ||
        text[13] != u':' || text[16] != u':' || text[19] != u'Z')
        return std::nullopt;
    const int year = readDigits(text, 0, 4);
    const int month = readDigits(text, 5, 2);
    const int day = readDigits(text, 8, 2);
    const int hour = readDigits(text, 11, 2);
    const int minute = readDigits(text, 14, 2);
    const int second = readDigits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 ||
        minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    const qint64 seconds =
        daysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 + second;
    // "2023-02-30" would come back as "2023-03-02": only exact round trips are packed.
    if (unpackTimestamp(seconds) != text)
        return std::nullopt;
    return seconds;
}

QString unpackTimestamp(qint64 unixSeconds)
{
    qint64 days = 0;
    int secondOfDay = 0;
    splitSeconds(unixSeconds, &days, &secondOfDay);
    char16_t buffer[kTimestampLength];
    writeDate(days, buffer);
    writeTime(secondOfDay, buffer + kDateLength);
    return QString(reinterpret_cast<const QChar *>(buffer), kTimestampLength);
}

PackedIdSearch::PackedIdSearch(QLatin1StringView prefix, QByteArrayView folded)
    : m_needle(folded.toByteArray())
{
    const qsizetype size = m_needle.size();
    m_possible = size > 0 && size <= prefix.size() + kIdLength &&
                 std::all_of(m_needle.cbegin(), m_needle.cend(),
                             [](char c) { return isIdCharacter(char16_t(c)) || c == '_'; });
    if (!m_possible)
        return;
    const QByteArrayView head(prefix.data(), prefix.size());
    m_inPrefix = head.contains(folded);
    for (qsizetype k = 1; k < size && k <= head.size(); ++k) {
        if (size - k <= kIdLength && head.endsWith(folded.first(k)))
            m_straddles |= quint32(1) << k;
    }
}

bool PackedIdSearch::foundIn(const char *packed) const
{
    if (!m_possible)
        return false;
    if (m_inPrefix)
        return true;
    const int size = int(m_needle.size());
    for (quint32 straddles = m_straddles; straddles != 0; straddles &= straddles - 1) {
        const int k = int(qCountTrailingZeroBits(straddles));
        if (equal(packed, m_needle.constData() + k, size - k))
            return true;
    }
    return occursIn(packed, kIdLength, m_needle);
}

void LocalOffsets::load() const
{
    constexpr qint64 kBeforeAll = std::numeric_limits<qint64>::min();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    // Every timestamp the API sends lies between these; outside, the nearest offset holds.
    const QDateTime from(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2200, 1, 1), QTime(0, 0), Qt::UTC);
    const auto localOffset = [](const QDateTime &at) {
        return at.toLocalTime().offsetFromUtc();
    };
    m_starts = {kBeforeAll};
    m_offsets = {localOffset(from)};
    if (zone.isValid() && zone.hasTransitions()) {
        for (const QTimeZone::OffsetData &transition : zone.transitions(from, to)) {
            m_starts.push_back(transition.atUtc.toSecsSinceEpoch());
            m_offsets.push_back(transition.offsetFromUtc);
        }
    } else {
        m_offsets = {localOffset(QDateTime::currentDateTimeUtc())}; // a zone without changes
    }
}

int LocalOffsets::at(qint64 unixSeconds) const
{
    if (m_starts.empty())
        load();
    const auto inSpan = [&](size_t i) {
        return unixSeconds >= m_starts[i] &&
               (i + 1 == m_starts.size() || unixSeconds < m_starts[i + 1]);
    };
    if (!inSpan(m_last)) {
        const auto after = std::upper_bound(m_starts.cbegin(), m_starts.cend(), unixSeconds);
        m_last = size_t(after - m_starts.cbegin()) - 1; // m_starts[0] precedes everything
    }
    return m_offsets[m_last];
}

PackedTimestampSearch::PackedTimestampSearch(QByteArrayView folded, Form form)
    : m_needle(folded.toByteArray())
    , m_form(form)
{
    static_assert(sizeof(RenderedDate::text) == kDateLength);
    static constexpr char kApiShape[] = "0000-00-00t00:00:00z"; // '0': any digit
    static constexpr char kShownShape[] = "0000-00-00 00:00:00";
    const char *shape = form == Form::Api ? kApiShape : kShownShape;
    const int length = form == Form::Api ? kTimestampLength : kTimestampLength - 1;
    const int size = int(m_needle.size());
    for (int at = 0; size > 0 && at + size <= length; ++at) {
        bool fits = true;
        for (int i = 0; fits && i < size; ++i) {
            const char c = m_needle.at(i);
            fits = shape[at + i] == '0' ? c >= '0' && c <= '9' : c == shape[at + i];
        }
        if (fits) {
            m_offsets |= quint32(1) << at;
            m_readsDate = m_readsDate || at < kDateLength;
            m_readsTime = m_readsTime || at + size > kDateLength;
        }
    }
}

bool PackedTimestampSearch::foundIn(qint64 unixSeconds) const
{
    if (m_offsets == 0)
        return false;
    if (m_form == Form::ShownLocal)
        unixSeconds += m_local.at(unixSeconds);
    qint64 days = 0;
    int secondOfDay = 0;
    splitSeconds(unixSeconds, &days, &secondOfDay);
    char text[kTimestampLength];
    if (m_readsDate) {
        RenderedDate *date = &m_dates[0];
        if (date->day != days) {
            date = &m_dates[1];
            if (date->day != days) {
                date = &m_dates[m_nextDate];
                m_nextDate ^= 1;
                writeDate(days, date->text);
                // Folded, like the needle; the table puts a space between date and time.
                date->text[kDateLength - 1] = m_form == Form::Api ? 't' : ' ';
                date->day = days;
            }
        }
        std::copy_n(date->text, kDateLength, text);
    }
    if (m_readsTime) {
        writeTime(secondOfDay, text + kDateLength);
        text[kTimestampLength - 1] = 'z'; // past the end of the shown form: never compared
    }
    const int size = int(m_needle.size());
    for (quint32 offsets = m_offsets; offsets != 0; offsets &= offsets - 1) {
        const int at = int(qCountTrailingZeroBits(offsets));
        if (equal(text + at, m_needle.constData(), size))
            return true;
    }
    return false;
}

std::optional<qint64> isoSeconds(QStringView text)
{
    if (const std::optional<qint64> packed = packTimestamp(text))
        return packed;
    const QDateTime parsed = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    // Without an offset the instant depends on the reader's time zone: not a timestamp.
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    const qint64 ms = parsed.toMSecsSinceEpoch();
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

} // namespace CompactField
