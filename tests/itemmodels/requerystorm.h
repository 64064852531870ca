// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiquery.h"

#include <QMetaObject>
#include <QRandomGenerator>
#include <QStringList>

class QAbstractItemModel;

// What the requery storms (tst_requerystorm, tst_tablemodelunderfaults) share: filters
// drawn at random, and a count of the rows inserted since the last reset.

// Any status set with any of `applications` or every application. The seed is fresh each
// run and logged, so a failing run's sequence can be replayed.
class RandomQueries
{
public:
    explicit RandomQueries(QStringList applications);

    ConnectionQuery next();
    // For the test's own random choices, drawn from the same seed.
    QRandomGenerator &rng() { return m_rng; }

private:
    QStringList m_applications;
    QRandomGenerator m_rng;
};

// After a storm every row inserted since the last reset must belong to the final query:
// a late page of a stale query shows here even when its rows look right.
class InsertedSinceReset
{
public:
    explicit InsertedSinceReset(QAbstractItemModel *model);
    ~InsertedSinceReset();
    InsertedSinceReset(const InsertedSinceReset &) = delete;
    InsertedSinceReset &operator=(const InsertedSinceReset &) = delete;

    int count() const { return m_count; }

private:
    int m_count = 0;
    QMetaObject::Connection m_reset;
    QMetaObject::Connection m_inserted;
};
