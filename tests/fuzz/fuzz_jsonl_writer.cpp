// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: JsonlWriter on arbitrary columns and UTF-16 field text, lone surrogates
// included. Checks: one "\n"-ended line per row and no other raw newline or control
// character; each line is UTF-8 that QJsonDocument reads as an object, and that a strict
// reader written here reads as exactly the columns' keys in column order, each value the
// cell's UTF-8 (lone surrogates as U+FFFD) or null. The strict reader compares bytes
// because QJsonDocument (Qt 6.4) drops a U+FEFF that starts a string value.

#include "fuzzsupport.h"
#include "jsonlwriter.h"
#include "writerinput.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace {

class LineReader
{
public:
    LineReader(const QByteArray &line, const QString &where)
        : m_line(line)
        , m_where(where)
    {}

    void expect(char c)
    {
        FUZZ_CHECK(m_at < m_line.size() && m_line.at(m_at) == c, m_where % u": expected '"_s %
                                                                     QLatin1Char(c) % u"' at "_s %
                                                                     QString::number(m_at));
        ++m_at;
    }

    bool atEnd() const { return m_at == m_line.size(); }

    // A string literal as UTF-8, or nullopt for null.
    std::optional<QByteArray> value()
    {
        if (m_line.mid(m_at, 4) == "null") {
            m_at += 4;
            return std::nullopt;
        }
        return string();
    }

    QByteArray string()
    {
        expect('"');
        QByteArray out;
        for (;;) {
            FUZZ_CHECK(m_at < m_line.size(), m_where % u": unterminated string"_s);
            const char c = m_line.at(m_at++);
            if (c == '"')
                return out;
            FUZZ_CHECK(uchar(c) >= 0x20, m_where % u": raw control character"_s);
            if (c != '\\') {
                out += c;
                continue;
            }
            FUZZ_CHECK(m_at < m_line.size(), m_where % u": escape at the end"_s);
            const char e = m_line.at(m_at++);
            // Pairs of escape letter and the byte it stands for.
            const QByteArray simple = "\"\"\\\\//b\bf\fn\nr\rt\t";
            const qsizetype found = simple.indexOf(e);
            if (e != 'u') {
                FUZZ_CHECK(found >= 0 && found % 2 == 0, m_where % u": bad escape"_s);
                out += simple.at(found + 1);
                continue;
            }
            bool ok = false;
            const uint code = m_line.mid(m_at, 4).toUInt(&ok, 16);
            FUZZ_CHECK(ok && m_line.mid(m_at, 4).size() == 4, m_where % u": bad \\u escape"_s);
            // The writer escapes only control characters this way.
            FUZZ_CHECK(code < 0x20, m_where % u": \\u escape of a printable character"_s);
            m_at += 4;
            out += char(code);
        }
    }

private:
    const QByteArray &m_line;
    const QString &m_where;
    qsizetype m_at = 0;
};

void checkLine(const QByteArray &line, const QList<ExportColumn> &columns,
               const WriterInput::Row &row, const QString &where)
{
    for (char c : line)
        FUZZ_CHECK(uchar(c) >= 0x20, where % u": raw control character"_s);
    FUZZ_CHECK(line.isValidUtf8(), where % u": not UTF-8"_s);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    FUZZ_CHECK(parseError.error == QJsonParseError::NoError && document.isObject() &&
                   document.object().size() == columns.size(),
               where % u": QJsonDocument does not read it as the object: "_s %
                   parseError.errorString());

    LineReader reader(line, where);
    reader.expect('{');
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            reader.expect(',');
        const QString name = ExportColumns::name(columns.at(i));
        FUZZ_CHECK(reader.string() == name.toUtf8(),
                   where % u": key "_s % QString::number(i) % u" is not "_s % name);
        reader.expect(':');
        const std::optional<QString> cell =
            ExportColumns::value(columns.at(i), row.connection, row.applicationName);
        const std::optional<QByteArray> value = reader.value();
        FUZZ_CHECK(value.has_value() == cell.has_value() && (!cell || *value == Fuzz::utf8(*cell)),
                   where % u": "_s % name % u" should be "_s % Fuzz::dump(cell));
    }
    reader.expect('}');
    FUZZ_CHECK(reader.atEnd(), where % u": bytes after the object"_s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider input(data, size);
    const WriterInput::Rows rows = WriterInput::rows(input, /*uniqueColumns=*/true);
    const JsonlWriter writer(rows.columns);
    FUZZ_CHECK(writer.preamble().isEmpty(), u"JSONL has no preamble"_s);

    QByteArray jsonl;
    for (const WriterInput::Row &row : rows.rows)
        writer.appendRow(jsonl, row.connection, row.applicationName);

    const QList<QByteArray> lines = jsonl.split('\n');
    FUZZ_CHECK(lines.size() == rows.rows.size() + 1 && lines.back().isEmpty(),
               QString::number(lines.size() - 1) % u" lines for "_s %
                   QString::number(rows.rows.size()) % u" rows"_s);
    for (qsizetype r = 0; r < rows.rows.size(); ++r) {
        checkLine(lines.at(r), rows.columns, rows.rows.at(r),
                  u"line "_s % QString::number(r) % u' ' % Fuzz::dump(lines.at(r)));
    }
    return 0;
}
