// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "instanttext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

QString InstantText::utcAndLocal(const QString &iso)
{
    const QDateTime instant = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!instant.isValid())
        return iso;
    const QDateTime utc = instant.toUTC();
    return QCoreApplication::translate("DetailPane", "%1 UTC\n%2 (local time)")
        .arg(utc.toString(u"yyyy-MM-dd HH:mm:ss"_s),
             QLocale().toString(utc.toLocalTime(), QLocale::LongFormat));
}
