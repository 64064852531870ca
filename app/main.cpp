// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandrunner.h"
#include "desktopapp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Without a command the window opens; a command runs headless, with no display needed.
    if (!CommandRunner::wantsCommand(arguments))
        return runDesktop(argc, argv);

    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Increase Connections"));
    QCoreApplication::setApplicationName(QStringLiteral("increase-connections"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IC_VERSION));
    return CommandRunner().run(QCoreApplication::arguments(),
                               QProcessEnvironment::systemEnvironment());
}
