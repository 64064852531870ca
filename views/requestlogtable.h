// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QTableView>

// The request log's table. Every row is one line of text high at any font: a fixed height
// from the font, so an append never measures rows (STYLE.md trap 9). The path and query
// are cut in the middle, keeping the endpoint and the end of the query; the other columns
// are as wide as their header and their usual values, and the path takes the rest.
class RequestLogTable : public QTableView
{
    Q_OBJECT
public:
    explicit RequestLogTable(QWidget *parent = nullptr);

    // A RequestLogModel or a proxy of it. Sizes the columns to its headers.
    void setModel(QAbstractItemModel *model) override;

    // The widths the operator gave the columns, kept across runs. An empty or unreadable
    // state keeps the fitted widths; the path column always takes what is left.
    QByteArray headerState() const;
    void restoreHeaderState(const QByteArray &state);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The height of every row: a line of the table's font and the cell's margins.
    int lineHeight() const;
    // A width that shows `column`'s header and its usual values whole.
    int fittedWidth(int column) const;
    void fitRows();
    void fitColumns();

    QFont m_fittedFont; // the font the column widths were measured with
};
