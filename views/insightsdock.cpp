// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightsdock.h"

#include "applicationfiguresmodel.h"
#include "applicationlistmodel.h"
#include "insightscontroller.h"
#include "insightstablemodel.h"

#include <QAction>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QCursor>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyle>
#include <QSvgGenerator>
#include <QTableView>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <iterator>

using namespace Qt::StringLiterals;

namespace {

constexpr char kSeriesApplication[] = "applicationId"; // on each line: whose it is

// Years on a long axis, months on a short one: a label every few dozen pixels at most.
void labelPeriods(QCategoryAxis *axis, const QList<Insights::PeriodFigures> &periods)
{
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(-0.5, qMax(0.5, double(periods.size()) - 0.5));
    if (periods.isEmpty())
        return;
    const int years = periods.last().start.year() - periods.first().start.year();
    const int step = years > 12 ? 2 : 1;
    QSet<QString> used;
    // Labels closer than this would run into each other (a first period in December).
    const double spacing = std::max(1.0, double(periods.size()) / 14);
    double last = -spacing;
    for (qsizetype i = 0; i < periods.size(); ++i) {
        const QDate start = periods.at(i).start;
        const QDate previous = i > 0 ? periods.at(i - 1).start : QDate();
        QString label;
        if (years >= 2) {
            if (i == 0 || start.year() != previous.year())
                label = start.year() % step == 0 ? QString::number(start.year()) : QString();
        } else if (i == 0 || start.month() != previous.month()) {
            label = QLocale().toString(start, u"MMM yyyy"_s);
        }
        if (!label.isEmpty() && !used.contains(label) && double(i) - last >= spacing) {
            used.insert(label);
            last = double(i);
            axis->append(label, double(i));
        }
    }
}

bool commit(QSaveFile &file, QString *error)
{
    if (file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace

InsightsDock::InsightsDock(InsightsController *controller, QWidget *parent)
    : QDockWidget(tr("Insights"), parent)
    , m_controller(controller)
    , m_basis(new QLabel(this))
    , m_loadAll(new QPushButton(tr("Load All"), this))
    , m_period(new QComboBox(this))
    , m_saveChart(new QToolButton(this))
    , m_saveTable(new QPushButton(tr("Save Table…"), this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
    , m_table(new QTableView(this))
    , m_model(new ApplicationFiguresModel(this))
    , m_sorted(new InsightsTableModel(this))
{
    setObjectName(u"insightsDock"_s);
    m_basis->setTextFormat(Qt::PlainText);
    m_basis->setWordWrap(true);
    m_period->addItem(tr("By day"), int(Insights::Period::Day));
    m_period->addItem(tr("By week"), int(Insights::Period::Week));
    m_period->addItem(tr("By month"), int(Insights::Period::Month));
    m_period->setCurrentIndex(1);
    m_period->setAccessibleName(tr("Period"));
    m_period->setAccessibleDescription(tr("How the chart groups time: by day, week or month"));
    m_loadAll->setToolTip(tr("Fetch every remaining page: the figures then cover every "
                             "connection that matches the filters"));
    m_saveChart->setText(tr("Save Chart"));
    m_saveChart->setPopupMode(QToolButton::InstantPopup);
    m_saveChart->setToolTip(tr("Save the chart as a PNG or SVG image"));
    m_saveTable->setToolTip(tr("Save the table by application as a CSV file"));
    auto *saveMenu = new QMenu(m_saveChart);
    saveMenu->addAction(tr("As PNG…"), this, [this] {
        chooseAndSave(tr("PNG image (*.png)"), u".png"_s, &InsightsDock::saveChartPng);
    });
    saveMenu->addAction(tr("As SVG…"), this, [this] {
        chooseAndSave(tr("SVG image (*.svg)"), u".svg"_s, &InsightsDock::saveChartSvg);
    });
    m_saveChart->setMenu(saveMenu);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_basis, 1);
    bar->addWidget(m_loadAll);
    bar->addWidget(m_period);
    bar->addWidget(m_saveChart);
    bar->addWidget(m_saveTable);

    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(240, 160);
    m_chartView->setAccessibleName(tr("Chart of active connections"));
    m_chartView->setAccessibleDescription(
        tr("Active connections over time per application, over bars of those created and "
           "deactivated; the table beside it holds the same figures"));
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);

    m_sorted->setSourceModel(m_model);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ApplicationFiguresModel::ActiveColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // rows, not cells: Tab leaves the table
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    // Sized from the headers and the widest likely figure, not the rows; the application's
    // name takes what is left but never less than a short name, so below that the splitter
    // takes room from the chart rather than the table scrolling sideways.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSectionResizeMode(ApplicationFiguresModel::ApplicationColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = header->fontMetrics();
    const int padding = metrics.height(); // the margins and the sort arrow
    int numbers = 0;
    for (int column = ApplicationFiguresModel::ActiveColumn;
         column < ApplicationFiguresModel::ColumnCount; ++column) {
        int widest = metrics.horizontalAdvance(QLocale().toString(999999));
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        for (const QString &line : title.split(u'\n'))
            widest = std::max(widest, metrics.horizontalAdvance(line));
        header->resizeSection(column, widest + padding);
        numbers += widest + padding;
    }
    // About 16 characters after the line's box and colour.
    const QStyle *style = m_table->style();
    const int nameWidth = 16 * metrics.averageCharWidth() + 2 * padding +
                          style->pixelMetric(QStyle::PM_IndicatorWidth) +
                          style->pixelMetric(QStyle::PM_SmallIconSize);
    header->setMinimumSectionSize(std::min(header->minimumSectionSize(), nameWidth));
    m_table->setMinimumWidth(numbers + nameWidth + 2 * m_table->frameWidth() +
                             style->pixelMetric(QStyle::PM_ScrollBarExtent));
    m_table->setAccessibleName(tr("Connections by application"));
    m_table->setAccessibleDescription(
        tr("Figures by application; each application's box shows or hides its line in the "
           "chart"));
    connect(m_sorted, &InsightsTableModel::lineToggled, this,
            [this](const QString &applicationId, bool shown) {
                if (shown)
                    m_hiddenSeries.remove(applicationId);
                else
                    m_hiddenSeries.insert(applicationId);
                for (QAbstractSeries *series : m_chart->series()) {
                    if (series->type() == QAbstractSeries::SeriesTypeLine &&
                        series->property(kSeriesApplication).toString() == applicationId)
                        series->setVisible(shown);
                }
            });
    auto *copy = new QAction(tr("Copy Rows"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(copy);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copy, &QAction::triggered, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            rows.append(m_sorted->mapToSource(index).row());
        std::sort(rows.begin(), rows.end());
        QGuiApplication::clipboard()->setText(m_model->toTsv(rows));
    });

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_chartView);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setSizes({550, 450}); // scaled to the room there is: the chart first

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    setWidget(content);

    connect(m_loadAll, &QPushButton::clicked, this, &InsightsDock::loadAllRequested);
    connect(m_period, &QComboBox::currentIndexChanged, this,
            [this] { m_controller->setPeriod(Insights::Period(m_period->currentData().toInt())); });
    connect(m_saveTable, &QPushButton::clicked, this,
            [this] { chooseAndSave(tr("CSV (*.csv)"), u".csv"_s, &InsightsDock::saveTableCsv); });
    connect(m_controller, &InsightsController::figuresChanged, this, &InsightsDock::rebuild);
    connect(m_controller, &InsightsController::basisChanged, this, &InsightsDock::updateBasis);
    // Only while shown does anything get computed.
    connect(this, &QDockWidget::visibilityChanged, m_controller, &InsightsController::setActive);
    updateBasis();
    rebuild();
}

void InsightsDock::setApplicationNames(const ApplicationListModel *names)
{
    m_names = names;
    m_model->setApplicationNames(names);
    if (names)
        connect(names, &ApplicationListModel::loaded, this, &InsightsDock::rebuild,
                Qt::UniqueConnection);
    rebuild();
}

void InsightsDock::updateBasis()
{
    m_basis->setText(m_controller->basisText());
    m_loadAll->setVisible(m_controller->isPartial());
}

QString InsightsDock::periodName(int index) const
{
    const std::optional<Insights::Figures> &figures = m_controller->figures();
    if (!figures || index < 0 || index >= figures->periods.size())
        return {};
    const QDate start = figures->periods.at(index).start;
    switch (m_controller->period()) {
    case Insights::Period::Day:
        return QLocale().toString(start, u"ddd d MMM yyyy"_s);
    case Insights::Period::Week:
        return tr("Week of %1").arg(QLocale().toString(start, u"d MMM yyyy"_s));
    case Insights::Period::Month:
        return QLocale().toString(start, u"MMMM yyyy"_s);
    }
    return {};
}

QString InsightsDock::seriesLabel(int application) const
{
    const std::optional<Insights::Figures> &figures = m_controller->figures();
    if (application < 0 || !figures)
        return tr("All applications");
    const QString id = figures->applications.at(application).applicationId;
    return m_names ? m_names->displayName(id) : id;
}

QString InsightsDock::pointText(const QString &seriesName, int index) const
{
    const std::optional<Insights::Figures> &figures = m_controller->figures();
    if (!figures || index < 0 || index >= figures->periods.size())
        return {};
    const Insights::PeriodFigures &p = figures->periods.at(index);
    const QLocale locale;
    if (seriesName == tr("Created"))
        return tr("%1: %2 created").arg(periodName(index), locale.toString(p.created));
    if (seriesName == tr("Deactivated"))
        return tr("%1: %2 deactivated").arg(periodName(index), locale.toString(p.deactivated));
    qint64 active = p.activeAtEnd;
    for (qsizetype a = 0; a < figures->applications.size(); ++a) {
        if (seriesLabel(int(a)) == seriesName)
            active = p.activeAtEndBy.value(a);
    }
    return tr("%1 — %2: %3 active at its end")
        .arg(periodName(index), seriesName, locale.toString(active));
}

QColor InsightsDock::lineColor(int application)
{
    // Qt Charts' themes have five colours, so the sixth application's line took the first
    // one's; ten that stay apart in light and dark (Tableau 10), then they repeat.
    static constexpr QRgb kColors[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                       0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    return QColor::fromRgb(kColors[application % int(std::size(kColors))]);
}

void InsightsDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild(); // the chart's theme and the total's pen follow the palette
}

void InsightsDock::rebuild()
{
    // Qt Charts draws on its own background: a light chart in a dark window would glare,
    // and the total's line, in the window's text colour, would vanish on it.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (m_chart->theme() != theme)
        m_chart->setTheme(theme);
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    const std::optional<Insights::Figures> &figures = m_controller->figures();
    m_model->setFigures(figures ? figures->applications : QList<Insights::ApplicationFigures>{});
    if (!figures)
        return;
    const QList<Insights::PeriodFigures> &periods = figures->periods;

    auto *activeX = new QCategoryAxis;
    auto *activeY = new QValueAxis;
    labelPeriods(activeX, periods);
    activeY->setLabelFormat(u"%d"_s);
    activeY->setTitleText(tr("active"));
    m_chart->addAxis(activeX, Qt::AlignBottom);
    m_chart->addAxis(activeY, Qt::AlignLeft);
    // Created and deactivated as bars under the lines, on their own scale at the right.
    auto *created = new QBarSet(tr("Created"));
    auto *deactivated = new QBarSet(tr("Deactivated"));
    QColor green(46, 160, 67);
    QColor amber(219, 138, 0);
    green.setAlpha(150);
    amber.setAlpha(150);
    created->setColor(green);
    created->setBorderColor(Qt::transparent);
    deactivated->setColor(amber);
    deactivated->setBorderColor(Qt::transparent);
    qint64 most = 1;
    for (const Insights::PeriodFigures &p : periods) {
        created->append(double(p.created));
        deactivated->append(double(p.deactivated));
        most = std::max({most, p.created, p.deactivated});
    }
    auto *bars = new QBarSeries;
    bars->setBarWidth(0.9);
    bars->append(created);
    bars->append(deactivated);
    m_chart->addSeries(bars);
    auto *flowY = new QValueAxis;
    flowY->setLabelFormat(u"%d"_s);
    flowY->setRange(0, double(most));
    flowY->applyNiceNumbers();
    flowY->setTitleText(tr("per period"));
    flowY->setGridLineVisible(false);
    m_chart->addAxis(flowY, Qt::AlignRight);
    bars->attachAxis(activeX);
    bars->attachAxis(flowY);
    for (QBarSet *set : {created, deactivated}) {
        connect(set, &QBarSet::hovered, this, [this, set](bool on, int index) {
            if (on)
                QToolTip::showText(QCursor::pos(), pointText(set->label(), index));
        });
    }

    qint64 highest = 1;
    const auto addLine = [&](int application) {
        auto *line = new QLineSeries;
        line->setName(seriesLabel(application));
        const QString key =
            application < 0 ? QString() : figures->applications.at(application).applicationId;
        line->setProperty(kSeriesApplication, key);
        for (qsizetype i = 0; i < periods.size(); ++i) {
            const qint64 value = application < 0 ? periods.at(i).activeAtEnd
                                                 : periods.at(i).activeAtEndBy.value(application);
            highest = std::max(highest, value);
            line->append(double(i), double(value));
        }
        m_chart->addSeries(line);
        line->attachAxis(activeX);
        line->attachAxis(activeY);
        line->setVisible(!m_hiddenSeries.contains(key));
        if (application < 0) { // the total stands out from the applications' lines
            QPen pen(palette().color(QPalette::WindowText));
            pen.setWidthF(2.5);
            line->setPen(pen);
        } else {
            line->setColor(lineColor(application));
        }
        connect(line, &QLineSeries::hovered, this, [this, line](const QPointF &point, bool on) {
            if (on)
                QToolTip::showText(QCursor::pos(), pointText(line->name(), qRound(point.x())));
        });
    };
    addLine(-1);
    for (qsizetype a = 0; a < figures->applications.size(); ++a)
        addLine(int(a));
    activeY->setRange(0, double(highest));
    activeY->applyNiceNumbers();

    // The legend names the bars and the total, whose entry shows and hides its line (a
    // hidden one keeps its entry, dimmed). The applications' lines have theirs in the table,
    // which has room for any number of them.
    QHash<QString, QColor> colors;
    for (QLegendMarker *marker : m_chart->legend()->markers()) {
        QAbstractSeries *series = marker->series();
        if (series->type() != QAbstractSeries::SeriesTypeLine)
            continue; // the bars' entries only name them
        const QString key = series->property(kSeriesApplication).toString();
        if (!key.isEmpty()) {
            colors.insert(key, static_cast<QLineSeries *>(series)->color());
            marker->setVisible(false);
            continue;
        }
        const auto dim = [marker, series] {
            QColor color = marker->labelBrush().color();
            color.setAlphaF(series->isVisible() ? 1.0 : 0.4);
            marker->setLabelBrush(color);
            marker->setVisible(true); // hiding a series hides its entry too
        };
        dim();
        connect(marker, &QLegendMarker::clicked, this, [this, series, dim] {
            series->setVisible(!series->isVisible());
            if (series->isVisible())
                m_hiddenSeries.remove(QString());
            else
                m_hiddenSeries.insert(QString());
            dim();
        });
    }
    m_sorted->setHidden(m_hiddenSeries);
    m_sorted->setLineColors(colors);
}

bool InsightsDock::saveChartPng(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    if (!m_chartView->grab().save(&file, "PNG")) {
        file.cancelWriting();
        if (error)
            *error = file.errorString().isEmpty() ? tr("the image could not be written")
                                                  : file.errorString();
        return false;
    }
    return commit(file, error);
}

bool InsightsDock::saveChartSvg(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(m_chartView->size());
    svg.setViewBox(QRect(QPoint(0, 0), m_chartView->size()));
    svg.setTitle(tr("Increase Connections — Insights"));
    QPainter painter;
    if (!painter.begin(&svg)) {
        file.cancelWriting();
        if (error)
            *error = tr("the SVG could not be started");
        return false;
    }
    m_chartView->render(&painter);
    painter.end();
    return commit(file, error);
}

bool InsightsDock::saveTableCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_model->toCsv()) < 0) {
        if (error)
            *error = file.errorString();
        file.cancelWriting();
        return false;
    }
    return commit(file, error);
}

void InsightsDock::chooseAndSave(const QString &filter, const QString &suffix,
                                 bool (InsightsDock::*save)(const QString &, QString *) const)
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save"), u"insights"_s + suffix, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    QString error;
    if ((this->*save)(path, &error))
        Q_EMIT saved(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    else
        Q_EMIT saved(tr("Not saved: %1. Nothing was changed at %2.")
                         .arg(error, QDir::toNativeSeparators(path)));
}
