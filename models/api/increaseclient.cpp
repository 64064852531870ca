// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "increaseclient.h"

#include "apicall.h"
#include "apicallprivate.h"
#include "endpoint.h"
#include "requestratelimiter.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <atomic>

#include <algorithm>

using namespace Qt::StringLiterals;

IncreaseClient::IncreaseClient(ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<ApiResult>();
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<RequestLogEntry>();

    QString error;
    if (!Endpoint::checkBaseUrl(m_config.baseUrl, &error))
        m_configError = error;
    else if (m_config.apiKey.isEmpty())
        m_configError = tr("No API key was given.");
    else if (std::any_of(m_config.apiKey.cbegin(), m_config.apiKey.cend(),
                         [](QChar c) { return c.unicode() < 0x21 || c.unicode() > 0x7e; }))
        // Whatever its source, a key with spaces or line breaks would corrupt the header.
        m_configError = tr("The API key contains spaces, line breaks or other characters that "
                           "no Increase key has; check how it was copied.");

    if (Endpoint::isLoopbackHost(m_config.baseUrl.host())) {
        // A proxy must never see loopback traffic (and could not reach it anyway).
        m_network->setProxy(QNetworkProxy::NoProxy);
    } else {
        // Honour the system proxy settings and https_proxy / no_proxy.
        QNetworkProxyFactory::setUseSystemConfiguration(true);
    }

    if (!m_config.caFile.isEmpty()) {
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(m_config.caFile);
        if (extra.isEmpty()) {
            m_configError =
                tr("No PEM certificate could be read from --ca-file '%1'.").arg(m_config.caFile);
        } else {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.addCaCertificates(extra);
            m_sslConfiguration = ssl;
        }
    }
}

IncreaseClient::~IncreaseClient()
{
    // Calls own their replies: end them before the manager goes, and tell whoever waits
    // on them (a walker, an exporter) that they were cancelled, so none waits forever.
    const auto calls = findChildren<ApiCall *>(Qt::FindDirectChildrenOnly);
    for (ApiCall *call : calls) {
        const QPointer<ApiCall> alive(call);
        call->abort();
        delete alive.data();
    }
    delete m_network;
    m_network = nullptr;
}

quint64 IncreaseClient::nextExchangeId()
{
    static std::atomic<quint64> last{0};
    return ++last;
}

QByteArray IncreaseClient::userAgent()
{
    return QByteArrayLiteral("IncreaseConnections/" IC_VERSION " Qt/") + qVersion();
}

void IncreaseClient::setRateLimiter(RequestRateLimiter *limiter)
{
    m_rateLimiter = limiter;
}

RequestRateLimiter *IncreaseClient::rateLimiter() const
{
    return m_rateLimiter.data();
}

void IncreaseClient::adjustInFlight(int delta)
{
    m_inFlight += delta;
    Q_EMIT inFlightChanged(m_inFlight);
}

ApiCall *IncreaseClient::failBeforeSending(const ApiError &error)
{
    auto *call = new ApiCall(this);
    call->d = new ApiCallPrivate(call, this, {}, 0);
    adjustInFlight(+1);
    // Queued, so the caller can connect to finished() first.
    QTimer::singleShot(0, call, [call, error] {
        ApiResult result;
        result.error = error;
        call->d->finish(result);
    });
    return call;
}

ApiCall *IncreaseClient::startCall(const QUrl &url, int maxRetries)
{
    auto *call = new ApiCall(this);
    call->d =
        new ApiCallPrivate(call, this, url, maxRetries < 0 ? m_config.maxRetries : maxRetries);
    adjustInFlight(+1);
    call->d->startAttempt();
    return call;
}

ApiCall *IncreaseClient::get(const QString &path, const QUrlQuery &query, int maxRetries)
{
    if (!m_configError.isEmpty())
        return failBeforeSending(
            ApiError::make(ApiError::Kind::InvalidRequest, tr("Not connected"), m_configError));
    QUrl url = m_config.baseUrl;
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return startCall(url, maxRetries);
}

ApiCall *IncreaseClient::listConnections(const ConnectionQuery &query, const QString &cursor,
                                         int limit, int maxRetries)
{
    if (!query.applicationId.isEmpty()) {
        QString error;
        if (!ApiQuery::isValidPathId(query.applicationId, &error))
            return failBeforeSending(ApiError::make(ApiError::Kind::InvalidRequest,
                                                    tr("Invalid application id"), error));
    }
    return get(u"/oauth_connections"_s, ApiQuery::connectionList(query, cursor, limit), maxRetries);
}

ApiCall *IncreaseClient::retrieve(const QString &collection, const QString &id,
                                  const QString &invalidTitle, int maxRetries)
{
    QString error;
    if (!ApiQuery::isValidPathId(id, &error))
        return failBeforeSending(
            ApiError::make(ApiError::Kind::InvalidRequest, invalidTitle, error));
    return get(collection + u'/' + id, {}, maxRetries);
}

ApiCall *IncreaseClient::retrieveConnection(const QString &id, int maxRetries)
{
    return retrieve(u"/oauth_connections"_s, id, tr("Invalid connection id"), maxRetries);
}

ApiCall *IncreaseClient::listApplications(const QStringList &statuses, const QString &cursor,
                                          int maxRetries)
{
    return get(u"/oauth_applications"_s, ApiQuery::applicationList(statuses, cursor), maxRetries);
}

ApiCall *IncreaseClient::retrieveApplication(const QString &id, int maxRetries)
{
    return retrieve(u"/oauth_applications"_s, id, tr("Invalid application id"), maxRetries);
}

ApiCall *IncreaseClient::listEvents(const EventQuery &query, const QString &cursor, int maxRetries)
{
    if (!query.associatedObjectId.isEmpty()) {
        QString error;
        if (!ApiQuery::isValidPathId(query.associatedObjectId, &error))
            return failBeforeSending(ApiError::make(ApiError::Kind::InvalidRequest,
                                                    tr("Invalid associated object id"), error));
    }
    return get(u"/events"_s, ApiQuery::eventList(query, cursor), maxRetries);
}

ApiCall *IncreaseClient::retrieveEvent(const QString &id, int maxRetries)
{
    return retrieve(u"/events"_s, id, tr("Invalid event id"), maxRetries);
}
