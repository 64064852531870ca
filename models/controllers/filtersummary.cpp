// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filtersummary.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FilterSummary", text);
}

} // namespace

QString FilterSummary::describe(const ConnectionQuery &query,
                                const std::optional<QString> &applicationName, const Order &order)
{
    QString statuses = tr("active connections"); // also the API's default (no status)
    if (query.statuses == QStringList{u"inactive"_s})
        statuses = tr("inactive connections");
    else if (query.statuses.size() == 2)
        statuses = tr("active and inactive connections");

    QString application = tr("all applications");
    if (!query.applicationId.isEmpty())
        application = applicationName
                          ? tr("application %1 (%2)").arg(*applicationName, query.applicationId)
                          : tr("application %1").arg(query.applicationId);

    QString sorting = tr("API order (newest first)");
    if (!order.sortedBy.isEmpty())
        sorting = order.ascending ? tr("sorted by %1, ascending").arg(order.sortedBy)
                                  : tr("sorted by %1, descending").arg(order.sortedBy);
    else if (order.allLoaded)
        sorting += u' ' + tr("— click a column header to sort");
    return tr("Showing: %1 · %2 · %3").arg(statuses, application, sorting);
}
