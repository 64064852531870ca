// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <optional>

// The outcome of one logical request, after any retries.
struct ApiResult
{
    std::optional<ApiError> error; // nullopt: a 2xx with a complete body
    int httpStatus = 0;
    QByteArray body;
    qint64 latencyMs = 0; // of the last attempt
    int attempts = 0;
    QDateTime finishedAt; // UTC, by the local clock
    // The response's Date header (the server's clock, UTC); invalid when no response came
    // or it had none. Where a poll starts is taken from here, never from the local clock.
    QDateTime serverDate;

    bool ok() const { return !error.has_value(); }
};

Q_DECLARE_METATYPE(ApiResult)
