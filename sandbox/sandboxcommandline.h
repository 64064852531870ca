// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandboxoptions.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

// The `increase-sandbox` command line: every value is checked, and a bad one is a
// usage error naming the option, never a silent default.
class SandboxCommandLine
{
public:
    SandboxCommandLine();

    enum class Outcome { Run, ShowHelp, ShowVersion, UsageError };
    // `arguments` starts with the program name, like QCoreApplication::arguments().
    Outcome parse(const QStringList &arguments);

    SandboxOptions options() const { return m_options; }
    QString errorText() const { return m_error; }
    // The usage line names the program, increase-sandbox, not the path it was started from.
    QString helpText() const;

private:
    bool readOptions();

    QCommandLineParser m_parser;
    SandboxOptions m_options;
    QString m_error;
};
