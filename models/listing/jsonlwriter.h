// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowwriter.h"

// JSON Lines: one compact JSON object per line ("\n") holding the chosen columns in
// order, null kept as null. No injection guard: JSON consumers do not evaluate cells.
class JsonlWriter final : public RowWriter
{
public:
    explicit JsonlWriter(QList<ExportColumn> columns);

    QByteArray preamble() const override { return {}; }
    void appendRow(QByteArray &out, const OAuthConnection &connection,
                   const std::optional<QString> &applicationName) const override;
};
