// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestlogentry.h"

#include <QList>
#include <QObject>
#include <QString>

class QThread;

// Saves the request log as HAR (HarWriter::saveHar, through QSaveFile) on a thread of its
// own: a full log holds up to 32 MiB of bodies, which takes the JSON writer long enough
// to freeze the window. One save at a time; the outcome is reported on the thread that
// asked.
class HarSaver : public QObject
{
    Q_OBJECT
public:
    explicit HarSaver(QObject *parent = nullptr);
    // Waits for a save still running, so the file is either complete or untouched.
    ~HarSaver() override;

    bool isSaving() const { return m_thread != nullptr; }
    // Starts writing `entries` to `path` and returns at once; false (and nothing started)
    // while another save runs. The list is a copy: the log may change meanwhile.
    bool save(const QString &path, const QList<RequestLogEntry> &entries,
              const QString &creatorVersion);

Q_SIGNALS:
    // `error` says why when !saved, naming the file.
    void finished(const QString &path, qsizetype entries, bool saved, const QString &error);

private:
    QThread *m_thread = nullptr;
};
