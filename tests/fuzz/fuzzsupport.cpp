// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzsupport.h"

#include <QStringBuilder>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

// Characters with a meaning somewhere in the code under test: CSV quoting and the formula
// guard, JSON escapes, URL delimiters and dot segments, id separators.
constexpr char16_t kSpecial[] = {u'"',  u',',  u'\r', u'\n', u'=', u'+', u'-',  u'@',    u'\t',
                                 u'\'', u'\\', u'/',  u'.',  u'%', u'&', u'#',  u'?',    u' ',
                                 u'_',  u':',  u'{',  u'}',  u'[', u']', u'\0', u'\x1f', u'\x7f'};
constexpr char16_t kNonAscii[] = {u'\u00e9', u'\u00a0', u'\u0085', u'\u2028', u'\u200b',
                                  u'\ufeff', u'\ufffd', u'\u4e2d', u'\uff0e', u'\uff0f'};

} // namespace

namespace Fuzz {

void fail(const char *file, int line, const char *condition, const QString &detail)
{
    std::fprintf(stderr, "\n%s:%d: invariant failed: %s\n  %s\n", file, line, condition,
                 detail.toLocal8Bit().constData());
    std::fflush(stderr);
    std::abort();
}

QString dump(const QString &text)
{
    QString out = u"\""_s;
    for (QChar c : text) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\')
            out += c;
        else
            out += u"\\u"_s % QString::number(c.unicode(), 16).rightJustified(4, u'0');
    }
    return out + u'"';
}

QString dump(const QByteArray &bytes)
{
    QString out = u"b\""_s;
    for (char c : bytes) {
        const auto u = uchar(c);
        if (u >= 0x20 && u < 0x7f && c != '"' && c != '\\')
            out += QLatin1Char(c);
        else
            out += u"\\x"_s % QString::number(u, 16).rightJustified(2, u'0');
    }
    return out + u'"';
}

QString dump(const std::optional<QString> &text)
{
    return text ? dump(*text) : u"null"_s;
}

char16_t character(FuzzedDataProvider &input, QStringView alphabet)
{
    switch (input.ConsumeIntegralInRange<int>(0, 15)) {
    case 0:
    case 1:
        return kSpecial[input.ConsumeIntegralInRange<size_t>(0, std::size(kSpecial) - 1)];
    case 2:
        return kNonAscii[input.ConsumeIntegralInRange<size_t>(0, std::size(kNonAscii) - 1)];
    case 3:
        return input.ConsumeIntegral<char16_t>();
    default:
        if (!alphabet.isEmpty())
            return alphabet[input.ConsumeIntegralInRange<qsizetype>(0, alphabet.size() - 1)]
                .unicode();
        return char16_t(input.ConsumeIntegralInRange<int>(0x20, 0x7e));
    }
}

QString string(FuzzedDataProvider &input, int maxLength, QStringView alphabet)
{
    const int length = input.ConsumeIntegralInRange<int>(0, maxLength);
    QString text;
    text.reserve(length);
    while (text.size() < length && input.remaining_bytes() > 0) {
        // An astral character as its surrogate pair, now and then.
        if (input.ConsumeIntegralInRange<int>(0, 31) == 0) {
            const char32_t astral = input.ConsumeIntegralInRange<char32_t>(0x10000, 0x10ffff);
            text += QChar(QChar::highSurrogate(astral));
            text += QChar(QChar::lowSurrogate(astral));
            continue;
        }
        text += QChar(character(input, alphabet));
    }
    return text;
}

QString tokens(FuzzedDataProvider &input, const QStringList &words, int maxTokens)
{
    QString text;
    for (int i = input.ConsumeIntegralInRange<int>(0, maxTokens); i > 0; --i) {
        if (input.ConsumeIntegralInRange<int>(0, 7) == 0)
            text += QChar(character(input));
        text += words.at(input.ConsumeIntegralInRange<qsizetype>(0, words.size() - 1));
    }
    return text;
}

QJsonDocument readJson(const QByteArray &body, QJsonParseError *error)
{
    const QJsonDocument document = QJsonDocument::fromJson(body, error);
    if (document.isNull())
        return document;
    // Valid JSON holds these bytes only inside strings (or as a leading byte-order mark),
    // where \ufeff is the same character.
    QByteArray faithful;
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (i > 0 && body.at(i) == '\xEF' && body.mid(i, 3) == "\xEF\xBB\xBF") {
            faithful += "\\ufeff";
            i += 2;
        } else {
            faithful += body.at(i);
        }
    }
    return QJsonDocument::fromJson(faithful);
}

bool isWellFormed(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return false;
    }
    return true;
}

QString repaired(QStringView text)
{
    QString repaired;
    repaired.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            repaired += c;
            repaired += text[++i];
        } else {
            repaired += c.isSurrogate() ? QChar(QChar::ReplacementCharacter) : c;
        }
    }
    return repaired;
}

QByteArray utf8(QStringView text)
{
    return repaired(text).toUtf8();
}

} // namespace Fuzz
