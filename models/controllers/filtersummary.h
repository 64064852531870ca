// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiquery.h"

#include <QString>
#include <optional>

// The line above the table that always says what is shown: "Showing: active connections ·
// application Payroll Bridge (application_…) · API order (newest first)". Pure, so the
// wording is tested without a window.
namespace FilterSummary {

struct Order
{
    QString sortedBy; // a column's title; empty: the API's order
    bool ascending = true;
    bool allLoaded = false; // sorting is offered only then
};

// `applicationName`: the filter application's name when known (untrusted text; the label
// showing this must be plain text).
QString describe(const ConnectionQuery &query, const std::optional<QString> &applicationName,
                 const Order &order);

} // namespace FilterSummary
