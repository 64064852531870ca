// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Export columns and rows drawn from fuzz input, for the writer targets.

#include "exportcolumn.h"
#include "fuzzsupport.h"
#include "oauthconnection.h"

#include <QList>
#include <optional>

namespace WriterInput {

struct Row
{
    OAuthConnection connection;
    std::optional<QString> applicationName;
};

struct Rows
{
    QList<ExportColumn> columns;
    QList<Row> rows;
};

// 0-10 columns (each at most once if `uniqueColumns`), 0-8 rows of fuzz text.
inline Rows rows(FuzzedDataProvider &input, bool uniqueColumns)
{
    constexpr int kColumns = int(ExportColumn::Type) + 1;
    Rows out;
    const int columnCount = input.ConsumeIntegralInRange<int>(1, 10);
    for (int i = 0; i < columnCount; ++i) {
        const auto column = ExportColumn(input.ConsumeIntegralInRange<int>(0, kColumns - 1));
        if (!uniqueColumns || !out.columns.contains(column))
            out.columns.append(column);
    }
    const int rowCount = input.ConsumeIntegralInRange<int>(0, 8);
    for (int i = 0; i < rowCount && input.remaining_bytes() > 0; ++i) {
        Row row;
        OAuthConnection &c = row.connection;
        c.id = Fuzz::string(input, 40);
        c.createdAt = Fuzz::string(input, 30);
        if (input.ConsumeBool())
            c.deletedAt = Fuzz::string(input, 30);
        c.groupId = Fuzz::string(input, 40);
        c.oauthApplicationId = Fuzz::string(input, 40);
        c.status = Fuzz::string(input, 12);
        c.type = Fuzz::string(input, 20);
        if (input.ConsumeBool())
            row.applicationName = Fuzz::string(input, 60);
        out.rows.append(row);
    }
    return out;
}

} // namespace WriterInput
