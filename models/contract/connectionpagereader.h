// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiparsing.h"

#include <QByteArrayView>
#include <optional>

// Reads a page of connections straight from its bytes, without a QJsonDocument: the
// listing's hot path, where the DOM costs about twenty times more than the page's own
// bytes. It takes only what the API sends in practice: printable ASCII strings without
// escapes, unknown fields of any JSON type, nested to a modest depth. Anything else,
// valid or not, it declines (nullopt) and leaves to ApiParsing's QJsonDocument parser,
// which decides and names the problem. So a page it returns is always the page that the
// QJsonDocument parser would return for the same bytes.
namespace ConnectionPageReader {

std::optional<ConnectionPage> read(QByteArrayView body);

} // namespace ConnectionPageReader
