// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

// Everything an IncreaseClient needs, resolved by the caller (command line, settings).
// The client receives the key as a value; it never talks to a keychain itself.
struct ClientConfig
{
    QUrl baseUrl;          // scheme://host[:port], no path
    QString apiKey;        // never logged, never written anywhere
    QString environment;   // "production", "sandbox", "local" or "custom": for display
    int timeoutMs = 60000; // whole attempt, like the SDKs
    int maxRetries = 2;    // interactive default; exports pass 5
    QString caFile;        // extra trusted CA (PEM), for TLS-inspecting proxies
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    // A call gives up retrying once attempts and waits together would pass this.
    qint64 maxTotalRetryWaitMs = 10 * 60 * 1000;
    // Multiplies computed backoff (not server-given delays). Tests shorten waits with it.
    double backoffScale = 1.0;
    // Plain http:// only: speak HTTP/2 from the first byte (h2c with prior knowledge, like
    // curl --http2-prior-knowledge). Qt 6.4 reads an HTTP/1.1 status line and headers
    // from an unproxied plain socket one read() call per byte; HTTP/2 reads whole frames.
    // The server must speak h2c: one that does not never answers the preface, and each
    // attempt ends at timeoutMs. https negotiates HTTP/2 by ALPN and ignores this.
    bool http2PriorKnowledge = false;
    // https offers only HTTP/1.1 in ALPN unless set. Qt 6.4 never sets TCP_NODELAY, so on
    // one HTTP/2 connection a request written while another is unacknowledged waits for
    // the server's delayed ACK (~40 ms: 6-10 of 106 requests of a 50 ms export took ~90 ms),
    // and its HTTP/2 path costs more CPU than HTTP/1.1 over TLS (an export of 100,000 rows
    // from nginx: 0.53 s against 0.46 s). HTTP/1.1 gives each request in flight its own
    // connection (Qt opens up to 6 per host).
    bool http2OverTls = false;
};
