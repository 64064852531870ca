// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the window in the states a README reader wants to see, on the in-process local
// sandbox with its demo data, into PNG files: scripts/screenshots runs it offscreen.
//   window_screenshots OUTPUT_DIR [--dark]
// Each state is taken at 1200x760 (the default size), 1024x700 and 1600x1000.
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "detailpane.h"
#include "embeddedsandbox.h"
#include "englishplurals.h"
#include "errorbanner.h"
#include "exportbar.h"
#include "exportcontroller.h"
#include "filterbar.h"
#include "historysection.h"
#include "inprocesssandbox.h"
#include "insightscontroller.h"
#include "insightsdock.h"
#include "listingcontroller.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "noticeboard.h"
#include "requestlogdock.h"
#include "watchcontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QPalette>
#include <QSettings>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs = 20000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return true;
}

void settle(int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6f, 0x73, 0x7a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6f, 0x73, 0x7a));
    return p;
}

bool shoot(MainWindow &window, const QString &dir, const QString &name)
{
    bool ok = true;
    for (const QSize size : {QSize(1200, 760), QSize(1024, 700), QSize(1600, 1000)}) {
        window.resize(size);
        settle(150);
        const QString path =
            QDir(dir).filePath(u"%1-%2x%3.png"_s.arg(name).arg(size.width()).arg(size.height()));
        if (!window.grab().save(path)) {
            std::fprintf(stderr, "could not write %s\n", qPrintable(path));
            ok = false;
        } else {
            std::printf("%s\n", qPrintable(path));
        }
    }
    window.resize(1200, 760);
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: window_screenshots OUTPUT_DIR [--dark]\n");
        return 2;
    }
    const QString out = args.at(1);
    const bool dark = args.contains(u"--dark"_s);
    if (dark)
        QApplication::setPalette(darkPalette());
    QDir().mkpath(out);
    const QString suffix = dark ? u"-dark"_s : QString();

    EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);
    QTemporaryDir home;
    QSettings settings(home.filePath(u"window.ini"_s), QSettings::IniFormat);
    MemorySecretStore secrets;
    MainWindow window(&settings, &secrets, &InProcessSandbox::start);
    window.show();
    window.connectWithKey(ConnectionChoice{u"local"_s, {}}, QString());
    const auto model = [&window] {
        return window.tableView()->connectionModel();
    };
    if (!waitFor([&] { return model() && model()->rowCount() > 0 && !model()->isFetching(); })) {
        std::fprintf(stderr, "the first page did not arrive\n");
        return 1;
    }

    // 1. The table with a connection in the detail pane.
    window.tableView()->goToRow(3);
    waitFor([&] {
        return !window.detailPane()->shownId().isEmpty() &&
               !window.detailPane()->history()->isLoading();
    });
    bool ok = shoot(window, out, u"table-detail"_s + suffix);

    // 2. A failure: the banner above the table and the request log on the failed requests.
    EmbeddedSandbox *sandbox = window.session()->sandbox();
    sandbox->setFailRate(1.0);
    window.refresh();
    waitFor([&] { return window.banner()->isVisible(); }, 30000);
    window.requestLogDock()->showFailures();
    ok = shoot(window, out, u"request-log-failure"_s + suffix) && ok;
    sandbox->setFailRate(0);
    window.requestLogDock()->hide();
    window.refresh();
    waitFor([&] { return model()->rowCount() > 0 && !model()->isFetching(); });

    // 3. An export running in the background while the table stays usable.
    sandbox->setLatency(400, 0);
    ExportJob job;
    job.options.query = model()->query();
    job.options.outputPath = home.filePath(u"connections.csv"_s);
    QString why;
    if (window.exportController()->start(window.session(), job, &why)) {
        waitFor([&] { return window.exportController()->isRunning(); });
        settle(1200);
        ok = shoot(window, out, u"export-running"_s + suffix) && ok;
        window.exportController()->cancel();
    } else {
        std::fprintf(stderr, "the export did not start: %s\n", qPrintable(why));
        ok = false;
    }
    sandbox->setLatency(0, 0);

    // 4. Watching every status: new and deactivated rows marked, the counter counting.
    window.notices()->clear();
    window.exportBar()->hide(); // as its Dismiss does
    const ConnectionQuery everyStatus{{u"active"_s, u"inactive"_s}, QString()};
    window.filterBar()->setQuery(everyStatus);
    window.listingController()->setQuery(everyStatus);
    window.loadAll(); // deactivations of old connections land on loaded rows
    waitFor([&] { return !model()->hasMore() && !model()->isFetching(); }, 60000);
    WatchController *watch = window.watchController();
    window.setWatching(true);
    waitFor([&] { return watch->countingSince().isValid() && !watch->isPolling(); });
    sandbox->setChurn(240);
    settle(2600);
    sandbox->setChurn(0);
    settle(1100);
    window.checkForChangesNow();
    waitFor([&] { return !watch->isPolling(); });
    // The new rows at the top, and the first row that was there before them selected.
    window.tableView()->goToRow(watch->createdCount());
    const QString selected =
        window.tableView()->currentIndex().data(ConnectionTableModel::ConnectionIdRole).toString();
    waitFor([&] {
        return window.detailPane()->shownId() == selected &&
               !window.detailPane()->history()->isLoading();
    });
    ok = shoot(window, out, u"watching"_s + suffix) && ok;
    window.setWatching(false);

    // 5. Insights on every connection of both statuses, by month.
    InsightsController *insights = window.insightsController();
    window.insightsDock()->show();
    QComboBox *period = window.insightsDock()->periodCombo();
    period->setCurrentIndex(period->findData(int(Insights::Period::Month)));
    waitFor([&] {
        return insights->figures() && !insights->isComputing() &&
               insights->figures()->rows == model()->rowCount() &&
               insights->period() == Insights::Period::Month;
    });
    ok = shoot(window, out, u"insights"_s + suffix) && ok;
    window.insightsDock()->hide();
    return ok ? 0 : 1;
}
