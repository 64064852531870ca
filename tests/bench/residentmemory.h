// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Resident set size of this process from /proc/self/statm (what VmRSS shows), or -1.
qint64 residentBytes();

// Spins the event loop for `ms`, so that deferred deletes and queued work finish before a
// measurement.
void settleEvents(int ms = 50);
