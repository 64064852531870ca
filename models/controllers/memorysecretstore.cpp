#include "memorysecretstore.h"

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

void MemorySecretStore::setServiceUnavailable(bool unavailable)
{
    m_serviceUnavailable = unavailable;
    m_unavailableReported = false;
}

void MemorySecretStore::readKey(const QString &environment)
{
    if (m_serviceUnavailable && !m_sessionOnly.contains(environment)) {
        reportUnavailable(environment);
        return;
    }
    const QString key = m_keys.value(environment);
    QMetaObject::invokeMethod(
        this, [this, environment, key] { Q_EMIT keyRead(environment, key); }, Qt::QueuedConnection);
}

void MemorySecretStore::writeKey(const QString &environment, const QString &key)
{
    if (m_serviceUnavailable && !m_unavailableReported) {
        reportUnavailable(environment);
        return;
    }
    m_keys.insert(environment, key);
    if (m_serviceUnavailable)
        m_sessionOnly.insert(environment);
    else
        m_sessionOnly.remove(environment);
    QMetaObject::invokeMethod(
        this, [this, environment] { Q_EMIT keyWritten(environment); }, Qt::QueuedConnection);
}

void MemorySecretStore::removeKey(const QString &environment)
{
    m_keys.remove(environment);
    m_sessionOnly.remove(environment);
    QMetaObject::invokeMethod(
        this, [this, environment] { Q_EMIT keyRead(environment, QString()); },
        Qt::QueuedConnection);
}

bool MemorySecretStore::isSessionOnly(const QString &environment) const
{
    return m_sessionOnly.contains(environment);
}

void MemorySecretStore::reportUnavailable(const QString &environment)
{
    m_unavailableReported = true;
    QMetaObject::invokeMethod(
        this,
        [this, environment] {
            Q_EMIT failed(environment, tr("No keychain service is available (simulated)."), true);
        },
        Qt::QueuedConnection);
}
