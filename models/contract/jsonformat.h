// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

// Pretty-prints JSON text as it was sent: keys keep their order and numbers their digits,
// which a round trip through QJsonDocument would sort and turn into doubles. Whitespace
// between tokens is replaced; nothing else changes.
namespace JsonFormat {

// `json` must be valid JSON (parse it first); the output ends with a newline.
QByteArray indented(const QByteArray &json, int indent = 4);

} // namespace JsonFormat
