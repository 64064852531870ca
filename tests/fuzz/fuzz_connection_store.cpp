// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: ConnectionStore and CompactField on connections whose ids and timestamps
// sit on and around the compact forms. Checks: every stored row re-renders to exactly
// the connection appended (at() and each accessor), across chunk boundaries and after
// clear(); a packed timestamp unpacks to its text, packs exactly when QDate/QTime call
// the date and time valid, and counts the seconds QDateTime counts; createdAtSeconds and
// deletedAtSeconds are isoSeconds of the text, which for any offset-bearing ISO 8601
// timestamp is QDateTime's instant floored to the second.

#include "compactfield.h"
#include "connectionstore.h"
#include "fuzzsupport.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStringBuilder>
#include <QTimeZone>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr QStringView kIdAlphabet = u"abcdefghijklmnopqrstuvwxyz0123456789";

// `prefix` and about `length` characters, mostly from kIdAlphabet: packable now and then.
QString idLike(FuzzedDataProvider &input, QLatin1StringView prefix)
{
    if (input.ConsumeIntegralInRange<int>(0, 7) == 0)
        return Fuzz::string(input, 40);
    const int length = CompactField::kIdLength + input.ConsumeIntegralInRange<int>(-1, 1) *
                                                     input.ConsumeIntegralInRange<int>(0, 1);
    QString id = prefix;
    for (int i = 0; i < length; ++i) {
        id += input.ConsumeIntegralInRange<int>(0, 31) == 0
                  ? QChar(Fuzz::character(input))
                  : kIdAlphabet[input.ConsumeIntegralInRange<qsizetype>(0, kIdAlphabet.size() - 1)];
    }
    return id;
}

QString digits(int value, int width)
{
    return QString::number(value).rightJustified(width, u'0');
}

// "yyyy-MM-ddTHH:mm:ssZ" with every field a little out of range now and then, or a
// variant the packer must refuse (fraction, offset, lower-case z), or fuzz text.
QString timestampLike(FuzzedDataProvider &input)
{
    const int shape = input.ConsumeIntegralInRange<int>(0, 15);
    if (shape == 0)
        return Fuzz::string(input, 32);
    const int year = input.ConsumeBool() ? input.ConsumeIntegralInRange<int>(1965, 2105)
                                         : input.ConsumeIntegralInRange<int>(0, 9999);
    QString text = digits(year, 4) % u'-' % digits(input.ConsumeIntegralInRange<int>(0, 13), 2) %
                   u'-' % digits(input.ConsumeIntegralInRange<int>(0, 32), 2) % u'T' %
                   digits(input.ConsumeIntegralInRange<int>(0, 24), 2) % u':' %
                   digits(input.ConsumeIntegralInRange<int>(0, 60), 2) % u':' %
                   digits(input.ConsumeIntegralInRange<int>(0, 60), 2);
    switch (shape) {
    case 1:
        return text % u"."_s % digits(input.ConsumeIntegralInRange<int>(0, 999), 3) % u'Z';
    case 2:
        return text % (input.ConsumeBool() ? u"+"_s : u"-"_s) %
               digits(input.ConsumeIntegralInRange<int>(0, 14), 2) % u":"_s %
               digits(input.ConsumeIntegralInRange<int>(0, 59), 2);
    case 3:
        return text % u'z';
    case 4:
        return text;
    default:
        return text % u'Z';
    }
}

OAuthConnection connection(FuzzedDataProvider &input)
{
    static const QStringList kStatuses{u"active"_s, u"inactive"_s};
    static const QStringList kApplications{u"application_gj9ufmpgh5i56k4vyriy"_s, QString()};
    OAuthConnection c;
    c.id = idLike(input, "connection_"_L1);
    c.createdAt = timestampLike(input);
    if (input.ConsumeBool())
        c.deletedAt = timestampLike(input);
    c.groupId = idLike(input, "group_"_L1);
    c.oauthApplicationId =
        input.ConsumeBool() ? kApplications.at(input.ConsumeBool()) : Fuzz::string(input, 36);
    c.status = input.ConsumeIntegralInRange<int>(0, 3) ? kStatuses.at(input.ConsumeBool())
                                                       : Fuzz::string(input, 10);
    c.type =
        input.ConsumeIntegralInRange<int>(0, 3) ? u"oauth_connection"_s : Fuzz::string(input, 20);
    return c;
}

// The compact form's contract, with QDate/QTime/QDateTime as the reference calendar.
void checkTimestamp(const QString &text)
{
    const std::optional<qint64> packed = CompactField::packTimestamp(text);
    if (packed) {
        FUZZ_CHECK(CompactField::unpackTimestamp(*packed) == text,
                   Fuzz::dump(text) % u" unpacks as "_s %
                       Fuzz::dump(CompactField::unpackTimestamp(*packed)));
    }
    static const QRegularExpression kPlain(
        u"^(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)Z$"_s);
    const QRegularExpressionMatch match = kPlain.match(text);
    if (match.hasMatch()) {
        const int year = match.captured(1).toInt();
        // ISO 8601 year 0 is 1 BC, which QDate calls -1.
        const QDate date(year == 0 ? -1 : year, match.captured(2).toInt(),
                         match.captured(3).toInt());
        const QTime time(match.captured(4).toInt(), match.captured(5).toInt(),
                         match.captured(6).toInt());
        FUZZ_CHECK(packed.has_value() == (date.isValid() && time.isValid()),
                   Fuzz::dump(text) % (packed ? u" packed"_s : u" refused"_s));
        if (packed) {
            const qint64 reference = QDateTime(date, time, QTimeZone::utc()).toSecsSinceEpoch();
            FUZZ_CHECK(*packed == reference, Fuzz::dump(text) % u": "_s % QString::number(*packed) %
                                                 u" s, QDateTime says "_s %
                                                 QString::number(reference));
        }
    } else {
        FUZZ_CHECK(!packed, Fuzz::dump(text) % u" is not yyyy-MM-ddTHH:mm:ssZ but packed"_s);
    }

    const std::optional<qint64> seconds = CompactField::isoSeconds(text);
    if (packed) {
        FUZZ_CHECK(seconds == packed, u"isoSeconds disagrees with packTimestamp"_s);
        return;
    }
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime) {
        FUZZ_CHECK(!seconds, Fuzz::dump(text) % u" has no instant but isoSeconds gave one"_s);
        return;
    }
    const qint64 ms = parsed.toMSecsSinceEpoch();
    const qint64 floored = ms / 1000 - (ms % 1000 < 0 ? 1 : 0);
    FUZZ_CHECK(seconds == floored, Fuzz::dump(text) % u": "_s %
                                       QString::number(seconds.value_or(-1)) % u" != "_s %
                                       QString::number(floored));
}

void checkRow(const ConnectionStore &store, qsizetype i, const OAuthConnection &c)
{
    const OAuthConnection back = store.at(i);
    FUZZ_CHECK(back == c,
               u"row "_s % QString::number(i) % u" id "_s % Fuzz::dump(back.id) % u" vs "_s %
                   Fuzz::dump(c.id) % u", created "_s % Fuzz::dump(back.createdAt) % u" vs "_s %
                   Fuzz::dump(c.createdAt) % u", deleted "_s % Fuzz::dump(back.deletedAt) %
                   u" vs "_s % Fuzz::dump(c.deletedAt) % u", group "_s % Fuzz::dump(back.groupId) %
                   u", status "_s % Fuzz::dump(back.status) % u", type "_s % Fuzz::dump(back.type));
    FUZZ_CHECK(store.id(i) == c.id && store.createdAt(i) == c.createdAt &&
                   store.deletedAt(i) == c.deletedAt && store.groupId(i) == c.groupId &&
                   store.oauthApplicationId(i) == c.oauthApplicationId &&
                   store.status(i) == c.status && store.type(i) == c.type,
               u"an accessor disagrees with at() in row "_s % QString::number(i));
    FUZZ_CHECK(store.createdAtSeconds(i) == CompactField::isoSeconds(c.createdAt),
               u"createdAtSeconds of "_s % Fuzz::dump(c.createdAt));
    FUZZ_CHECK(store.deletedAtSeconds(i) ==
                   (c.deletedAt ? CompactField::isoSeconds(*c.deletedAt) : std::nullopt),
               u"deletedAtSeconds of "_s % Fuzz::dump(c.deletedAt));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider input(data, size);
    // Now and then packable filler rows first, so the fuzzed rows straddle the end of the
    // first 1024-row chunk.
    // (Rarely: 2000 appends cost as much as a hundred other inputs.)
    qsizetype filler = input.ConsumeIntegralInRange<int>(0, 255) == 255
                           ? input.ConsumeIntegralInRange<int>(1016, 1024)
                           : 0;
    QList<OAuthConnection> connections;
    for (int i = input.ConsumeIntegralInRange<int>(1, 8); i > 0 && input.remaining_bytes() > 0; --i)
        connections.append(connection(input));

    for (const OAuthConnection &c : connections) {
        checkTimestamp(c.createdAt);
        if (c.deletedAt)
            checkTimestamp(*c.deletedAt);
        char packed[CompactField::kIdLength];
        if (CompactField::packId(c.id, "connection_"_L1, packed))
            FUZZ_CHECK(CompactField::unpackId("connection_"_L1, packed) == c.id, Fuzz::dump(c.id));
    }

    const OAuthConnection packable{u"connection_dauknoksyr4wilz4e6my"_s,
                                   u"2024-03-01T12:00:00Z"_s,
                                   std::nullopt,
                                   u"group_1g4mhziu6kvrs3vz35um"_s,
                                   u"application_gj9ufmpgh5i56k4vyriy"_s,
                                   u"active"_s,
                                   u"oauth_connection"_s};
    ConnectionStore store;
    for (int round = 0; round < 2; ++round) {
        for (qsizetype i = 0; i < filler; ++i)
            store.append(packable);
        for (const OAuthConnection &c : connections)
            store.append(c);
        FUZZ_CHECK(store.size() == filler + connections.size(), u"size after append"_s);
        FUZZ_CHECK(connections.isEmpty() || store.bytesUsed() > 0,
                   u"a non-empty store uses no memory"_s);
        if (filler > 0)
            FUZZ_CHECK(store.at(0) == packable && store.at(filler - 1) == packable, u"filler"_s);
        for (qsizetype i = 0; i < connections.size(); ++i)
            checkRow(store, filler + i, connections.at(i));
        // The same rows in another order after clear(): nothing interned may survive it.
        store.clear();
        FUZZ_CHECK(store.size() == 0, u"size after clear"_s);
        std::reverse(connections.begin(), connections.end());
        filler = 0;
    }
    return 0;
}
