#include "connectionspans.h"

#include "connectiontablemodel.h"

namespace Insights {

SpanSnapshot snapshotOf(const ConnectionTableModel &model)
{
    const ConnectionStore &store = model.store();
    SpanSnapshot snapshot;
    snapshot.applications = store.applicationIds();
    const int rows = model.rowCount();
    snapshot.spans.resize(size_t(rows));
    for (int row = 0; row < rows; ++row) {
        const int index = model.storeRowAt(row);
        ConnectionSpan &span = snapshot.spans[size_t(row)];
        span.createdAt = store.createdAtSeconds(index);
        if (!store.deletedAtIsNull(index)) {
            span.deletedAt = store.deletedAtSeconds(index);
            span.deletedUnreadable = !span.deletedAt;
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
    return snapshot;
}

} // namespace Insights
