// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopapp.h"

#include "desktopoptions.h"
#include "englishplurals.h"
#include "inprocesssandbox.h"
#include "keychainsecretstore.h"
#include "mainwindow.h"
#include "windowsettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QSettings>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void printError(const QString &message)
{
    std::fputs(qPrintable(QCoreApplication::applicationName() + u": "_s + message + u'\n'), stderr);
}

} // namespace

int runDesktop(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Increase Connections"_s);
    QApplication::setApplicationName(u"Increase Connections"_s);
    QApplication::setApplicationVersion(QStringLiteral(IC_VERSION));
    QGuiApplication::setDesktopFileName(u"increase-connections"_s);
    EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);
    const QString icon = u":/icons/increase-connections.svg"_s;
    if (QFile::exists(icon))
        QApplication::setWindowIcon(QIcon(icon));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Desktop", "Browse and export Increase OAuth connections."));
    DesktopOptions::add(parser);
    if (!parser.parse(QApplication::arguments())) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        printError(QApplication::translate("Desktop", "unexpected argument '%1'")
                       .arg(parser.positionalArguments().constFirst()));
        return 2;
    }
    QString error;
    const std::optional<DesktopStart> start =
        DesktopOptions::read(parser, QProcessEnvironment::systemEnvironment(), &error);
    if (!start) {
        printError(error);
        return 2;
    }

    QSettings settings;
    KeychainSecretStore secrets;
    MainWindow window(&settings, &secrets, &InProcessSandbox::start);
    window.setClientDefaults(start->clientDefaults);
    const ConnectionChoice choice =
        DesktopOptions::firstChoice(*start, WindowSettings::choice(settings));
    // The keychain answers later (it may be waiting on an unlock prompt): the window shows
    // at once either way.
    if (choice.environment == "local"_L1 || !start->apiKey.isEmpty())
        window.connectWithKey(choice, start->apiKey);
    else
        window.connectWithStoredKey(choice);
    window.show();
    return QApplication::exec();
}
