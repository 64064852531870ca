#include "cli/commandrunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Increase Connections"));
    QCoreApplication::setApplicationName(QStringLiteral("increase-connections"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IC_VERSION));

    // Every invocation is a headless command for now; the desktop window (a later
    // issue) takes over when no command is given.
    return CommandRunner().run(QCoreApplication::arguments(),
                               QProcessEnvironment::systemEnvironment());
}
