// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauthconnection.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

// The columns an export can hold, named after the API's fields.
enum class ExportColumn {
    Id,
    CreatedAt,
    DeletedAt,
    GroupId,
    OAuthApplicationId,
    OAuthApplicationName, // not an API field: the application's name, looked up
    Status,
    Type,
};

namespace ExportColumns {

QString name(ExportColumn column);
QStringList allNames();
// id,created_at,deleted_at,group_id,oauth_application_id,status,type; with the
// application name it follows oauth_application_id.
QList<ExportColumn> defaults(bool withApplicationName);
// "id,created_at,..." (no duplicates, no unknown names) into columns, or nullopt + error.
std::optional<QList<ExportColumn>> parse(const QString &text, QString *error);

// The cell's value; nullopt for JSON null (deleted_at of an active connection, or a name
// that is unknown or null).
std::optional<QString> value(ExportColumn column, const OAuthConnection &connection,
                             const std::optional<QString> &applicationName);
// The same without copying, for writers: the view points into `connection` or
// `applicationName` and lives as long as they do.
std::optional<QStringView> cell(ExportColumn column, const OAuthConnection &connection,
                                const std::optional<QString> &applicationName);

} // namespace ExportColumns
