// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationfiguresmodel.h"

#include "applicationlistmodel.h"
#include "csvwriter.h"

#include <QLocale>

using namespace Qt::StringLiterals;

ApplicationFiguresModel::ApplicationFiguresModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ApplicationFiguresModel::setFigures(const QList<Insights::ApplicationFigures> &applications)
{
    // The figures are recomputed as rows arrive: the same applications in the same order
    // only change their numbers, so the view keeps its selection and scroll position.
    bool sameRows = applications.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < applications.size(); ++i)
        sameRows = applications.at(i).applicationId == m_rows.at(i).applicationId;
    if (sameRows) {
        m_rows = applications;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, ActiveColumn), index(rowCount() - 1, ShareColumn));
        return;
    }
    beginResetModel();
    m_rows = applications;
    endResetModel();
}

void ApplicationFiguresModel::setApplicationNames(const ApplicationListModel *names)
{
    disconnect(m_namesConnection);
    m_names = names;
    if (names) {
        m_namesConnection = connect(names, &ApplicationListModel::loaded, this, [this] {
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(index(0, ApplicationColumn),
                                   index(rowCount() - 1, ApplicationColumn));
        });
    }
}

int ApplicationFiguresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApplicationFiguresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ApplicationFiguresModel::nameOf(const QString &applicationId) const
{
    return m_names ? m_names->displayName(applicationId) : applicationId;
}

QVariant ApplicationFiguresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Insights::ApplicationFigures &row = m_rows.at(index.row());
    const auto number = [&](int column) -> qint64 {
        switch (column) {
        case ActiveColumn:
            return row.active;
        case InactiveColumn:
            return row.inactive;
        case CreatedColumn:
            return row.createdLast30Days;
        case DeactivatedColumn:
            return row.deactivatedLast30Days;
        }
        return 0;
    };
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == ApplicationColumn)
            return nameOf(row.applicationId);
        if (index.column() == ShareColumn)
            return QString(QLocale().toString(row.shareOfActive * 100, 'f', 1) + u" %"_s);
        return QLocale().toString(number(index.column()));
    case SortRole:
        if (index.column() == ApplicationColumn)
            return nameOf(row.applicationId).toCaseFolded();
        if (index.column() == ShareColumn)
            return row.shareOfActive;
        return number(index.column());
    case ApplicationIdRole:
        return row.applicationId;
    case Qt::ToolTipRole:
        if (index.column() == ApplicationColumn)
            return row.applicationId;
        if (index.column() == InactiveColumn && row.other > 0)
            return tr("%Ln more with a status this version does not know", nullptr, int(row.other));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != ApplicationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ApplicationFiguresModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ApplicationColumn:
            return tr("Application");
        case ActiveColumn:
            return tr("Active");
        case InactiveColumn:
            return tr("Inactive");
        case CreatedColumn:
            return tr("Created\n(30 d)");
        case DeactivatedColumn:
            return tr("Deactivated\n(30 d)");
        case ShareColumn:
            return tr("Share of\nactive");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case CreatedColumn:
            return tr("Connections created in the last 30 days");
        case DeactivatedColumn:
            return tr("Connections deactivated in the last 30 days");
        case ShareColumn:
            return tr("This application's share of all active connections shown");
        }
    }
    return {};
}

QStringList ApplicationFiguresModel::headerFields()
{
    return {u"oauth_application_id"_s,
            u"application_name"_s,
            u"active"_s,
            u"inactive"_s,
            u"created_last_30_days"_s,
            u"deactivated_last_30_days"_s,
            u"share_of_active"_s};
}

QStringList ApplicationFiguresModel::fields(int row) const
{
    const Insights::ApplicationFigures &f = m_rows.at(row);
    const std::optional<QString> name = m_names ? m_names->nameOf(f.applicationId) : std::nullopt;
    return {f.applicationId,
            name.value_or(QString()),
            QString::number(f.active),
            QString::number(f.inactive),
            QString::number(f.createdLast30Days),
            QString::number(f.deactivatedLast30Days),
            QString::number(f.shareOfActive, 'f', 4)};
}

QString ApplicationFiguresModel::toTsv(const QList<int> &rows) const
{
    QString text = headerFields().join(u'\t') + u'\n';
    const auto add = [&](int row) {
        QStringList cells = fields(row);
        for (QString &cell : cells)
            cell.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
        text += cells.join(u'\t') + u'\n';
    };
    if (rows.isEmpty()) {
        for (int row = 0; row < rowCount(); ++row)
            add(row);
    } else {
        for (const int row : rows)
            add(row);
    }
    return text;
}

QByteArray ApplicationFiguresModel::toCsv(const QList<int> &rows) const
{
    QByteArray out;
    const auto line = [&out](const QStringList &cells) {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                out += ',';
            CsvWriter::appendField(out, cells.at(i));
        }
        out += "\r\n";
    };
    line(headerFields());
    if (rows.isEmpty()) {
        for (int row = 0; row < rowCount(); ++row)
            line(fields(row));
    } else {
        for (const int row : rows)
            line(fields(row));
    }
    return out;
}
