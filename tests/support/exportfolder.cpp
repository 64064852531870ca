// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportfolder.h"

#include "csvtable.h"

#include <QDir>
#include <QFile>

QStringList ExportFolder::files() const
{
    return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
}

QByteArray ExportFolder::readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

QStringList ExportFolder::idsIn(const QString &path)
{
    QString error;
    const QList<QStringList> records = CsvTable::parse(readAll(path), &error);
    if (!error.isEmpty())
        qWarning("%s is not CSV: %s", qPrintable(path), qPrintable(error));
    QStringList ids;
    for (qsizetype i = 1; i < records.size(); ++i)
        ids.append(records.at(i).value(0));
    return ids;
}

bool ExportFolder::write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
