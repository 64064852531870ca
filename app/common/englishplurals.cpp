// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "englishplurals.h"

using namespace Qt::StringLiterals;

QString EnglishPlurals::translate(const char *context, const char *sourceText,
                                  const char *disambiguation, int n) const
{
    Q_UNUSED(context);
    Q_UNUSED(disambiguation);
    if (n < 0 || !sourceText)
        return {};
    const QString source = QString::fromUtf8(sourceText);
    if (!source.contains(u"(s)"_s) && !source.contains(u"y(ies)"_s))
        return {};
    return resolve(source, n);
}

QString EnglishPlurals::resolve(const QString &text, int n)
{
    QString resolved = text;
    const bool one = n == 1;
    resolved.replace(u"y(ies)"_s, one ? u"y"_s : u"ies"_s);
    resolved.replace(u"(s)"_s, one ? QString() : u"s"_s);
    return resolved;
}
