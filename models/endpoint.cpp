#include "endpoint.h"

#include <QScopeGuard>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
    // Messages name the file and the problem, never a byte of what it holds. The checks
    // and the read use one descriptor, so the file cannot be swapped in between, and a
    // symbolic link is not followed.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int code = errno;
        if (code == ENOENT)
            setError(error, u"API key file "_s % path % u" does not exist"_s);
        else if (code == ELOOP)
            setError(error, u"API key file "_s % path %
                                u" is a symbolic link; give the path of the file itself"_s);
        else
            setError(error, u"cannot read API key file "_s % path % u": "_s %
                                QString::fromLocal8Bit(std::strerror(code)));
        return std::nullopt;
    }
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        setError(error, u"API key file "_s % path % u" is not a regular file"_s);
        return std::nullopt;
    }
    if ((st.st_mode & 077) != 0) {
        setError(error, u"API key file "_s % path % u" is accessible to other users (mode "_s %
                            QString::number(st.st_mode & 0777, 8).rightJustified(4, u'0') %
                            u"); run: chmod 600 "_s % path);
        return std::nullopt;
    }
    if (st.st_uid != ::geteuid()) {
        setError(error, u"API key file "_s % path % u" belongs to another user"_s);
        return std::nullopt;
    }
    if (st.st_size > kMaxKeyFileBytes) {
        setError(error, u"API key file "_s % path % u" is too large to hold only an API key"_s);
        return std::nullopt;
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::DontCloseHandle)) {
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
