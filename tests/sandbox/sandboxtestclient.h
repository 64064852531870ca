// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

// One HTTP exchange as the tests look at it.
struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    qint64 elapsedMs = 0;

    QJsonObject json() const;
};

// The `id` of each listed object, in order.
QStringList idsOf(const QList<QJsonObject> &items);

// A synchronous client for the in-process sandbox: it spins a local event loop, so the
// server (same thread) keeps serving while a test waits.
class SandboxTestClient
{
public:
    explicit SandboxTestClient(QUrl baseUrl, QByteArray key = QByteArrayLiteral("test-key"));

    // `target` is the path and query exactly as sent (already percent-encoded).
    HttpResult get(const QByteArray &target) const;
    HttpResult send(const QByteArray &method, const QByteArray &target,
                    const std::optional<QByteArray> &authorization) const;
    // Starts a GET without waiting; the caller owns the reply.
    QNetworkReply *start(const QByteArray &target) const;
    static HttpResult finish(QNetworkReply *reply);

    // Follows next_cursor from `target` to the end. Empty with `failure` set on a non-200,
    // a repeated cursor, or a malformed page.
    QList<QJsonObject> listAll(const QByteArray &target, QString *failure,
                               int *pages = nullptr) const;

    QUrl url(const QByteArray &target) const;

private:
    QUrl m_base;
    QByteArray m_key;
    mutable QNetworkAccessManager m_network;
};

// A raw keep-alive connection, for what QNetworkAccessManager hides: exact bytes sent,
// a body shorter than its Content-Length, many requests on one socket.
class RawHttpConnection
{
public:
    struct Response
    {
        int status = 0;
        qint64 contentLength = -1;
        QByteArray headerBlock; // lower-cased
        QByteArray body;        // what arrived, possibly short
        bool closed = false;    // the server closed the connection
    };

    explicit RawHttpConnection(const QUrl &baseUrl);
    ~RawHttpConnection();
    bool isConnected() const;
    Response get(const QByteArray &target, const QByteArray &key = QByteArrayLiteral("test-key"));
    // Sends a GET without reading its answer.
    void send(const QByteArray &target, const QByteArray &key = QByteArrayLiteral("test-key"));
    void close();

private:
    class QTcpSocket *m_socket;
    QByteArray m_pending;
};
