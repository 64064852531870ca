// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct ApiError;
struct ClientConfig;

// How a failed API call is told to a person on the command line: what happened, with
// Increase's error type and the HTTP status, and what to do about it.
namespace ErrorReport {

// "Title: detail (type, HTTP 429)", or without the status when no response arrived.
QString summary(const ApiError &error);

// What to try next, for this error against this configuration; empty when the summary
// says it all.
QString hint(const ApiError &error, const ClientConfig &config);

} // namespace ErrorReport
