// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

// Which server the window talks to. "local" means the in-process sandbox: it has no URL
// until the sandbox is listening, so baseUrlFor() returns an empty QUrl for it.
struct ConnectionChoice
{
    QString environment; // "production" | "sandbox" | "local" | "custom"
    QUrl customUrl;      // only for "custom"

    bool operator==(const ConnectionChoice &o) const
    {
        return environment == o.environment &&
               (environment != QLatin1String("custom") || customUrl == o.customUrl);
    }
    bool operator!=(const ConnectionChoice &o) const { return !(*this == o); }
};

// production → https://api.increase.com, sandbox → https://sandbox.increase.com,
// custom → its URL, local (and anything unknown) → empty: start the in-process sandbox.
inline QUrl baseUrlFor(const ConnectionChoice &choice)
{
    if (choice.environment == QLatin1String("production"))
        return QUrl(QStringLiteral("https://api.increase.com"));
    if (choice.environment == QLatin1String("sandbox"))
        return QUrl(QStringLiteral("https://sandbox.increase.com"));
    if (choice.environment == QLatin1String("custom"))
        return choice.customUrl;
    return QUrl();
}

// What the window's environment badge and banners call the choice.
inline QString displayName(const ConnectionChoice &choice)
{
    if (choice.environment == QLatin1String("production"))
        return QCoreApplication::translate("ConnectionChoice", "Production");
    if (choice.environment == QLatin1String("sandbox"))
        return QCoreApplication::translate("ConnectionChoice", "Increase sandbox");
    if (choice.environment == QLatin1String("custom"))
        return choice.customUrl.host().isEmpty() ? choice.customUrl.toDisplayString()
                                                 : choice.customUrl.host();
    return QCoreApplication::translate("ConnectionChoice", "Local sandbox — demo data");
}
