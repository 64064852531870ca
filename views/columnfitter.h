// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class QHeaderView;

// Fits a table's columns to its width until the user sizes one: each column has the width
// its values need (from the font and the shape of the values, never from the rows) and
// the least it can be read at. A wider table gives the room to the columns that want it
// (names, ids); a narrower one takes it back from them first, down to their least, so
// that every column stays on screen before a horizontal scrollbar is needed. Once the
// user drags a column's edge (or double-clicks it), the widths are theirs until fit() is
// asked for again.
class ColumnFitter : public QObject
{
    Q_OBJECT
public:
    struct Column
    {
        int natural = 0; // what its values need
        int least = 0;   // the least it is read at (ids and names elide)
        int grow = 0;    // its share of room beyond the natural widths
        int compact = 0; // a shorter form that still shows every value (ids without their
                         // prefix); 0: none
    };

    // Widths for `columns` in `available` pixels: the natural widths plus the extra room
    // by share when there is more. When there is less, columns with a compact form take
    // it, the last first, until they fit (the room left goes to the others by share);
    // then the columns with slack give in proportion to it, never below their least. The
    // sum is `available` unless even the least widths do not fit (then a scrollbar) or
    // no column may grow.
    static QList<int> fit(const QList<Column> &columns, int available);

    explicit ColumnFitter(QHeaderView *header);

    // By logical index; hidden sections are left out of the sums.
    void setColumns(const QList<Column> &columns);
    // Fits now, unless the user sized the columns.
    void refit();
    // The widths follow the header's width again (the user's are dropped): fits at once.
    void fitToWidth();
    // The width the columns share changed (the viewport's).
    void setAvailableWidth(int width);

    bool isSizedByUser() const { return m_sizedByUser; }
    void setSizedByUser(bool byUser);

Q_SIGNALS:
    void sizedByUserChanged(bool byUser);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();

    QHeaderView *m_header;
    QList<Column> m_columns;
    int m_available = 0;
    bool m_sizedByUser = false;
    bool m_applying = false;
    bool m_pressed = false; // a mouse button is down on the header
};
