// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowwriter.h"

#include <QStringView>

// RFC 4180 CSV: CRLF line ends, fields holding , " CR or LF quoted with quotes doubled,
// null as an empty field, UTF-8, optional BOM. Text cells starting with = + - @ TAB or
// CR get a leading ' (OWASP CSV-injection guard).
class CsvWriter final : public RowWriter
{
public:
    CsvWriter(QList<ExportColumn> columns, bool bom);

    QByteArray preamble() const override;
    void appendRow(QByteArray &out, const OAuthConnection &connection,
                   const std::optional<QString> &applicationName) const override;

    // One field, guarded and quoted as needed, appended as UTF-8.
    static void appendField(QByteArray &out, QStringView text);

private:
    // The row when it is ASCII with nothing to quote; false, with bytes to drop, if not.
    bool appendPlainRow(QByteArray &out, const OAuthConnection &connection,
                        const std::optional<QString> &applicationName) const;

    bool m_bom;
};
