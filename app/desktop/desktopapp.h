#pragma once

// The window: QApplication, the connection flags, the first connection, the main window.
// Returns the exit code (2 on a usage error in the flags).
int runDesktop(int argc, char **argv);
