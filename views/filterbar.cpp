// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterbar.h"

#include "applicationcombomodel.h"
#include "applicationcompleter.h"
#include "applicationfilterinput.h"
#include "applicationlistmodel.h"
#include "elidedlabel.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {

QStringList statusesAt(const QComboBox *combo, int index)
{
    return combo->itemData(index).toStringList();
}

bool isPlainEscape(const QEvent *event)
{
    const auto *key = static_cast<const QKeyEvent *>(event);
    return key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier;
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_status(new QComboBox(this))
    , m_application(new QComboBox(this))
    , m_message(new ElidedLabel(this))
    , m_errorIcon(new QLabel(this))
    , m_comboModel(new ApplicationComboModel(this))
{
    m_status->addItem(tr("Active"), QStringList{u"active"_s});
    m_status->addItem(tr("Inactive"), QStringList{u"inactive"_s});
    m_status->addItem(tr("Active and inactive"), QStringList{u"active"_s, u"inactive"_s});
    m_status->setAccessibleName(tr("Status filter"));
    m_status->setAccessibleDescription(tr("List active connections, inactive ones, or both"));
    m_query.statuses = statusesAt(m_status, 0);

    m_application->setEditable(true);
    m_application->setModel(m_comboModel);
    m_application->setCompleter(new ApplicationCompleter(m_comboModel, m_application));
    // The list model is read-only: Enter must not try to add the typed text as an item.
    m_application->setInsertPolicy(QComboBox::NoInsert);
    m_application->setAccessibleName(tr("Application filter"));
    m_application->setToolTip(
        tr("Type part of an application's name or ID, then pick it; or type a whole "
           "application ID and press Enter"));
    m_application->lineEdit()->setPlaceholderText(tr("All applications, or a name or ID"));
    m_application->lineEdit()->setClearButtonEnabled(true);
    // Room for a whole application id ("application_" and 20 characters).
    m_application->setMinimumContentsLength(32);
    m_application->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    m_message->setAccessibleName(tr("Application filter message"));
    m_message->hide();
    // The message comes and goes as the user types: its room stays, so the field does not
    // change width under the cursor.
    QSizePolicy keepRoom = m_message->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_message->setSizePolicy(keepRoom);
    m_errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
    m_errorIcon->setAccessibleName(tr("Error"));
    keepRoom = m_errorIcon->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_errorIcon->setSizePolicy(keepRoom);
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
    layout->addWidget(m_application);
    layout->addWidget(m_errorIcon);
    layout->addWidget(m_message, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &FilterBar::apply);
    connect(m_status, &QComboBox::currentIndexChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_application, &QComboBox::activated, this, &FilterBar::onApplicationPicked);
    QLineEdit *edit = m_application->lineEdit();
    connect(edit, &QLineEdit::textChanged, this, &FilterBar::updateHint);
    // Enter reaches the line edit before the combo and its popup settle on a row (QComboBox
    // moves to an exactly named row, the completer activates the highlighted one, both
    // after returnPressed): the field is read once that key press is over.
    connect(edit, &QLineEdit::returnPressed, this, &FilterBar::applyTypedText,
            Qt::QueuedConnection);
    edit->installEventFilter(this);
    m_application->installEventFilter(this);
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
    m_pickedApplicationId.reset();
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
    showMessage(Message::None);
}

void FilterBar::filterByApplication(const QString &applicationId)
{
    m_pickedApplicationId = applicationId;
    showApplication(applicationId);
    apply();
}

QString FilterBar::inputError() const
{
    return m_shown == Message::Error ? m_message->text() : QString();
}

QString FilterBar::inputHint() const
{
    return m_shown == Message::Hint ? m_message->text() : QString();
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    // Escape closes the popup, then puts back the filter in force. It is claimed before the
    // window's Esc shortcut (Cancel Loading) only while there is one of those to do. With
    // the popup open, the completer forwards the shortcut check to the combo.
    const bool field = watched == m_application->lineEdit();
    if ((field || watched == m_application) && event->type() == QEvent::ShortcutOverride &&
        isPlainEscape(event) &&
        (m_application->completer()->popup()->isVisible() || !isTextApplied())) {
        event->accept();
        return true;
    }
    if (field && event->type() == QEvent::KeyPress && isPlainEscape(event) && !isTextApplied()) {
        revertTypedText();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::onApplicationPicked(int row)
{
    if (row < 0)
        return;
    m_pickedApplicationId =
        m_application->itemData(row, ApplicationListModel::ApplicationIdRole).toString();
    updateHint();
    m_debounce.start();
}

void FilterBar::applyTypedText()
{
    const ApplicationFilterInput::Result result = ApplicationFilterInput::resolve(
        m_application->currentText(), m_applications, m_application->currentIndex());
    if (!result.applicationId) {
        showMessage(Message::Error, result.error);
        // Enter closed the popup; when the text is part of some names or ids, they are
        // what the message asks to pick from.
        m_application->completer()->complete();
        return;
    }
    m_pickedApplicationId = *result.applicationId;
    showApplication(*result.applicationId);
    apply();
}

void FilterBar::apply()
{
    m_debounce.stop();
    ConnectionQuery query;
    query.statuses = statusesAt(m_status, m_status->currentIndex());
    // Text typed but not entered is not the filter: a status change keeps the one in force.
    query.applicationId = m_pickedApplicationId.value_or(m_query.applicationId);
    m_pickedApplicationId.reset();
    const bool changed = !(query == m_query);
    m_query = query;
    if (isTextApplied())
        showMessage(Message::None);
    if (changed)
        Q_EMIT queryChanged(m_query);
}

void FilterBar::revertTypedText()
{
    showApplication(m_query.applicationId);
}

bool FilterBar::isTextApplied() const
{
    const QString text = m_application->currentText().trimmed();
    const QString applicationId = m_pickedApplicationId.value_or(m_query.applicationId);
    if (applicationId.isEmpty() && text.isEmpty())
        return true;
    return text == textFor(applicationId).trimmed();
}

QString FilterBar::textFor(const QString &applicationId) const
{
    if (applicationId.isEmpty())
        return m_application->count() > 0 ? m_application->itemText(0) : QString();
    const int row = m_applications ? m_applications->rowOf(applicationId) : -1;
    return row >= 0 ? m_application->itemText(row) : applicationId;
}

void FilterBar::showApplication(const QString &applicationId)
{
    const QSignalBlocker blocker(m_application);
    const int row = m_applications ? m_applications->rowOf(applicationId) : -1;
    if (applicationId.isEmpty()) {
        if (m_application->count() > 0)
            m_application->setCurrentIndex(0);
        // No "All applications" row yet (no connection): the placeholder says it.
        m_application->setEditText(textFor(applicationId));
    } else if (row >= 0) {
        m_application->setCurrentIndex(row);
        m_application->setEditText(m_application->itemText(row));
    } else {
        m_application->setCurrentIndex(-1);
        m_application->setEditText(applicationId);
    }
}

void FilterBar::showMessage(Message kind, const QString &text)
{
    m_shown = kind;
    m_message->setText(text);
    // A hint is quieter than an error: the field is merely not applied yet.
    m_message->setForegroundRole(kind == Message::Hint ? QPalette::PlaceholderText
                                                       : QPalette::WindowText);
    m_message->setVisible(kind != Message::None);
    m_errorIcon->setVisible(kind == Message::Error);
}

void FilterBar::updateHint()
{
    // Any edit makes an earlier error stale: it was about other text.
    if (isTextApplied()) {
        showMessage(Message::None);
        return;
    }
    showMessage(Message::Hint, m_application->currentText().trimmed().isEmpty()
                                   ? tr("Press Enter to show all applications")
                                   : tr("Press Enter to filter"));
}

void FilterBar::rememberApplicationBeforeReset()
{
    m_textBeforeReset = m_application->currentText();
    // Text the user is still typing is kept as typed.
    m_typedBeforeReset = !isTextApplied();
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
