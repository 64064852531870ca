#include "compactfield.h"

#include <QDateTime>

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

char16_t *writeDigits(char16_t *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
    return out + width;
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
    qint64 days = unixSeconds / kSecondsPerDay;
    qint64 rest = unixSeconds % kSecondsPerDay;
    if (rest < 0) {
        rest += kSecondsPerDay;
        --days;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, &year, &month, &day);
    char16_t buffer[kTimestampLength];
    char16_t *out = writeDigits(buffer, year, 4);
    *out++ = u'-';
    out = writeDigits(out, month, 2);
    *out++ = u'-';
    out = writeDigits(out, day, 2);
    *out++ = u'T';
    out = writeDigits(out, int(rest / 3600), 2);
    *out++ = u':';
    out = writeDigits(out, int(rest / 60 % 60), 2);
    *out++ = u':';
    out = writeDigits(out, int(rest % 60), 2);
    *out = u'Z';
    return QString(reinterpret_cast<const QChar *>(buffer), kTimestampLength);
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
