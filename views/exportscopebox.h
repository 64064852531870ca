// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportcontroller.h"

#include <QGroupBox>
#include <QPointer>

class ConnectionTableModel;
class QLabel;
class QRadioButton;

// The export dialog's "Rows" choice: every page of the table's query, or the rows already
// loaded (in the table's order). When every page is loaded it says so, and since when,
// and picks the loaded rows for the user: the same rows without a request.
class ExportScopeBox : public QGroupBox
{
    Q_OBJECT
public:
    // `source` names where the rows come from ("From Production"); empty: not named.
    ExportScopeBox(ConnectionTableModel *model, const QString &source, QWidget *parent = nullptr);

    ExportJob::Scope scope() const;
    // The remembered choice. All matching turns into loaded rows while every page is
    // loaded, until the user picks one.
    void choose(ExportJob::Scope scope);
    // What to remember: the user's choice, not the one made for them.
    ExportJob::Scope chosenScope() const;

    // The "every page is loaded" note; empty while more pages remain.
    QString allLoadedNote() const;

private:
    bool allLoaded() const;
    void update();

    QPointer<ConnectionTableModel> m_model;
    QString m_source;
    QRadioButton *m_all;
    QRadioButton *m_loaded;
    QLabel *m_summary;
    QLabel *m_allLoaded;
    bool m_userChose = false;
    bool m_pickedForUser = false; // loaded rows chosen because every page was loaded
};
