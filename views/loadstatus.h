// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class ConnectionTableModel;
class ElidedLabel;
class QLabel;
class QProgressBar;
class QPushButton;

// The status bar's account of the listing: "N loaded · more available" or "N connections ·
// all loaded", the time of the last fetch, the requests in flight, one line of what is
// going on (a retry waiting, else the latest message; shortened with "…" when there is no
// room, never covering the rest), and "Load all" with its progress and Cancel. The API
// gives no total, so progress is the rows loaded so far.
class LoadStatus : public QWidget
{
    Q_OBJECT
public:
    explicit LoadStatus(QWidget *parent = nullptr);

    void setModel(ConnectionTableModel *model);
    void setInFlight(int requests);
    // What the listing waits for; empty: nothing (the message shows again).
    void setActivity(const QString &text);
    // A message for `timeoutMs` (0: until replaced); empty clears it.
    void showMessage(const QString &text, int timeoutMs = 0);
    // The line as shown (activity first), for tests.
    QString messageText() const;

    QString countText() const;
    QString lastFetchText() const;
    QString inFlightText() const;
    bool isLoadingAll() const;
    QString progressText() const;
    QPushButton *loadAllButton() const { return m_loadAll; }
    QPushButton *cancelButton() const { return m_cancel; }

    void loadAll();
    void cancelLoadAll();

private:
    void update();
    void updateMessage();

    QPointer<ConnectionTableModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    QLabel *m_count;
    QLabel *m_lastFetch;
    QLabel *m_inFlight;
    ElidedLabel *m_message;
    QString m_activity;
    QString m_text;
    QTimer m_messageTimeout;
    QPushButton *m_loadAll;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QPushButton *m_cancel;
};
