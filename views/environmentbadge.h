// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionchoice.h"

#include <QLabel>

// The environment the window talks to, always visible in the status bar. Production is a
// loud red badge so nobody mistakes it for a test environment. The badges are the only
// hard-coded colours in the window: each sets both its background and its text colour, so
// it reads the same in light and dark palettes.
class EnvironmentBadge : public QLabel
{
    Q_OBJECT
public:
    explicit EnvironmentBadge(QWidget *parent = nullptr);

    // `baseUrl` is shown in the tooltip (the local sandbox's URL is only known once it runs).
    void setChoice(const ConnectionChoice &choice, const QUrl &baseUrl);
    // While nothing is connected yet (e.g. waiting for the keychain).
    void setConnecting(const ConnectionChoice &choice);

    QString environment() const { return m_environment; }

private:
    void paint(const QString &environment, const QString &text);

    QString m_environment;
};
