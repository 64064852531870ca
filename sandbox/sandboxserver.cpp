// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxserver.h"

#include "sandboxapi.h"
#include "sandboxchurn.h"
#include "sandboxdataset.h"
#include "sandboxerrors.h"
#include "sandboxhttpserver.h"
#include "sandboxrandom.h"
#include "tokenbucket.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

struct SandboxServer::Private
{
    explicit Private(SandboxOptions opts)
        : options(std::move(opts))
        , faults(SandboxRandom::mix(options.seed ^ 0x5eed5eed5eed5eedULL))
    {
        clock.start();
        bucket.setRate(options.rateLimit, clock.elapsed());
    }

    void handle(const SandboxRequest &request, QTcpSocket *socket);
    void deliver(QTcpSocket *socket, const SandboxResponse &response,
                 SandboxHttpServer::Delivery delivery);

    SandboxOptions options;
    std::unique_ptr<SandboxDataset> dataset;
    std::unique_ptr<SandboxApi> api;
    std::unique_ptr<SandboxChurn> churn;
    QElapsedTimer clock;
    TokenBucket bucket;
    SandboxRandom faults;
    qint64 served = 0;
    qint64 received = 0;
    qint64 rateLimited = 0;
    quint16 port = 0;
    // Declared last so it goes first, taking its sockets and their pending answers along
    // while the data they point into still exists.
    std::unique_ptr<SandboxHttpServer> http;
};

void SandboxServer::Private::handle(const SandboxRequest &request, QTcpSocket *socket)
{
    ++received;
    using Delivery = SandboxHttpServer::Delivery;
    Delivery delivery = request.method == "HEAD" ? Delivery::HeadersOnly
                        : request.keepAlive      ? Delivery::Whole
                                                 : Delivery::WholeThenClose;
    SandboxResponse response;
    qint64 waitMs = 0;
    if (!bucket.tryTake(clock.elapsed(), &waitMs)) {
        ++rateLimited;
        response = SandboxErrors::rateLimited(int(std::max<qint64>(1, (waitMs + 999) / 1000)));
    } else if (options.failRate > 0 && faults.unit() < options.failRate) {
        response = SandboxErrors::internalServerError();
    } else {
        response = api->handle(request);
        if (response.status == 200 && delivery != Delivery::HeadersOnly && options.dropRate > 0 &&
            faults.unit() < options.dropRate)
            delivery = Delivery::CutMidway;
    }

    int delayMs = options.latencyMs;
    if (options.jitterMs > 0)
        delayMs += int(faults.below(quint64(options.jitterMs) + 1));
    if (delayMs <= 0) {
        deliver(socket, response, delivery);
        return;
    }
    // Never sleep here: other connections are served while this answer waits. The socket
    // as context drops the answer if the client has gone in the meantime.
    QTimer::singleShot(delayMs, socket,
                       [this, socket, response, delivery] { deliver(socket, response, delivery); });
}

void SandboxServer::Private::deliver(QTcpSocket *socket, const SandboxResponse &response,
                                     SandboxHttpServer::Delivery delivery)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    ++served;
    SandboxHttpServer::respond(socket, response, delivery);
}

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(std::move(options)))
{}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(QString *error)
{
    if (d->http)
        return true;
    if (!d->dataset) {
        d->dataset = std::make_unique<SandboxDataset>(
            d->options.seed,
            quint32(std::clamp<qint64>(d->options.connections, 0, SandboxDataset::MaxConnections)),
            d->options.applications, d->options.tricky);
        d->api = std::make_unique<SandboxApi>(*d->dataset, d->options.apiKey);
        d->churn = std::make_unique<SandboxChurn>(*d->dataset, d->options.seed);
    }
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(QHostAddress::LocalHost, d->options.port)) {
        if (error) {
            *error =
                u"cannot listen on 127.0.0.1:%1: %2"_s.arg(d->options.port).arg(tcp->errorString());
        }
        return false;
    }
    d->port = tcp->serverPort();
    Private *p = d.get();
    d->http = std::make_unique<SandboxHttpServer>(
        [p](const SandboxRequest &request, QTcpSocket *socket) { p->handle(request, socket); });
    d->http->bind(tcp.release()); // the HTTP server takes ownership
    d->churn->setRate(d->options.churnPerMinute);
    return true;
}

quint16 SandboxServer::port() const
{
    return d->port;
}

QUrl SandboxServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(d->port));
}

const SandboxOptions &SandboxServer::options() const
{
    return d->options;
}

void SandboxServer::setLatency(int latencyMs, int jitterMs)
{
    d->options.latencyMs = std::max(0, latencyMs);
    d->options.jitterMs = std::max(0, jitterMs);
}

void SandboxServer::setFailRate(double rate)
{
    d->options.failRate = std::clamp(rate, 0.0, 1.0);
}

void SandboxServer::setDropRate(double rate)
{
    d->options.dropRate = std::clamp(rate, 0.0, 1.0);
}

void SandboxServer::setRateLimit(double requestsPerSecond)
{
    d->options.rateLimit = std::max(0.0, requestsPerSecond);
    d->bucket.setRate(d->options.rateLimit, d->clock.elapsed());
}

void SandboxServer::setChurn(int changesPerMinute)
{
    d->options.churnPerMinute = std::max(0, changesPerMinute);
    if (d->churn && d->http)
        d->churn->setRate(d->options.churnPerMinute);
}

void SandboxServer::churnOnce()
{
    if (d->churn)
        d->churn->step(QDateTime::currentSecsSinceEpoch());
}

qint64 SandboxServer::churnChanges() const
{
    return d->churn ? d->churn->changes() : 0;
}

qint64 SandboxServer::requestsServed() const
{
    return d->served;
}

qint64 SandboxServer::requestsReceived() const
{
    return d->received;
}

qint64 SandboxServer::rateLimitedResponses() const
{
    return d->rateLimited;
}
