// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvids.h"

#include <QFile>

using namespace Qt::StringLiterals;

std::optional<QByteArrayList> readCsvIds(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    QByteArrayList ids;
    bool header = true;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (std::exchange(header, false))
            continue;
        ids.append(line.left(line.indexOf(',')));
    }
    return ids;
}

QString compareIds(const QByteArrayList &a, const QByteArrayList &b)
{
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (a.at(i) != b.at(i))
            return u"row %1: %2 vs %3"_s.arg(i + 1).arg(QString::fromLatin1(a.at(i)),
                                                        QString::fromLatin1(b.at(i)));
    }
    if (a.size() != b.size())
        return u"%1 rows vs %2"_s.arg(a.size()).arg(b.size());
    return {};
}
