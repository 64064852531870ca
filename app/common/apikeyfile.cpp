// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apikeyfile.h"

#include <QFile>
#include <QScopeGuard>
#include <QStringBuilder>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

} // namespace

std::optional<QString> ApiKeyFile::read(const QString &path, QString *error)
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
