// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadedrowsearch.h"

#include "applicationlistmodel.h"
#include "connectiontablemodel.h"

std::optional<int> LoadedRowSearch::find(const ConnectionTableModel &model,
                                         const ApplicationListModel *names, const QString &needle,
                                         int from, bool forward)
{
    const int rows = model.rowCount();
    if (needle.isEmpty() || rows == 0)
        return std::nullopt;
    const ConnectionStore &store = model.store();
    // A handful of applications for a million rows: each is compared (id and name) once.
    const ConnectionStore::Needle prepared = store.needle(
        needle,
        [names, &needle](const QString &applicationId) {
            return applicationId.contains(needle, Qt::CaseInsensitive) ||
                   (names &&
                    names->displayName(applicationId).contains(needle, Qt::CaseInsensitive));
        },
        model.timesInUtc());
    int row = from;
    if (row < 0 || row >= rows)
        row = forward ? rows - 1 : 0; // so the first step lands on row 0 / the last row
    for (int step = 0; step < rows; ++step) {
        row = forward ? (row + 1) % rows : (row - 1 + rows) % rows;
        if (store.contains(model.storeRowAt(row), prepared))
            return row;
    }
    return std::nullopt;
}
