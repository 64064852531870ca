// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the fuzz targets share: a check that stops the run with a message (libFuzzer keeps
// the input), readable dumps for those messages, and fuzz-driven strings that reach the
// characters the code under test treats specially.

#include <fuzzer/FuzzedDataProvider.h>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QString>
#include <QStringList>
#include <optional>

namespace Fuzz {

[[noreturn]] void fail(const char *file, int line, const char *condition, const QString &detail);

// The value as a C-escaped, quoted string, to show what differed.
QString dump(const QString &text);
QString dump(const QByteArray &bytes);
QString dump(const std::optional<QString> &text);

// Up to maxLength UTF-16 units: mostly printable ASCII, with the characters that CSV,
// JSON, URLs and ids treat specially, non-ASCII, astral pairs and lone surrogates.
// `alphabet`, when given, supplies the plain characters instead of printable ASCII.
QString string(FuzzedDataProvider &input, int maxLength, QStringView alphabet = {});

// Up to maxTokens words of `words` run together, now and then with a character() between.
QString tokens(FuzzedDataProvider &input, const QStringList &words, int maxTokens);

// One UTF-16 unit from those classes.
char16_t character(FuzzedDataProvider &input, QStringView alphabet = {});

// The body as JSON, every string as sent: QJsonDocument (Qt 6.4) drops a raw U+FEFF that
// starts a string, which the contract does not allow; this reads such bodies faithfully.
QJsonDocument readJson(const QByteArray &body, QJsonParseError *error = nullptr);

// True when every surrogate is part of a pair, i.e. the text survives UTF-8 unchanged.
bool isWellFormed(QStringView text);

// The text with each lone surrogate as U+FFFD, which is what UTF-8 output can carry.
QString repaired(QStringView text);
// What a writer emits for text: repaired(text) as UTF-8.
QByteArray utf8(QStringView text);

} // namespace Fuzz

// Stops the run when `condition` is false, printing `detail` (a QString expression).
#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::Fuzz::fail(__FILE__, __LINE__, #condition, (detail));                                \
    } while (false)
