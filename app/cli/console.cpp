// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "console.h"

#include "requestlogentry.h"

#include <QByteArray>

#include <cerrno>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Console::Console()
    : m_stderrIsTerminal(::isatty(STDERR_FILENO) == 1)
{}

void Console::error(const QString &message, const QString &hint)
{
    writeLine(u"error: "_s + shown(message));
    if (!hint.isEmpty())
        writeLine(u"hint: "_s + shown(hint));
}

void Console::warning(const QString &message)
{
    if (!isQuiet())
        writeLine(u"warning: "_s + shown(message));
}

void Console::note(const QString &message)
{
    if (!isQuiet())
        writeLine(shown(message));
}

void Console::requestLog(const QString &line)
{
    if (isVerbose())
        writeLine(shown(line));
}

void Console::progress(const QString &line)
{
    if (!showsProgress())
        return;
    m_progress = shown(line);
    // A line longer than the terminal wraps, and \r would then redraw only its tail.
    struct winsize size = {};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1)
        m_progress.truncate(size.ws_col - 1);
    writeRaw("\r" + m_progress.toUtf8() + "\x1b[K");
}

void Console::clearProgress()
{
    if (m_progress.isEmpty())
        return;
    m_progress.clear();
    writeRaw("\r\x1b[K");
}

QString Console::printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0))
            out += u"\\u"_s + QString::number(u, 16).rightJustified(4, u'0');
        else
            out += c;
    }
    return out;
}

QString Console::shown(const QString &text) const
{
    QString out = printable(text);
    if (m_secret.size() >= RequestLogEntry::kMinRedactedKeyLength)
        out.replace(m_secret, QString::fromLatin1(RequestLogEntry::kRedacted));
    return out;
}

void Console::writeLine(const QString &line)
{
    QByteArray bytes;
    if (!m_progress.isEmpty())
        bytes += "\r\x1b[K";
    bytes += line.toUtf8() + '\n';
    if (!m_progress.isEmpty())
        bytes += m_progress.toUtf8() + "\x1b[K";
    writeRaw(bytes);
}

void Console::writeRaw(const QByteArray &bytes)
{
    // Unbuffered and retried on EINTR; a closed stderr is not worth dying for.
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(STDERR_FILENO, data, static_cast<size_t>(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        data += n;
        left -= n;
    }
}
