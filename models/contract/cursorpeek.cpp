// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cursorpeek.h"

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

std::optional<QString> CursorPeek::nextCursor(const QByteArray &body)
{
    static const QByteArray key = QByteArrayLiteral("\"next_cursor\"");
    // The API sends next_cursor after data; the last occurrence is the top-level key.
    const qsizetype at = body.lastIndexOf(key);
    if (at < 0)
        return std::nullopt;
    qsizetype i = at + key.size();
    while (i < body.size() && isJsonSpace(body.at(i)))
        ++i;
    if (i >= body.size() || body.at(i) != ':')
        return std::nullopt;
    ++i;
    while (i < body.size() && isJsonSpace(body.at(i)))
        ++i;
    if (i >= body.size() || body.at(i) != '"')
        return std::nullopt;
    const qsizetype start = ++i;
    while (i < body.size() && body.at(i) != '"') {
        // ASCII only: UTF-8 would need validating, and QString::fromUtf8 drops a U+FEFF
        // that starts the text, which the full parse keeps.
        const uchar c = uchar(body.at(i));
        if (c == '\\' || c < 0x20 || c >= 0x80)
            return std::nullopt;
        ++i;
    }
    if (i >= body.size() || i == start)
        return std::nullopt;
    return QString::fromLatin1(body.constData() + start, i - start);
}
