// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxresponse.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Increase-shaped error responses: {"type","status","title","detail"} plus the extra
// fields each type documents, so the SDKs map them to their typed errors.
class SandboxErrors
{
public:
    // One element of invalid_parameters_error's `errors`.
    static QJsonObject parameterError(const QString &field, const QString &message);
    static SandboxResponse invalidParameters(const QJsonArray &errors);
    static SandboxResponse invalidApiKey(const QString &reason, const QString &detail);
    static SandboxResponse objectNotFound(const QString &detail);
    static SandboxResponse apiMethodNotFound(const QString &method, const QString &path);
    static SandboxResponse rateLimited(int retryAfterSeconds);
    static SandboxResponse internalServerError();
};
