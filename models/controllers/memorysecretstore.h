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

    void readKey(const QString &environment) override;
    void writeKey(const QString &environment, const QString &key) override;
    void removeKey(const QString &environment) override;
    bool isSessionOnly(const QString &environment) const override;

    // What the store holds now, for tests.
    bool hasKey(const QString &environment) const { return m_keys.contains(environment); }
    QString storedKey(const QString &environment) const { return m_keys.value(environment); }

private:
    void reportUnavailable(const QString &environment);

    QHash<QString, QString> m_keys;
    QSet<QString> m_sessionOnly;
    bool m_serviceUnavailable = false;
    // Like KeychainSecretStore: a write keeps the key for the session only once the caller
    // has been told that no keychain service is available.
    bool m_unavailableReported = false;
};
