// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonformat.h"

namespace JsonFormat {

QByteArray indented(const QByteArray &json, int indent)
{
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&] {
        out += '\n';
        out += QByteArray(depth * indent, ' ');
    };
    const auto nextToken = [&json](qsizetype from) {
        while (from < json.size() && (json[from] == ' ' || json[from] == '\t' ||
                                      json[from] == '\n' || json[from] == '\r'))
            ++from;
        return from;
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            const qsizetype next = nextToken(i + 1);
            if (next < json.size() && (json[next] == '}' || json[next] == ']')) {
                out += c;
                out += json[next]; // {} and [] stay on one line
                i = next;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out += c;
        }
    }
    out += '\n';
    return out;
}

} // namespace JsonFormat
