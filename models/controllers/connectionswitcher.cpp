#include "connectionswitcher.h"

#include "connectionsession.h"
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
    m_pending = choice;
    if (!m_secrets) {
        m_state = State::NoKey;
        Q_EMIT keyMissing(choice, QString(), false);
        return;
    }
    m_state = State::Reading;
    Q_EMIT waitingForKey(choice);
    m_secrets->readKey(choice.environment);
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
}

bool ConnectionSwitcher::concerns(const QString &environment) const
{
    return m_state != State::Idle && environment == m_pending.environment;
}

void ConnectionSwitcher::onKeyRead(const QString &environment, const QString &key)
{
    // The settings dialog reads from the same store: only answers for the environment
    // being switched to matter, and a key that appears while none was stored completes it.
    if (!concerns(environment))
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

void ConnectionSwitcher::onFailed(const QString &environment, const QString &message,
                                  bool serviceUnavailable)
{
    if (!concerns(environment) || m_state != State::Reading)
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
