// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The app's own desktop start-up (runDesktop: QApplication, the flags, QSettings, the
// keychain store, MainWindow, the first connection), unchanged, plus one hook that the app
// does not have: it prints the moment the connection table gets its first rows, and the
// moment the table has next painted them, then quits. bench_launch starts this program and
// sets those moments against the moment it started it. stdout, CLOCK_MONOTONIC:
//   "main <ns>", "first-rows <ns> <rows>", "painted <ns>"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "desktopapp.h"
#include "mainwindow.h"
#include "monotonicclock.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <cstdio>

namespace {

void hookFirstRows();

// Stamps the end of the first paint of the table's viewport once rows are in: the moment a
// user sees them.
class PaintWatcher : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // Queued: runs once this paint event has been handled.
            QTimer::singleShot(0, this, [] {
                std::printf("painted %lld\n", monotonicNanoseconds());
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

// Runs on every turn of the event loop until the window's table model exists; the first
// page cannot arrive before the loop turns, so the hook is always in place in time (and
// if it were not, the run fails rather than report a wrong figure).
void lookForModel()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        const auto *window = qobject_cast<const MainWindow *>(widget);
        ConnectionTableModel *model = window ? window->tableView()->connectionModel() : nullptr;
        if (!model)
            continue;
        if (model->rowCount() > 0) {
            std::fputs("bench_launch_window: rows arrived before the hook\n", stderr);
            QCoreApplication::exit(3);
            return;
        }
        QWidget *viewport = window->tableView()->viewport();
        QObject::connect(model, &QAbstractItemModel::rowsInserted, viewport, [model, viewport] {
            std::printf("first-rows %lld %d\n", monotonicNanoseconds(), model->rowCount());
            std::fflush(stdout);
            // Only the first insert counts; a window that never paints still ends.
            QObject::disconnect(model, &QAbstractItemModel::rowsInserted, viewport, nullptr);
            viewport->installEventFilter(new PaintWatcher(viewport));
            QTimer::singleShot(5000, qApp, [] { QCoreApplication::exit(0); });
        });
        return;
    }
    hookFirstRows();
}

void hookFirstRows()
{
    QTimer::singleShot(0, qApp, lookForModel);
}

} // namespace

int main(int argc, char *argv[])
{
    std::printf("main %lld\n", monotonicNanoseconds());
    std::fflush(stdout);
    // Runs once runDesktop() has made its QApplication: the hook needs an application.
    qAddPreRoutine(hookFirstRows);
    return runDesktop(argc, argv);
}
