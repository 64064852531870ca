// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: ApiQuery (path-id validation and quoting, list queries, status filters) and
// ExportColumns::parse. Checks: an id is accepted exactly when it matches
// [A-Za-z0-9_-]{1,200}, and an accepted id gives a URL path of exactly one more segment,
// never '.' or '..', unchanged by dot-segment normalisation and by an encode/decode
// round trip; a refused id says why. On the wire (the encoded URL, read back by a strict
// decoder written here) every query value is the given cursor, application id and
// statuses byte for byte (UTF-8), limit is clamped to 1..100, no raw '+', space or '#'
// appears, and queryItemValue(FullyDecoded) gives the cursor back. Status filters and
// column lists parse to what the contract says and round-trip through join(",").

#include "apiquery.h"
#include "exportcolumn.h"
#include "fuzzsupport.h"

#include <QStringBuilder>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Id characters, and the dots, slashes and escapes of them that must never pass.
constexpr QStringView kIdAlphabet = u"abcxyzABCXYZ0189_-_-../%2e%2E%2f";

bool matchesIdPattern(const QString &id)
{
    const QList<uint> codePoints = id.toUcs4();
    if (codePoints.isEmpty() || codePoints.size() > 200)
        return false;
    return std::all_of(codePoints.cbegin(), codePoints.cend(), [](uint c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

// An id quoted in an error message: whole while it could be an id, else a prefix of 59 or
// 60 units that never splits a surrogate pair, and an ellipsis.
void checkQuotable(const QString &id)
{
    const QString quoted = ApiQuery::quotableId(id);
    if (id.size() <= 200) {
        FUZZ_CHECK(quoted == id, u"short id changed: "_s % Fuzz::dump(quoted));
        return;
    }
    const QString kept = quoted.chopped(1);
    FUZZ_CHECK(quoted.endsWith(QChar(0x2026)) && (kept.size() == 59 || kept.size() == 60) &&
                   id.startsWith(kept) &&
                   !(kept.back().isHighSurrogate() && id.at(kept.size()).isLowSurrogate()),
               Fuzz::dump(id) % u" quoted as "_s % Fuzz::dump(quoted));
}

void checkPathId(const QString &id)
{
    checkQuotable(id);
    QString error;
    const bool valid = ApiQuery::isValidPathId(id, &error);
    FUZZ_CHECK(valid == matchesIdPattern(id),
               Fuzz::dump(id) % (valid ? u" accepted"_s : u" refused: "_s % error));
    if (!valid) {
        FUZZ_CHECK(!error.isEmpty(), u"refused id without a reason"_s);
        return;
    }
    FUZZ_CHECK(error.isEmpty(), u"accepted id set an error"_s);

    QUrl url(u"https://api.increase.com"_s);
    url.setPath(u"/oauth_connections/"_s + id);
    const QStringList segments = url.path().split(u'/');
    FUZZ_CHECK(url.isValid() && segments.size() == 3 && segments.at(2) == id,
               u"path "_s % Fuzz::dump(url.path()));
    FUZZ_CHECK(segments.at(2) != u"."_s && segments.at(2) != u".."_s, u"dot segment"_s);
    FUZZ_CHECK(url.adjusted(QUrl::NormalizePathSegments).path() == url.path(),
               u"normalisation changes "_s % Fuzz::dump(url.path()));
    const QByteArray wire = url.toEncoded();
    FUZZ_CHECK(wire == "https://api.increase.com/oauth_connections/" + id.toLatin1(),
               u"encoded as "_s % Fuzz::dump(wire));
    FUZZ_CHECK(QUrl::fromEncoded(wire).path() == url.path(), u"decoding changes the path"_s);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray percentDecoded(const QByteArray &encoded)
{
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (encoded.at(i) != '%') {
            out += encoded.at(i);
            continue;
        }
        const int high = i + 1 < encoded.size() ? hexValue(encoded.at(i + 1)) : -1;
        const int low = i + 2 < encoded.size() ? hexValue(encoded.at(i + 2)) : -1;
        FUZZ_CHECK(high >= 0 && low >= 0, u"bad escape in "_s % Fuzz::dump(encoded));
        out += char(high << 4 | low);
        i += 2;
    }
    return out;
}

// The query as the server receives it: raw items of the encoded URL.
QList<std::pair<QByteArray, QByteArray>> wireItems(const QUrlQuery &query)
{
    QUrl url(u"https://api.increase.com/oauth_connections"_s);
    url.setQuery(query);
    const QByteArray wire = url.toEncoded();
    const qsizetype mark = wire.indexOf('?');
    FUZZ_CHECK(mark > 0, u"no query in "_s % Fuzz::dump(wire));
    const QByteArray raw = wire.mid(mark + 1);
    for (char c : raw)
        FUZZ_CHECK(c != '+' && c != ' ' && c != '#' && uchar(c) > 0x20 && uchar(c) < 0x7f,
                   u"unsafe byte on the wire: "_s % Fuzz::dump(raw));
    QList<std::pair<QByteArray, QByteArray>> items;
    for (const QByteArray &item : raw.split('&')) {
        // "key" alone, as QUrlQuery writes an empty value, reads as "key=".
        const qsizetype equals = item.indexOf('=');
        FUZZ_CHECK(equals != 0 && !item.isEmpty(), u"item without a key: "_s % Fuzz::dump(raw));
        items.append(equals < 0 ? std::pair{item, QByteArray()}
                                : std::pair{item.left(equals), item.mid(equals + 1)});
    }
    return items;
}

QByteArray wireValue(const QList<std::pair<QByteArray, QByteArray>> &items, const QByteArray &key)
{
    QByteArray value;
    int count = 0;
    for (const auto &[k, v] : items) {
        if (k == key) {
            value = v;
            ++count;
        }
    }
    FUZZ_CHECK(count <= 1, u"key sent twice: "_s % QString::fromLatin1(key));
    return count ? value : QByteArray();
}

// A value reaches the server as its UTF-8. Text with a lone surrogate has none: QUrl
// sends a '?' for it (QString::toUtf8 on Qt 6.4); it must at least be valid UTF-8.
void checkSentAs(const QByteArray &wire, const QString &value)
{
    const QByteArray sent = percentDecoded(wire);
    if (Fuzz::isWellFormed(value)) {
        FUZZ_CHECK(sent == value.toUtf8(), Fuzz::dump(value) % u" sent as "_s % Fuzz::dump(wire));
    } else {
        FUZZ_CHECK(sent.isValidUtf8(), Fuzz::dump(value) % u" sent as "_s % Fuzz::dump(wire));
    }
}

void checkListQuery(const QUrlQuery &query, const QStringList &statuses, const QString &cursor,
                    int limit, const QString &applicationId)
{
    const auto items = wireItems(query);
    QList<QByteArray> keys;
    for (const auto &item : items)
        keys.append(item.first);
    const qsizetype expectedKeys =
        1 + !cursor.isEmpty() + !statuses.isEmpty() + !applicationId.isEmpty();
    FUZZ_CHECK(keys.size() == expectedKeys, u"unexpected keys"_s);

    FUZZ_CHECK(wireValue(items, "limit") == QByteArray::number(std::clamp(limit, 1, 100)),
               u"limit "_s % QString::fromLatin1(wireValue(items, "limit")));
    checkSentAs(wireValue(items, "cursor"), cursor);
    // QUrl decodes a noncharacter (U+FFFF, U+10FFFF...) to U+FFFD; the wire is right.
    const bool hasNonCharacter = std::any_of(cursor.cbegin(), cursor.cend(), [](QChar c) {
        return c.isNonCharacter() || (c.isLowSurrogate() && (c.unicode() & 0x3fe) == 0x3fe);
    });
    if (Fuzz::isWellFormed(cursor) && !cursor.isEmpty() && !hasNonCharacter) {
        FUZZ_CHECK(query.queryItemValue(u"cursor"_s, QUrl::FullyDecoded) == cursor,
                   u"queryItemValue does not give back "_s % Fuzz::dump(cursor));
    }
    checkSentAs(wireValue(items, "oauth_application_id"), applicationId);

    if (statuses.isEmpty())
        return;
    // The comma between statuses stays literal; a comma inside one is escaped.
    const QList<QByteArray> sent = wireValue(items, "status.in").split(',');
    FUZZ_CHECK(sent.size() == statuses.size(),
               u"status.in "_s % Fuzz::dump(wireValue(items, "status.in")));
    for (qsizetype i = 0; i < sent.size(); ++i)
        checkSentAs(sent.at(i), statuses.at(i));
}

// The status filter grammar from the contract: "all", or a comma list of distinct allowed
// values (spaces around each ignored), in the allowed order.
std::optional<QStringList> expectedStatuses(const QString &text, const QStringList &allowed)
{
    if (text.trimmed() == u"all"_s)
        return allowed;
    QStringList chosen;
    for (const QString &part : text.trimmed().split(u',')) {
        const QString status = part.trimmed();
        if (!allowed.contains(status) || chosen.contains(status))
            return std::nullopt;
        chosen.append(status);
    }
    QStringList ordered;
    for (const QString &status : allowed) {
        if (chosen.contains(status))
            ordered.append(status);
    }
    return ordered;
}

void checkStatusFilter(const QString &text, const QStringList &allowed)
{
    QString error;
    const std::optional<QStringList> parsed = ApiQuery::parseStatusFilter(text, allowed, &error);
    const std::optional<QStringList> expected = expectedStatuses(text, allowed);
    FUZZ_CHECK(parsed == expected, Fuzz::dump(text) % u" parsed as "_s %
                                       (parsed ? parsed->join(u',') : u"error "_s % error));
    FUZZ_CHECK(parsed.has_value() == error.isEmpty(), u"error set iff refused"_s);
    if (parsed) {
        FUZZ_CHECK(ApiQuery::parseStatusFilter(parsed->join(u','), allowed, nullptr) == parsed,
                   u"join does not round-trip"_s);
    }
}

void checkColumns(const QString &text)
{
    QString error;
    const std::optional<QList<ExportColumn>> columns = ExportColumns::parse(text, &error);
    FUZZ_CHECK(columns.has_value() == error.isEmpty(), u"error set iff refused"_s);
    if (!columns)
        return;
    QStringList names;
    for (ExportColumn column : *columns) {
        FUZZ_CHECK(!names.contains(ExportColumns::name(column)), u"duplicate column"_s);
        names.append(ExportColumns::name(column));
    }
    QStringList given = text.split(u',');
    for (QString &name : given)
        name = name.trimmed();
    FUZZ_CHECK(names == given, Fuzz::dump(text) % u" parsed as "_s % names.join(u','));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider input(data, size);
    if (input.ConsumeIntegralInRange<int>(0, 7) == 0) {
        // Around the 200-character limit, perhaps with a few bad characters, surrogates
        // most of all where an error message cuts the id short.
        QString id(input.ConsumeIntegralInRange<int>(190, 210), u'a');
        for (int i = input.ConsumeIntegralInRange<int>(0, 3); i > 0; --i) {
            const qsizetype at = input.ConsumeBool()
                                     ? input.ConsumeIntegralInRange<qsizetype>(57, 61)
                                     : input.ConsumeIntegralInRange<qsizetype>(0, id.size() - 1);
            switch (input.ConsumeIntegralInRange<int>(0, 2)) {
            case 0:
                id[at] = QChar(0xd83d);
                break;
            case 1:
                id[at] = QChar(0xde00);
                break;
            default:
                id[at] = Fuzz::character(input);
            }
        }
        checkPathId(id);
    } else {
        checkPathId(Fuzz::string(input, 24, kIdAlphabet));
    }

    ConnectionQuery query;
    const QStringList candidates{u"active"_s, u"inactive"_s, u"deleted"_s, Fuzz::string(input, 8)};
    for (int i = input.ConsumeIntegralInRange<int>(0, 3); i > 0; --i)
        query.statuses.append(candidates.at(input.ConsumeIntegralInRange<int>(0, 3)));
    query.applicationId = input.ConsumeBool() ? Fuzz::string(input, 32) : QString();
    const QString cursor = Fuzz::string(input, 48);
    const int limit = input.ConsumeIntegralInRange<int>(-5, 300);
    checkListQuery(ApiQuery::connectionList(query, cursor, limit), query.statuses, cursor, limit,
                   query.applicationId);
    checkListQuery(ApiQuery::applicationList(query.statuses, cursor, limit), query.statuses, cursor,
                   limit, QString());

    const QStringList statusWords{u"active"_s, u"inactive"_s, u"deleted"_s,
                                  u"all"_s,    u","_s,        u" "_s};
    checkStatusFilter(Fuzz::tokens(input, statusWords, 6), {u"active"_s, u"inactive"_s});
    checkStatusFilter(Fuzz::tokens(input, statusWords, 6), {u"active"_s, u"deleted"_s});
    QStringList columnWords = ExportColumns::allNames();
    columnWords << u","_s << u","_s << u" "_s;
    checkColumns(Fuzz::tokens(input, columnWords, 12));
    return 0;
}
