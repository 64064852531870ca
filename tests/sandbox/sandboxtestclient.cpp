// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxtestclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

SandboxTestClient::SandboxTestClient(QUrl baseUrl, QByteArray key)
    : m_base(std::move(baseUrl))
    , m_key(std::move(key))
{}

QUrl SandboxTestClient::url(const QByteArray &target) const
{
    return QUrl::fromEncoded(m_base.toEncoded() + target, QUrl::StrictMode);
}

QNetworkReply *SandboxTestClient::start(const QByteArray &target) const
{
    QNetworkRequest request(url(target));
    request.setRawHeader("Authorization", "Bearer " + m_key);
    return m_network.get(request);
}

HttpResult SandboxTestClient::finish(QNetworkReply *reply)
{
    QElapsedTimer timer;
    timer.start();
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    HttpResult result;
    result.elapsedMs = timer.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

HttpResult SandboxTestClient::get(const QByteArray &target) const
{
    return finish(start(target));
}

HttpResult SandboxTestClient::send(const QByteArray &method, const QByteArray &target,
                                   const std::optional<QByteArray> &authorization) const
{
    QNetworkRequest request(url(target));
    if (authorization)
        request.setRawHeader("Authorization", *authorization);
    // As a custom verb, HEAD would make QNetworkAccessManager wait for a body.
    return finish(method == "HEAD" ? m_network.head(request)
                                   : m_network.sendCustomRequest(request, method));
}

QList<QJsonObject> SandboxTestClient::listAll(const QByteArray &target, QString *failure,
                                              int *pages) const
{
    QList<QJsonObject> items;
    QSet<QString> cursors;
    QByteArray next = target;
    const QByteArray separator = target.contains('?') ? "&" : "?";
    int count = 0;
    while (true) {
        const HttpResult page = get(next);
        ++count;
        const QJsonObject object = page.json();
        if (page.status != 200 || !object.value(u"data").isArray() ||
            !object.contains(u"next_cursor")) {
            *failure = QStringLiteral("page %1 of %2: HTTP %3 %4")
                           .arg(count)
                           .arg(QString::fromUtf8(target))
                           .arg(page.status)
                           .arg(QString::fromUtf8(page.body.left(300)));
            return {};
        }
        for (const QJsonValue &item : object.value(u"data").toArray())
            items.append(item.toObject());
        const QJsonValue cursor = object.value(u"next_cursor");
        if (cursor.isNull())
            break;
        if (cursors.contains(cursor.toString())) {
            *failure = QStringLiteral("repeated cursor %1").arg(cursor.toString());
            return {};
        }
        cursors.insert(cursor.toString());
        next = target + separator + "cursor=" + QUrl::toPercentEncoding(cursor.toString());
    }
    if (pages)
        *pages = count;
    return items;
}

RawHttpConnection::RawHttpConnection(const QUrl &baseUrl)
    : m_socket(new QTcpSocket)
{
    m_socket->connectToHost(baseUrl.host(), quint16(baseUrl.port()));
    QEventLoop loop;
    QObject::connect(m_socket, &QTcpSocket::connected, &loop, &QEventLoop::quit);
    QObject::connect(m_socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
}

RawHttpConnection::~RawHttpConnection()
{
    delete m_socket;
}

bool RawHttpConnection::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawHttpConnection::close()
{
    m_socket->abort();
}

void RawHttpConnection::send(const QByteArray &target, const QByteArray &key)
{
    m_socket->write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                    key + "\r\n\r\n");
    m_socket->flush();
}

RawHttpConnection::Response RawHttpConnection::get(const QByteArray &target, const QByteArray &key)
{
    send(target, key);
    Response response;
    QEventLoop loop;
    const auto check = [&] {
        m_pending += m_socket->readAll();
        const qsizetype end = m_pending.indexOf("\r\n\r\n");
        if (end >= 0 && response.contentLength < 0) {
            response.headerBlock = m_pending.left(end).toLower();
            response.status = response.headerBlock.mid(9, 3).toInt();
            const qsizetype at = response.headerBlock.indexOf("\r\ncontent-length:");
            if (at >= 0) {
                const qsizetype lineEnd = response.headerBlock.indexOf("\r\n", at + 2);
                response.contentLength =
                    response.headerBlock.mid(at + 17, lineEnd < 0 ? -1 : lineEnd - at - 17)
                        .trimmed()
                        .toLongLong();
            }
            m_pending.remove(0, end + 4);
        }
        if (response.contentLength >= 0 && m_pending.size() >= response.contentLength) {
            response.body = m_pending.left(response.contentLength);
            m_pending.remove(0, response.contentLength);
            loop.quit();
        }
    };
    const auto readyConnection = QObject::connect(m_socket, &QTcpSocket::readyRead, &loop, check);
    const auto closedConnection = QObject::connect(m_socket, &QTcpSocket::disconnected, &loop, [&] {
        check();
        response.closed = true;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(readyConnection);
    QObject::disconnect(closedConnection);
    if (response.body.isNull() && !m_pending.isEmpty()) {
        response.body = m_pending; // cut short
        m_pending.clear();
    }
    return response;
}

QStringList idsOf(const QList<QJsonObject> &items)
{
    QStringList result;
    for (const QJsonObject &item : items)
        result.append(item[u"id"].toString());
    return result;
}
