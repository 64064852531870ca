// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandoutput.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandOutput", text);
}

CommandOutput::Outcome writeStdout(const QByteArray &bytes, QString *error)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, data, static_cast<size_t>(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EPIPE)
            return CommandOutput::Outcome::PipeClosed;
        if (n <= 0) {
            *error = tr("could not write to standard output: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return CommandOutput::Outcome::Failed;
        }
        data += n;
        left -= n;
    }
    return CommandOutput::Outcome::Written;
}

} // namespace

CommandOutput::Outcome CommandOutput::write(const QString &path, const QByteArray &bytes,
                                            QString *error)
{
    if (path == QLatin1Char('-'))
        return writeStdout(bytes, error);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("could not write %1: %2; check that its folder exists and is writable")
                     .arg(path, file.errorString());
        return Outcome::Failed;
    }
    return Outcome::Written;
}
