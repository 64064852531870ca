// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An independent reading of a list page, written from the API contract rather than from
// ApiParsing: what a page parser must accept, the rows it must return and how its error
// must start. The targets compare the real parsers with it.

#include "fuzzsupport.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace PageOracle {

struct Field
{
    QLatin1StringView key;
    bool nullable;
    bool dateTime = false; // a string that must read as an ISO 8601 date-time
};

// One object's fields, in the order of the Field list; nullopt for JSON null.
using Row = QList<std::optional<QString>>;

struct Expectation
{
    bool ok = false;
    // When !ok: the parser's error starts with one of these.
    QStringList errorPrefixes;
    QList<Row> rows;
    QJsonArray items; // the page's objects as parsed, unknown fields included
    QString nextCursor;
};

Expectation expect(const QByteArray &body, const QList<Field> &fields);

// The page as Increase lays it out: compact, "data" first, "next_cursor" last (null for
// an empty cursor).
QByteArray apiShapedBody(const QJsonArray &items, const QString &nextCursor);

// A JSON string literal for text, as QJsonDocument writes it.
QByteArray jsonString(const QString &text);

// Fails the run unless the parser's verdict, error and rows match the expectation.
void check(const Expectation &expected, bool ok, const QString &error, const QList<Row> &rows,
           const QString &nextCursor);

// A page parser, the matching one-object parser and how to list an item's fields.
template <typename Page, typename Item> struct Parser
{
    std::optional<Page> (*page)(const QByteArray &, QString *);
    std::optional<Item> (*body)(const QByteArray &, QString *, QJsonObject *);
    Row (*row)(const Item &);

    QList<Row> rows(const std::optional<Page> &parsed) const
    {
        QList<Row> out;
        if (parsed) {
            for (const Item &item : parsed->data)
                out.append(row(item));
        }
        return out;
    }
};

// Every check that holds for both list endpoints: the verdict, error, rows and cursor
// agree with expect(); the page re-serialized as Increase lays it out (`shaped`) reads
// the same; each object alone reads as the same item with its raw JSON.
template <typename Page, typename Item>
std::optional<Page> checkParser(const Parser<Page, Item> &parser, const QByteArray &body,
                                const QList<Field> &fields, QByteArray *shaped)
{
    using namespace Qt::StringLiterals;
    QString error;
    const std::optional<Page> page = parser.page(body, &error);
    const Expectation expected = expect(body, fields);
    check(expected, page.has_value(), error, parser.rows(page),
          page ? page->nextCursor : QString());
    if (!page)
        return page;

    *shaped = apiShapedBody(expected.items, page->nextCursor);
    QString shapedError;
    const std::optional<Page> again = parser.page(*shaped, &shapedError);
    FUZZ_CHECK(again && parser.rows(again) == parser.rows(page) &&
                   again->nextCursor == page->nextCursor,
               u"re-serialized page reads differently: "_s + Fuzz::dump(*shaped) + u' ' +
                   Fuzz::dump(shapedError));

    for (qsizetype i = 0; i < page->data.size(); ++i) {
        const QJsonObject object = expected.items.at(i).toObject();
        QString objectError;
        QJsonObject raw;
        const std::optional<Item> one =
            parser.body(QJsonDocument(object).toJson(QJsonDocument::Compact), &objectError, &raw);
        FUZZ_CHECK(one && *one == page->data.at(i) && raw == object,
                   u"object "_s + QString::number(i) + u" alone reads differently: "_s +
                       Fuzz::dump(objectError));
    }
    return page;
}

} // namespace PageOracle
