// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Everything the headless commands tell a person goes to stderr through here, so that
// stdout carries only data. Errors always print; warnings and notes unless --quiet;
// the request log only with --verbose; the progress line only when stderr is a
// terminal, redrawn in place and cleared before any other line.
class Console
{
public:
    enum class Verbosity { Quiet, Normal, Verbose };

    Console();

    void setVerbosity(Verbosity verbosity) { m_verbosity = verbosity; }
    // The key in use: should a server or proxy ever echo it back in an error, it is
    // replaced before anything reaches the terminal or a log.
    void setSecret(const QString &secret) { m_secret = secret; }
    Verbosity verbosity() const { return m_verbosity; }
    bool isQuiet() const { return m_verbosity == Verbosity::Quiet; }
    bool isVerbose() const { return m_verbosity == Verbosity::Verbose; }
    bool showsProgress() const { return m_stderrIsTerminal && !isQuiet(); }

    void error(const QString &message, const QString &hint = {});
    void warning(const QString &message);
    void note(const QString &message);
    void requestLog(const QString &line);

    void progress(const QString &line);
    void clearProgress();

    // Text as it may be shown on a terminal: control characters (which could move the
    // cursor or recolour the screen when they come from a server) become \uXXXX.
    static QString printable(const QString &text);
    // What a line becomes on stderr: printable, and without the secret.
    QString shown(const QString &text) const;

private:
    void writeLine(const QString &line);
    static void writeRaw(const QByteArray &bytes);

    Verbosity m_verbosity = Verbosity::Normal;
    bool m_stderrIsTerminal = false;
    QString m_secret;
    QString m_progress; // the line currently drawn, empty when none
};
