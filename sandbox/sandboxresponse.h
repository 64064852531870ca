// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

// An answer from the sandbox's endpoints; every body is JSON.
struct SandboxResponse
{
    int status = 200;
    QByteArray body;
    int retryAfterSeconds = 0; // > 0: sent as a Retry-After header
};
