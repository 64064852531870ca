// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class Console;
class IncreaseClient;
struct RequestLogEntry;

// --verbose: one line on stderr per HTTP attempt the client makes. The line holds the
// method, path and query, never a header, so no part of the key can reach it.
class RequestLogPrinter : public QObject
{
    Q_OBJECT
public:
    RequestLogPrinter(IncreaseClient *client, Console *console, QObject *parent = nullptr);

    // "2025-01-02T03:04:05.678Z GET /oauth_connections?limit=100 -> 200 (attempt 1,
    // 12 ms, 3456 bytes)", with the error type and any retry delay after the status.
    static QString format(const RequestLogEntry &entry);

private:
    Console *m_console;
};
