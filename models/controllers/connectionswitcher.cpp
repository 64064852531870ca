// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionswitcher.h"

#include "connectionsession.h"
#include "keyslot.h"
#include "secretstore.h"

using namespace Qt::StringLiterals;

ConnectionSwitcher::ConnectionSwitcher(SecretStore *secrets, EmbeddedSandboxFactory sandboxes,
                                       QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_sandboxes(std::move(sandboxes))
{
    if (secrets) {
        connect(secrets, &SecretStore::keyRead, this, &ConnectionSwitcher::onKeyRead);
        connect(secrets, &SecretStore::failed, this, &ConnectionSwitcher::onFailed);
    }
}

void ConnectionSwitcher::request(const ConnectionChoice &choice)
{
    cancel();
    if (choice.environment == "local"_L1) {
        build(choice, QString());
        return;
    }
    const KeySlot slot = keySlot(choice);
    if (!slot.isValid()) {
        // No origin, so no key belongs to it: building refuses the URL and says why.
        build(choice, QString());
        return;
    }
    m_pending = choice;
    m_pendingSlot = slot.id;
    if (!m_secrets) {
        m_state = State::NoKey;
        Q_EMIT keyMissing(choice, QString(), false);
        return;
    }
    m_state = State::Reading;
    Q_EMIT waitingForKey(choice);
    m_secrets->readKey(slot.id);
}

void ConnectionSwitcher::requestWithKey(const ConnectionChoice &choice, const QString &apiKey)
{
    cancel();
    build(choice, apiKey);
}

void ConnectionSwitcher::cancel()
{
    m_state = State::Idle;
    m_pending = {};
    m_pendingSlot.clear();
}

bool ConnectionSwitcher::isWaitingFor(const QString &slot) const
{
    return m_state != State::Idle && slot == m_pendingSlot;
}

void ConnectionSwitcher::onKeyRead(const QString &slot, const QString &key)
{
    // The settings dialog reads from the same store: only answers for the slot being
    // switched to matter, and a key that appears while none was stored completes it.
    if (!isWaitingFor(slot))
        return;
    if (key.isEmpty()) {
        if (m_state == State::Reading) {
            m_state = State::NoKey;
            Q_EMIT keyMissing(m_pending, QString(), false);
        }
        return;
    }
    const ConnectionChoice choice = m_pending;
    cancel();
    build(choice, key);
}

void ConnectionSwitcher::onFailed(const QString &slot, const QString &message,
                                  bool serviceUnavailable)
{
    if (!isWaitingFor(slot) || m_state != State::Reading)
        return;
    m_state = State::NoKey;
    Q_EMIT keyMissing(m_pending, message, serviceUnavailable);
}

ConnectionSession *ConnectionSwitcher::create(const ConnectionChoice &choice, const QString &apiKey,
                                              QString *error) const
{
    return ConnectionSession::create(choice, apiKey, m_defaults, m_sandboxes, error);
}

void ConnectionSwitcher::build(const ConnectionChoice &choice, const QString &apiKey)
{
    QString error;
    ConnectionSession *session = create(choice, apiKey, &error);
    if (!session) {
        Q_EMIT failed(choice, error);
        return;
    }
    Q_EMIT ready(session);
}
