// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringView>

// UTF-16 to UTF-8 straight into the output buffer: the writers call this for every cell of
// exports that run to a million rows, where a temporary QByteArray per cell shows up.
namespace Utf8 {

// A lone surrogate becomes U+FFFD. (QString::toUtf8() on Qt 6.4 writes '?' instead, which
// would pass a broken character off as a real one.)
inline void append(QByteArray &out, QStringView text)
{
    const char16_t *const begin = text.utf16();
    const char16_t *const end = begin + text.size();

    qsizetype bytes = 0;
    for (const char16_t *p = begin; p != end; ++p) {
        const char16_t c = *p;
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c) && p + 1 != end && QChar::isLowSurrogate(p[1])) {
            bytes += 4;
            ++p;
        } else {
            bytes += 3;
        }
    }

    const qsizetype start = out.size();
    out.resize(start + bytes);
    auto *dst = reinterpret_cast<unsigned char *>(out.data() + start);
    for (const char16_t *p = begin; p != end; ++p) {
        char32_t c = *p;
        if (c < 0x80) {
            *dst++ = static_cast<unsigned char>(c);
        } else if (c < 0x800) {
            *dst++ = static_cast<unsigned char>(0xc0 | (c >> 6));
            *dst++ = static_cast<unsigned char>(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && p + 1 != end && QChar::isLowSurrogate(p[1])) {
            c = QChar::surrogateToUcs4(char16_t(c), p[1]);
            ++p;
            *dst++ = static_cast<unsigned char>(0xf0 | (c >> 18));
            *dst++ = static_cast<unsigned char>(0x80 | ((c >> 12) & 0x3f));
            *dst++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3f));
            *dst++ = static_cast<unsigned char>(0x80 | (c & 0x3f));
        } else {
            if (QChar::isSurrogate(c))
                c = QChar::ReplacementCharacter;
            *dst++ = static_cast<unsigned char>(0xe0 | (c >> 12));
            *dst++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3f));
            *dst++ = static_cast<unsigned char>(0x80 | (c & 0x3f));
        }
    }
}

} // namespace Utf8
