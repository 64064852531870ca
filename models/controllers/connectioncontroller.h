// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientconfig.h"
#include "connectionchoice.h"
#include "embeddedsandbox.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class ConnectionSession;
class ConnectionSwitcher;
class NoticeBoard;
class QSettings;
class SecretStore;

// Which server the window talks to, and with which key: a key the caller has, or the
// SecretStore's (answered later: a keychain may sit on an unlock prompt); the local
// sandbox meanwhile when nothing is connected yet; reconnecting when a key is written;
// the Connection settings dialog's outcome. It owns the current session and posts what
// went wrong to the NoticeBoard; the window only shows what it says.
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    ConnectionController(QSettings *settings, SecretStore *secrets,
                         EmbeddedSandboxFactory sandboxes, NoticeBoard *notices,
                         QObject *parent = nullptr);
    ~ConnectionController() override;

    // Timeout, retries and CA file for every connection (command-line flags).
    void setClientDefaults(const ClientConfig &defaults);

    // Connects with a key the caller already has (INCREASE_API_KEY, --api-key-file); the
    // local sandbox ignores it.
    void connectWithKey(const ConnectionChoice &choice, const QString &apiKey);
    // Connects with the key kept in the secret store. Until it arrives the current
    // connection stays; with no key a notice offers "Set API key…" (and with no current
    // connection the local sandbox opens meanwhile).
    void connectWithStoredKey(const ConnectionChoice &choice);

    ConnectionSession *session() const { return m_session; }
    // What the settings dialog starts from: the choice being connected to, else the one in
    // use, else the saved one, else the local sandbox.
    ConnectionChoice currentChoice() const;

    // The Connection settings dialog: keys written while it is open are acted on when it
    // closes, knowing what the user chose.
    void settingsOpened();
    void settingsClosed(const ConnectionChoice &choice, bool accepted);

Q_SIGNALS:
    // A new session is in place; the previous one is retired (deleted once nothing keeps
    // it, see ConnectionSession::keepWhile).
    void sessionChanged(ConnectionSession *session);
    // Reading the key for `choice` while nothing is connected yet.
    void connecting(const ConnectionChoice &choice);
    // A line for the status bar; empty clears it.
    void statusMessage(const QString &text);

private:
    void adopt(ConnectionSession *session);
    // The local sandbox while nothing else is connected; false with `error` if it cannot.
    bool openLocalFallback(QString *error);
    void onKeyMissing(const ConnectionChoice &choice, const QString &message,
                      bool serviceUnavailable);
    void onConnectFailed(const ConnectionChoice &choice, const QString &message);
    void onKeyWritten(const QString &slot);

    QSettings *m_settings;
    QPointer<SecretStore> m_secrets;
    NoticeBoard *m_notices;
    ConnectionSwitcher *m_switcher;
    QPointer<ConnectionSession> m_session;
    bool m_settingsOpen = false;
    QStringList m_keysWrittenInSettings; // their key slots (keyslot.h)
};
