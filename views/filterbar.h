// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiquery.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class ApplicationComboModel;
class ApplicationListModel;
class ElidedLabel;
class QComboBox;
class QLabel;

// The filters of the connection listing: status (Active, Inactive, both) and application.
// Typing in the Application field only narrows its popup to the known applications whose
// name or id contains the text; the listing is queried when an application is picked, or
// on Enter when the text names a known application or is an application id. Anything else
// is explained next to the field and never sent, and the field says when its text is not
// the filter in force (Escape puts that back). Picks and status steps are debounced so
// stepping through a combo requeries once. Filters go to the server, never to a proxy over
// the loaded rows (STYLE.md trap 7).
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 300;

    explicit FilterBar(QWidget *parent = nullptr);

    // Names applications in the combo; may change when the window reconnects.
    void setApplicationModel(ApplicationListModel *applications);

    // The filters as last emitted (or set).
    ConnectionQuery query() const { return m_query; }
    // Shows `query` in the widgets without emitting queryChanged.
    void setQuery(const ConnectionQuery &query);
    // Shows the application filter and emits at once (the context menu's "Filter by this
    // application").
    void filterByApplication(const QString &applicationId);

    QComboBox *statusCombo() const { return m_status; }
    QComboBox *applicationCombo() const { return m_application; }
    // Why Enter did not filter by the typed text; empty otherwise.
    QString inputError() const;
    // What the field says about typed text that is not the filter yet; empty otherwise.
    QString inputHint() const;

Q_SIGNALS:
    void queryChanged(const ConnectionQuery &query);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Message { None, Hint, Error };

    void onApplicationPicked(int row);
    void applyTypedText();
    void apply();
    void revertTypedText();
    bool isTextApplied() const;
    QString textFor(const QString &applicationId) const;
    void showApplication(const QString &applicationId);
    void showMessage(Message kind, const QString &text = QString());
    void updateHint();
    void rememberApplicationBeforeReset();
    void restoreApplicationAfterReset();

    QComboBox *m_status;
    QComboBox *m_application;
    ElidedLabel *m_message;
    QLabel *m_errorIcon;
    QPointer<ApplicationListModel> m_applications;
    ApplicationComboModel *m_comboModel;
    QTimer m_debounce;
    ConnectionQuery m_query;
    // A pick waiting for the debounce; the filter in force until then is m_query's.
    std::optional<QString> m_pickedApplicationId;
    Message m_shown = Message::None;
    QString m_textBeforeReset;
    bool m_typedBeforeReset = false;
};
