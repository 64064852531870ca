// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

// The Insights table as the chart's legend for the applications' lines: sorts the
// figures (ApplicationFiguresModel::SortRole) and gives each application's name the
// colour of its line and a check box that shows or hides it. A legend inside the chart
// runs out of height with a dozen applications; the table scrolls.
class InsightsTableModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit InsightsTableModel(QObject *parent = nullptr);

    // The line colour of each application id; an id without one has no line (no box).
    void setLineColors(const QHash<QString, QColor> &colors);
    // Application ids whose lines are hidden.
    void setHidden(const QSet<QString> &hidden);
    const QSet<QString> &hidden() const { return m_hidden; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // The user ticked or cleared an application's box.
    void lineToggled(const QString &applicationId, bool shown);

private:
    QString applicationId(const QModelIndex &index) const;

    QHash<QString, QColor> m_colors;
    QSet<QString> m_hidden;
};
