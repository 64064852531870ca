// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxrequest.h"
#include "sandboxresponse.h"

#include <QAbstractHttpServer>
#include <functional>

class QTcpSocket;

// QtHttpServer 6.4's low-level server, used for its HTTP parser and keep-alive
// connections only: every request reaches one handler (no route table, so unknown paths
// and methods get Increase-shaped 404s), and responses are written to the socket by
// hand, which is what allows answering later, and cutting a body mid-way.
class SandboxHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(SandboxRequest request, QTcpSocket *socket)>;

    explicit SandboxHttpServer(Handler handler, QObject *parent = nullptr);

    enum class Delivery { Whole, WholeThenClose, HeadersOnly, CutMidway };
    // Writes an HTTP/1.1 response with its Content-Length. Whole keeps the connection
    // open; HeadersOnly answers a HEAD; CutMidway announces the full length but sends
    // half the body, then closes.
    static void respond(QTcpSocket *socket, const SandboxResponse &response,
                        Delivery delivery = Delivery::Whole);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};
