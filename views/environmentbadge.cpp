// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentbadge.h"

using namespace Qt::StringLiterals;

namespace {

struct BadgeColours
{
    QLatin1StringView background;
    QLatin1StringView text;
};

// White text on dark, saturated backgrounds: a contrast ratio above 4.5:1 whatever the
// palette around the badge.
BadgeColours coloursFor(const QString &environment)
{
    if (environment == "production"_L1)
        return {"#b71c1c"_L1, "#ffffff"_L1};
    if (environment == "sandbox"_L1)
        return {"#7a4f00"_L1, "#ffffff"_L1};
    if (environment == "local"_L1)
        return {"#1b5e20"_L1, "#ffffff"_L1};
    return {"#37474f"_L1, "#ffffff"_L1};
}

} // namespace

EnvironmentBadge::EnvironmentBadge(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText); // a custom host name is user input
    setAlignment(Qt::AlignCenter);
}

void EnvironmentBadge::setChoice(const ConnectionChoice &choice, const QUrl &baseUrl)
{
    const QString name = displayName(choice);
    paint(choice.environment, choice.environment == "production"_L1 ? name.toUpper() : name);
    setToolTip(tr("Connected to %1 (%2)").arg(name, baseUrl.toDisplayString()));
    setAccessibleName(tr("Environment: %1").arg(name));
}

void EnvironmentBadge::setConnecting(const ConnectionChoice &choice)
{
    const QString name = displayName(choice);
    paint(choice.environment, tr("%1 — connecting…").arg(name));
    setToolTip(tr("Waiting for the API key for %1").arg(name));
    setAccessibleName(tr("Environment: %1, connecting").arg(name));
}

void EnvironmentBadge::paint(const QString &environment, const QString &text)
{
    m_environment = environment;
    const BadgeColours colours = coloursFor(environment);
    setStyleSheet(
        u"QLabel { background-color: %1; color: %2; border-radius: 3px; "
        u"padding: 1px 8px; font-weight: bold; }"_s.arg(colours.background, colours.text));
    setText(text);
}
