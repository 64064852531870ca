// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxprocess.h"

#include "benchprocess.h"

#include <QElapsedTimer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

SandboxProcess::~SandboxProcess()
{
    BenchProcess::stop(m_process);
}

bool SandboxProcess::start(const QString &program, const QStringList &arguments, QString *error)
{
    // Its stderr is the benchmark's: a sandbox complaint shows up where it happens.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    BenchProcess::dieWithParent(m_process);
    m_process.start(program, QStringList{u"--port"_s, u"0"_s} + arguments);
    if (!m_process.waitForStarted(10000)) {
        *error = u"the sandbox %1 did not start: %2"_s.arg(program, m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(u"listening on (\\S+)"_s);
    QByteArray output;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 300000 && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(1000);
        output += m_process.readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
    }
    *error =
        u"the sandbox never said \"listening on\" (exit %1, output: %2)"_s.arg(m_process.exitCode())
            .arg(QString::fromUtf8(output.trimmed()));
    return false;
}
