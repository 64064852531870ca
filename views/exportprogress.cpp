// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportprogress.h"

#include "apierror.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStringBuilder>
#include <QTimer>

#include <climits>

using namespace Qt::StringLiterals;

ExportProgress::ExportProgress(QWidget *parent)
    : QWidget(parent)
{
    m_bar = new QProgressBar(this);
    m_bar->setAccessibleName(tr("Export progress"));
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(160);
    m_label = new QLabel(this);
    m_label->setObjectName(u"progress"_s);
    m_label->setTextFormat(Qt::PlainText);
    m_cancel = new QPushButton(tr("Cancel Export"), this);
    m_cancel->setObjectName(u"cancelExport"_s);
    m_cancel->setAutoDefault(false);
    connect(m_cancel, &QPushButton::clicked, this, &ExportProgress::cancelRequested);

    // Ticks only while a retry waits, to count it down.
    m_countdown = new QTimer(this);
    m_countdown->setInterval(200);
    connect(m_countdown, &QTimer::timeout, this, &ExportProgress::updateText);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(m_bar);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_cancel);
}

void ExportProgress::begin(qint64 total)
{
    m_rows = 0;
    m_pages = 0;
    m_retries = 0;
    m_retryReason.clear();
    m_bar->setRange(0, total < 0 ? 0 : int(qBound(qint64(1), total, qint64(INT_MAX))));
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    updateText();
}

void ExportProgress::end()
{
    m_countdown->stop();
    m_cancel->setEnabled(false);
}

void ExportProgress::setProgress(qint64 rows, int pages, int retries)
{
    m_rows = rows;
    m_pages = pages;
    m_retries = retries;
    // A page arrived, so no retry is waiting any more.
    m_retryReason.clear();
    m_countdown->stop();
    if (m_bar->maximum() > 0)
        m_bar->setValue(int(qMin<qint64>(rows, m_bar->maximum())));
    updateText();
}

void ExportProgress::retryScheduled(int nextAttempt, qint64 delayMs, const ApiError &reason)
{
    ++m_retries;
    if (reason.kind == ApiError::Kind::RateLimited) {
        m_retryReason = tr("Rate limited");
    } else {
        const QString what = reason.title.isEmpty() ? reason.type : reason.title;
        m_retryReason = tr("%1 (attempt %2 next)").arg(what).arg(nextAttempt);
    }
    m_retryDelayMs = delayMs;
    m_retryClock.start();
    m_countdown->start();
    updateText();
}

QString ExportProgress::text(qint64 rows, int pages, int retries, const QString &retryReason,
                             qint64 retryLeftMs)
{
    QString line = tr("%Ln row(s)", nullptr, int(rows)) % u" · "_s %
                   tr("%Ln page(s)", nullptr, pages) % u" · "_s %
                   tr("%Ln retry(ies)", nullptr, retries);
    if (retryLeftMs > 0)
        line +=
            u" — "_s % tr("%1, retrying in %2 s").arg(retryReason).arg((retryLeftMs + 999) / 1000);
    else if (retryLeftMs == 0)
        line += u" — "_s % tr("%1, retrying now…").arg(retryReason);
    return line;
}

void ExportProgress::updateText()
{
    qint64 left = -1;
    if (!m_retryReason.isEmpty()) {
        left = qMax<qint64>(0, m_retryDelayMs - m_retryClock.elapsed());
        if (left == 0)
            m_countdown->stop();
    }
    m_label->setText(text(m_rows, m_pages, m_retries, m_retryReason, left));
}
