// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnfitter.h"

#include <QEvent>
#include <QHeaderView>

#include <algorithm>

namespace {

// Shares `extra` pixels out to the columns that may grow, by their share; the rounding
// goes to the last of them.
void share(const QList<ColumnFitter::Column> &columns, const QList<bool> &mayGrow, int extra,
           QList<int> *widths)
{
    int shares = 0;
    for (int i = 0; i < columns.size(); ++i)
        shares += mayGrow.at(i) ? columns.at(i).grow : 0;
    if (shares == 0 || extra <= 0)
        return;
    int given = 0;
    int last = -1;
    for (int i = 0; i < columns.size(); ++i) {
        if (!mayGrow.at(i) || columns.at(i).grow == 0)
            continue;
        const int more = int(qint64(extra) * columns.at(i).grow / shares);
        (*widths)[i] += more;
        given += more;
        last = i;
    }
    (*widths)[last] += extra - given;
}

} // namespace

QList<int> ColumnFitter::fit(const QList<Column> &columns, int available)
{
    QList<int> widths;
    widths.reserve(columns.size());
    int total = 0;
    for (const Column &column : columns) {
        widths.append(column.natural);
        total += column.natural;
    }
    QList<bool> mayGrow(columns.size(), true);
    for (int i = int(columns.size()) - 1; i >= 0 && total > available; --i) {
        const int compact = columns.at(i).compact;
        if (compact > 0 && compact < widths.at(i)) {
            total -= widths.at(i) - compact;
            widths[i] = compact;
            mayGrow[i] = false; // it would show its prefix again
        }
    }
    if (total <= available) {
        share(columns, mayGrow, available - total, &widths);
        return widths;
    }
    // Too little room even so: each column gives in proportion to its slack.
    int slack = 0;
    for (int i = 0; i < columns.size(); ++i)
        slack += std::max(0, widths.at(i) - columns.at(i).least);
    const int shortfall = std::min(total - available, slack);
    if (slack == 0)
        return widths;
    int taken = 0;
    int last = -1;
    for (int i = 0; i < columns.size(); ++i) {
        const int own = std::max(0, widths.at(i) - columns.at(i).least);
        if (own == 0)
            continue;
        const int less = int(qint64(shortfall) * own / slack);
        widths[i] -= less;
        taken += less;
        last = i;
    }
    // What rounding left: from the last column with slack still to give.
    for (int i = last; i >= 0 && taken < shortfall; --i) {
        const int give = std::min(shortfall - taken, widths.at(i) - columns.at(i).least);
        if (give > 0) {
            widths[i] -= give;
            taken += give;
        }
    }
    return widths;
}

ColumnFitter::ColumnFitter(QHeaderView *header)
    : QObject(header)
    , m_header(header)
{
    // The edge of a section dragged (or double-clicked) by the user, and only that: the
    // header also resizes sections itself (a model reset, a restored state, this class).
    header->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_applying && m_pressed)
            setSizedByUser(true);
    });
    connect(header, &QHeaderView::sectionHandleDoubleClicked, this,
            [this] { setSizedByUser(true); });
}

void ColumnFitter::setColumns(const QList<Column> &columns)
{
    m_columns = columns;
    apply();
}

void ColumnFitter::refit()
{
    apply();
}

void ColumnFitter::fitToWidth()
{
    setSizedByUser(false);
    apply();
}

void ColumnFitter::setAvailableWidth(int width)
{
    if (width == m_available)
        return;
    m_available = width;
    apply();
}

void ColumnFitter::setSizedByUser(bool byUser)
{
    if (byUser == m_sizedByUser)
        return;
    m_sizedByUser = byUser;
    Q_EMIT sizedByUserChanged(byUser);
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress)
        m_pressed = true;
    else if (event->type() == QEvent::MouseButtonRelease)
        m_pressed = false;
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::apply()
{
    if (m_sizedByUser || m_available <= 0 || m_columns.size() != m_header->count())
        return;
    QList<int> shown;
    QList<Column> columns;
    for (int logical = 0; logical < m_columns.size(); ++logical) {
        if (m_header->isSectionHidden(logical))
            continue;
        shown.append(logical);
        columns.append(m_columns.at(logical));
    }
    const QList<int> widths = fit(columns, m_available);
    m_applying = true;
    for (int i = 0; i < shown.size(); ++i)
        m_header->resizeSection(shown.at(i), widths.at(i));
    m_applying = false;
}
