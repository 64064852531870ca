// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyslot.h"

#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace {

int defaultPort(const QString &scheme)
{
    if (scheme == "https"_L1)
        return 443;
    if (scheme == "http"_L1)
        return 80;
    return -1;
}

QString bracketed(const QString &host)
{
    return host.contains(u':') ? u'[' % host % u']' : host;
}

// The user sees the port only where it is not the scheme's default, as a browser shows it.
QString nameOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int port = url.port(defaultPort(scheme));
    const QString name = scheme % "://"_L1 % bracketed(url.host().toLower());
    return port == defaultPort(scheme) ? name : name % u':' % QString::number(port);
}

} // namespace

QString originOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    // The encoded host (punycode) is the one form of a name that compares reliably.
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    if (!url.isValid() || defaultPort(scheme) < 0 || host.isEmpty())
        return QString();
    return scheme % "://"_L1 % bracketed(host) % u':' %
           QString::number(url.port(defaultPort(scheme)));
}

KeySlot keySlot(const ConnectionChoice &choice)
{
    for (const char *environment : {"production", "sandbox"}) {
        const ConnectionChoice known{QString::fromLatin1(environment), {}};
        const bool same = choice.environment == known.environment ||
                          (choice.environment == "custom"_L1 &&
                           originOf(choice.customUrl) == originOf(baseUrlFor(known)));
        if (same)
            return KeySlot{known.environment, displayName(known)};
    }
    if (choice.environment != "custom"_L1)
        return KeySlot{};
    const QString origin = originOf(choice.customUrl);
    if (origin.isEmpty())
        return KeySlot{};
    return KeySlot{u"custom:"_s % origin, nameOf(choice.customUrl)};
}
