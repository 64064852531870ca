// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirun.h"

#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

QProcessEnvironment CliRunner::environment(const std::optional<QString> &apiKey)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList inherited = {
        u"INCREASE_API_KEY"_s, u"INCREASE_BASE_URL"_s, u"INCREASE_URL"_s, u"http_proxy"_s,
        u"https_proxy"_s,      u"HTTP_PROXY"_s,        u"HTTPS_PROXY"_s,  u"all_proxy"_s,
        u"ALL_PROXY"_s,        u"no_proxy"_s,          u"NO_PROXY"_s,
    };
    for (const QString &name : inherited)
        env.remove(name);
    if (apiKey)
        env.insert(u"INCREASE_API_KEY"_s, *apiKey);
    return env;
}

CliRun CliRunner::run(const QStringList &arguments, const QProcessEnvironment &environment,
                      const std::function<void(QProcess &)> &whileRunning, int timeoutMs,
                      const QString &standardOutputFile)
{
    CliRun result;
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!standardOutputFile.isEmpty())
        process.setStandardOutputFile(standardOutputFile);
    process.start(QStringLiteral(IC_CLI_PATH), arguments);
    if (!process.waitForStarted(10000))
        return result;
    if (whileRunning)
        whileRunning(process);

    // Never a blocking waitForFinished: the child talks to a server on this thread.
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    result.normalExit = !result.timedOut && process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
