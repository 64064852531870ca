// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportcolumn.h"
#include "oauthconnection.h"

#include <QByteArray>
#include <QList>
#include <optional>

// Turns connections into bytes of one export format. Writers append to a buffer the
// exporter owns, so a page is formatted with one allocation and one write.
class RowWriter
{
public:
    explicit RowWriter(QList<ExportColumn> columns)
        : m_columns(std::move(columns))
    {}
    virtual ~RowWriter() = default;
    RowWriter(const RowWriter &) = delete;
    RowWriter &operator=(const RowWriter &) = delete;

    const QList<ExportColumn> &columns() const { return m_columns; }

    // Bytes before the first row (CSV: optional BOM and the header line; JSONL: none).
    virtual QByteArray preamble() const = 0;
    virtual void appendRow(QByteArray &out, const OAuthConnection &connection,
                           const std::optional<QString> &applicationName) const = 0;

protected:
    QList<ExportColumn> m_columns;
};
