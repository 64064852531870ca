#pragma once

#include "apiquery.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class ApplicationComboModel;
class ApplicationListModel;
class QComboBox;
class QLabel;

// The filters of the connection listing: status (Active, Inactive, both) and application
// (a name from the list, or any id typed in). Changes are debounced so typing an id or
// stepping through the status combo requeries once; text that is not a valid id is shown
// as an inline error and never sent. Filters go to the server, never to a proxy over the
// loaded rows (STYLE.md trap 7).
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
    // Empty while the typed application is acceptable.
    QString inputError() const;

Q_SIGNALS:
    void queryChanged(const ConnectionQuery &query);

private:
    void scheduleApply();
    void apply();
    std::optional<ConnectionQuery> queryFromWidgets(QString *error) const;
    void showApplication(const QString &applicationId);
    void showError(const QString &text);
    void rememberApplicationBeforeReset();
    void restoreApplicationAfterReset();

    QComboBox *m_status;
    QComboBox *m_application;
    QLabel *m_error;
    QLabel *m_errorIcon;
    QPointer<ApplicationListModel> m_applications;
    ApplicationComboModel *m_comboModel;
    QTimer m_debounce;
    ConnectionQuery m_query;
    QString m_textBeforeReset;
    bool m_typedBeforeReset = false;
};
