// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

// Ctrl+F: find text in the rows already loaded. It only reports what the user asked for;
// the window searches the loaded rows, never a proxy model that would fetch every page
// (STYLE.md trap 7).
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    // Shows the bar and puts the cursor in it, with the previous text selected.
    void activate();
    void deactivate();
    QString text() const;
    void setResult(const QString &message);
    QString result() const;
    QLineEdit *lineEdit() const { return m_text; }

Q_SIGNALS:
    void findNext(const QString &text);
    void findPrevious(const QString &text);
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_text;
    QLabel *m_result;
};
