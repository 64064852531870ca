// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchprocess.h"

#include <QElapsedTimer>
#include <QProcess>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

QString ProcessRun::describe() const
{
    QString what = finished ? u"exit %1"_s.arg(exitCode) : u"did not finish"_s;
    const QByteArrayList lines = err.trimmed().split('\n');
    const QByteArrayList last = lines.mid(std::max<qsizetype>(0, lines.size() - 5));
    if (!err.trimmed().isEmpty())
        what += u": "_s + QString::fromUtf8(last.join('\n'));
    return what;
}

namespace BenchProcess {

void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

ProcessRun run(const QString &program, const QStringList &arguments,
               const QProcessEnvironment &environment, int timeoutMs)
{
    ProcessRun result;
    QProcess process;
    process.setProcessEnvironment(environment);
    dieWithParent(process);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    const bool exited = process.waitForFinished(timeoutMs);
    result.nsecs = clock.nsecsElapsed();
    if (!exited) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.finished = exited && process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QProcessEnvironment clientEnvironment(const QString &apiKey)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith("INCREASE_"_L1))
            environment.remove(name);
    }
    environment.insert(u"INCREASE_API_KEY"_s, apiKey);
    return environment;
}

QString seconds(qint64 nsecs)
{
    return QString::number(double(nsecs) / 1e9, 'f', 2) + u" s"_s;
}

} // namespace BenchProcess

void BenchProcess::stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}
