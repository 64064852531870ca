// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientconfig.h"
#include "connectionchoice.h"
#include "embeddedsandbox.h"

#include <QObject>
#include <QPointer>

class ConnectionSession;
class SecretStore;

// Turns a connection choice into a live session. For the local sandbox that is immediate;
// otherwise the key of the choice's slot (keyslot.h: one per origin) is read from the
// secret store first, asynchronously — a keychain may sit on an unlock prompt and nothing
// waits for it (STYLE.md trap 17). When no key is stored it says so and stays pending:
// request() again once a key has been written for that slot completes the switch. Only
// answers for that slot count, so another origin's key never completes it.
class ConnectionSwitcher : public QObject
{
    Q_OBJECT
public:
    ConnectionSwitcher(SecretStore *secrets, EmbeddedSandboxFactory sandboxes,
                       QObject *parent = nullptr);

    // Timeout, retries and CA file for every session (from the command line).
    void setClientDefaults(const ClientConfig &defaults) { m_defaults = defaults; }
    const ClientConfig &clientDefaults() const { return m_defaults; }

    // A session for `choice` now, or nullptr with `error` (no switch, no signal).
    ConnectionSession *create(const ConnectionChoice &choice, const QString &apiKey,
                              QString *error) const;

    // Switches to `choice`, reading its key from the secret store.
    void request(const ConnectionChoice &choice);
    // Switches to `choice` with a key the caller already has (INCREASE_API_KEY, a key file).
    void requestWithKey(const ConnectionChoice &choice, const QString &apiKey);
    // Stops waiting for a key.
    void cancel();

    bool isWaiting() const { return m_state != State::Idle; }
    // Whether the choice waited for takes its key from `slot`.
    bool isWaitingFor(const QString &slot) const;
    ConnectionChoice pendingChoice() const { return m_pending; }

Q_SIGNALS:
    void waitingForKey(const ConnectionChoice &choice);
    // A new session for `choice`, parented to nobody: the receiver takes it.
    void ready(ConnectionSession *session);
    // No key for `choice` (or the keychain failed: `message`); still listening for one.
    void keyMissing(const ConnectionChoice &choice, const QString &message,
                    bool serviceUnavailable);
    void failed(const ConnectionChoice &choice, const QString &message);

private:
    enum class State { Idle, Reading, NoKey };

    void onKeyRead(const QString &slot, const QString &key);
    void onFailed(const QString &slot, const QString &message, bool serviceUnavailable);
    void build(const ConnectionChoice &choice, const QString &apiKey);

    QPointer<SecretStore> m_secrets;
    EmbeddedSandboxFactory m_sandboxes;
    ClientConfig m_defaults;
    ConnectionChoice m_pending;
    QString m_pendingSlot; // keySlot(m_pending).id
    State m_state = State::Idle;
};
