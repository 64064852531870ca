// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// What every benchmark prints besides its own lines: one SUMMARY row per figure for
// scripts/bench's table, and a clear failure when a run went wrong. A figure missing its
// target is reported, never a failure: timings vary from machine to machine.
namespace BenchReport {

// "SUMMARY<TAB>measurement<TAB>figure<TAB>target<TAB>verdict" on stdout.
void summary(const QString &measurement, const QString &figure, const QString &target,
             const QString &verdict);
QString verdict(bool met);

// Prints "<bench>: <message>" on stderr and returns 1, for `return BenchReport::fail(...)`
// from main (so the sandbox's destructor still stops it).
int fail(const char *bench, const QString &message);

} // namespace BenchReport
