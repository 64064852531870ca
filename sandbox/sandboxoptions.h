// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

// The local sandbox's knobs, as `increase-sandbox` takes them on its command line.
struct SandboxOptions
{
    quint16 port = 4010; // 0 picks a free one
    qint64 connections = 2500;
    int applications = 8;
    quint64 seed = 1;
    QString apiKey; // empty: any non-empty key is accepted
    int latencyMs = 0;
    int jitterMs = 0;       // adds uniform 0..jitterMs
    double failRate = 0.0;  // fraction of requests answered 500
    double dropRate = 0.0;  // fraction of 200 bodies cut mid-way
    double rateLimit = 0.0; // requests per second; 0: unlimited
    // Changes a minute while serving (new connections and deactivations, each with its
    // event, at the server's clock); 0: the data stays as generated.
    int churnPerMinute = 0;
    // Application names that exercise the awkward cases (formula strings, line breaks, a
    // null name, UTF-8) instead of believable ones: for tests, never for demos.
    bool tricky = false;
};
