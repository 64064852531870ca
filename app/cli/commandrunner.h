// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class Console;
class QCommandLineParser;

// Runs one headless command from the command line: finds the command, checks every flag
// before any request (usage errors exit 2), connects (starting the demo sandbox for
// --demo), runs the command on the event loop and turns SIGINT/SIGTERM into a clean
// cancel. Returns the process's exit code.
class CommandRunner
{
public:
    static QStringList commandNames(); // export, get, applications, watch, summary

    // Whether main() runs a headless command: a command is named, help or the version is
    // asked for, or the flags are wrong (reported the command-line way). Otherwise the
    // window opens, with the same connection flags.
    static bool wantsCommand(const QStringList &arguments);

    int run(const QStringList &arguments, const QProcessEnvironment &environment);

private:
    int runCommand(const QString &name, const QStringList &arguments,
                   const QProcessEnvironment &environment, Console &console);
    static QString generalHelp();
};
