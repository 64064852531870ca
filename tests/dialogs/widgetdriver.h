// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractButton>
#include <QPushButton>
#include <QTest>
#include <QWidget>

// Finding and clicking a dialog's widgets the way a user would, for the dialog suites.
namespace WidgetDriver {

template <typename T> T *child(const QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

inline void click(QAbstractButton *button)
{
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), qPrintable(button->objectName()));
    // Radio buttons and check boxes answer only on their indicator and label, which may
    // not reach the middle of a wide widget: click near the left edge.
    const QPoint where = qobject_cast<QPushButton *>(button)
                             ? button->rect().center()
                             : QPoint(qMin(8, button->width() / 2), button->height() / 2);
    QTest::mouseClick(button, Qt::LeftButton, {}, where);
}

} // namespace WidgetDriver
