// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "memorysecretstore.h"

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

void MemorySecretStore::setServiceUnavailable(bool unavailable)
{
    m_serviceUnavailable = unavailable;
    m_unavailableReported = false;
}

void MemorySecretStore::readKey(const QString &slot)
{
    if (m_serviceUnavailable && !m_sessionOnly.contains(slot)) {
        reportUnavailable(slot);
        return;
    }
    const QString key = m_keys.value(slot);
    QMetaObject::invokeMethod(
        this, [this, slot, key] { Q_EMIT keyRead(slot, key); }, Qt::QueuedConnection);
}

void MemorySecretStore::writeKey(const QString &slot, const QString &key)
{
    if (m_serviceUnavailable && !m_unavailableReported) {
        reportUnavailable(slot);
        return;
    }
    m_keys.insert(slot, key);
    if (m_serviceUnavailable)
        m_sessionOnly.insert(slot);
    else
        m_sessionOnly.remove(slot);
    QMetaObject::invokeMethod(
        this, [this, slot] { Q_EMIT keyWritten(slot); }, Qt::QueuedConnection);
}

void MemorySecretStore::removeKey(const QString &slot)
{
    m_keys.remove(slot);
    m_sessionOnly.remove(slot);
    QMetaObject::invokeMethod(
        this, [this, slot] { Q_EMIT keyRead(slot, QString()); }, Qt::QueuedConnection);
}

bool MemorySecretStore::isSessionOnly(const QString &slot) const
{
    return m_sessionOnly.contains(slot);
}

void MemorySecretStore::reportUnavailable(const QString &slot)
{
    m_unavailableReported = true;
    QMetaObject::invokeMethod(
        this,
        [this, slot] {
            Q_EMIT failed(slot, tr("No keychain service is available (simulated)."), true);
        },
        Qt::QueuedConnection);
}
