// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

// A temporary folder for one test's export files, and reading back what an export wrote:
// the export suites' common ground, whether the export ran from a controller, the dialog
// or the window.
class ExportFolder
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // Every file in it, hidden ones too: a temporary file that QSaveFile left behind shows.
    QStringList files() const;

    // The file's bytes, or "<missing>" when it cannot be read.
    static QByteArray readAll(const QString &path);
    // The first field of every record after the header, read as strict CSV (CsvTable):
    // the ids, in the file's order. Empty, with a warning, when the file is not CSV.
    static QStringList idsIn(const QString &path);
    // A file there before the export: what a cancelled export must leave as it was.
    static bool write(const QString &path, const QByteArray &bytes);

private:
    QTemporaryDir m_dir;
};
