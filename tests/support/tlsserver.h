// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QSslServer>
#include <QUrl>

// A TLS server on loopback with the self-signed certificate of tests/data/tls, which no
// system trusts. It answers every request with one empty page, and counts the answers:
// a client that refused the certificate sent nothing over it.
class TlsServer : public QSslServer
{
public:
    TlsServer(const QString &certificatePath, const QString &keyPath);

    QUrl url() const;
    int requestsAnswered() const { return m_answered; }
    // What ALPN settled on for each connection, in order ("" when nothing was offered).
    // The server offers "h2" first but only ever answers HTTP/1.1.
    const QByteArrayList &negotiated() const { return m_negotiated; }

private:
    int m_answered = 0;
    QByteArrayList m_negotiated;
};
