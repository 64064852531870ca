// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionsession.h"

#include "applicationlistmodel.h"
#include "connectiontablemodel.h"
#include "endpoint.h"
#include "increaseclient.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {

QString demoKey()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    return u"demo_"_s + QString::fromLatin1(bytes.toHex());
}

} // namespace

ConnectionSession::ConnectionSession(const ConnectionChoice &choice, QObject *parent)
    : QObject(parent)
    , m_choice(choice)
{}

ConnectionSession::~ConnectionSession()
{
    // The models abort their requests before the client and the sandbox go.
    delete m_connections;
    delete m_applications;
    delete m_client;
    m_sandbox.reset();
}

bool ConnectionSession::isLocal() const
{
    return m_choice.environment == "local"_L1;
}

QUrl ConnectionSession::baseUrl() const
{
    return m_client ? m_client->config().baseUrl : QUrl();
}

ConnectionSession *ConnectionSession::create(const ConnectionChoice &choice, const QString &apiKey,
                                             const ClientConfig &defaults,
                                             const EmbeddedSandboxFactory &sandboxes,
                                             QString *error, QObject *parent)
{
    std::unique_ptr<ConnectionSession> session(new ConnectionSession(choice, nullptr));
    ClientConfig config = defaults;
    config.environment = choice.environment;
    if (session->isLocal()) {
        const QString key = demoKey();
        QString why = tr("this program was built without it");
        if (sandboxes)
            session->m_sandbox = sandboxes(key, &why);
        if (!session->m_sandbox) {
            *error = tr("The local sandbox could not start: %1").arg(why);
            return nullptr;
        }
        config.baseUrl = session->m_sandbox->baseUrl();
        config.apiKey = key;
        config.caFile.clear();
    } else {
        config.baseUrl = baseUrlFor(choice);
        config.apiKey = apiKey;
        QString why;
        if (!Endpoint::checkBaseUrl(config.baseUrl, &why)) {
            *error = tr("%1 cannot be used: %2").arg(config.baseUrl.toDisplayString(), why);
            return nullptr;
        }
    }
    session->m_client = new IncreaseClient(config);
    if (!session->m_client->configurationError().isEmpty()) {
        *error = session->m_client->configurationError();
        return nullptr;
    }
    session->m_applications = new ApplicationListModel(session->m_client);
    session->m_connections = new ConnectionTableModel(session->m_client);
    session->m_connections->setApplicationNames(session->m_applications);
    session->setParent(parent);
    return session.release();
}

void ConnectionSession::keepWhile(QObject *work)
{
    m_keptBy.append(work);
    connect(work, &QObject::destroyed, this, [this](QObject *gone) {
        // A widget sends destroyed() before its QPointers are cleared: compare as well.
        m_keptBy.removeIf([gone](const QPointer<QObject> &w) { return w.isNull() || w == gone; });
        if (m_retired)
            deleteWhenFree();
    });
}

void ConnectionSession::retire()
{
    m_retired = true;
    deleteWhenFree();
}

void ConnectionSession::deleteWhenFree()
{
    m_keptBy.removeIf([](const QPointer<QObject> &work) { return work.isNull(); });
    if (m_keptBy.isEmpty())
        deleteLater();
}
