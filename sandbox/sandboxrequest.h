// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

// What the sandbox's endpoints need from an HTTP request, decoded once, so the
// endpoints are plain functions that tests can call without a socket.
struct SandboxRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path;                             // percent-decoded
    QList<std::pair<QString, QString>> query; // fully decoded: `%2C` is a comma here
    std::optional<QByteArray> authorization;  // nullopt: no Authorization header
    bool keepAlive = true;                    // false: the client sent Connection: close
};
