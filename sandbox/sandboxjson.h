// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringView>
#include <QtGlobal>

// Byte-level JSON pieces for the hot path: a page is rendered by appending into one
// buffer, which is several times faster than building QJsonObjects.
class SandboxJson
{
public:
    // Length of "2024-03-05T17:04:11Z".
    static constexpr int TimestampLength = 20;

    // Writes an ISO 8601 UTC timestamp (seconds since the Unix epoch) into `out`, which
    // must hold TimestampLength bytes. Returns the byte after the last written.
    static char *writeTimestamp(char *out, qint64 unixSeconds);
    static QByteArray timestamp(qint64 unixSeconds);

    // Appends `text` as a quoted JSON string, escaping what RFC 8259 requires.
    static void appendString(QByteArray &out, QStringView text);
};
