// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxhttpserver.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QLocale>
#include <QTcpSocket>
#include <QUrlQuery>

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

SandboxRequest toSandboxRequest(const QHttpServerRequest &request)
{
    SandboxRequest decoded;
    decoded.method = methodName(request.method());
    const QUrl url = request.url();
    decoded.path = url.path(QUrl::FullyDecoded);
    // FullyDecoded: QUrlQuery's default leaves `%2C` encoded, and the official SDKs
    // send `status.in=active%2Cinactive`.
    decoded.query = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    // value() cannot tell a missing header from an empty one; the 401 reasons differ.
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            decoded.authorization = value;
        else if (name.compare("connection", Qt::CaseInsensitive) == 0)
            decoded.keepAlive = !value.toLower().contains("close");
    }
    return decoded;
}

// RFC 7231 IMF-fixdate, as real servers send on every response: the client takes the
// server's clock from it (where a watch starts), never from its own.
QByteArray httpDate(const QDateTime &utc)
{
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

} // namespace

SandboxHttpServer::SandboxHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

bool SandboxHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(toSandboxRequest(request), socket);
    return true;
}

void SandboxHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Unreachable: handleRequest() takes every request.
}

void SandboxHttpServer::respond(QTcpSocket *socket, const SandboxResponse &response,
                                Delivery delivery)
{
    QByteArray message;
    message.reserve(160 + response.body.size());
    message.append("HTTP/1.1 ")
        .append(QByteArray::number(response.status))
        .append(' ')
        .append(reasonPhrase(response.status))
        .append("\r\nContent-Type: application/json\r\nContent-Length: ")
        .append(QByteArray::number(response.body.size()))
        .append("\r\nDate: ")
        .append(httpDate(QDateTime::currentDateTimeUtc()))
        .append("\r\n");
    if (response.retryAfterSeconds > 0) {
        message.append("Retry-After: ")
            .append(QByteArray::number(response.retryAfterSeconds))
            .append("\r\n");
    }
    if (delivery == Delivery::WholeThenClose)
        message.append("Connection: close\r\n");
    message.append("\r\n");
    if (delivery == Delivery::HeadersOnly) {
        socket->write(message); // a body after HEAD would be read as the next response
        return;
    }
    if (delivery != Delivery::CutMidway) {
        message.append(response.body);
        socket->write(message);
        if (delivery == Delivery::WholeThenClose)
            socket->disconnectFromHost();
        return;
    }
    message.append(response.body.left(response.body.size() / 2));
    socket->write(message);
    // Flushes what was written, then closes: the client sees a body shorter than
    // announced, the way a dropped connection looks.
    socket->disconnectFromHost();
}
