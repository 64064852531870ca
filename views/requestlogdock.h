// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestlogtable.h"

#include <QDockWidget>

class HarSaver;
class IncreaseClient;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSettings;
class QSplitter;
class RequestLogDetail;
class RequestLogFilterModel;
class RequestLogModel;

// The request log as a dock: every HTTP attempt of the window's clients, newest at the
// bottom, narrowed to failures or a status class, with the selected one in full beside
// it. "Copy as curl" and "Save as HAR 1.2…" write what the model holds, which has no part
// of the key; only the detail view shows the key's last 4 characters.
//
// The log outlives connections: follow() each new client and the old entries stay, each
// with its full URL to say where it went.
class RequestLogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit RequestLogDock(QWidget *parent = nullptr);

    // Logs every exchange of `client` until the client is deleted (an export still running
    // on a previous client keeps logging).
    void follow(IncreaseClient *client);
    // "Show in request log": opens the dock on the failures, the newest one selected.
    void showFailures();

    void copyAsCurl();
    // Opens a file chooser (non-modal); the chosen file is written by saveHarTo().
    void chooseHarFile();
    // Starts writing the log to `path` off the window's thread, saying so under the table
    // until harSaved(); false while another save runs.
    bool saveHarTo(const QString &path);
    bool isSavingHar() const;
    void clear();

    // The table's column widths and the table/detail split, kept with the window's layout.
    void restoreLayout(const QSettings &settings);
    void saveLayout(QSettings &settings) const;

    RequestLogModel *model() const { return m_model; }
    RequestLogFilterModel *filterModel() const { return m_filter; }
    RequestLogTable *tableView() const { return m_table; }
    RequestLogDetail *detail() const { return m_detail; }
    QCheckBox *failuresOnlyBox() const { return m_failuresOnly; }
    QComboBox *statusClassCombo() const { return m_statusClass; }
    QPushButton *copyCurlButton() const { return m_copyCurl; }
    QPushButton *saveHarButton() const { return m_saveHar; }
    QPushButton *clearButton() const { return m_clear; }
    QString countText() const;
    // The outcome of the last copy or save, shown under the table.
    QString messageText() const;

Q_SIGNALS:
    // The operator emptied the log (the session figures start again with it).
    void cleared();
    // A save begun by saveHarTo() ended; messageText() says how.
    void harSaved(bool saved);

private:
    void onCurrentChanged();
    void updateCount();
    void selectNewestRow();
    void onHarSaved(const QString &path, qsizetype entries, bool saved, const QString &error);

    RequestLogModel *m_model;
    RequestLogFilterModel *m_filter;
    QCheckBox *m_failuresOnly;
    QComboBox *m_statusClass;
    QLabel *m_count;
    QPushButton *m_copyCurl;
    QPushButton *m_saveHar;
    QPushButton *m_clear;
    QSplitter *m_splitter;
    RequestLogTable *m_table;
    RequestLogDetail *m_detail;
    QLabel *m_message;
    HarSaver *m_harSaver;
    bool m_followTail = true; // the view was at the newest row before rows arrived
};
