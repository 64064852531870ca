// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// Every category `category.in` accepts, from the `event` schema of Increase's OpenAPI
// spec: a category the API knows but the sandbox never records (account.created) matches
// no event; any other value is a 400, as at the API.
class SandboxEventCategories
{
public:
    static const QStringList &all();
};
