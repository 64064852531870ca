// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectioncontroller.h"

#include "connectionsession.h"
#include "connectionswitcher.h"
#include "keyslot.h"
#include "noticeboard.h"
#include "secretstore.h"
#include "windowsettings.h"

using namespace Qt::StringLiterals;

ConnectionController::ConnectionController(QSettings *settings, SecretStore *secrets,
                                           EmbeddedSandboxFactory sandboxes, NoticeBoard *notices,
                                           QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_notices(notices)
    , m_switcher(new ConnectionSwitcher(secrets, std::move(sandboxes), this))
{
    connect(m_switcher, &ConnectionSwitcher::ready, this, &ConnectionController::adopt);
    connect(m_switcher, &ConnectionSwitcher::waitingForKey, this,
            [this](const ConnectionChoice &choice) {
                if (!m_session)
                    Q_EMIT connecting(choice);
                Q_EMIT statusMessage(
                    tr("Reading the API key for %1 from the keychain…").arg(keySlot(choice).name));
            });
    connect(m_switcher, &ConnectionSwitcher::keyMissing, this, &ConnectionController::onKeyMissing);
    connect(m_switcher, &ConnectionSwitcher::failed, this, &ConnectionController::onConnectFailed);
    if (secrets)
        connect(secrets, &SecretStore::keyWritten, this, &ConnectionController::onKeyWritten);
}

ConnectionController::~ConnectionController()
{
    // The session's models abort their requests before the client goes.
    delete m_session;
}

void ConnectionController::setClientDefaults(const ClientConfig &defaults)
{
    m_switcher->setClientDefaults(defaults);
}

void ConnectionController::connectWithKey(const ConnectionChoice &choice, const QString &apiKey)
{
    m_switcher->requestWithKey(choice, apiKey);
}

void ConnectionController::connectWithStoredKey(const ConnectionChoice &choice)
{
    m_switcher->request(choice);
}

ConnectionChoice ConnectionController::currentChoice() const
{
    if (m_switcher->isWaiting())
        return m_switcher->pendingChoice();
    if (m_session)
        return m_session->choice();
    return WindowSettings::choice(*m_settings).value_or(ConnectionChoice{u"local"_s, {}});
}

void ConnectionController::adopt(ConnectionSession *session)
{
    ConnectionSession *old = m_session;
    m_session = session;
    session->setParent(this);
    m_notices->clear();
    Q_EMIT statusMessage(QString());
    Q_EMIT sessionChanged(session);
    if (old)
        old->retire();
}

bool ConnectionController::openLocalFallback(QString *error)
{
    ConnectionSession *local =
        m_switcher->create(ConnectionChoice{u"local"_s, {}}, QString(), error);
    if (!local)
        return false;
    adopt(local);
    return true;
}

void ConnectionController::onKeyMissing(const ConnectionChoice &choice, const QString &message,
                                        bool serviceUnavailable)
{
    // The notice must come after the fallback's adopt(), which clears the board.
    QString fallbackError;
    if (!m_session)
        openLocalFallback(&fallbackError);
    QString detail;
    if (serviceUnavailable)
        detail = tr("The system keychain is not available (%1). Set API key… can keep a key "
                    "for this session only.")
                     .arg(message);
    else if (!message.isEmpty())
        detail = tr("The keychain could not be read: %1").arg(message);
    else
        detail = tr("Set API key… stores one in the system keychain.");
    if (m_session)
        detail += u'\n' + tr("Still connected to %1.").arg(displayName(m_session->choice()));
    else if (!fallbackError.isEmpty())
        detail += u'\n' + fallbackError;
    Notice notice;
    // The key's origin, not only the host: two servers on one host keep two keys.
    notice.title = tr("No API key for %1").arg(keySlot(choice).name);
    notice.detail = detail;
    notice.actions = Notice::SetApiKey | Notice::Dismiss;
    m_notices->post(this, notice);
    Q_EMIT statusMessage(QString());
}

void ConnectionController::onConnectFailed(const ConnectionChoice &choice, const QString &message)
{
    QString fallbackError;
    if (!m_session)
        openLocalFallback(&fallbackError);
    Notice notice;
    notice.title = tr("Could not connect to %1").arg(displayName(choice));
    notice.detail = fallbackError.isEmpty() ? message : message + u'\n' + fallbackError;
    notice.actions = Notice::Retry | Notice::Dismiss;
    m_notices->post(this, notice, [this, choice] { connectWithStoredKey(choice); });
}

void ConnectionController::onKeyWritten(const QString &slot)
{
    if (m_settingsOpen) {
        if (!m_keysWrittenInSettings.contains(slot))
            m_keysWrittenInSettings.append(slot);
        return;
    }
    // A key for the slot still waited for completes the switch; a new key for the one in
    // use (Set API key… after invalid_api_key_error) reconnects with it. A key for any
    // other origin is not this connection's business.
    if (m_switcher->isWaiting()) {
        if (m_switcher->isWaitingFor(slot))
            m_switcher->request(m_switcher->pendingChoice());
        return;
    }
    if (m_session && !m_session->isLocal() && keySlot(m_session->choice()).id == slot)
        m_switcher->request(m_session->choice());
}

void ConnectionController::settingsOpened()
{
    m_settingsOpen = true;
}

void ConnectionController::settingsClosed(const ConnectionChoice &choice, bool accepted)
{
    m_settingsOpen = false;
    const QStringList written = std::exchange(m_keysWrittenInSettings, {});
    if (!accepted) {
        for (const QString &slot : written)
            onKeyWritten(slot);
        return;
    }
    WindowSettings::setChoice(*m_settings, choice);
    // The same connection with the same key: nothing to redo, the rows stay.
    const bool unchanged = m_session && m_session->choice() == choice &&
                           (m_session->isLocal() || !written.contains(keySlot(choice).id));
    if (unchanged) {
        m_switcher->cancel();
        return;
    }
    m_switcher->request(choice);
}
