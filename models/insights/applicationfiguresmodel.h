// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionfigures.h"

#include <QAbstractTableModel>
#include <QPointer>

class ApplicationListModel;

// The Insights table: one row per application with its active, inactive, created and
// deactivated (last 30 days) connections and its share of all active ones. Numbers sort
// as numbers (SortRole); the application column shows the name, its tooltip the id.
class ApplicationFiguresModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ApplicationColumn,
        ActiveColumn,
        InactiveColumn,
        CreatedColumn,
        DeactivatedColumn,
        ShareColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int ApplicationIdRole = Qt::UserRole + 2; // any column

    explicit ApplicationFiguresModel(QObject *parent = nullptr);

    void setFigures(const QList<Insights::ApplicationFigures> &applications);
    void setApplicationNames(const ApplicationListModel *names);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The rows (in `rows` order, all when empty) with a header line: tab-separated for the
    // clipboard, or RFC 4180 CSV (guarded against formulas) for a file. Numbers plain, the
    // share as a fraction, the application by id and name.
    QString toTsv(const QList<int> &rows = {}) const;
    QByteArray toCsv(const QList<int> &rows = {}) const;

private:
    QString nameOf(const QString &applicationId) const;
    QStringList fields(int row) const;
    static QStringList headerFields();

    QList<Insights::ApplicationFigures> m_rows;
    QPointer<const ApplicationListModel> m_names;
    QMetaObject::Connection m_namesConnection;
};
