#include "exportprogress.h"

#include "apierror.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStringBuilder>
#include <QTimer>
#include <QVBoxLayout>

#include <climits>

using namespace Qt::StringLiterals;

namespace {

QString count(qint64 n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(QLocale().toString(n));
}

} // namespace

ExportProgress::ExportProgress(QWidget *parent)
    : QWidget(parent)
{
    m_bar = new QProgressBar(this);
    m_bar->setAccessibleName(tr("Export progress"));
    m_bar->setTextVisible(false);
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

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_bar, 1);
    bar->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addLayout(bar);
    layout->addWidget(m_label);
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
    QString line = count(rows, tr("1 row"), tr("%1 rows")) % u" · "_s %
                   count(pages, tr("1 page"), tr("%1 pages")) % u" · "_s %
                   count(retries, tr("1 retry"), tr("%1 retries"));
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
