// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageoracle.h"

#include "fuzzsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringBuilder>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace PageOracle {

namespace {

Expectation failure(const QStringList &prefixes)
{
    Expectation e;
    e.errorPrefixes = prefixes;
    return e;
}

} // namespace

Expectation expect(const QByteArray &body, const QList<Field> &fields)
{
    QJsonParseError parseError;
    const QJsonDocument document = Fuzz::readJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure({u"the body "_s, u"expected a JSON object at the top level, got "_s});
    if (!document.isObject())
        return failure({u"expected a JSON object at the top level, got an array"_s});

    const QJsonObject top = document.object();
    if (!top.contains("data"_L1))
        return failure({u"data: missing required field"_s});
    if (!top.value("data"_L1).isArray())
        return failure({u"data: expected an array, got "_s});

    Expectation e;
    const QJsonValue cursor = top.value("next_cursor"_L1);
    if (cursor.isString())
        e.nextCursor = cursor.toString();
    else if (!cursor.isNull() && !cursor.isUndefined())
        return failure({u"next_cursor: expected a string or null, got "_s});

    e.items = top.value("data"_L1).toArray();
    for (qsizetype i = 0; i < e.items.size(); ++i) {
        const QString where = u"data["_s % QString::number(i) % u']';
        if (!e.items.at(i).isObject())
            return failure({where % u": expected an object, got "_s});
        const QJsonObject object = e.items.at(i).toObject();
        Row row;
        for (const Field &field : fields) {
            const QString at = where % u'.' % field.key % u": "_s;
            if (!object.contains(field.key))
                return failure({at % u"missing required field"_s});
            const QJsonValue value = object.value(field.key);
            if (value.isString() && field.dateTime &&
                !QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid()) {
                return failure({at % u"expected an ISO 8601 date-time, got "_s});
            } else if (value.isString()) {
                row.append(value.toString());
            } else if (field.nullable && value.isNull()) {
                row.append(std::nullopt);
            } else {
                return failure({at % (field.nullable ? u"expected a string or null, got "_s
                                                     : u"expected a string, got "_s)});
            }
        }
        e.rows.append(row);
    }
    e.ok = true;
    return e;
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray apiShapedBody(const QJsonArray &items, const QString &nextCursor)
{
    return "{\"data\":" + QJsonDocument(items).toJson(QJsonDocument::Compact) +
           ",\"next_cursor\":" +
           (nextCursor.isEmpty() ? QByteArray("null") : jsonString(nextCursor)) + '}';
}

void check(const Expectation &expected, bool ok, const QString &error, const QList<Row> &rows,
           const QString &nextCursor)
{
    FUZZ_CHECK(ok == expected.ok,
               u"parser says "_s % (ok ? u"ok"_s : u"error "_s % Fuzz::dump(error)) %
                   u", the contract says "_s %
                   (expected.ok ? u"ok"_s : expected.errorPrefixes.join(u" | "_s)));
    if (!ok) {
        FUZZ_CHECK(!error.isEmpty(), u"a refused page must say why"_s);
        const bool named =
            std::any_of(expected.errorPrefixes.cbegin(), expected.errorPrefixes.cend(),
                        [&](const QString &p) { return error.startsWith(p); });
        FUZZ_CHECK(named, u"error "_s % Fuzz::dump(error) % u" should start with "_s %
                              expected.errorPrefixes.join(u" | "_s));
        return;
    }
    FUZZ_CHECK(error.isEmpty(), u"an accepted page set an error: "_s % Fuzz::dump(error));
    FUZZ_CHECK(nextCursor == expected.nextCursor,
               Fuzz::dump(nextCursor) % u" != "_s % Fuzz::dump(expected.nextCursor));
    FUZZ_CHECK(rows.size() == expected.rows.size(), QString::number(rows.size()) %
                                                        u" rows, expected "_s %
                                                        QString::number(expected.rows.size()));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        for (qsizetype f = 0; f < rows.at(i).size(); ++f) {
            FUZZ_CHECK(rows.at(i).at(f) == expected.rows.at(i).at(f),
                       u"row "_s % QString::number(i) % u" field "_s % QString::number(f) %
                           u": "_s % Fuzz::dump(rows.at(i).at(f)) % u" != "_s %
                           Fuzz::dump(expected.rows.at(i).at(f)));
        }
    }
}

} // namespace PageOracle
