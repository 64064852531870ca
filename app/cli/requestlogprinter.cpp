// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogprinter.h"

#include "console.h"
#include "increaseclient.h"
#include "requestlogentry.h"

using namespace Qt::StringLiterals;

RequestLogPrinter::RequestLogPrinter(IncreaseClient *client, Console *console, QObject *parent)
    : QObject(parent)
    , m_console(console)
{
    connect(client, &IncreaseClient::exchange, this, [this](const RequestLogEntry &entry) {
        // Formatting every page's line costs an export time even when unseen.
        if (m_console->isVerbose())
            m_console->requestLog(format(entry));
    });
}

QString RequestLogPrinter::format(const RequestLogEntry &entry)
{
    const QString target = entry.url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority |
                                              QUrl::RemoveFragment | QUrl::FullyEncoded);
    QString outcome = entry.httpStatus > 0 ? QString::number(entry.httpStatus) : u"no response"_s;
    if (!entry.errorType.isEmpty())
        outcome += u' ' + entry.errorType;

    QString details = u"attempt "_s + QString::number(entry.attempt) + u", "_s +
                      QString::number(entry.latencyMs) + u" ms, "_s +
                      QString::number(entry.bytesReceived) + u" bytes"_s;
    // After the parenthesis: scripts that read " bytes)" or ", retry in " keep working.
    const QString protocol =
        entry.httpVersion.isEmpty() ? QString() : u' ' + QString::fromLatin1(entry.httpVersion);
    if (entry.willRetry)
        details += u", retry in "_s + QString::number(entry.retryDelayMs) + u" ms"_s;

    return entry.startedAt.toUTC().toString(Qt::ISODateWithMs) + u' ' +
           QString::fromLatin1(entry.method) + u' ' + target + u" -> "_s + outcome + u" ("_s +
           details + u')' + protocol;
}
