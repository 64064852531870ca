// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestlogentry.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The request log as a HAR 1.2 file, which any browser's developer tools can open. Every
// field the spec requires is written, -1 where it allows "unknown"; extras are `_`-prefixed
// (`_attempt`, `_error`, `_willRetry`, `_retryDelayMs`, `_retryCancelled`, `_bodyTruncated`).
// Authorization is always written as "Bearer [redacted]": no part of the key, not even the
// on-screen hint.
namespace HarWriter {

inline constexpr char kCreatorName[] = "Increase Connections";

// Entries oldest first, one compact JSON object per line inside the log.
QByteArray toHar(const QList<RequestLogEntry> &entries, const QString &creatorVersion);

// Writes through QSaveFile: an existing file is replaced only when all of it is written.
bool saveHar(const QString &path, const QList<RequestLogEntry> &entries,
             const QString &creatorVersion, QString *error = nullptr);

} // namespace HarWriter
