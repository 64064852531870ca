// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

class QProcess;

// A finished run of another program: how it ended, how long it took, what it printed.
struct ProcessRun
{
    bool finished = false; // started, exited by itself in time, not crashed
    int exitCode = -1;
    qint64 nsecs = 0; // wall time from start() to exit
    QByteArray out;
    QByteArray err;

    bool ok() const { return finished && exitCode == 0; }
    // "exit 1: <last lines of stderr>", for a benchmark's error message.
    QString describe() const;
};

namespace BenchProcess {

// The child gets SIGTERM when this benchmark dies (prctl PDEATHSIG), so a benchmark killed
// half-way never leaves a sandbox or an export running.
void dieWithParent(QProcess &process);

// SIGTERM, then SIGKILL if it is still there after 10 s; nothing when it is not running.
void stop(QProcess &process);

// Runs `program` to its end (at most timeoutMs) and times it from start() to exit.
ProcessRun run(const QString &program, const QStringList &arguments,
               const QProcessEnvironment &environment, int timeoutMs = 300000);

// The system environment without the INCREASE_* variables a developer may have set, with
// INCREASE_API_KEY set to `apiKey`: every client the benchmarks start reads only that.
QProcessEnvironment clientEnvironment(const QString &apiKey);

// Seconds with two decimals, for the printed figures.
QString seconds(qint64 nsecs);

} // namespace BenchProcess
