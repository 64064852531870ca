#include "endpoint.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace {

// A key file holding more than this is not a key file; refusing it also keeps a wrong
// path (a log, a disk image) from being read into memory.
constexpr qint64 kMaxKeyFileBytes = 64 * 1024;

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

QString modeText(QFileDevice::Permissions p)
{
    const auto digit = [p](QFileDevice::Permission r, QFileDevice::Permission w,
                           QFileDevice::Permission x) {
        return QString::number((p.testFlag(r) ? 4 : 0) + (p.testFlag(w) ? 2 : 0) +
                               (p.testFlag(x) ? 1 : 0));
    };
    return u"0"_s % digit(QFileDevice::ReadOwner, QFileDevice::WriteOwner, QFileDevice::ExeOwner) %
           digit(QFileDevice::ReadGroup, QFileDevice::WriteGroup, QFileDevice::ExeGroup) %
           digit(QFileDevice::ReadOther, QFileDevice::WriteOther, QFileDevice::ExeOther);
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

std::optional<QString> readApiKeyFile(const QString &path, QString *error)
{
    // Messages name the file and the problem, never a byte of what it holds.
    const QFileInfo info(path);
    if (!info.exists()) {
        setError(error, u"API key file "_s % path % u" does not exist"_s);
        return std::nullopt;
    }
    if (!info.isFile()) {
        setError(error, u"API key file "_s % path % u" is not a regular file"_s);
        return std::nullopt;
    }
    constexpr QFileDevice::Permissions othersMask =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
        QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (info.permissions() & othersMask) {
        setError(error, u"API key file "_s % path % u" is accessible to other users (mode "_s %
                            modeText(info.permissions()) % u"); run: chmod 600 "_s % path);
        return std::nullopt;
    }
    if (info.size() > kMaxKeyFileBytes) {
        setError(error, u"API key file "_s % path % u" is too large to hold only an API key"_s);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, u"cannot read API key file "_s % path % u": "_s % file.errorString());
        return std::nullopt;
    }
    const QString key = QString::fromUtf8(file.read(kMaxKeyFileBytes)).trimmed();
    if (key.isEmpty()) {
        setError(error, u"API key file "_s % path % u" is empty"_s);
        return std::nullopt;
    }
    // A space or line break inside would end up in the Authorization header.
    for (QChar c : key) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            setError(error, u"API key file "_s % path %
                                u" holds more than one word or line; it must hold only the key"_s);
            return std::nullopt;
        }
    }
    return key;
}

std::optional<QString> apiKeyFromEnvironment(const QProcessEnvironment &env)
{
    const QString key = env.value(u"INCREASE_API_KEY"_s).trimmed();
    if (key.isEmpty())
        return std::nullopt;
    return key;
}

} // namespace Endpoint
