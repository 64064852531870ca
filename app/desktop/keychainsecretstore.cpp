// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace {

const QString kService = u"Increase Connections"_s;

template <typename JobType> JobType *makeJob(const QString &slot)
{
    // No parent: a job that outlives the store must not be deleted under a running
    // keychain callback. It deletes itself once finished.
    auto *job = new JobType(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // the plain-text fallback would write the key to disk
    job->setKey(KeychainSecretStore::entryName(slot));
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{}

QString KeychainSecretStore::entryName(const QString &slot)
{
    return u"api-key/"_s % slot;
}

void KeychainSecretStore::readKey(const QString &slot)
{
    if (m_sessionKeys.contains(slot)) {
        const QString key = m_sessionKeys.value(slot);
        QMetaObject::invokeMethod(
            this, [this, slot, key] { Q_EMIT keyRead(slot, key); }, Qt::QueuedConnection);
        return;
    }
    auto *job = makeJob<QKeychain::ReadPasswordJob>(slot);
    connect(job, &QKeychain::Job::finished, this, [this, slot](QKeychain::Job *done) {
        switch (done->error()) {
        case QKeychain::NoError:
            m_serviceUnavailable = false;
            Q_EMIT keyRead(slot, static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
            break;
        case QKeychain::EntryNotFound:
            m_serviceUnavailable = false;
            Q_EMIT keyRead(slot, QString());
            break;
        default:
            reportFailure(slot, done);
        }
    });
    job->start();
}

void KeychainSecretStore::writeKey(const QString &slot, const QString &key)
{
    if (m_serviceUnavailable) {
        m_sessionKeys.insert(slot, key);
        QMetaObject::invokeMethod(
            this, [this, slot] { Q_EMIT keyWritten(slot); }, Qt::QueuedConnection);
        return;
    }
    auto *job = makeJob<QKeychain::WritePasswordJob>(slot);
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this, [this, slot](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            m_sessionKeys.remove(slot);
            Q_EMIT keyWritten(slot);
        } else {
            reportFailure(slot, done);
        }
    });
    job->start();
}

void KeychainSecretStore::removeKey(const QString &slot)
{
    m_sessionKeys.remove(slot);
    auto *job = makeJob<QKeychain::DeletePasswordJob>(slot);
    connect(job, &QKeychain::Job::finished, this, [this, slot](QKeychain::Job *done) {
        // Nothing to delete, or nowhere to delete it from, both leave no key behind.
        if (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound ||
            isServiceUnavailable(done->error(), done->errorString())) {
            Q_EMIT keyRead(slot, QString());
        } else {
            reportFailure(slot, done);
        }
    });
    job->start();
}

bool KeychainSecretStore::isSessionOnly(const QString &slot) const
{
    return m_sessionKeys.contains(slot);
}

bool KeychainSecretStore::isServiceUnavailable(int error, const QString &message)
{
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
        return true;
    if (error != QKeychain::OtherError)
        return false;
    // What libsecret, GDBus and QtKeychain's own backends say when there is no session bus
    // or nothing on it provides the secret service. "Unknown error" is QtKeychain's answer
    // when no keychain library could be loaded at all.
    static const QString kSigns[] = {
        u"org.freedesktop.secrets"_s,
        u"no keychain service"_s,
        u"d-bus"_s,
        u"dbus"_s,
        u"autolaunch"_s,
        u".service files"_s,
        u"could not connect"_s,
        u"no keyring daemon"_s,
        u"serviceunknown"_s,
        u"unknown error"_s,
    };
    for (const QString &sign : kSigns) {
        if (message.contains(sign, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void KeychainSecretStore::reportFailure(const QString &slot, const QKeychain::Job *job)
{
    const bool unavailable = isServiceUnavailable(job->error(), job->errorString());
    if (unavailable)
        m_serviceUnavailable = true;
    const QString message =
        unavailable ? tr("No keychain service is available (%1).").arg(job->errorString())
                    : tr("The system keychain could not be used: %1").arg(job->errorString());
    Q_EMIT failed(slot, message, unavailable);
}
