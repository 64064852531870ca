// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

// --api-key-file: the key from a file only its owner can read.
namespace ApiKeyFile {

// Refused unless it is a regular file (not a symbolic link) of this user with no group or
// other permission bits, holding one word. Surrounding whitespace is trimmed. nullopt
// with `error` naming the file and the problem, never a byte of what it holds.
std::optional<QString> read(const QString &path, QString *error);

} // namespace ApiKeyFile
