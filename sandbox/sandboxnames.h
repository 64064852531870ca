// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

// The applications' names. The default reads like a real platform's (invented names, so
// the demo looks believable); `tricky` gives the names the tests lean on instead: CSV
// quoting, the formula guard, a null name, line breaks and UTF-8.
namespace SandboxNames {

std::optional<QString> applicationName(int index, bool tricky);

} // namespace SandboxNames
