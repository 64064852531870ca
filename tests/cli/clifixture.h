// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clirun.h"
#include "sandboxoptions.h"

#include <QJsonObject>
#include <QUrlQuery>
#include <memory>

class SandboxServer;

// A local sandbox in the test process plus a way to run the CLI against it. The sandbox
// accepts only a distinctive key; every byte the CLI prints or writes through here is
// searched for that key, and the leaks are collected for the test's cleanup() to check.
class CliFixture
{
public:
    CliFixture();
    ~CliFixture();

    static QString apiKey(); // "ic_test_key_SECRET_1234"

    bool start(SandboxOptions options, QString *error);
    SandboxServer &sandbox() { return *m_sandbox; }
    QString baseUrl() const;
    QStringList baseUrlFlag() const { return {QStringLiteral("--base-url"), baseUrl()}; }

    // With INCREASE_API_KEY set to `key` (unset when nullopt), nothing else inherited.
    CliRun run(const QStringList &arguments, const std::optional<QString> &key = apiKey(),
               const std::function<void(QProcess &)> &whileRunning = {});
    CliRun run(const QStringList &arguments, const QProcessEnvironment &environment,
               const std::function<void(QProcess &)> &whileRunning = {});
    // A file the CLI wrote, checked for the key like its output.
    QByteArray readFile(const QString &path);
    // False if `bytes` could not be written to `path`.
    static bool writeFile(const QString &path, const QByteArray &bytes);
    // What an earlier export left at --output, for the runs that must leave it as it was:
    // its NUL and its byte that is not UTF-8 are nothing an export writes.
    static QByteArray previousExport();
    QStringList takeLeaks();
    // For cleanup(): fails the test if the key appeared anywhere since the last call.
    void verifyKeyNeverShown();

    QList<QJsonObject> connections(const QUrlQuery &query = {}) const;
    QList<QJsonObject> applications() const;
    std::optional<QJsonObject> connection(const QString &id) const;

private:
    void check(const QString &what, const QByteArray &bytes);

    std::unique_ptr<SandboxServer> m_sandbox;
    QStringList m_leaks;
};
