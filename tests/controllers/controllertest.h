// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxoptions.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

// What the controller suites share: the sandbox on a free loopback port demanding a known
// key, and a settings file of their own so that no test reads what another wrote.
class SandboxFixture
{
public:
    // Distinctive, so that a test can tell where it went and where it did not.
    static constexpr char kApiKey[] = "ic_controller_test_key_4455";

    SandboxFixture()
    {
        if (!m_dir.isValid())
            return;
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("window.ini")),
                                                 QSettings::IniFormat);
        SandboxOptions options;
        options.port = 0;
        options.connections = 600; // several pages listed: Load All has somewhere to go
        options.applications = 3;
        options.seed = 11;
        options.apiKey = QString::fromLatin1(kApiKey);
        m_server = std::make_unique<SandboxServer>(options);
        m_ready = m_server->listen();
    }

    bool isReady() const { return m_ready; }
    SandboxServer &server() { return *m_server; }
    QSettings &settings() { return *m_settings; }
    static QString apiKey() { return QString::fromLatin1(kApiKey); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SandboxServer> m_server;
    bool m_ready = false;
};

// Runs the event loop until `done` holds or `timeoutMs` passes. QTRY_* sleeps 10 ms a
// round, which with the sandbox in this thread costs about 30 ms a page; this checks every
// millisecond. Deferred deletes are delivered too, as QTest::qWait does: a retired
// session goes through deleteLater().
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 20000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QTest::qSleep(1);
    }
    return true;
}

// Lets queued signals and deferred deletes through for `ms`, for tests that prove that
// something did NOT happen.
inline void settle(int ms = 50)
{
    waitUntil([] { return false; }, ms);
}
