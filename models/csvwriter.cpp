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
