// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "exporter.h"

#include <QElapsedTimer>
#include <optional>

class QCommandLineParser;

// `export`: every connection matching the filters, streamed by the Exporter to a file or
// standard output, with a progress line on a terminal and a warning for dropped
// duplicates.
class ExportCommand : public Command
{
    Q_OBJECT
public:
    static void addOptions(QCommandLineParser &parser);
    // ExportOptions::maxRetries is left at its default; the caller applies --max-retries.
    static std::optional<ExportOptions> readOptions(const QCommandLineParser &parser,
                                                    const QStringList &positional, QString *error);

    // --with-application-name: the name goes right after oauth_application_id, or last
    // when that column was not chosen; a list that already has it is kept as it is.
    static QList<ExportColumn> withApplicationName(QList<ExportColumn> columns);

    ExportCommand(IncreaseClient *client, Console *console, ExportOptions options,
                  QObject *parent = nullptr);

    void start() override;
    void cancel() override;

private:
    void onProgress(qint64 rows, int pages, int retries);
    void onRetryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);
    void onFinished(const ExportResult &result);
    QString progressText(qint64 rows, int pages, int retries) const;

    ExportOptions m_options;
    Exporter *m_exporter = nullptr;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_sinceDrawn;
    qint64 m_rows = 0;
    int m_pages = 0;
    int m_retries = 0;
    bool m_showProgress = false;
};
