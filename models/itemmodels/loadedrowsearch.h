// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

class ApplicationListModel;
class ConnectionTableModel;

// Ctrl+F's search: walks the rows already in the model, never asks for more. It reads the
// compact store, in the view's order, rather than data(DisplayRole), because displaying a
// row near the end is what makes the model prefetch the next page, and without building
// a connection per row, which at a million rows kept the window busy for over a second.
namespace LoadedRowSearch {

// The next row (after `from`, wrapping) whose id, status, application id or name, group
// id or timestamps (as the API sent them, or as the table shows them: in UTC or local
// time, as the model is set) contain `needle` (case-insensitive). `from` = -1 starts at row 0;
// backwards searches before `from`. nullopt when no loaded row matches.
std::optional<int> find(const ConnectionTableModel &model, const ApplicationListModel *names,
                        const QString &needle, int from, bool forward);

} // namespace LoadedRowSearch
