// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowcopy.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QString cell(QString text)
{
    for (QChar &c : text) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    }
    return text;
}

void appendLine(QString &out, const QStringList &cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += u'\t';
        out += cell(cells.at(i));
    }
    out += u'\n';
}

} // namespace

QString RowCopy::tsv(const QStringList &header, const QList<QStringList> &rows)
{
    QString out;
    if (!header.isEmpty())
        appendLine(out, header);
    for (const QStringList &row : rows)
        appendLine(out, row);
    return out;
}

QJsonObject RowCopy::toJson(const OAuthConnection &connection)
{
    return QJsonObject{
        {u"id"_s, connection.id},
        {u"created_at"_s, connection.createdAt},
        {u"deleted_at"_s,
         connection.deletedAt ? QJsonValue(*connection.deletedAt) : QJsonValue(QJsonValue::Null)},
        {u"group_id"_s, connection.groupId},
        {u"oauth_application_id"_s, connection.oauthApplicationId},
        {u"status"_s, connection.status},
        {u"type"_s, connection.type},
    };
}

QByteArray RowCopy::jsonArray(const QList<OAuthConnection> &connections)
{
    QJsonArray array;
    for (const OAuthConnection &connection : connections)
        array.append(toJson(connection));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}
