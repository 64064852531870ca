// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "icversion.h"
#include "sandboxcommandline.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("increase-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IC_VERSION_TEXT));

    SandboxCommandLine commandLine;
    switch (commandLine.parse(QCoreApplication::arguments())) {
    case SandboxCommandLine::Outcome::UsageError:
        std::fprintf(stderr, "increase-sandbox: %s\nTry --help.\n",
                     qUtf8Printable(commandLine.errorText()));
        return 2;
    case SandboxCommandLine::Outcome::ShowHelp:
        std::fputs(qUtf8Printable(commandLine.helpText()), stdout);
        return 0;
    case SandboxCommandLine::Outcome::ShowVersion:
        std::printf("increase-sandbox %s\n", IC_VERSION_TEXT);
        return 0;
    case SandboxCommandLine::Outcome::Run:
        break;
    }

    SandboxServer server(commandLine.options());
    QString error;
    if (!server.listen(&error)) {
        std::fprintf(stderr, "increase-sandbox: %s\n", qUtf8Printable(error));
        return 1;
    }
    // Scripts wait for this exact line, so it is flushed at once.
    std::printf("listening on %s\n", qUtf8Printable(server.baseUrl().toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
