// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QWidget>

struct ApiError;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

// The running export's line in the window's export strip: a progress bar (busy while the
// total is unknown), "N rows · N pages · N retries", a countdown while a retry waits
// ("Rate limited, retrying in 2 s"), and the Cancel Export button.
class ExportProgress : public QWidget
{
    Q_OBJECT
public:
    explicit ExportProgress(QWidget *parent = nullptr);

    // total < 0: unknown (every page of a listing), shown as a busy bar.
    void begin(qint64 total);
    void end();
    void setProgress(qint64 rows, int pages, int retries);
    void retryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason);

    // The line as shown, e.g. "1,200 rows · 12 pages · 1 retry — Rate limited, retrying in
    // 2 s". `retryLeftMs` < 0: no retry is waiting.
    static QString text(qint64 rows, int pages, int retries, const QString &retryReason,
                        qint64 retryLeftMs);

Q_SIGNALS:
    void cancelRequested();

private:
    void updateText();

    QProgressBar *m_bar = nullptr;
    QLabel *m_label = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer *m_countdown = nullptr;
    qint64 m_rows = 0;
    int m_pages = 0;
    int m_retries = 0;
    QString m_retryReason; // empty: no retry is waiting
    qint64 m_retryDelayMs = 0;
    QElapsedTimer m_retryClock;
};
