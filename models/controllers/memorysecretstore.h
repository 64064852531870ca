// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QHash>
#include <QSet>

// Keeps keys in memory, for tests and for machines without a keychain. Answers
// asynchronously (queued), like a real keychain, so callers cannot come to rely on an
// answer arriving before the call returns. setServiceUnavailable(true) makes it behave as
// KeychainSecretStore does when no keychain service can be reached.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    void setServiceUnavailable(bool unavailable);

    void readKey(const QString &slot) override;
    void writeKey(const QString &slot, const QString &key) override;
    void removeKey(const QString &slot) override;
    bool isSessionOnly(const QString &slot) const override;

    // What the store holds now, for tests.
    bool hasKey(const QString &slot) const { return m_keys.contains(slot); }
    QString storedKey(const QString &slot) const { return m_keys.value(slot); }

private:
    void reportUnavailable(const QString &slot);

    QHash<QString, QString> m_keys;
    QSet<QString> m_sessionOnly;
    bool m_serviceUnavailable = false;
    // Like KeychainSecretStore: a write keeps the key for the session only once the caller
    // has been told that no keychain service is available.
    bool m_unavailableReported = false;
};
