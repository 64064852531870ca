// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationdirectory.h"

#include "apicall.h"
#include "apiparsing.h"
#include "increaseclient.h"

ApplicationDirectory::ApplicationDirectory(IncreaseClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

ApplicationDirectory::~ApplicationDirectory()
{
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->abort();
    }
}

void ApplicationDirectory::load(const QStringList &statuses, int maxRetries)
{
    cancel();
    m_statuses = statuses;
    m_maxRetries = maxRetries;
    m_seenCursors.clear();
    m_applications.clear();
    m_indexById.clear();
    m_loaded = false;
    request({});
}

void ApplicationDirectory::cancel()
{
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->abort();
        m_call = nullptr;
    }
}

std::optional<QString> ApplicationDirectory::nameOf(const QString &applicationId) const
{
    const auto it = m_indexById.constFind(applicationId);
    if (it == m_indexById.cend())
        return std::nullopt;
    return m_applications.at(*it).name;
}

void ApplicationDirectory::request(const QString &cursor)
{
    m_call = m_client->listApplications(m_statuses, cursor, m_maxRetries);
    connect(m_call, &ApiCall::finished, this, &ApplicationDirectory::onResult);
}

void ApplicationDirectory::onResult(const ApiResult &result)
{
    m_call = nullptr;
    if (!result.ok()) {
        Q_EMIT failed(*result.error);
        return;
    }
    QString error;
    std::optional<ApplicationPage> page = ApiParsing::applicationPage(result.body, &error);
    if (!page) {
        ApiError malformed =
            ApiError::make(ApiError::Kind::MalformedResponse, tr("Malformed response"),
                           tr("The list of applications could not be read: %1.").arg(error));
        malformed.rawBody = result.body;
        Q_EMIT failed(malformed);
        return;
    }
    for (OAuthApplication &application : page->data) {
        if (m_indexById.contains(application.id))
            continue;
        m_indexById.insert(application.id, m_applications.size());
        m_applications.append(std::move(application));
    }
    if (page->nextCursor.isEmpty() || page->data.isEmpty()) {
        m_loaded = true;
        Q_EMIT loaded();
        return;
    }
    if (m_seenCursors.contains(page->nextCursor)) {
        Q_EMIT failed(ApiError::make(ApiError::Kind::MalformedResponse,
                                     tr("The server returned a repeating cursor"),
                                     tr("The list of applications pointed back to a page "
                                        "already read.")));
        return;
    }
    m_seenCursors.insert(page->nextCursor);
    request(page->nextCursor);
}
