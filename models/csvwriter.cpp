#include "csvwriter.h"

#include "utf8.h"

namespace {

bool isFormulaTrigger(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

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

void CsvWriter::appendField(QByteArray &out, QStringView text)
{
    // A spreadsheet runs a cell that starts like a formula; the quote makes it text. The
    // guard goes inside the quotes so a reader that strips them still sees it.
    const bool guard = !text.isEmpty() && isFormulaTrigger(text.front());
    // Nearly every cell is ASCII with nothing to quote: copied as it is, then checked.
    const qsizetype start = out.size();
    out.resize(start + qsizetype(guard) + text.size());
    char *dst = out.data() + start;
    if (guard)
        *dst++ = '\'';
    const char16_t *const src = text.utf16();
    const qsizetype size = text.size();
    // Branch-free in 16-bit lanes, so both loops vectorize.
    char16_t special = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = src[i];
        special |= char16_t(u & 0xff80) | char16_t(u == u',' ? 1 : 0) |
                   char16_t(u == u'"' ? 1 : 0) | char16_t(u == u'\r' ? 1 : 0) |
                   char16_t(u == u'\n' ? 1 : 0);
    }
    for (qsizetype i = 0; i < size; ++i)
        dst[i] = char(src[i]);
    if (special) {
        out.truncate(start);
        appendSpecialField(out, text, guard);
    }
}

void CsvWriter::appendSpecialField(QByteArray &out, QStringView text, bool guard)
{
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
