// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestlogtable.h"

#include "middleelidedelegate.h"
#include "requestlogmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QTime>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Rounding in the font's advances and the style's borders.
constexpr int kSlack = 2;

// A usual value of a short column, as wide as most that column shows: longer ones (a rare
// error type, a body of megabytes) are cut with "…" and the detail shows them whole.
QString sampleValue(int column)
{
    const QLocale locale;
    switch (column) {
    case RequestLogModel::TimeColumn:
        return locale.toString(QTime(23, 59, 59, 999), u"HH:mm:ss.zzz");
    case RequestLogModel::MethodColumn:
        return u"GET"_s;
    case RequestLogModel::StatusColumn:
        return u"504"_s;
    case RequestLogModel::ErrorTypeColumn:
        return u"rate_limited_error"_s;
    case RequestLogModel::AttemptColumn:
        return locale.toString(10);
    case RequestLogModel::LatencyColumn:
        return locale.toString(30000);
    case RequestLogModel::SizeColumn:
        return locale.formattedDataSize(999, 1);
    default:
        return {};
    }
}

} // namespace

RequestLogTable::RequestLogTable(QWidget *parent)
    : QTableView(parent)
{
    setWordWrap(false);
    setItemDelegateForColumn(RequestLogModel::TargetColumn, new MiddleElideDelegate(this));
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // Every column meets a row selection: bold headers would say nothing.
    horizontalHeader()->setHighlightSections(false);
    fitRows();
}

void RequestLogTable::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    fitColumns();
}

int RequestLogTable::lineHeight() const
{
    // The margins QStyledItemDelegate puts around a line of text, and the grid line.
    const int margin = style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, this) + 1;
    return fontMetrics().height() + 2 * margin + (showGrid() ? 1 : 0);
}

int RequestLogTable::fittedWidth(int column) const
{
    const QHeaderView *header = horizontalHeader();
    const QString title =
        model() ? model()->headerData(column, Qt::Horizontal).toString() : QString();
    const int headerMargin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const int titleWidth =
        header->fontMetrics().horizontalAdvance(title) + 2 * headerMargin + kSlack;
    const int cellMargin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1;
    const int valueWidth = fontMetrics().horizontalAdvance(sampleValue(column)) + 2 * cellMargin +
                           (showGrid() ? 1 : 0) + kSlack;
    return std::max(titleWidth, valueWidth);
}

QByteArray RequestLogTable::headerState() const
{
    return horizontalHeader()->saveState();
}

void RequestLogTable::restoreHeaderState(const QByteArray &state)
{
    if (state.isEmpty() || !horizontalHeader()->restoreState(state))
        return;
    // The state holds each section's mode as well: the path stretches whatever it says.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setSectionResizeMode(RequestLogModel::TargetColumn, QHeaderView::Stretch);
}

void RequestLogTable::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        fitRows();
        // Widths the operator set stay until the font really changes.
        if (font() != m_fittedFont)
            fitColumns();
    }
}

void RequestLogTable::fitRows()
{
    const int height = lineHeight();
    // The header's own minimum (its font and margins) may be taller than a row needs.
    verticalHeader()->setMinimumSectionSize(height);
    verticalHeader()->setDefaultSectionSize(height);
}

void RequestLogTable::fitColumns()
{
    QHeaderView *header = horizontalHeader();
    if (!model() || header->count() != RequestLogModel::ColumnCount)
        return;
    m_fittedFont = font();
    for (int column = 0; column < RequestLogModel::ColumnCount; ++column) {
        if (column != RequestLogModel::TargetColumn)
            header->resizeSection(column, fittedWidth(column));
    }
    header->setSectionResizeMode(RequestLogModel::TargetColumn, QHeaderView::Stretch);
}
