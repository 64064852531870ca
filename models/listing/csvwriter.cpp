// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvwriter.h"

#include "utf8.h"

#include <array>

namespace {

bool isFormulaTrigger(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

// The ASCII characters that make a field need quotes.
constexpr auto kQuoted = [] {
    std::array<char16_t, 128> quoted{};
    quoted[','] = quoted['"'] = quoted['\r'] = quoted['\n'] = 1;
    return quoted;
}();

bool needsQuotes(QStringView text)
{
    for (QChar c : text) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n')
            return true;
    }
    return false;
}

} // namespace

CsvWriter::CsvWriter(QList<ExportColumn> columns, bool bom)
    : RowWriter(std::move(columns))
    , m_bom(bom)
{}

QByteArray CsvWriter::preamble() const
{
    QByteArray out;
    if (m_bom)
        out += QByteArrayLiteral("\xEF\xBB\xBF");
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i > 0)
            out += ',';
        appendField(out, ExportColumns::name(m_columns.at(i)));
    }
    out += "\r\n";
    return out;
}

void CsvWriter::appendRow(QByteArray &out, const OAuthConnection &connection,
                          const std::optional<QString> &applicationName) const
{
    const qsizetype start = out.size();
    if (appendPlainRow(out, connection, applicationName))
        return;
    out.truncate(start);
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i > 0)
            out += ',';
        const std::optional<QStringView> cell =
            ExportColumns::cell(m_columns.at(i), connection, applicationName);
        if (cell)
            appendField(out, *cell);
    }
    out += "\r\n";
}

bool CsvWriter::appendPlainRow(QByteArray &out, const OAuthConnection &connection,
                               const std::optional<QString> &applicationName) const
{
    // Nearly every row is ASCII with nothing to quote: its cells are copied in one pass
    // into room made once, and checked as they go; any other row is written again cell
    // by cell. The guard needs no check: it only adds a byte.
    qsizetype room = 2; // CRLF; each cell adds its text, a guard byte and a comma
    for (const ExportColumn column : m_columns) {
        if (const std::optional<QStringView> cell =
                ExportColumns::cell(column, connection, applicationName))
            room += cell->size() + 2;
        else
            room += 1;
    }
    const qsizetype start = out.size();
    out.resize(start + room);
    char *dst = out.data() + start;
    char16_t special = 0;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i > 0)
            *dst++ = ',';
        const std::optional<QStringView> cell =
            ExportColumns::cell(m_columns.at(i), connection, applicationName);
        if (!cell || cell->isEmpty())
            continue;
        if (isFormulaTrigger(cell->front()))
            *dst++ = '\'';
        const char16_t *src = cell->utf16();
        const char16_t *const end = src + cell->size();
        for (; src != end; ++src) {
            const char16_t u = *src;
            special |= char16_t(u & 0xff80) | kQuoted[u & 0x7f];
            *dst++ = char(u);
        }
    }
    *dst++ = '\r';
    *dst++ = '\n';
    out.truncate(dst - out.constData());
    return special == 0;
}

void CsvWriter::appendField(QByteArray &out, QStringView text)
{
    // A spreadsheet runs a cell that starts like a formula; the quote makes it text. The
    // guard goes inside the quotes so a reader that strips them still sees it.
    const bool guard = !text.isEmpty() && isFormulaTrigger(text.front());
    if (!needsQuotes(text)) {
        if (guard)
            out += '\'';
        Utf8::append(out, text);
        return;
    }
    out += '"';
    if (guard)
        out += '\'';
    qsizetype from = 0;
    for (qsizetype quote = text.indexOf(u'"'); quote >= 0; quote = text.indexOf(u'"', from)) {
        Utf8::append(out, text.mid(from, quote - from));
        out += "\"\"";
        from = quote + 1;
    }
    Utf8::append(out, text.mid(from));
    out += '"';
}
