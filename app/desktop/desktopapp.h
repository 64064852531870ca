// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The window: QApplication, the connection flags, the first connection, the main window.
// Returns the exit code (2 on a usage error in the flags).
int runDesktop(int argc, char **argv);
