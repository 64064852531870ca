// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>

// Checks one HAR 1.2 entry against the spec's required fields and their types.
namespace HarCheck {

// The value at a dotted path ("response.content.size"); undefined if any step is missing.
inline QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &step : path.split(QLatin1Char('.')))
        value = value.toObject().value(step);
    return value;
}

// Every problem found, as "path: what"; empty when the entry is valid.
inline QStringList problems(const QJsonObject &entry)
{
    using namespace Qt::StringLiterals;
    const QStringList strings{
        u"startedDateTime"_s,           u"request.method"_s,      u"request.url"_s,
        u"request.httpVersion"_s,       u"response.statusText"_s, u"response.httpVersion"_s,
        u"response.content.mimeType"_s, u"response.redirectURL"_s};
    const QStringList numbers{u"time"_s,
                              u"request.headersSize"_s,
                              u"request.bodySize"_s,
                              u"response.status"_s,
                              u"response.headersSize"_s,
                              u"response.bodySize"_s,
                              u"response.content.size"_s,
                              u"timings.send"_s,
                              u"timings.wait"_s,
                              u"timings.receive"_s};
    const QStringList arrays{u"request.cookies"_s, u"request.headers"_s, u"request.queryString"_s,
                             u"response.cookies"_s, u"response.headers"_s};
    const QStringList objects{u"request"_s, u"response"_s, u"response.content"_s, u"cache"_s,
                              u"timings"_s};
    QStringList out;
    for (const QString &path : strings) {
        if (!at(entry, path).isString())
            out << path + u": not a string"_s;
    }
    for (const QString &path : numbers) {
        if (!at(entry, path).isDouble())
            out << path + u": not a number"_s;
    }
    for (const QString &path : objects) {
        if (!at(entry, path).isObject())
            out << path + u": not an object"_s;
    }
    for (const QString &path : arrays) {
        if (!at(entry, path).isArray()) {
            out << path + u": not an array"_s;
            continue;
        }
        if (path.endsWith(u"cookies"_s))
            continue;
        for (const QJsonValue &pair : at(entry, path).toArray()) {
            if (!pair[u"name"_s].isString() || !pair[u"value"_s].isString())
                out << path + u": an item without a string name and value"_s;
        }
    }
    static const QRegularExpression iso(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    if (!iso.match(at(entry, u"startedDateTime"_s).toString()).hasMatch())
        out << u"startedDateTime: not ISO 8601 with milliseconds in UTC"_s;
    const double send = at(entry, u"timings.send"_s).toDouble();
    const double wait = at(entry, u"timings.wait"_s).toDouble();
    const double receive = at(entry, u"timings.receive"_s).toDouble();
    if (send < 0 || wait < 0 || receive < 0)
        out << u"timings: send, wait and receive must not be -1"_s;
    if (at(entry, u"time"_s).toDouble() != send + wait + receive)
        out << u"time: not the sum of the timings"_s;
    return out;
}

} // namespace HarCheck
