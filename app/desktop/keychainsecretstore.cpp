#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace {

const QString kService = u"Increase Connections"_s;

QString entryName(const QString &environment)
{
    return u"api-key/"_s % environment;
}

template <typename JobType> JobType *makeJob(const QString &environment)
{
    // No parent: a job that outlives the store must not be deleted under a running
    // keychain callback. It deletes itself once finished.
    auto *job = new JobType(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // the plain-text fallback would write the key to disk
    job->setKey(entryName(environment));
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{}

void KeychainSecretStore::readKey(const QString &environment)
{
    if (m_sessionKeys.contains(environment)) {
        const QString key = m_sessionKeys.value(environment);
        QMetaObject::invokeMethod(
            this, [this, environment, key] { Q_EMIT keyRead(environment, key); },
            Qt::QueuedConnection);
        return;
    }
    auto *job = makeJob<QKeychain::ReadPasswordJob>(environment);
    connect(job, &QKeychain::Job::finished, this, [this, environment](QKeychain::Job *done) {
        switch (done->error()) {
        case QKeychain::NoError:
            m_serviceUnavailable = false;
            Q_EMIT keyRead(environment,
                           static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
            break;
        case QKeychain::EntryNotFound:
            m_serviceUnavailable = false;
            Q_EMIT keyRead(environment, QString());
            break;
        default:
            reportFailure(environment, done);
        }
    });
    job->start();
}

void KeychainSecretStore::writeKey(const QString &environment, const QString &key)
{
    if (m_serviceUnavailable) {
        m_sessionKeys.insert(environment, key);
        QMetaObject::invokeMethod(
            this, [this, environment] { Q_EMIT keyWritten(environment); }, Qt::QueuedConnection);
        return;
    }
    auto *job = makeJob<QKeychain::WritePasswordJob>(environment);
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this, [this, environment](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            m_sessionKeys.remove(environment);
            Q_EMIT keyWritten(environment);
        } else {
            reportFailure(environment, done);
        }
    });
    job->start();
}

void KeychainSecretStore::removeKey(const QString &environment)
{
    m_sessionKeys.remove(environment);
    auto *job = makeJob<QKeychain::DeletePasswordJob>(environment);
    connect(job, &QKeychain::Job::finished, this, [this, environment](QKeychain::Job *done) {
        // Nothing to delete, or nowhere to delete it from, both leave no key behind.
        if (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound ||
            isServiceUnavailable(done->error(), done->errorString())) {
            Q_EMIT keyRead(environment, QString());
        } else {
            reportFailure(environment, done);
        }
    });
    job->start();
}

bool KeychainSecretStore::isSessionOnly(const QString &environment) const
{
    return m_sessionKeys.contains(environment);
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

void KeychainSecretStore::reportFailure(const QString &environment, const QKeychain::Job *job)
{
    const bool unavailable = isServiceUnavailable(job->error(), job->errorString());
    if (unavailable)
        m_serviceUnavailable = true;
    const QString message =
        unavailable ? tr("No keychain service is available (%1).").arg(job->errorString())
                    : tr("The system keychain could not be used: %1").arg(job->errorString());
    Q_EMIT failed(environment, message, unavailable);
}
