// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorbanner.h"

#include "noticeboard.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_setApiKey(new QPushButton(tr("Set API key…"), this))
    , m_showInLog(new QPushButton(tr("Show in request log"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Error"));
    applyPalette();

    // Server-provided text (titles, details, application names) must never become markup.
    for (QLabel *label : {m_title, m_detail}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_icon->setAlignment(Qt::AlignTop);
    m_icon->setTextFormat(Qt::PlainText);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_detail);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon);
    layout->addLayout(text, 1);
    m_showInLog->setToolTip(tr("Open the request log on the failed requests"));
    // Read with the banner's message (its description): what failed, then what to do.
    m_retry->setAccessibleDescription(tr("Try the failed request again"));
    m_cancel->setAccessibleDescription(tr("Stop trying the failed request again"));
    m_dismiss->setAccessibleDescription(tr("Close this message"));
    for (QPushButton *button : {m_retry, m_setApiKey, m_showInLog, m_cancel, m_dismiss})
        layout->addWidget(button, 0, Qt::AlignTop);

    connect(m_retry, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    connect(m_setApiKey, &QPushButton::clicked, this, &ErrorBanner::setApiKeyRequested);
    connect(m_showInLog, &QPushButton::clicked, this, &ErrorBanner::showInRequestLogRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ErrorBanner::cancelRequested);
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        clear();
        Q_EMIT dismissed();
    });

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ErrorBanner::updateCountdown);
    hide();
}

void ErrorBanner::showNotice(const Notice &notice)
{
    if (notice.isRateLimit())
        showRateLimit(notice.rateLimitDelayMs, notice.actions);
    else if (notice.error)
        showError(*notice.error, notice.actions);
    else
        showMessage(notice.title, notice.detail, notice.actions);
}

void ErrorBanner::follow(NoticeBoard *board)
{
    connect(board, &NoticeBoard::changed, this, [this, board] {
        if (const std::optional<Notice> &notice = board->current())
            showNotice(*notice);
        else
            clear();
    });
    connect(this, &ErrorBanner::retryRequested, board, &NoticeBoard::retry);
    connect(this, &ErrorBanner::cancelRequested, board, &NoticeBoard::cancel);
    connect(this, &ErrorBanner::dismissed, board, &NoticeBoard::clear);
}

void ErrorBanner::showError(const ApiError &error, Actions actions)
{
    if (error.kind == ApiError::Kind::InvalidApiKey)
        actions |= Notice::SetApiKey;
    QStringList facts;
    facts << tr("Type: %1").arg(error.type);
    if (error.httpStatus > 0)
        facts << tr("HTTP %1").arg(error.httpStatus);
    const QString factsLine = facts.join(u" · "_s);
    showMessage(error.title.isEmpty() ? error.type : error.title,
                error.detail.isEmpty() ? factsLine : error.detail + u'\n' + factsLine, actions);
    m_error = error;
}

void ErrorBanner::showMessage(const QString &title, const QString &detail, Actions actions)
{
    m_countdown.stop();
    m_error.reset();
    m_rateLimit = false;
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setAccessibleDescription(detail.isEmpty() ? title : title + u'\n' + detail);
    setActions(actions);
    show();
}

void ErrorBanner::showRateLimit(qint64 delayMs, Actions actions)
{
    showMessage(QString(), QString(), actions);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(24, 24));
    m_rateLimit = true;
    m_retryAt = QDeadlineTimer(delayMs);
    updateCountdown();
    m_countdown.start();
}

void ErrorBanner::clear()
{
    m_countdown.stop();
    m_error.reset();
    m_rateLimit = false;
    hide();
}

QString ErrorBanner::title() const
{
    return m_title->text();
}

QString ErrorBanner::detail() const
{
    return m_detail->text();
}

void ErrorBanner::setActions(Actions actions)
{
    m_retry->setVisible(actions.testFlag(Notice::Retry));
    m_setApiKey->setVisible(actions.testFlag(Notice::SetApiKey));
    m_showInLog->setVisible(actions.testFlag(Notice::ShowInRequestLog));
    m_cancel->setVisible(actions.testFlag(Notice::Cancel));
    m_dismiss->setVisible(actions.testFlag(Notice::Dismiss));
}

void ErrorBanner::updateCountdown()
{
    const qint64 remainingMs = m_retryAt.remainingTime();
    if (remainingMs <= 0) {
        m_countdown.stop();
        m_title->setText(tr("Rate limited — retrying now…"));
    } else {
        const qint64 seconds = (remainingMs + 999) / 1000;
        m_title->setText(tr("Rate limited — retrying in %1 s").arg(seconds));
    }
    m_detail->setText(tr("The server asked to slow down (rate_limited_error); the request "
                         "is retried automatically."));
    m_detail->show();
    setAccessibleDescription(m_title->text());
}

void ErrorBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette)
        applyPalette();
}

void ErrorBanner::applyPalette()
{
    // Tooltip colours come from the platform theme in both light and dark palettes, so the
    // banner stands out without a hard-coded colour.
    m_applyingPalette = true;
    QPalette p = palette();
    p.setColor(QPalette::Window, p.color(QPalette::ToolTipBase));
    p.setColor(QPalette::WindowText, p.color(QPalette::ToolTipText));
    setPalette(p);
    m_applyingPalette = false;
}
