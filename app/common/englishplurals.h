// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTranslator>

// English plural forms for the counted strings, tr("%Ln row(s)", nullptr, n): "(s)" and
// "y(ies)" become "1 row" / "2 rows", "1 retry" / "2 retries". Qt leaves the markers in
// place when no translation has numerus forms, and the build has no Qt Linguist tools to
// compile an English one, so this translator derives them. Strings without a count are
// left to the next translator (or the source text).
class EnglishPlurals : public QTranslator
{
public:
    using QTranslator::QTranslator;

    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override;

    // `text` with every marker resolved for `n`.
    static QString resolve(const QString &text, int n);
};
