// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QUrl>

// increase-sandbox in a process of its own (so that only the client side is measured), on
// a free port; stopped when this object goes, and with the benchmark if it is killed.
class SandboxProcess
{
public:
    SandboxProcess() = default;
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // Starts `program --port 0 arguments...` and waits for the line scripts wait for,
    // "listening on URL" (generating a large dataset takes a while). False with `error`.
    bool start(const QString &program, const QStringList &arguments, QString *error);
    QUrl baseUrl() const { return m_baseUrl; }

private:
    QProcess m_process;
    QUrl m_baseUrl;
};
