// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

// Where the window keeps its API keys, one per key slot (keyslot.h: "production",
// "sandbox", "custom:https://a.example:443"). Every call is asynchronous and answers with a
// signal: a keychain may wait on an unlock prompt, and nothing in the window may block on
// it. Keys travel only through these signals; implementations never log them and never
// write them to QSettings.
//
// readKey answers keyRead (an empty key when none is stored) or failed. writeKey answers
// keyWritten or failed. removeKey answers keyRead(slot, {}) — the key is now none — or
// failed. `serviceUnavailable` says that no keychain service could be reached (no D-Bus
// session, no secret service): the caller may then offer to keep the key for this session
// only, which a later writeKey does (isSessionOnly() tells it apart).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void readKey(const QString &slot) = 0;
    virtual void writeKey(const QString &slot, const QString &key) = 0;
    virtual void removeKey(const QString &slot) = 0;

    // True when the key for `slot` lives only in this process's memory because no keychain
    // service was available.
    virtual bool isSessionOnly(const QString &slot) const
    {
        Q_UNUSED(slot)
        return false;
    }

Q_SIGNALS:
    void keyRead(const QString &slot, const QString &key /* empty if none */);
    void keyWritten(const QString &slot);
    void failed(const QString &slot, const QString &message, bool serviceUnavailable);
};
