// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "notice.h"

#include <QDeadlineTimer>
#include <QFrame>
#include <QTimer>
#include <optional>

class NoticeBoard;
class QLabel;
class QPushButton;

// A non-modal inline banner placed near what failed (under the table, in the detail
// pane). Shows the Increase error's title, detail and type as plain text — server text is
// untrusted and never rendered as markup — with the actions that can fix it. A rate limit
// shows a countdown while the client's automatic retry waits.
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    using Actions = Notice::Actions;

    explicit ErrorBanner(QWidget *parent = nullptr);

    // Draws a controller's notice (NoticeBoard::current()).
    void showNotice(const Notice &notice);
    // Draws `board`'s notice from now on and hands Retry, Cancel and Dismiss to it.
    void follow(NoticeBoard *board);
    // Retry and Dismiss by default; Set API key… is added for invalid_api_key_error.
    void showError(const ApiError &error, Actions actions = Notice::Retry | Notice::Dismiss);
    void showMessage(const QString &title, const QString &detail, Actions actions);
    // "Rate limited — retrying in N s", counting down each second until the retry starts.
    void showRateLimit(qint64 delayMs, Actions actions = Notice::Dismiss);
    void clear();

    bool isShowingRateLimit() const { return m_rateLimit && !isHidden(); }
    // What is shown, for tests and the accessible description.
    QString title() const;
    QString detail() const;
    std::optional<ApiError> error() const { return m_error; }

Q_SIGNALS:
    void retryRequested();
    void setApiKeyRequested();
    void showInRequestLogRequested();
    void cancelRequested();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setActions(Actions actions);
    void updateCountdown();
    void applyPalette();

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_retry;
    QPushButton *m_setApiKey;
    QPushButton *m_showInLog;
    QPushButton *m_cancel;
    QPushButton *m_dismiss;
    std::optional<ApiError> m_error;
    QTimer m_countdown;
    QDeadlineTimer m_retryAt;
    bool m_applyingPalette = false;
    bool m_rateLimit = false;
};
