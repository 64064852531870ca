// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stagedserver.h"

#include <QTcpSocket>
#include <QTimer>

StagedServer::StagedServer(QObject *parent)
    : QTcpServer(parent)
{
    listen(QHostAddress::LocalHost, 0);
    m_clock.start();
}

QUrl StagedServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(serverPort());
    return u;
}

void StagedServer::stage(const Reply &reply)
{
    m_replies.enqueue(reply);
}

void StagedServer::stage(int status, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers)
{
    stage(Reply{response(status, body, headers)});
}

void StagedServer::stageCutOff(const QByteArray &body, qint64 announced)
{
    QByteArray bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                       QByteArray::number(announced) + "\r\n\r\n" + body;
    stage(Reply{bytes, true});
}

QByteArray StagedServer::response(int status, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers,
                                  const QByteArray &contentType)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Staged\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    return out + "\r\n" + body;
}

QByteArray StagedServer::target(int i) const
{
    const QByteArray line = requests.value(i).split('\r').value(0);
    return line.split(' ').value(1);
}

QByteArray StagedServer::header(int i, const QByteArray &name) const
{
    const QList<QByteArray> lines = requests.value(i).split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

void StagedServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    socket->setSocketDescriptor(socketDescriptor);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void StagedServer::serve(QTcpSocket *socket)
{
    QByteArray pending = socket->property("pending").toByteArray() + socket->readAll();
    int end;
    while ((end = pending.indexOf("\r\n\r\n")) >= 0) {
        const QByteArray head = pending.left(end + 2);
        pending.remove(0, end + 4);
        requests.append(head);
        requestTimes.append(m_clock.elapsed());
        const QByteArray path = target(int(requests.size()) - 1);
        qsizetype next = 0;
        while (next < m_replies.size() && !path.startsWith(m_replies.at(next).onlyFor))
            ++next;
        const Reply reply = next == m_replies.size()
                                ? Reply{response(500,
                                                 R"({"type":"internal_server_error","status":500,)"
                                                 R"("title":"Nothing staged","detail":null})",
                                                 {{"x-should-retry", "false"}})}
                                : m_replies.takeAt(next);
        if (reply.hang)
            continue;
        auto write = [socket, reply] {
            socket->write(reply.bytes);
            if (reply.closeAfter) {
                socket->flush();
                socket->disconnectFromHost();
            }
        };
        if (reply.delayMs > 0)
            QTimer::singleShot(reply.delayMs, socket, write);
        else
            write();
    }
    socket->setProperty("pending", pending);
}
