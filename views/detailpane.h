// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiresult.h"
#include "oauthconnection.h"

#include <QPointer>
#include <QWidget>

class ApiCall;
class ApplicationListModel;
class ErrorBanner;
class HistorySection;
class IncreaseClient;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;

// One connection, freshly retrieved (GET /oauth_connections/{id}): every field, with
// timestamps in UTC and local time, the application's name, the raw JSON as retrieved,
// when it was retrieved and how long it took; under the fields, its history (its events,
// listed once the connection has arrived). "Go to ID…" retrieves any id typed in. Only
// the latest request counts: a reply for an earlier selection is dropped.
class DetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);
    ~DetailPane() override;

    // The client to retrieve with and the names to show; null when disconnected.
    void setSource(IncreaseClient *client, const ApplicationListModel *names);

    // Retrieves `id` unless it is already shown or on its way.
    void showConnection(const QString &id);
    // Puts the cursor in the "Go to ID" field.
    void beginGoToId();
    void clear();
    // The list was queried again: what the pane shows may no longer be in it.
    void markNotListed();

    QString requestedId() const { return m_requestedId; }
    // The id of the connection shown; empty when none.
    QString shownId() const { return m_shown ? m_shown->id : QString(); }
    QString rawJson() const;
    bool isRetrieving() const { return !m_call.isNull(); }
    ErrorBanner *banner() const { return m_banner; }
    // The shown connection's events, under the fields.
    HistorySection *history() const { return m_history; }
    QLineEdit *goToField() const { return m_goTo; }
    // The line above the fields ("Retrieving…", "… is not in the current list"); empty
    // when the fields speak for themselves.
    QString stateText() const;
    QString goToError() const;

Q_SIGNALS:
    void retrieved(const QString &id);
    // Go to ID with a well-formed id: the table shows that row if it has it.
    void goToRequested(const QString &id);
    void setApiKeyRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retrieve(const QString &id);
    void goToTyped();
    void onRetrieved(const QString &id, const ApiResult &result);
    void showFields(const OAuthConnection &connection);
    void showApplicationName();
    void clearFields(const QString &message);
    void abortCall();
    QLabel *addField(QFormLayout *form, const QString &label);

    QPointer<IncreaseClient> m_client;
    QPointer<const ApplicationListModel> m_names;
    QMetaObject::Connection m_namesConnection;
    QPointer<ApiCall> m_call;
    quint64 m_generation = 0; // bumped before every abort: abort() finishes synchronously
    QString m_requestedId;
    std::optional<OAuthConnection> m_shown;

    QLineEdit *m_goTo;
    QLabel *m_goToError;
    ErrorBanner *m_banner;
    QLabel *m_state;
    QWidget *m_fields;
    QScrollArea *m_detailsScroll = nullptr; // the fields and the history
    HistorySection *m_history;
    QLabel *m_id;
    QLabel *m_status;
    QLabel *m_application;
    QLabel *m_groupId;
    QLabel *m_type;
    QLabel *m_created;
    QLabel *m_deleted;
    QLabel *m_retrievedAt;
    QPushButton *m_copyId;
    QPushButton *m_copyJson;
    QPlainTextEdit *m_json;
};
