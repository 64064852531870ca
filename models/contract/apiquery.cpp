// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiquery.h"

#include <QStringBuilder>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxIdLength = 200;

// QUrlQuery leaves '+', '/' and '=' as they are, and many servers read a raw '+' as a
// space. Encoding every reserved byte ourselves gives opaque values back verbatim.
QString encodedValue(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

void addCommonItems(QUrlQuery &query, const QString &cursor, int limit)
{
    if (!cursor.isEmpty())
        query.addQueryItem(u"cursor"_s, encodedValue(cursor));
    query.addQueryItem(u"limit"_s, QString::number(std::clamp(limit, 1, ApiQuery::kMaxLimit)));
}

// The comma stays literal on the wire: status.in=active,inactive. Values come from a
// fixed enum, so encoding each one keeps stray bytes out without touching the comma.
void addEnumList(QUrlQuery &query, const QString &key, const QStringList &values)
{
    if (values.isEmpty())
        return;
    QStringList encoded;
    encoded.reserve(values.size());
    for (const QString &value : values)
        encoded.append(encodedValue(value));
    query.addQueryItem(key, encoded.join(u','));
}

void addStatuses(QUrlQuery &query, const QStringList &statuses)
{
    addEnumList(query, u"status.in"_s, statuses);
}

void addIfGiven(QUrlQuery &query, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        query.addQueryItem(key, encodedValue(value));
}

bool isIdCharacter(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

QString describeCharacter(char32_t c)
{
    const QString code = u"U+"_s % QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
    if (c == ' ')
        return u"a space"_s;
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return u"the control character "_s % code;
    const QString text = QString::fromUcs4(&c, 1);
    if (c < 0x80)
        return u"'"_s % text % u"'"_s;
    return u"'"_s % text % u"' ("_s % code % u')';
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

namespace ApiQuery {

QUrlQuery connectionList(const ConnectionQuery &query, const QString &cursor, int limit)
{
    QUrlQuery q;
    addCommonItems(q, cursor, limit);
    addStatuses(q, query.statuses);
    addIfGiven(q, u"oauth_application_id"_s, query.applicationId);
    return q;
}

QUrlQuery applicationList(const QStringList &statuses, const QString &cursor, int limit)
{
    QUrlQuery q;
    addCommonItems(q, cursor, limit);
    addStatuses(q, statuses);
    return q;
}

QUrlQuery eventList(const EventQuery &query, const QString &cursor)
{
    QUrlQuery q;
    addCommonItems(q, cursor, query.limit);
    addEnumList(q, u"category.in"_s, query.categories);
    addIfGiven(q, u"associated_object_id"_s, query.associatedObjectId);
    addIfGiven(q, u"created_at.after"_s, query.createdAfter);
    addIfGiven(q, u"created_at.before"_s, query.createdBefore);
    addIfGiven(q, u"created_at.on_or_after"_s, query.createdOnOrAfter);
    addIfGiven(q, u"created_at.on_or_before"_s, query.createdOnOrBefore);
    return q;
}

bool isValidPathId(const QString &id, QString *error)
{
    if (id.isEmpty()) {
        setError(error, u"the id is empty"_s);
        return false;
    }
    const QList<uint> codePoints = id.toUcs4();
    if (codePoints.size() > kMaxIdLength) {
        setError(error, u"the id is "_s % QString::number(codePoints.size()) %
                            u" characters long; Increase ids are at most "_s %
                            QString::number(kMaxIdLength));
        return false;
    }
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const char32_t c = codePoints.at(i);
        if (!isIdCharacter(c)) {
            setError(error, u"the id contains "_s % describeCharacter(c) % u" at position "_s %
                                QString::number(i + 1) %
                                u"; Increase ids contain only letters, digits, '_' and '-'"_s);
            return false;
        }
    }
    return true;
}

QString quotableId(const QString &id)
{
    constexpr qsizetype kQuoted = 60;
    if (id.size() <= kMaxIdLength)
        return id;
    // Never half a surrogate pair.
    const qsizetype keep = id.at(kQuoted - 1).isHighSurrogate() ? kQuoted - 1 : kQuoted;
    return id.left(keep) + QChar(0x2026);
}

std::optional<QStringList> parseStatusFilter(const QString &text, const QStringList &allowed,
                                             QString *error)
{
    const QString choices = allowed.join(u", "_s) % u" or all"_s;
    const QString trimmed = text.trimmed();
    if (trimmed == u"all"_s)
        return allowed;
    if (trimmed.isEmpty()) {
        setError(error, u"no status given; use "_s % choices);
        return std::nullopt;
    }

    QList<bool> chosen(allowed.size(), false);
    for (const QString &part : trimmed.split(u',')) {
        const QString status = part.trimmed();
        if (status.isEmpty()) {
            setError(error, u"empty status in \""_s % trimmed % u"\"; use "_s % choices);
            return std::nullopt;
        }
        const qsizetype index = allowed.indexOf(status);
        if (index < 0) {
            const QString why = status == u"all"_s
                                    ? u"'all' cannot be combined with other statuses"_s
                                    : u"unknown status '"_s % status % u'\'';
            setError(error, why % u"; use "_s % choices);
            return std::nullopt;
        }
        if (chosen.at(index)) {
            setError(error, u"status '"_s % status % u"' is given twice; use "_s % choices);
            return std::nullopt;
        }
        chosen[index] = true;
    }

    QStringList statuses;
    for (qsizetype i = 0; i < allowed.size(); ++i) {
        if (chosen.at(i))
            statuses.append(allowed.at(i));
    }
    return statuses;
}

} // namespace ApiQuery
