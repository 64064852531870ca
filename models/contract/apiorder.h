// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauthconnection.h"

#include <QString>

// The order in which the API lists connections: created_at descending, ties by id
// descending. Used to merge partitioned listings back into that order.
namespace ApiOrder {

// < 0 when `a` is earlier in time than `b`, 0 when the same instant, > 0 when later.
// Timestamps of one format compare as text; only differently shaped ones are parsed.
int compareTimestamps(const QString &a, const QString &b);

// True when the API lists `a` before `b`.
bool precedes(const OAuthConnection &a, const OAuthConnection &b);

} // namespace ApiOrder
