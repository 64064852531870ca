// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QQueue>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A loopback HTTP server whose answers a test stages byte by byte: statuses, headers,
// bodies cut mid-way, hangs. Each request takes the next staged reply in order (the next
// one meant for its path, when replies say so: Reply::onlyFor).
class StagedServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Reply
    {
        QByteArray bytes;        // the raw response, status line included
        bool closeAfter = false; // drop the connection after writing
        bool hang = false;       // never answer
        int delayMs = 0;
        // When set, only a request whose target starts with this takes the reply (for
        // requests a client sends concurrently, in no fixed order).
        QByteArray onlyFor = {};
    };

    explicit StagedServer(QObject *parent = nullptr);

    QUrl url() const;
    void stage(const Reply &reply);
    void stage(int status, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // A 200 announcing `announced` bytes, sending `body` (shorter), then closing.
    void stageCutOff(const QByteArray &body, qint64 announced);

    // Raw request heads received ("GET /path HTTP/1.1\r\nHeader: v\r\n..."), in order.
    QList<QByteArray> requests;
    // Milliseconds since the server started, one per request received.
    QList<qint64> requestTimes;

    static QByteArray response(int status, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers = {},
                               const QByteArray &contentType = "application/json");
    // The request target ("/oauth_connections?limit=100") of request `i`.
    QByteArray target(int i) const;
    // A header's value in request `i` (case-insensitive name); empty if absent.
    QByteArray header(int i, const QByteArray &name) const;

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void serve(QTcpSocket *socket);

    QQueue<Reply> m_replies;
    QElapsedTimer m_clock;
};
