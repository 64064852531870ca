// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsserver.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

TlsServer::TlsServer(const QString &certificatePath, const QString &keyPath)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    QFile cert(certificatePath);
    QFile key(keyPath);
    if (cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly)) {
        ssl.setLocalCertificate(QSslCertificate(cert.readAll()));
        ssl.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa));
    }
    ssl.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2, "http/1.1"});
    setSslConfiguration(ssl);
    connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            // Pending only once its handshake is done.
            if (auto *tls = qobject_cast<QSslSocket *>(socket))
                m_negotiated.append(tls->sslConfiguration().nextNegotiatedProtocol());
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                ++m_answered;
                const QByteArray body = R"({"data":[],"next_cursor":null})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    listen(QHostAddress::LocalHost, 0);
}

QUrl TlsServer::url() const
{
    return QUrl(u"https://localhost:%1"_s.arg(serverPort()));
}
