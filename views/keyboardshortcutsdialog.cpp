// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyboardshortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

KeyboardShortcutsDialog::KeyboardShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setAccessibleDescription(tr("Each action of the window that has a shortcut, "
                                        "and its keys"));
    QSet<const QAction *> listed;
    for (const QAction *action : actions) {
        if (!action || action->shortcuts().isEmpty() || action->text().isEmpty() ||
            listed.contains(action))
            continue;
        listed.insert(action);
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        auto *item = new QTreeWidgetItem(m_list, {plainText(action), keys.join(u", "_s)});
        item->setToolTip(0, action->toolTip());
    }
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));

    auto *label = new QLabel(tr("&Shortcuts of this window:"), this);
    label->setBuddy(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    // Every row in view without scrolling, as far as the screen allows.
    const int rows = m_list->topLevelItemCount();
    const int rowHeight = rows > 0 ? m_list->sizeHintForRow(0) : fontMetrics().height();
    resize(std::max(420, m_list->header()->length() + 80),
           std::min(640, rows * rowHeight + m_list->header()->sizeHint().height() + 120));
}

QString KeyboardShortcutsDialog::plainText(const QAction *action)
{
    QString text;
    const QString words = action->text();
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words.at(i) == u'&') {
            ++i; // the next character is the mnemonic, or the second '&' of "&&"
            if (i == words.size())
                break;
        }
        text.append(words.at(i));
    }
    if (text.endsWith(u'…'))
        text.chop(1);
    else if (text.endsWith(u"..."_s))
        text.chop(3);
    return text;
}
