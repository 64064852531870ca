// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

// Reads a list page's next_cursor without parsing the page, so the walker can ask for the
// next page while it parses this one (a 24 KB page takes about 0.2 ms to parse, a
// comparable share of a loopback round trip). Only a plain ASCII string (no escapes) counts;
// anything else is nullopt and the caller waits for the full parse, which also checks
// the guess.
namespace CursorPeek {

std::optional<QString> nextCursor(const QByteArray &body);

} // namespace CursorPeek
