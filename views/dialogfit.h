// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

// Grows a visible dialog to the height its layout needs at its current width. A note
// shown after the dialog opened wraps to the dialog's width, and a window's minimum size
// ignores height-for-width; the dialog is never shrunk below what the user sized.
void growToFitContents(QWidget *dialog);
