#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

// A strict RFC 4180 reader for checking what the CLI wrote: CRLF records, quoted fields
// with doubled quotes. nullopt-like empty list plus `error` when the bytes are not that.
namespace CsvTable {

QList<QStringList> parse(const QByteArray &bytes, QString *error);

} // namespace CsvTable
