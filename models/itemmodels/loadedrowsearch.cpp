#include "loadedrowsearch.h"

#include "applicationlistmodel.h"
#include "connectiontablemodel.h"

namespace {

bool matches(const ConnectionTableModel &model, const ApplicationListModel *names, int row,
             const QString &needle)
{
    const OAuthConnection c = model.connectionAt(row);
    const auto has = [&needle](const QString &text) {
        return text.contains(needle, Qt::CaseInsensitive);
    };
    return has(c.id) || has(c.status) || has(c.oauthApplicationId) || has(c.groupId) ||
           has(c.createdAt) || (c.deletedAt && has(*c.deletedAt)) ||
           (names && has(names->displayName(c.oauthApplicationId)));
}

} // namespace

std::optional<int> LoadedRowSearch::find(const ConnectionTableModel &model,
                                         const ApplicationListModel *names, const QString &needle,
                                         int from, bool forward)
{
    const int rows = model.rowCount();
    if (needle.isEmpty() || rows == 0)
        return std::nullopt;
    int row = from;
    if (row < 0 || row >= rows)
        row = forward ? rows - 1 : 0; // so the first step lands on row 0 / the last row
    for (int step = 0; step < rows; ++step) {
        row = forward ? (row + 1) % rows : (row - 1 + rows) % rows;
        if (matches(model, names, row, needle))
            return row;
    }
    return std::nullopt;
}
