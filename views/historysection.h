// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "increaseevent.h"

#include <QWidget>

class ConnectionHistory;
class IncreaseClient;
class QFormLayout;
class QLabel;
class QPushButton;

// The detail pane's "History": one line per event of the connection shown (created,
// deactivated), when and with which event id. While loading, when there is nothing and
// when the events cannot be listed, it says so in place, with Retry after a failure.
class HistorySection : public QWidget
{
    Q_OBJECT
public:
    explicit HistorySection(QWidget *parent = nullptr);

    void setClient(IncreaseClient *client);
    // Lines the events' labels up with the fields above, whose labels are this wide.
    void setLabelWidth(int width) { m_labelWidth = width; }
    // Lists the events of `connectionId`, abandoning any earlier load.
    void load(const QString &connectionId);
    // Abandons any load and empties the section (it stays hidden until the next load).
    void clear();

    bool isLoading() const;
    // "Loading history…", "No events recorded", the failure; empty while events show.
    QString stateText() const;
    // Each event as shown: what happened, when (UTC and local) and the event id.
    QStringList eventTexts() const;
    QPushButton *retryButton() const { return m_retry; }

private:
    void showEvents(const QList<IncreaseEvent> &events);
    void showFailure(const ApiError &error);
    void showState(const QString &text);
    void removeEvents();

    ConnectionHistory *m_history;
    QLabel *m_state;
    QPushButton *m_retry;
    QWidget *m_events;
    QFormLayout *m_form;
    int m_labelWidth = 0;
};
