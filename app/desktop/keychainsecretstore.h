// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QHash>

namespace QKeychain {
class Job;
}

// The OS keychain through QtKeychain: service "Increase Connections", one entry per key
// slot (entryName). Jobs run asynchronously and are never waited on (a job may
// sit behind an unlock prompt). QtKeychain 0.13 reports "no keychain service" as
// OtherError, so failures are classified by their message (isServiceUnavailable). Once the
// caller has been told the service is unavailable, writeKey keeps the key in this
// process's memory for the session only; it never falls back to a plain-text file.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    void readKey(const QString &slot) override;
    void writeKey(const QString &slot, const QString &key) override;
    void removeKey(const QString &slot) override;
    bool isSessionOnly(const QString &slot) const override;

    // "api-key/<slot>": "api-key/production" and "api-key/sandbox" as earlier versions wrote
    // them; "api-key/custom:https://a.example:443" for a custom origin. The old shared
    // "api-key/custom" is no slot's entry any more (keyslot.h says why).
    static QString entryName(const QString &slot);

    // Whether a finished job's error (a QKeychain::Error) and message mean that no keychain
    // service could be reached, as opposed to a refusal or a missing entry.
    static bool isServiceUnavailable(int error, const QString &message);

private:
    void reportFailure(const QString &slot, const QKeychain::Job *job);

    QHash<QString, QString> m_sessionKeys;
    bool m_serviceUnavailable = false;
};
