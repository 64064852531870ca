// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Insights in the real window: View → Insights (Ctrl+I) opens the dock, the figures follow
// the rows loaded (saying when they are partial, with Load All), the filters and the
// UTC/local choice; the chart saves as PNG and SVG and the table as CSV, readable back.
#include "applicationfiguresmodel.h"
#include "applicationlistmodel.h"
#include "connectionsession.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "filterbar.h"
#include "insightscontroller.h"
#include "insightsdock.h"
#include "watchcontroller.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSvgRenderer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The figures once they describe the table as it is now.
bool figuresFor(MainWindow &window, int rows)
{
    InsightsController *insights = window.insightsController();
    return waitUntil(
        [&] {
            return insights->figures() && insights->figures()->rows == rows &&
                   !insights->isComputing();
        },
        20000);
}

qint64 activeIn(const ConnectionTableModel &model)
{
    qint64 active = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        active += model.connectionAt(row).status == "active"_L1;
    return active;
}

} // namespace

class TestInsightsDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheRowsLoadedAndTheFilters()
    {
        WindowFixture fixture;
        QVERIFY(fixture.isReady());
        auto window = fixture.openWindow();
        ConnectionTableModel *model = tableModel(*window);
        InsightsDock *dock = window->insightsDock();
        QAbstractItemModelTester tester(dock->tableView()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!dock->isVisible());
        // Hidden, nothing is computed.
        QTest::qWait(InsightsController::kThrottleMs + 100);
        QVERIFY(!window->insightsController()->figures());

        // Ctrl+I opens it on the first page, saying that more are listed.
        QTest::keyClick(window->tableView(), Qt::Key_I, Qt::ControlModifier);
        QVERIFY(dock->isVisible());
        QVERIFY(figuresFor(*window, model->rowCount()));
        QCOMPARE(model->rowCount(), WindowFixture::kPageSize);
        QVERIFY2(dock->basisLabel()->text().contains(u"100 loaded rows"_s),
                 qPrintable(dock->basisLabel()->text()));
        QVERIFY(dock->loadAllButton()->isVisible());
        qint64 active = 0;
        ApplicationFiguresModel *table = dock->tableModel();
        for (int row = 0; row < table->rowCount(); ++row)
            active += table->index(row, ApplicationFiguresModel::ActiveColumn)
                          .data(ApplicationFiguresModel::SortRole)
                          .toLongLong();
        QCOMPARE(active, activeIn(*model));

        // Load All from the dock completes the figures.
        QTest::mouseClick(dock->loadAllButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !model->hasMore() && !model->isFetching(); }, 60000));
        QVERIFY(figuresFor(*window, model->rowCount()));
        QVERIFY(dock->basisLabel()->text().startsWith(u"Every connection of these filters"_s));
        QVERIFY(!dock->loadAllButton()->isVisible());
        const Insights::Figures all = *window->insightsController()->figures();
        QCOMPARE(all.periods.last().activeAtEnd, activeIn(*model));

        // The chart: one line for all and one per application; bars for each period.
        QList<QAbstractSeries *> lines = dock->chart()->series();
        auto *bars = qobject_cast<QBarSeries *>(lines.takeFirst()); // drawn under the lines
        QVERIFY(bars);
        QCOMPARE(lines.size(), 1 + all.applications.size());
        auto *total = qobject_cast<QLineSeries *>(lines.first());
        QVERIFY(total);
        QCOMPARE(total->count(), all.periods.size());
        QCOMPARE(qint64(total->at(total->count() - 1).y()), activeIn(*model));
        QCOMPARE(bars->barSets().size(), 2);
        QCOMPARE(bars->barSets().first()->count(), all.periods.size());
        // What hovering shows.
        const QString text = dock->pointText(total->name(), int(all.periods.size()) - 1);
        QVERIFY2(text.contains(u"active at its end"_s) &&
                     text.contains(QLocale().toString(activeIn(*model))),
                 qPrintable(text));
        // The legend names the bars and the total; the applications' entries are the
        // table's rows (a dozen would not fit beside the chart): each name carries its
        // line's colour and a box. Space on a row hides its line, and the choice survives a
        // recomputation.
        const QString hidden = lines.at(1)->name();
        QTableView *view = dock->tableView();
        const QModelIndexList named = view->model()->match(
            view->model()->index(0, ApplicationFiguresModel::ApplicationColumn), Qt::DisplayRole,
            hidden, 1, Qt::MatchExactly);
        QCOMPARE(named.size(), 1);
        QCOMPARE(named.first().data(Qt::DecorationRole).value<QColor>(),
                 static_cast<QLineSeries *>(lines.at(1))->color());
        QCOMPARE(named.first().data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        view->setFocus();
        view->setCurrentIndex(named.first());
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(!lines.at(1)->isVisible());
        QCOMPARE(named.first().data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        // The total's entry in the legend hides the total.
        QLegendMarker *marker = dock->chart()->legend()->markers(total).value(0);
        QVERIFY(marker);
        Q_EMIT marker->clicked();
        QVERIFY(!total->isVisible());
        Q_EMIT marker->clicked();
        QVERIFY(total->isVisible());

        // Inactive only: the figures follow the new listing.
        window->filterBar()->statusCombo()->setFocus();
        QTest::keyClick(window->filterBar()->statusCombo(), Qt::Key_Down);
        QVERIFY(waitUntil([&] { return model->query().statuses == QStringList{u"inactive"_s}; }));
        QVERIFY(waitUntil([&] { return model->rowCount() > 0 && !model->isFetching(); }));
        QVERIFY(figuresFor(*window, model->rowCount()));
        for (const Insights::ApplicationFigures &f :
             window->insightsController()->figures()->applications)
            QCOMPARE(f.active, 0);
        // The line hidden before is still hidden; the others show.
        bool found = false;
        for (QAbstractSeries *series : dock->chart()->series()) {
            if (series->type() != QAbstractSeries::SeriesTypeLine)
                continue;
            QCOMPARE(series->isVisible(), series->name() != hidden);
            found = found || series->name() == hidden;
        }
        QVERIFY(found);
    }

    // At the smallest size the window supports, the names in the table stay readable: the
    // chart gives up room, the table does not scroll sideways.
    void theTableFitsInTheSmallestWindow()
    {
        WindowFixture fixture;
        QVERIFY(fixture.isReady());
        auto window = fixture.openWindow();
        window->resize(1024, 700);
        InsightsDock *dock = window->insightsDock();
        QTest::keyClick(window->tableView(), Qt::Key_I, Qt::ControlModifier);
        QVERIFY(figuresFor(*window, tableModel(*window)->rowCount()));
        QTableView *table = dock->tableView();
        QVERIFY(waitUntil([&] { return table->model()->rowCount() > 0; }));
        QApplication::processEvents();
        const int name = table->columnWidth(ApplicationFiguresModel::ApplicationColumn);
        QVERIFY2(name >= 14 * table->fontMetrics().averageCharWidth(),
                 qPrintable(QString::number(name)));
        QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
        QVERIFY(dock->chart()->plotArea().width() > 150);
    }

    void periodAndTimesChooseTheBuckets()
    {
        WindowFixture fixture;
        QVERIFY(fixture.isReady());
        auto window = fixture.openWindow();
        ConnectionTableModel *model = tableModel(*window);
        window->insightsDock()->show();
        QVERIFY(figuresFor(*window, model->rowCount()));
        InsightsController *insights = window->insightsController();
        QCOMPARE(insights->period(), Insights::Period::Week);
        QCOMPARE(insights->figures()->periods.first().start.dayOfWeek(), 1); // Monday
        // By month: periods start on the first.
        QComboBox *period = window->insightsDock()->periodCombo();
        period->setCurrentIndex(period->findData(int(Insights::Period::Month)));
        QVERIFY(waitUntil([&] {
            return insights->period() == Insights::Period::Month && !insights->isComputing() &&
                   insights->figures() && insights->figures()->periods.first().start.day() == 1;
        }));
        // View → Times in UTC moves the buckets' midnight to UTC.
        QVERIFY(!insights->timesInUtc());
        for (QAction *action : window->actions()) {
            if (action->text().contains(u"UTC"_s))
                action->trigger();
        }
        QVERIFY(insights->timesInUtc());
    }

    // The headless command prints the window's table for the same filters, byte for byte.
    void theSummaryCommandPrintsTheSameTable()
    {
        WindowFixture fixture;
        QVERIFY(fixture.isReady());
        auto window = fixture.openWindow();
        ConnectionTableModel *model = tableModel(*window);
        window->insightsDock()->show();
        window->loadAll();
        QVERIFY(waitUntil([&] { return !model->hasMore() && !model->isFetching(); }, 60000));
        QVERIFY(figuresFor(*window, model->rowCount()));
        QVERIFY(waitUntil([&] { return window->session()->applications()->isLoaded(); }));

        QProcess summary;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"INCREASE_API_KEY"_s, QString::fromLatin1(WindowFixture::kApiKey));
        summary.setProcessEnvironment(environment);
        summary.start(QString::fromLocal8Bit(IC_CLI_PATH),
                      {u"summary"_s, u"--base-url"_s, fixture.sandbox().baseUrl().toString(),
                       u"--format"_s, u"csv"_s});
        // The sandbox answers from this thread: the event loop must run while it waits.
        QVERIFY(waitUntil([&] { return summary.state() == QProcess::NotRunning; }, 60000));
        QCOMPARE(summary.exitCode(), 0);
        QCOMPARE(summary.readAllStandardOutput(), window->insightsDock()->tableModel()->toCsv());
    }

    // A watch's changes reach the figures without a refresh.
    void aWatchedChangeIsCounted()
    {
        WindowFixture fixture;
        QVERIFY(fixture.isReady());
        auto window = fixture.openWindow();
        ConnectionTableModel *model = tableModel(*window);
        window->insightsDock()->show();
        QVERIFY(figuresFor(*window, model->rowCount()));
        const int before = model->rowCount();
        QTest::qWait(1100); // the changes come a second after the listing's Date
        window->setWatching(true);
        WatchController *watch = window->watchController();
        // Until a new connection arrives (six changes in ten are new ones).
        while (model->rowCount() == before) {
            fixture.sandbox().churnOnce();
            QVERIFY(waitUntil([&] { return !watch->isPolling(); }));
            window->checkForChangesNow();
            QVERIFY(waitUntil([&] { return !watch->isPolling(); }));
        }
        QVERIFY(figuresFor(*window, model->rowCount()));
        const Insights::Figures &figures = *window->insightsController()->figures();
        QVERIFY(figures.periods.last().created >= model->rowCount() - before);
        QCOMPARE(figures.periods.last().activeAtEnd, activeIn(*model));
    }

    // A dark palette gets a dark chart, and back.
    void theChartFollowsThePalette()
    {
        WindowFixture fixture;
        QVERIFY(fixture.isReady());
        auto window = fixture.openWindow();
        InsightsDock *dock = window->insightsDock();
        dock->show();
        QVERIFY(figuresFor(*window, tableModel(*window)->rowCount()));
        QCOMPARE(dock->chart()->theme(), QChart::ChartThemeLight);
        const QPalette light = QApplication::palette();
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
        QApplication::setPalette(dark);
        QVERIFY(waitUntil([&] { return dock->chart()->theme() == QChart::ChartThemeDark; }));
        QApplication::setPalette(light);
        QVERIFY(waitUntil([&] { return dock->chart()->theme() == QChart::ChartThemeLight; }));
    }

    void savesTheChartAndTheTable()
    {
        WindowFixture fixture;
        QVERIFY(fixture.isReady());
        auto window = fixture.openWindow();
        ConnectionTableModel *model = tableModel(*window);
        InsightsDock *dock = window->insightsDock();
        dock->show();
        QVERIFY(figuresFor(*window, model->rowCount()));
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(u"chart.png"_s);
        QVERIFY2(dock->saveChartPng(png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 100 && image.height() > 100);
        const QString svg = dir.filePath(u"chart.svg"_s);
        QVERIFY2(dock->saveChartSvg(svg, &error), qPrintable(error));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        const QString csv = dir.filePath(u"table.csv"_s);
        QVERIFY2(dock->saveTableCsv(csv, &error), qPrintable(error));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.first().startsWith("oauth_application_id,application_name,active"));
        QCOMPARE(lines.size() - 2, dock->tableModel()->rowCount()); // header, final CRLF
        // A folder that does not exist: a clear error, no file.
        const QString missing = dir.filePath(u"nowhere/chart.png"_s);
        QVERIFY(!dock->saveChartPng(missing, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(missing));
    }
};

QTEST_MAIN(TestInsightsDock)
#include "tst_insightsdock.moc"
