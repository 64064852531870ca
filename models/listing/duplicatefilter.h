// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauthconnection.h"

#include <QQueue>
#include <QSet>
#include <QString>

// Decides whether a row was already written. For a listing in the API's order (newest
// first, ties by id descending) memory stays flat: a row that sorts strictly after the
// last one written cannot have been written before, so only the ids of the last pages
// are remembered, to catch the rows that shift across a page boundary. A row that breaks
// the order and is not among those ids is kept and reported as out of order. For rows in
// any other order (the table's loaded rows) every id is remembered.
class DuplicateFilter
{
public:
    enum class Verdict { New, Duplicate, OutOfOrder };

    explicit DuplicateFilter(bool apiOrdered, int window = 1000);

    // Records the row unless it is a duplicate.
    Verdict check(const OAuthConnection &row);

private:
    void remember(const QString &id); // an id just added to m_ids

    bool m_apiOrdered;
    int m_window;
    QSet<QString> m_ids;
    QQueue<QString> m_recent;
    QString m_lastCreatedAt;
    QString m_lastId;
};
