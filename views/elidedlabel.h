// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

// One line of text that shortens itself with "…" when there is no room, rather than
// cutting words or pushing other widgets away; the whole text is then its tooltip.
class ElidedLabel : public QWidget
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    // The tooltip when the whole text shows (when it does not, the whole text leads it).
    void setHint(const QString &hint);
    QString text() const { return m_text; }
    // What is painted: the text, or its start and "…".
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateToolTip();

    QString m_text;
    QString m_hint;
};
