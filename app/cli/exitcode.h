// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The headless commands' exit codes (PRODUCT.md §5). Signals follow the shell's 128 + N.
namespace ExitCode {
inline constexpr int Success = 0;
inline constexpr int Failure = 1; // API, network, data or I/O error after retries
inline constexpr int Usage = 2;   // bad flag, bad id, no key
inline constexpr int SignalBase = 128;
} // namespace ExitCode
