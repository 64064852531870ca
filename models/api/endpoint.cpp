// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoint.h"

#include <QHostAddress>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QUrl withoutTrailingSlash(QUrl url)
{
    url.setPath(QString());
    return url;
}

QString environmentFor(const QUrl &url)
{
    const QUrl normalised = withoutTrailingSlash(url);
    if (normalised == QUrl(QString::fromLatin1(Endpoint::kProductionUrl)))
        return u"production"_s;
    if (normalised == QUrl(QString::fromLatin1(Endpoint::kSandboxUrl)))
        return u"sandbox"_s;
    return u"custom"_s;
}

std::optional<Endpoint::Resolved> fromUrl(const QString &text, const QString &source,
                                          QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    QString problem;
    if (!Endpoint::checkBaseUrl(url, &problem)) {
        setError(error, source % u": "_s % problem);
        return std::nullopt;
    }
    return Endpoint::Resolved{environmentFor(url), withoutTrailingSlash(url)};
}

} // namespace

namespace Endpoint {

std::optional<Resolved> resolve(const QString &baseUrlFlag, const QString &environmentFlag,
                                const QProcessEnvironment &env, QString *error)
{
    const QString baseUrl = baseUrlFlag.trimmed();
    const QString environment = environmentFlag.trimmed();
    if (!baseUrl.isEmpty() && !environment.isEmpty()) {
        setError(error, u"use either --base-url or --environment, not both (ambiguous URL)"_s);
        return std::nullopt;
    }
    if (!baseUrl.isEmpty())
        return fromUrl(baseUrl, u"--base-url"_s, error);
    if (!environment.isEmpty()) {
        if (environment == u"production"_s)
            return Resolved{environment, QUrl(QString::fromLatin1(kProductionUrl))};
        if (environment == u"sandbox"_s)
            return Resolved{environment, QUrl(QString::fromLatin1(kSandboxUrl))};
        if (environment == u"local"_s)
            return Resolved{environment, QUrl()};
        setError(error, u"unknown environment '"_s % environment %
                            u"'; use production, sandbox or local"_s);
        return std::nullopt;
    }
    for (const QString &name : {u"INCREASE_BASE_URL"_s, u"INCREASE_URL"_s}) {
        const QString value = env.value(name).trimmed();
        if (!value.isEmpty())
            return fromUrl(value, name, error);
    }
    return Resolved{u"production"_s, QUrl(QString::fromLatin1(kProductionUrl))};
}

bool isLoopbackHost(const QString &host)
{
    QString h = host.trimmed().toLower();
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    if (h == u"localhost"_s)
        return true;
    QHostAddress address;
    return address.setAddress(h) && address.isLoopback();
}

bool checkBaseUrl(const QUrl &url, QString *error)
{
    if (!url.isValid()) {
        setError(error, u"not a valid URL ("_s % url.errorString() % u')');
        return false;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme.isEmpty()) {
        setError(error, u"the URL has no scheme; write it as https://host"_s);
        return false;
    }
    if (scheme != u"https"_s && scheme != u"http"_s) {
        setError(error, u"unsupported scheme '"_s % scheme % u"'; use https"_s);
        return false;
    }
    if (url.host().isEmpty()) {
        setError(error, u"the URL has no host"_s);
        return false;
    }
    if (scheme == u"http"_s && !isLoopbackHost(url.host())) {
        setError(error, u"plain http would send the API key unencrypted to "_s % url.host() %
                            u"; use https (http is allowed only to 127.0.0.1, ::1 or localhost)"_s);
        return false;
    }
    // Never echo user info: it may hold a password.
    if (!url.userInfo().isEmpty()) {
        setError(error, u"the URL must not contain a user name or password"_s);
        return false;
    }
    if (url.hasQuery()) {
        setError(error, u"the URL must not have a query ('?...')"_s);
        return false;
    }
    if (url.hasFragment()) {
        setError(error, u"the URL must not have a fragment ('#...')"_s);
        return false;
    }
    const QString path = url.path();
    if (!path.isEmpty() && path != u"/"_s) {
        setError(error, u"the URL must not have a path ('"_s % path %
                            u"'); give only scheme, host and port"_s);
        return false;
    }
    return true;
}

std::optional<QString> apiKeyFromEnvironment(const QProcessEnvironment &env)
{
    const QString key = env.value(u"INCREASE_API_KEY"_s).trimmed();
    if (key.isEmpty())
        return std::nullopt;
    return key;
}

} // namespace Endpoint
