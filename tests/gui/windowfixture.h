// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionchoice.h"
#include "englishplurals.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "sandboxserver.h"

#include <QSettings>
#include <QTemporaryDir>
#include <functional>
#include <memory>

class ConnectionSettingsDialog;
class ConnectionTableModel;

// What every GUI test needs: the local sandbox in-process, an isolated QSettings file in
// a temporary directory, an in-memory secret store, and windows built on them.
class WindowFixture
{
public:
    static constexpr int kPageSize = 100; // the client's page limit
    // Distinctive, so a test can tell that no part of it (not even the last 4 characters
    // the request log shows on screen) reached a file or the clipboard.
    static constexpr char kApiKey[] = "ic_test_key_SECRET_7788";
    static constexpr char kApiKeyHint[] = "7788";

    WindowFixture();
    ~WindowFixture();

    bool isReady() const { return m_ready; }
    SandboxServer &sandbox() { return *m_sandbox; }
    QSettings &settings() { return *m_settings; }
    MemorySecretStore &secrets() { return m_secrets; }
    // "custom" pointed at the sandbox: everything the window sends stays on loopback.
    ConnectionChoice sandboxChoice() const;

    // A window connected to the sandbox, shown and active, with its first page in.
    std::unique_ptr<MainWindow> openWindow();
    // A window shown and active, not connected.
    std::unique_ptr<MainWindow> newWindow();

private:
    EnglishPlurals m_plurals; // what the app installs: "1 row", "2 rows"
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SandboxServer> m_sandbox;
    MemorySecretStore m_secrets;
    bool m_ready = false;
};

ConnectionTableModel *tableModel(const MainWindow &window);
// Types `key` into the dialog's API key field once the keychain lets it be edited, then
// presses OK, as a user does. False when the field or the button is missing.
bool enterKeyAndAccept(ConnectionSettingsDialog *dialog, const QString &key);
// Runs the event loop until `done` holds, checking every few milliseconds.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 20000);
