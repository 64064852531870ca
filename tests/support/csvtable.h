// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

// A strict RFC 4180 reader, written apart from the CSV writer so that checking what the
// CLI wrote, or a round trip, tests the format rather than the writer against itself:
// CRLF records, quoted fields with doubled quotes, no bare quote, CR or LF. An empty list
// plus `error` when the bytes are not that.
namespace CsvTable {

QList<QStringList> parse(const QByteArray &bytes, QString *error);

} // namespace CsvTable
