// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationlist.h"

#include "csvwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

QList<std::optional<QString>> fields(const OAuthApplication &application)
{
    return {application.id,   application.clientId, application.createdAt, application.deletedAt,
            application.name, application.status,   application.type};
}

// A JSON string or null as its own text. QJsonObject would sort the keys; the columns'
// order is kept by writing the object's punctuation here.
QByteArray jsonValue(const std::optional<QString> &value)
{
    if (!value)
        return "null";
    const QByteArray array = QJsonDocument(QJsonArray{*value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

QStringList ApplicationList::columnNames()
{
    return {u"id"_s,   u"client_id"_s, u"created_at"_s, u"deleted_at"_s,
            u"name"_s, u"status"_s,    u"type"_s};
}

QByteArray ApplicationList::csv(const QList<OAuthApplication> &applications)
{
    QByteArray out = columnNames().join(u',').toUtf8() + "\r\n";
    for (const OAuthApplication &application : applications) {
        bool first = true;
        for (const std::optional<QString> &field : fields(application)) {
            if (!first)
                out += ',';
            first = false;
            if (field)
                CsvWriter::appendField(out, *field);
        }
        out += "\r\n";
    }
    return out;
}

QByteArray ApplicationList::jsonl(const QList<OAuthApplication> &applications)
{
    const QStringList names = columnNames();
    QByteArray out;
    for (const OAuthApplication &application : applications) {
        const QList<std::optional<QString>> values = fields(application);
        out += '{';
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (i > 0)
                out += ',';
            out += jsonValue(names.at(i)) + ':' + jsonValue(values.at(i));
        }
        out += "}\n";
    }
    return out;
}
