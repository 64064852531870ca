// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "localsandbox.h"

#include "applicationdirectory.h"
#include "connectiontablemodel.h"
#include "connectionwalker.h"

#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

LocalSandbox::LocalSandbox(SandboxOptions options, int maxRetries)
{
    options.port = 0;
    m_server = std::make_unique<SandboxServer>(options);
    QString error;
    m_listening = m_server->listen(&error);
    if (!m_listening)
        qWarning("sandbox did not start: %s", qUtf8Printable(error));

    ClientConfig config;
    config.baseUrl = m_server->baseUrl();
    config.apiKey = u"test-key"_s;
    config.environment = u"local"_s;
    config.maxRetries = maxRetries;
    config.backoffScale = 0.01; // retries in milliseconds, not seconds
    m_client = std::make_unique<IncreaseClient>(config);
}

LocalSandbox::~LocalSandbox() = default;

QList<OAuthConnection> LocalSandbox::listAll(const ConnectionQuery &query)
{
    ConnectionWalker walker(m_client.get(), query, 5);
    QList<OAuthConnection> rows;
    bool done = false;
    QObject::connect(&walker, &ConnectionWalker::pageReady,
                     [&](const QList<OAuthConnection> &page) { rows += page; });
    QObject::connect(&walker, &ConnectionWalker::finished, [&] { done = true; });
    QObject::connect(&walker, &ConnectionWalker::failed, [&](const ApiError &error) {
        qWarning("reference listing failed: %s", qUtf8Printable(error.message()));
        rows.clear();
        done = true;
    });
    walker.start();
    if (!waitUntil([&] { return done; }, 120000))
        qWarning("reference listing timed out");
    return rows;
}

QStringList LocalSandbox::applicationIds()
{
    ApplicationDirectory directory(m_client.get());
    bool done = false;
    QObject::connect(&directory, &ApplicationDirectory::loaded, [&] { done = true; });
    QObject::connect(&directory, &ApplicationDirectory::failed, [&] { done = true; });
    directory.load();
    if (!waitUntil([&] { return done; }))
        qWarning("listing applications timed out");
    QStringList ids;
    for (const OAuthApplication &application : directory.applications())
        ids.append(application.id);
    return ids;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

bool scrollToEnd(ConnectionTableModel &model)
{
    return waitUntil(
        [&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return !model.hasMore() && !model.isFetching();
        },
        60000);
}
