// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apiquery.h"
#include "clientconfig.h"
#include "requestlogentry.h"

#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrlQuery>
#include <optional>

class ApiCall;
class QNetworkAccessManager;
class RequestRateLimiter;

// Talks to the Increase API over one QNetworkAccessManager: headers, per-attempt
// deadline, retries (PRODUCT.md §3), typed errors, and one `exchange` signal per HTTP
// attempt for the request log. Refuses plain http to non-loopback hosts and never
// follows a redirect to another origin.
class IncreaseClient : public QObject
{
    Q_OBJECT
public:
    explicit IncreaseClient(ClientConfig config, QObject *parent = nullptr);
    ~IncreaseClient() override;

    const ClientConfig &config() const { return m_config; }
    // Empty when the configuration can be used; else why not (e.g. http to a remote host).
    QString configurationError() const { return m_configError; }

    // maxRetries < 0: the configuration's value.
    ApiCall *get(const QString &path, const QUrlQuery &query = {}, int maxRetries = -1);

    ApiCall *listConnections(const ConnectionQuery &query, const QString &cursor,
                             int limit = ApiQuery::kMaxLimit, int maxRetries = -1);
    ApiCall *retrieveConnection(const QString &id, int maxRetries = -1);
    ApiCall *listApplications(const QStringList &statuses, const QString &cursor,
                              int maxRetries = -1);
    ApiCall *retrieveApplication(const QString &id, int maxRetries = -1);
    // GET /events, ascending by created_at; parse the body with ApiParsing::eventPage.
    // A non-empty associatedObjectId must be a valid path id (refused before sending).
    ApiCall *listEvents(const EventQuery &query, const QString &cursor, int maxRetries = -1);
    // GET /events/{id}; parse the body with ApiParsing::eventBody.
    ApiCall *retrieveEvent(const QString &id, int maxRetries = -1);

    // While set, every attempt (retries included) waits for a token of `limiter` before it
    // is sent. The caller owns the limiter; null turns limiting off.
    void setRateLimiter(RequestRateLimiter *limiter);
    RequestRateLimiter *rateLimiter() const;

    int inFlight() const { return m_inFlight; }
    QNetworkAccessManager *network() const { return m_network; }

    static QByteArray userAgent();
    // Unique in the process, so one request log can follow several clients.
    static quint64 nextExchangeId();

Q_SIGNALS:
    void exchange(const RequestLogEntry &entry);
    // The exchange `id` announced a retry (willRetry) that was then cancelled while it
    // waited: the log says so instead of "retried".
    void retryCancelled(quint64 id);
    void inFlightChanged(int count);

private:
    friend class ApiCallPrivate;
    ApiCall *failBeforeSending(const ApiError &error);
    ApiCall *startCall(const QUrl &url, int maxRetries);
    ApiCall *retrieve(const QString &collection, const QString &id, const QString &invalidTitle,
                      int maxRetries);
    void adjustInFlight(int delta);

    ClientConfig m_config;
    QString m_configError;
    std::optional<QSslConfiguration> m_sslConfiguration; // with --ca-file's certificates
    QNetworkAccessManager *m_network = nullptr;
    QPointer<RequestRateLimiter> m_rateLimiter;
    int m_inFlight = 0;
};
