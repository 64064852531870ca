// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogfit.h"

#include <QLayout>
#include <QWidget>

void growToFitContents(QWidget *dialog)
{
    if (!dialog->isVisible() || !dialog->layout())
        return;
    QLayout *layout = dialog->layout();
    layout->activate();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(dialog->width())
                                                   : layout->totalMinimumSize().height();
    if (needed > dialog->height())
        dialog->resize(dialog->width(), needed);
}
