// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QString>
#include <optional>

// The first field of every row of an export's CSV, header skipped: the ids, in file order.
// (Connection ids never need quoting, so no CSV parser is needed to compare two exports.)
std::optional<QByteArrayList> readCsvIds(const QString &path, QString *error);

// Empty when `a` and `b` hold the same ids in the same order; else where they part.
QString compareIds(const QByteArrayList &a, const QByteArrayList &b);
