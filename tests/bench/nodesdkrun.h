// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchprocess.h"

#include <QMap>
#include <QUrl>
#include <optional>

// One run of tests/node/bench-sdk.mjs: the official Node SDK's `for await` loop writing
// the export's CSV, timed as a process (like ours) and by the script itself (loop only).
struct NodeSdkRun
{
    ProcessRun process;
    qint64 rows = 0;
    double loopSeconds = 0; // first request to file closed, as the script measured it
    int requests = 0;
    QMap<int, int> statuses; // responses by HTTP status, as the SDK's fetch saw them
};

namespace NodeSdk {

// Empty when node and the SDK (npm ci --prefix tests/node) are there; else what is missing.
QString missing(const QString &script);

// The installed SDK's version, from its package.json ("increase@0.583.0").
QString version(const QString &script);

std::optional<NodeSdkRun> run(const QString &script, const QUrl &baseUrl, const QString &apiKey,
                              const QString &output, QString *error);

} // namespace NodeSdk
