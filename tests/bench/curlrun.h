// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchprocess.h"

#include <QString>
#include <optional>

// curl, the raw-transfer peer: one process for every page of a config file (its
// url/output pairs and options), so transfers share keep-alive connections.
struct CurlRun
{
    ProcessRun process;
    qint64 bytes = 0;
    int pages = 0;
    int connections = 0; // TCP connections curl opened: 1 means keep-alive held
    QString protocol;    // as curl's %{http_version} says: 1.1, 2
};

namespace CurlPeer {

// Runs curl on `config` with INCREASE_API_KEY=`apiKey` in its environment; nullopt with
// `error` when curl fails or a page is not a 200.
std::optional<CurlRun> run(const QString &config, const QString &apiKey, QString *error);

} // namespace CurlPeer
