// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionspans.h"

#include "connectiontablemodel.h"

namespace Insights {

SpanSnapshot snapshotOf(const ConnectionTableModel &model)
{
    SpanSnapshot snapshot;
    snapshotOf(model, &snapshot);
    return snapshot;
}

void snapshotOf(const ConnectionTableModel &model, SpanSnapshot *snapshot)
{
    const ConnectionStore &store = model.store();
    snapshot->applications = store.applicationIds();
    const int rows = model.rowCount();
    snapshot->spans.clear();
    snapshot->spans.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row) {
        const int index = model.storeRowAt(row);
        ConnectionSpan &span = snapshot->spans.emplace_back();
        span.setCreatedAt(store.createdAtSeconds(index));
        if (!store.deletedAtIsNull(index)) {
            const std::optional<qint64> deleted = store.deletedAtSeconds(index);
            span.setDeletedAt(deleted);
            span.setDeletedUnreadable(!deleted);
        }
        span.application = store.applicationIndex(index);
        switch (store.statusKind(index)) {
        case ConnectionStore::StatusKind::Active:
            span.status = ConnectionSpan::Status::Active;
            break;
        case ConnectionStore::StatusKind::Inactive:
            span.status = ConnectionSpan::Status::Inactive;
            break;
        case ConnectionStore::StatusKind::Other:
            span.status = ConnectionSpan::Status::Other;
            break;
        }
    }
}

} // namespace Insights
