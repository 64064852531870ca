// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporter.h"

#include <QObject>
#include <QPointer>

class ConnectionSession;
class ConnectionTableModel;

// What the Export dialog hands over: the file's options (query, columns, format, BOM,
// path) and whether the rows come from the API or from the table already loaded.
struct ExportJob
{
    enum class Scope { AllMatching, LoadedRows };

    Scope scope = Scope::AllMatching;
    ExportOptions options; // outputPath is absolute; rowSource is filled in by the controller
};

// The window's export, run in the background while the user keeps browsing: one at a
// time (a second start() is refused while one runs), on the client of the session it was
// started on, which stays alive until the export ends even if the window switches to
// another connection meanwhile. Reports progress as it goes and, at the end, a sentence
// for people (what was written where, or why nothing was). Destroying the controller
// cancels a running export: a cancelled export leaves the previous file, or none.
class ExportController : public QObject
{
    Q_OBJECT
public:
    explicit ExportController(QObject *parent = nullptr);
    ~ExportController() override;

    // Starts `job` on `session`. False, with the reason in `why`, when an export already
    // runs or there is nothing to export from.
    bool start(ConnectionSession *session, const ExportJob &job, QString *why = nullptr);
    void cancel();

    bool isRunning() const { return !m_exporter.isNull(); }
    // The file of the running export, else of the last one.
    QString path() const { return m_path; }

Q_SIGNALS:
    // `total` is the number of rows when known up front (loaded rows), else -1.
    void started(const QString &path, qint64 total);
    void progress(qint64 rows, int pages, int retries);
    void retryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    // `result.message` says what happened, for people; for a completed export it names the
    // number of connections and the file.
    void finished(const ExportResult &result, const QString &path);
    void runningChanged(bool running);

private:
    void watchLoadedRows(ConnectionTableModel *model);
    void onFinished(ExportResult result);
    QString describe(const ExportResult &result) const;

    QPointer<Exporter> m_exporter;
    QString m_path;
    bool m_fileExisted = false;
    QString m_stopReason; // set when the controller, not the user, stopped the export
    QStringList m_notes;
};
