// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>
#include <memory>

class SandboxServer;

// --demo: the local sandbox, in this process, on a free loopback port, with generated
// data and a key made up for this run, so the user's real key never reaches it.
class DemoSandbox
{
public:
    DemoSandbox();
    ~DemoSandbox();

    bool start(QString *error);
    QUrl baseUrl() const;
    const QString &apiKey() const { return m_apiKey; }

private:
    QString m_apiKey;
    std::unique_ptr<SandboxServer> m_server;
};
