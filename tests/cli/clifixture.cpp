// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clifixture.h"

#include "directfetch.h"
#include "sandboxserver.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

CliFixture::CliFixture() = default;
CliFixture::~CliFixture() = default;

QString CliFixture::apiKey()
{
    return u"ic_test_key_SECRET_1234"_s;
}

bool CliFixture::start(SandboxOptions options, QString *error)
{
    options.port = 0;
    options.apiKey = apiKey();
    m_sandbox = std::make_unique<SandboxServer>(options);
    return m_sandbox->listen(error);
}

QString CliFixture::baseUrl() const
{
    return m_sandbox->baseUrl().toString();
}

CliRun CliFixture::run(const QStringList &arguments, const std::optional<QString> &key,
                       const std::function<void(QProcess &)> &whileRunning)
{
    return run(arguments, CliRunner::environment(key), whileRunning);
}

CliRun CliFixture::run(const QStringList &arguments, const QProcessEnvironment &environment,
                       const std::function<void(QProcess &)> &whileRunning)
{
    CliRun result = CliRunner::run(arguments, environment, whileRunning);
    const QString command = arguments.join(u' ');
    check(u"stdout of '"_s + command + u'\'', result.out);
    check(u"stderr of '"_s + command + u'\'', result.err);
    return result;
}

QByteArray CliFixture::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    check(path, bytes);
    return bytes;
}

bool CliFixture::writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QByteArray CliFixture::previousExport()
{
    return "previous export\r\n\x00\xff"_ba;
}

QStringList CliFixture::takeLeaks()
{
    return std::exchange(m_leaks, {});
}

void CliFixture::verifyKeyNeverShown()
{
    const QStringList leaks = takeLeaks();
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("the key appeared in: ") +
                                         leaks.join(QStringLiteral(", "))));
}

void CliFixture::check(const QString &what, const QByteArray &bytes)
{
    // Not even a part of it: "SECRET" appears in nothing else the tests produce.
    if (bytes.contains(apiKey().toUtf8()) || bytes.contains("SECRET"))
        m_leaks.append(what);
}

QList<QJsonObject> CliFixture::connections(const QUrlQuery &query) const
{
    return DirectFetch::list(m_sandbox->baseUrl(), apiKey(), u"/oauth_connections"_s, query);
}

QList<QJsonObject> CliFixture::applications() const
{
    return DirectFetch::list(m_sandbox->baseUrl(), apiKey(), u"/oauth_applications"_s);
}

std::optional<QJsonObject> CliFixture::connection(const QString &id) const
{
    return DirectFetch::object(m_sandbox->baseUrl(), apiKey(), u"/oauth_connections/"_s + id);
}
