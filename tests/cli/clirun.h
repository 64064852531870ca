// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <functional>
#include <optional>

// One run of the real increase-connections binary.
struct CliRun
{
    int exitCode = -1;
    bool normalExit = false; // false: killed by a signal, crashed or timed out
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
};

namespace CliRunner {

// The child's environment, made explicit: no INCREASE_* variables or proxies inherited,
// and INCREASE_API_KEY only when given.
QProcessEnvironment environment(const std::optional<QString> &apiKey);

// Starts the binary and serves this thread's event loop (the sandbox lives on it) until
// the child ends. `whileRunning` is called once the child has started.
// `standardOutputFile`, when given, receives the child's stdout (e.g. /dev/full).
CliRun run(const QStringList &arguments, const QProcessEnvironment &environment,
           const std::function<void(QProcess &)> &whileRunning = {}, int timeoutMs = 60000,
           const QString &standardOutputFile = {});

} // namespace CliRunner
