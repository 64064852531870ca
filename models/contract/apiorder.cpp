// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiorder.h"

#include <QDateTime>

int ApiOrder::compareTimestamps(const QString &a, const QString &b)
{
    // Same length means same shape (the API sends one format): text order is time order,
    // and comparing text costs no allocation per row.
    if (a.size() == b.size())
        return a.compare(b);
    // "…:59Z" and "…:59.5Z" would compare wrongly as text ('.' < 'Z').
    const QDateTime ta = QDateTime::fromString(a, Qt::ISODateWithMs);
    const QDateTime tb = QDateTime::fromString(b, Qt::ISODateWithMs);
    if (!ta.isValid() || !tb.isValid() || ta == tb)
        return a.compare(b);
    return ta < tb ? -1 : 1;
}

bool ApiOrder::precedes(const OAuthConnection &a, const OAuthConnection &b)
{
    const int byTime = compareTimestamps(a.createdAt, b.createdAt);
    return byTime > 0 || (byTime == 0 && a.id > b.id);
}
