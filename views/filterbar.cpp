#include "filterbar.h"

#include "applicationcombomodel.h"
#include "applicationlistmodel.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {

QStringList statusesAt(const QComboBox *combo, int index)
{
    return combo->itemData(index).toStringList();
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_status(new QComboBox(this))
    , m_application(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_errorIcon(new QLabel(this))
    , m_comboModel(new ApplicationComboModel(this))
{
    m_status->addItem(tr("Active"), QStringList{u"active"_s});
    m_status->addItem(tr("Inactive"), QStringList{u"inactive"_s});
    m_status->addItem(tr("Active and inactive"), QStringList{u"active"_s, u"inactive"_s});
    m_status->setAccessibleName(tr("Status filter"));
    m_query.statuses = statusesAt(m_status, 0);

    m_application->setEditable(true);
    m_application->setModel(m_comboModel);
    auto *completer = new QCompleter(m_comboModel, m_application);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_application->setCompleter(completer);
    // The list model is read-only: Enter must not try to add the typed text as an item.
    m_application->setInsertPolicy(QComboBox::NoInsert);
    m_application->setAccessibleName(tr("Application filter"));
    m_application->setToolTip(tr("Pick an application, or type an application id"));
    m_application->lineEdit()->setPlaceholderText(tr("All applications, or an application id"));
    m_application->lineEdit()->setClearButtonEnabled(true);
    m_application->setMinimumContentsLength(28);
    m_application->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    m_error->setTextFormat(Qt::PlainText); // echoes what the user typed
    m_error->setAccessibleName(tr("Application filter error"));
    m_error->hide();
    m_errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
    m_errorIcon->hide();

    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    auto *applicationLabel = new QLabel(tr("&Application:"), this);
    applicationLabel->setBuddy(m_application);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(statusLabel);
    layout->addWidget(m_status);
    layout->addSpacing(12);
    layout->addWidget(applicationLabel);
    layout->addWidget(m_application, 1);
    layout->addWidget(m_errorIcon);
    layout->addWidget(m_error);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &FilterBar::apply);
    connect(m_status, &QComboBox::currentIndexChanged, this, &FilterBar::scheduleApply);
    connect(m_application, &QComboBox::activated, this, &FilterBar::scheduleApply);
    connect(m_application->lineEdit(), &QLineEdit::textEdited, this, &FilterBar::scheduleApply);
    // Enter means "now": no reason to wait for the debounce.
    connect(m_application->lineEdit(), &QLineEdit::returnPressed, this, &FilterBar::apply);
}

void FilterBar::setApplicationModel(ApplicationListModel *applications)
{
    if (m_applications)
        disconnect(m_applications, nullptr, this, nullptr);
    m_applications = applications;
    {
        const QSignalBlocker blocker(m_application);
        m_comboModel->setSourceModel(applications);
    }
    if (applications) {
        // A reload resets the list: the combo would jump to row 0 and overwrite what the
        // user typed, so the filter is put back by id.
        connect(applications, &QAbstractItemModel::modelAboutToBeReset, this,
                &FilterBar::rememberApplicationBeforeReset);
        connect(applications, &QAbstractItemModel::modelReset, this,
                &FilterBar::restoreApplicationAfterReset);
    }
    showApplication(m_query.applicationId);
}

void FilterBar::setQuery(const ConnectionQuery &query)
{
    m_debounce.stop();
    m_query = query;
    int statusIndex = 0;
    for (int i = 0; i < m_status->count(); ++i) {
        if (statusesAt(m_status, i) == query.statuses)
            statusIndex = i;
    }
    // An empty status list is the API's default, which is "active".
    m_query.statuses = statusesAt(m_status, statusIndex);
    {
        const QSignalBlocker blocker(m_status);
        m_status->setCurrentIndex(statusIndex);
    }
    showApplication(query.applicationId);
    showError(QString());
}

void FilterBar::filterByApplication(const QString &applicationId)
{
    showApplication(applicationId);
    apply();
}

QString FilterBar::inputError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void FilterBar::scheduleApply()
{
    m_debounce.start();
}

void FilterBar::apply()
{
    m_debounce.stop();
    QString error;
    const std::optional<ConnectionQuery> query = queryFromWidgets(&error);
    if (!query) {
        showError(tr("Not an application id: %1").arg(error));
        return;
    }
    showError(QString());
    if (*query == m_query)
        return;
    m_query = *query;
    Q_EMIT queryChanged(m_query);
}

std::optional<ConnectionQuery> FilterBar::queryFromWidgets(QString *error) const
{
    ConnectionQuery query;
    query.statuses = statusesAt(m_status, m_status->currentIndex());

    const QString text = m_application->currentText().trimmed();
    if (text.isEmpty())
        return query;
    // Names need not be unique: prefer the item actually picked when it still matches.
    int row = m_application->currentIndex();
    if (row < 0 || m_application->itemText(row) != text)
        row = m_application->findText(text, Qt::MatchExactly | Qt::MatchCaseSensitive);
    if (row >= 0) {
        query.applicationId =
            m_application->itemData(row, ApplicationListModel::ApplicationIdRole).toString();
        return query;
    }
    if (!ApiQuery::isValidPathId(text, error))
        return std::nullopt;
    query.applicationId = text;
    return query;
}

void FilterBar::showApplication(const QString &applicationId)
{
    const QSignalBlocker blocker(m_application);
    const int row = m_applications ? m_applications->rowOf(applicationId) : -1;
    if (applicationId.isEmpty()) {
        if (m_application->count() > 0)
            m_application->setCurrentIndex(0);
        // No "All applications" row yet (no connection): the placeholder says it.
        m_application->setEditText(m_application->count() > 0 ? m_application->itemText(0)
                                                              : QString());
    } else if (row >= 0) {
        m_application->setCurrentIndex(row);
        m_application->setEditText(m_application->itemText(row));
    } else {
        m_application->setCurrentIndex(-1);
        m_application->setEditText(applicationId);
    }
}

void FilterBar::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_errorIcon->setVisible(!text.isEmpty());
}

void FilterBar::rememberApplicationBeforeReset()
{
    m_textBeforeReset = m_application->currentText();
    // Text the user is still typing (debounce running) is kept as typed.
    m_typedBeforeReset = m_debounce.isActive();
}

void FilterBar::restoreApplicationAfterReset()
{
    if (m_typedBeforeReset) {
        const QSignalBlocker blocker(m_application);
        m_application->setCurrentIndex(-1);
        m_application->setEditText(m_textBeforeReset);
        return;
    }
    showApplication(m_query.applicationId);
}
