// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// How the detail pane shows an API timestamp: "2024-01-02 15:04:05 UTC" and the same
// instant in local time on a second line. Text that is not a timestamp is shown as sent.
namespace InstantText {
QString utcAndLocal(const QString &iso);
} // namespace InstantText
