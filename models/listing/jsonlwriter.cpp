// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonlwriter.h"

#include "utf8.h"

namespace {

// Keys are our own ASCII column names, so they are written as ready-made literals.
const char *keyPrefix(ExportColumn column)
{
    switch (column) {
    case ExportColumn::Id:
        return "\"id\":";
    case ExportColumn::CreatedAt:
        return "\"created_at\":";
    case ExportColumn::DeletedAt:
        return "\"deleted_at\":";
    case ExportColumn::GroupId:
        return "\"group_id\":";
    case ExportColumn::OAuthApplicationId:
        return "\"oauth_application_id\":";
    case ExportColumn::OAuthApplicationName:
        return "\"oauth_application_name\":";
    case ExportColumn::Status:
        return "\"status\":";
    case ExportColumn::Type:
        return "\"type\":";
    }
    Q_UNREACHABLE();
    return "";
}

bool needsEscape(char16_t c)
{
    return c < 0x20 || c == u'"' || c == u'\\';
}

void appendEscape(QByteArray &out, char16_t c)
{
    switch (c) {
    case u'"':
        out += "\\\"";
        return;
    case u'\\':
        out += "\\\\";
        return;
    case u'\n':
        out += "\\n";
        return;
    case u'\r':
        out += "\\r";
        return;
    case u'\t':
        out += "\\t";
        return;
    case u'\b':
        out += "\\b";
        return;
    case u'\f':
        out += "\\f";
        return;
    default:
        break;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u00";
    out += kHex[(c >> 4) & 0xf];
    out += kHex[c & 0xf];
}

// Runs of plain characters go out in one piece; only the few that JSON forbids inside a
// string are escaped. Non-ASCII stays UTF-8, which JSON allows.
void appendString(QByteArray &out, QStringView text)
{
    out += '"';
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (!needsEscape(c))
            continue;
        Utf8::append(out, text.mid(from, i - from));
        appendEscape(out, c);
        from = i + 1;
    }
    Utf8::append(out, text.mid(from));
    out += '"';
}

} // namespace

JsonlWriter::JsonlWriter(QList<ExportColumn> columns)
    : RowWriter(std::move(columns))
{}

void JsonlWriter::appendRow(QByteArray &out, const OAuthConnection &connection,
                            const std::optional<QString> &applicationName) const
{
    out += '{';
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i > 0)
            out += ',';
        const ExportColumn column = m_columns.at(i);
        out += keyPrefix(column);
        const std::optional<QStringView> cell =
            ExportColumns::cell(column, connection, applicationName);
        if (cell)
            appendString(out, *cell);
        else
            out += "null";
    }
    out += "}\n";
}
