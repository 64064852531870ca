// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findbar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_result(new QLabel(this))
{
    m_text->setPlaceholderText(tr("Find in loaded rows"));
    m_text->setAccessibleName(tr("Find in loaded rows"));
    m_text->setClearButtonEnabled(true);
    m_result->setTextFormat(Qt::PlainText);

    auto *previous = new QToolButton(this);
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *next = new QToolButton(this);
    next->setText(tr("Next"));
    next->setToolTip(tr("Next match (Enter)"));
    auto *close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAccessibleName(tr("Close find bar"));
    close->setToolTip(tr("Close (Esc)"));
    close->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    auto *label = new QLabel(tr("Fi&nd:"), this);
    label->setBuddy(m_text);
    layout->addWidget(label);
    layout->addWidget(m_text, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_result, 1);
    layout->addWidget(close);

    m_text->installEventFilter(this);
    connect(next, &QToolButton::clicked, this, [this] { Q_EMIT findNext(text()); });
    connect(previous, &QToolButton::clicked, this, [this] { Q_EMIT findPrevious(text()); });
    connect(close, &QToolButton::clicked, this, &FindBar::deactivate);
    hide();
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    // Escape here closes the bar: claimed before the window's Esc shortcut (Cancel
    // Loading) sees it, which would stop Load All instead.
    if (watched == m_text && event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape &&
        static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier) {
        event->accept();
        return true;
    }
    // Enter finds the next match, Shift+Enter the previous one.
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            deactivate();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers().testFlag(Qt::ShiftModifier))
                Q_EMIT findPrevious(text());
            else
                Q_EMIT findNext(text());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::activate()
{
    show();
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void FindBar::deactivate()
{
    if (isHidden())
        return;
    hide();
    m_result->clear();
    Q_EMIT closed();
}

QString FindBar::text() const
{
    return m_text->text();
}

void FindBar::setResult(const QString &message)
{
    m_result->setText(message);
}

QString FindBar::result() const
{
    return m_result->text();
}
