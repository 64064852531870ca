// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requerystorm.h"

#include <QAbstractItemModel>

using namespace Qt::StringLiterals;

RandomQueries::RandomQueries(QStringList applications)
    : m_applications(std::move(applications))
{
    m_applications.append(QString()); // every application
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    m_rng.seed(seed);
}

ConnectionQuery RandomQueries::next()
{
    static const QList<QStringList> statusSets = {
        {}, {u"active"_s}, {u"inactive"_s}, {u"active"_s, u"inactive"_s}};
    ConnectionQuery query;
    query.statuses = statusSets.at(m_rng.bounded(int(statusSets.size())));
    query.applicationId = m_applications.at(m_rng.bounded(int(m_applications.size())));
    return query;
}

InsertedSinceReset::InsertedSinceReset(QAbstractItemModel *model)
{
    m_reset = QObject::connect(model, &QAbstractItemModel::modelReset, [this] { m_count = 0; });
    m_inserted = QObject::connect(
        model, &QAbstractItemModel::rowsInserted,
        [this](const QModelIndex &, int first, int last) { m_count += last - first + 1; });
}

InsertedSinceReset::~InsertedSinceReset()
{
    QObject::disconnect(m_reset);
    QObject::disconnect(m_inserted);
}
