// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionfigures.h"

#include <QDockWidget>
#include <QPointer>
#include <QSet>

class ApplicationFiguresModel;
class ApplicationListModel;
class InsightsController;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class InsightsTableModel;
class QToolButton;

// Insights, under the table: active connections at the end of each period (one line for
// all, one per application, shown or hidden from the legend or the table's boxes) over bars of the
// created and deactivated in each period (their own scale, at the right), and a table by
// application. Drawn with Qt Charts from what the
// InsightsController computes; hovering a point or a bar shows its exact value. Says when
// it is based on part of the listing, with Load All. The chart saves as PNG or SVG, the
// table as CSV; Ctrl+C copies the selected rows.
class InsightsDock : public QDockWidget
{
    Q_OBJECT
public:
    InsightsDock(InsightsController *controller, QWidget *parent = nullptr);

    void setApplicationNames(const ApplicationListModel *names);

    // Write what is shown, replacing the file only once complete (QSaveFile). False with
    // `error` saying why (a full disk, a folder that cannot be written).
    bool saveChartPng(const QString &path, QString *error = nullptr) const;
    bool saveChartSvg(const QString &path, QString *error = nullptr) const;
    bool saveTableCsv(const QString &path, QString *error = nullptr) const;

    QChart *chart() const { return m_chart; }
    QTableView *tableView() const { return m_table; }
    ApplicationFiguresModel *tableModel() const { return m_model; }
    QLabel *basisLabel() const { return m_basis; }
    QPushButton *loadAllButton() const { return m_loadAll; }
    QComboBox *periodCombo() const { return m_period; }
    // The tooltip text a hover at period `index` of series `name` shows (tests).
    QString pointText(const QString &seriesName, int index) const;

Q_SIGNALS:
    void loadAllRequested();
    // A save ended: what the status line says ("Chart saved to …", or why not).
    void saved(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updateBasis();
    QString periodName(int index) const;
    QString seriesLabel(int application) const;
    static QColor lineColor(int application);
    void chooseAndSave(const QString &filter, const QString &suffix,
                       bool (InsightsDock::*save)(const QString &, QString *) const);

    InsightsController *m_controller;
    QPointer<const ApplicationListModel> m_names;
    QLabel *m_basis;
    QPushButton *m_loadAll;
    QComboBox *m_period;
    QToolButton *m_saveChart;
    QPushButton *m_saveTable;
    QChart *m_chart;
    QChartView *m_chartView;
    QTableView *m_table;
    ApplicationFiguresModel *m_model;
    InsightsTableModel *m_sorted;
    QSet<QString> m_hiddenSeries; // by application id ("" for all): kept across rebuilds
};
