// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "curlcommand.h"

#include <QStringList>

using namespace Qt::StringLiterals;

QString shellQuoted(QStringView text)
{
    QString quoted = u"'"_s;
    quoted.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == u'\'')
            quoted += u"'\\''"_s; // close, an escaped quote, reopen
        else
            quoted += c;
    }
    quoted += u'\'';
    return quoted;
}

QString curlCommand(const RequestLogEntry &entry)
{
    // --globoff: curl would otherwise read [ ] { } in a cursor as a URL pattern.
    QStringList words{u"curl"_s, u"-sS"_s, u"--globoff"_s};
    if (!entry.method.isEmpty() && entry.method != "GET")
        words << u"-X"_s << shellQuoted(QString::fromLatin1(entry.method));
    bool authorizationSeen = false;
    for (const auto &[name, value] : entry.requestHeaders) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0) {
            // Whatever was logged, the key comes from the user's environment.
            if (!authorizationSeen)
                words << u"-H"_s << u"\"Authorization: Bearer $INCREASE_API_KEY\""_s;
            authorizationSeen = true;
            continue;
        }
        words << u"-H"_s
              << shellQuoted(
                     QString(QString::fromLatin1(name) % u": "_s % QString::fromUtf8(value)));
    }
    if (!authorizationSeen)
        words << u"-H"_s << u"\"Authorization: Bearer $INCREASE_API_KEY\""_s;
    words << shellQuoted(
        QString::fromLatin1(entry.url.toEncoded(QUrl::RemoveUserInfo | QUrl::RemoveFragment)));
    return words.join(u' ');
}
