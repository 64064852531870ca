// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestlogentry.h"

#include <QString>
#include <QStringView>

// A POSIX shell command that repeats a logged request with curl, for "Copy as curl":
//   curl -sS --globoff -H 'Accept: application/json' -H 'User-Agent: …'
//     -H "Authorization: Bearer $INCREASE_API_KEY" 'URL'
// Every part is single-quoted except the Authorization header, which names the
// environment variable instead of holding any part of the key.
QString curlCommand(const RequestLogEntry &entry);

// `text` as one single-quoted shell word: it's → 'it'\''s'.
QString shellQuoted(QStringView text);
