// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcolumn.h"

#include <QStringBuilder>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr ExportColumn kAll[] = {
    ExportColumn::Id,
    ExportColumn::CreatedAt,
    ExportColumn::DeletedAt,
    ExportColumn::GroupId,
    ExportColumn::OAuthApplicationId,
    ExportColumn::OAuthApplicationName,
    ExportColumn::Status,
    ExportColumn::Type,
};

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

namespace ExportColumns {

QString name(ExportColumn column)
{
    switch (column) {
    case ExportColumn::Id:
        return u"id"_s;
    case ExportColumn::CreatedAt:
        return u"created_at"_s;
    case ExportColumn::DeletedAt:
        return u"deleted_at"_s;
    case ExportColumn::GroupId:
        return u"group_id"_s;
    case ExportColumn::OAuthApplicationId:
        return u"oauth_application_id"_s;
    case ExportColumn::OAuthApplicationName:
        return u"oauth_application_name"_s;
    case ExportColumn::Status:
        return u"status"_s;
    case ExportColumn::Type:
        return u"type"_s;
    }
    Q_UNREACHABLE();
    return {};
}

QStringList allNames()
{
    QStringList names;
    for (ExportColumn column : kAll)
        names.append(name(column));
    return names;
}

QList<ExportColumn> defaults(bool withApplicationName)
{
    QList<ExportColumn> columns{ExportColumn::Id, ExportColumn::CreatedAt, ExportColumn::DeletedAt,
                                ExportColumn::GroupId, ExportColumn::OAuthApplicationId};
    if (withApplicationName)
        columns.append(ExportColumn::OAuthApplicationName);
    columns.append(ExportColumn::Status);
    columns.append(ExportColumn::Type);
    return columns;
}

std::optional<QList<ExportColumn>> parse(const QString &text, QString *error)
{
    const QString valid = u"valid columns: "_s % allNames().join(u", "_s);
    if (text.trimmed().isEmpty()) {
        setError(error, u"no columns given; "_s % valid);
        return std::nullopt;
    }
    QList<ExportColumn> columns;
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        const QString wanted = part.trimmed();
        if (wanted.isEmpty()) {
            setError(error, u"empty column name in \""_s % text.trimmed() % u"\"; "_s % valid);
            return std::nullopt;
        }
        const auto found = std::find_if(std::begin(kAll), std::end(kAll),
                                        [&](ExportColumn c) { return name(c) == wanted; });
        if (found == std::end(kAll)) {
            setError(error, u"unknown column '"_s % wanted % u"'; "_s % valid);
            return std::nullopt;
        }
        if (columns.contains(*found)) {
            setError(error, u"column '"_s % wanted % u"' is given twice"_s);
            return std::nullopt;
        }
        columns.append(*found);
    }
    return columns;
}

std::optional<QStringView> cell(ExportColumn column, const OAuthConnection &connection,
                                const std::optional<QString> &applicationName)
{
    switch (column) {
    case ExportColumn::Id:
        return QStringView(connection.id);
    case ExportColumn::CreatedAt:
        return QStringView(connection.createdAt);
    case ExportColumn::DeletedAt:
        if (!connection.deletedAt)
            return std::nullopt;
        return QStringView(*connection.deletedAt);
    case ExportColumn::GroupId:
        return QStringView(connection.groupId);
    case ExportColumn::OAuthApplicationId:
        return QStringView(connection.oauthApplicationId);
    case ExportColumn::OAuthApplicationName:
        if (!applicationName)
            return std::nullopt;
        return QStringView(*applicationName);
    case ExportColumn::Status:
        return QStringView(connection.status);
    case ExportColumn::Type:
        return QStringView(connection.type);
    }
    return std::nullopt;
}

std::optional<QString> value(ExportColumn column, const OAuthConnection &connection,
                             const std::optional<QString> &applicationName)
{
    const std::optional<QStringView> view = cell(column, connection, applicationName);
    if (!view)
        return std::nullopt;
    return view->toString();
}

} // namespace ExportColumns
