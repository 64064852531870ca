// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"

#include <QFlags>
#include <QString>
#include <optional>

// What the banner above the table says: an Increase error (type, title, detail), a message
// of our own, or the rate-limit countdown while the client waits to retry; and the actions
// it offers.
struct Notice
{
    enum Action {
        NoAction = 0x0,
        Retry = 0x1,
        SetApiKey = 0x2,
        Dismiss = 0x4,
        ShowInRequestLog = 0x8, // the failed exchanges, with the raw response
        Cancel = 0x10,          // stop what is waiting (Load All during a rate limit)
    };
    Q_DECLARE_FLAGS(Actions, Action)

    QString title;
    QString detail;
    std::optional<ApiError> error; // when set, shown instead of title and detail
    qint64 rateLimitDelayMs = -1;  // from 0 on: the countdown to the automatic retry
    Actions actions = Dismiss;

    bool isRateLimit() const { return rateLimitDelayMs >= 0; }
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Notice::Actions)
