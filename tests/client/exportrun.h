// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientconfig.h"
#include "exporter.h"
#include "increaseclient.h"

#include <QFile>
#include <QStringList>
#include <QTest>
#include <QUrl>

#include <functional>

// Running an Exporter to its end inside a test, shared by the export suites.
namespace ExportRun {

struct Outcome
{
    ExportResult result;
    QStringList notes;
};

// A client for a loopback test server: short backoff so retries do not slow the suite.
inline ClientConfig configFor(const QUrl &url, const QString &key)
{
    ClientConfig config;
    config.baseUrl = url;
    config.apiKey = key;
    config.environment = QStringLiteral("local");
    config.backoffScale = 0.02;
    return config;
}

// Starts the export, calls `whileRunning` (e.g. to cancel it), serves the event loop until
// it finishes.
inline Outcome run(IncreaseClient &client, const ExportOptions &options,
                   const std::function<void(Exporter &)> &whileRunning = {})
{
    Exporter exporter(&client, options);
    Outcome outcome;
    bool done = false;
    QObject::connect(&exporter, &Exporter::note,
                     [&](const QString &text) { outcome.notes << text; });
    QObject::connect(&exporter, &Exporter::finished, [&](const ExportResult &r) {
        outcome.result = r;
        done = true;
    });
    exporter.start();
    if (whileRunning)
        whileRunning(exporter);
    if (!QTest::qWaitFor([&] { return done; }, 240000))
        qWarning("timed out waiting for the export to finish");
    return outcome;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

} // namespace ExportRun
