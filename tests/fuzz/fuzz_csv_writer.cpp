// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: CsvWriter (preamble, rows, appendField) on arbitrary columns and UTF-16
// field text, lone surrogates included. Checks, with a strict RFC 4180 reader written
// here: the output is BOM (if asked), the header and one CRLF-ended record per row; each
// record has one field per column; each field is the cell as UTF-8 (lone surrogates as
// U+FFFD), null as empty, with a leading ' exactly when the cell starts with = + - @ TAB
// or CR, and is quoted exactly when it holds , " CR or LF.

#include "csvwriter.h"
#include "fuzzsupport.h"
#include "writerinput.h"

#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace {

struct CsvField
{
    QByteArray bytes;
    bool quoted = false;
};

// Reads one record at `at` up to and including its CRLF; fails the run on anything that
// is not RFC 4180.
QList<CsvField> readRecord(const QByteArray &csv, qsizetype *at)
{
    QList<CsvField> fields;
    qsizetype i = *at;
    for (;;) {
        CsvField field;
        if (i < csv.size() && csv.at(i) == '"') {
            field.quoted = true;
            for (++i;; ++i) {
                FUZZ_CHECK(i < csv.size(), u"unterminated quoted field"_s);
                if (csv.at(i) != '"') {
                    field.bytes += csv.at(i);
                } else if (i + 1 < csv.size() && csv.at(i + 1) == '"') {
                    field.bytes += '"';
                    ++i;
                } else {
                    ++i;
                    break;
                }
            }
        } else {
            while (i < csv.size() && csv.at(i) != ',' && csv.at(i) != '\r') {
                FUZZ_CHECK(csv.at(i) != '"' && csv.at(i) != '\n',
                           u"bare quote or LF in an unquoted field at "_s % QString::number(i));
                field.bytes += csv.at(i++);
            }
        }
        fields.append(field);
        FUZZ_CHECK(i < csv.size(), u"record not ended by CRLF"_s);
        if (csv.at(i) == ',') {
            ++i;
            continue;
        }
        FUZZ_CHECK(csv.mid(i, 2) == "\r\n",
                   u"field followed by "_s % Fuzz::dump(csv.mid(i, 2)) % u", not , or CRLF"_s);
        *at = i + 2;
        return fields;
    }
}

bool isTrigger(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

void checkField(const CsvField &field, const std::optional<QString> &cell, const QString &where)
{
    const QString text = cell.value_or(QString());
    const bool guard = !text.isEmpty() && isTrigger(text.front());
    const QByteArray expected = (guard ? QByteArray("'") : QByteArray()) + Fuzz::utf8(text);
    FUZZ_CHECK(field.bytes == expected, where % u": "_s % Fuzz::dump(field.bytes) % u" != "_s %
                                            Fuzz::dump(expected) % u" for "_s % Fuzz::dump(cell));
    const bool special =
        text.contains(u',') || text.contains(u'"') || text.contains(u'\r') || text.contains(u'\n');
    FUZZ_CHECK(field.quoted == special,
               where % u": quoted is "_s % (field.quoted ? u"true"_s : u"false"_s));
    FUZZ_CHECK(field.bytes.isEmpty() || !isTrigger(QLatin1Char(field.bytes.front())),
               where % u": a formula reaches the spreadsheet: "_s % Fuzz::dump(field.bytes));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider input(data, size);
    const bool bom = input.ConsumeBool();
    const WriterInput::Rows rows = WriterInput::rows(input, /*uniqueColumns=*/false);
    if (rows.columns.isEmpty())
        return 0;

    const CsvWriter writer(rows.columns, bom);
    QByteArray csv = writer.preamble();
    for (const WriterInput::Row &row : rows.rows)
        writer.appendRow(csv, row.connection, row.applicationName);

    qsizetype at = 0;
    if (bom) {
        FUZZ_CHECK(csv.startsWith("\xEF\xBB\xBF"), u"BOM missing"_s);
        at = 3;
    }
    const QList<CsvField> header = readRecord(csv, &at);
    FUZZ_CHECK(header.size() == rows.columns.size(), u"header field count"_s);
    for (qsizetype c = 0; c < header.size(); ++c)
        checkField(header.at(c), ExportColumns::name(rows.columns.at(c)), u"header"_s);

    for (qsizetype r = 0; r < rows.rows.size(); ++r) {
        const QList<CsvField> record = readRecord(csv, &at);
        FUZZ_CHECK(record.size() == rows.columns.size(),
                   u"row "_s % QString::number(r) % u" has "_s % QString::number(record.size()) %
                       u" fields for "_s % QString::number(rows.columns.size()) % u" columns"_s);
        for (qsizetype c = 0; c < record.size(); ++c) {
            checkField(record.at(c),
                       ExportColumns::value(rows.columns.at(c), rows.rows.at(r).connection,
                                            rows.rows.at(r).applicationName),
                       u"row "_s % QString::number(r) % u" column "_s % QString::number(c));
        }
    }
    FUZZ_CHECK(at == csv.size(), u"bytes after the last record"_s);

    // One field on its own, as the exporter's callers use it.
    const QString text = Fuzz::string(input, 64);
    QByteArray single;
    CsvWriter::appendField(single, text);
    single += "\r\n";
    at = 0;
    const QList<CsvField> alone = readRecord(single, &at);
    FUZZ_CHECK(alone.size() == 1 && at == single.size(), u"a single field split"_s);
    checkField(alone.front(), text, u"appendField"_s);
    return 0;
}
