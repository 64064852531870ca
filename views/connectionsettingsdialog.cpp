// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionsettingsdialog.h"

#include "dialogfit.h"

#include "endpoint.h"
#include "secretstore.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum class NoteKind { Warning, Error };

// Fixed colours on a fixed background, so the note reads the same in light and dark themes.
void styleNote(QLabel *label, NoteKind kind)
{
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(kind == NoteKind::Warning
                             ? u"QLabel { background: #fff4ce; color: #5c3c00; border: 1px solid "
                               "#e0c36c; border-radius: 4px; padding: 6px; }"_s
                             : u"QLabel { background: #fde7e9; color: #a4262c; border: 1px solid "
                               "#e8a3a8; border-radius: 4px; padding: 6px; }"_s);
}

QUrl parsedUrl(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (url.path() == u"/"_s)
        url.setPath(QString());
    return url;
}

} // namespace

ConnectionSettingsDialog::ConnectionSettingsDialog(SecretStore *secrets,
                                                   const ConnectionChoice &current, QWidget *parent)
    : QDialog(parent)
    , m_secrets(secrets)
{
    setWindowTitle(tr("Connection Settings"));

    // Typing a URL changes its origin at every keystroke; one keychain read once typing
    // pauses, not one per character (each may wake an unlock prompt).
    m_readDelay = new QTimer(this);
    m_readDelay->setSingleShot(true);
    m_readDelay->setInterval(300);
    connect(m_readDelay, &QTimer::timeout, this, &ConnectionSettingsDialog::readKey);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionSettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildEnvironmentGroup());
    layout->addWidget(buildKeyGroup());
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    if (m_secrets) {
        connect(m_secrets, &SecretStore::keyRead, this, &ConnectionSettingsDialog::onKeyRead);
        connect(m_secrets, &SecretStore::keyWritten, this, &ConnectionSettingsDialog::onKeyWritten);
        connect(m_secrets, &SecretStore::failed, this, &ConnectionSettingsDialog::onFailed);
    }

    if (current.environment == u"production"_s)
        m_production->setChecked(true);
    else if (current.environment == u"sandbox"_s)
        m_sandbox->setChecked(true);
    else if (current.environment == u"custom"_s)
        m_custom->setChecked(true);
    else
        m_local->setChecked(true);
    if (current.environment == u"custom"_s)
        m_customUrl->setText(current.customUrl.toString());
    onEnvironmentChanged();
}

QGroupBox *ConnectionSettingsDialog::buildEnvironmentGroup()
{
    auto *group = new QGroupBox(tr("Environment"), this);
    m_production = new QRadioButton(tr("Production (api.increase.com)"), group);
    m_production->setObjectName(u"production"_s);
    m_sandbox = new QRadioButton(tr("Increase sandbox (sandbox.increase.com)"), group);
    m_sandbox->setObjectName(u"sandbox"_s);
    m_local = new QRadioButton(tr("Local sandbox — demo data"), group);
    m_local->setObjectName(u"local"_s);
    m_custom = new QRadioButton(tr("Custom URL:"), group);
    m_custom->setObjectName(u"custom"_s);

    m_environments = new QButtonGroup(this);
    for (QRadioButton *button : {m_production, m_sandbox, m_local, m_custom})
        m_environments->addButton(button);
    connect(m_environments, &QButtonGroup::buttonToggled, this,
            [this](QAbstractButton *, bool checked) {
                if (checked)
                    onEnvironmentChanged();
            });

    m_customUrl = new QLineEdit(group);
    m_customUrl->setObjectName(u"customUrl"_s);
    m_customUrl->setPlaceholderText(u"https://api.example.com"_s);
    m_customUrl->setAccessibleName(tr("Custom server URL"));
    connect(m_customUrl, &QLineEdit::textChanged, this,
            &ConnectionSettingsDialog::onCustomUrlEdited);

    m_customUrlError = new QLabel(group);
    m_customUrlError->setObjectName(u"customUrlError"_s);
    styleNote(m_customUrlError, NoteKind::Error);

    m_productionWarning = new QLabel(tr("Production: real customer data"), group);
    m_productionWarning->setObjectName(u"productionWarning"_s);
    styleNote(m_productionWarning, NoteKind::Warning);

    auto *customRow = new QHBoxLayout;
    customRow->addWidget(m_custom);
    customRow->addWidget(m_customUrl, 1);

    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_production);
    layout->addWidget(m_sandbox);
    layout->addWidget(m_local);
    layout->addLayout(customRow);
    layout->addWidget(m_customUrlError);
    layout->addWidget(m_productionWarning);
    return group;
}

QGroupBox *ConnectionSettingsDialog::buildKeyGroup()
{
    m_keyGroup = new QGroupBox(tr("API key"), this);
    m_keyGroup->setObjectName(u"keyGroup"_s);

    m_keyStatus = new QLabel(m_keyGroup);
    m_keyStatus->setObjectName(u"keyStatus"_s);
    m_keyStatus->setWordWrap(true);
    m_keyStatus->setTextFormat(Qt::PlainText);

    m_keychainUnavailable =
        new QLabel(tr("No keychain service is available; the key is kept for this session "
                      "only. You will be asked for it again next time."),
                   m_keyGroup);
    m_keychainUnavailable->setObjectName(u"keychainUnavailable"_s);
    styleNote(m_keychainUnavailable, NoteKind::Warning);

    m_keyEdit = new QLineEdit(m_keyGroup);
    m_keyEdit->setObjectName(u"keyEdit"_s);
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setPlaceholderText(tr("Paste a new API key"));
    m_keyEdit->setAccessibleName(tr("API key"));
    connect(m_keyEdit, &QLineEdit::textChanged, this, &ConnectionSettingsDialog::updateKeyWidgets);

    m_saveKey = new QPushButton(m_keyGroup);
    m_saveKey->setObjectName(u"saveKey"_s);
    m_saveKey->setAutoDefault(false);
    connect(m_saveKey, &QPushButton::clicked, this, &ConnectionSettingsDialog::saveKey);

    m_removeKey = new QPushButton(tr("Remove key"), m_keyGroup);
    m_removeKey->setObjectName(u"removeKey"_s);
    m_removeKey->setAutoDefault(false);
    connect(m_removeKey, &QPushButton::clicked, this, &ConnectionSettingsDialog::removeKey);

    m_keyHint = new QLabel(tr("Keys are kept in the system keychain, one per server address, "
                              "never in settings files."),
                           m_keyGroup);
    m_keyHint->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_saveKey);
    buttons->addWidget(m_removeKey);

    auto *layout = new QVBoxLayout(m_keyGroup);
    layout->addWidget(m_keyStatus);
    layout->addWidget(m_keychainUnavailable);
    layout->addWidget(m_keyEdit);
    layout->addLayout(buttons);
    layout->addWidget(m_keyHint);
    return m_keyGroup;
}

ConnectionChoice ConnectionSettingsDialog::choice() const
{
    ConnectionChoice result;
    result.environment = selectedEnvironment();
    if (result.environment == u"custom"_s)
        result.customUrl = parsedUrl(m_customUrl->text());
    return result;
}

QString ConnectionSettingsDialog::selectedEnvironment() const
{
    if (m_production->isChecked())
        return u"production"_s;
    if (m_sandbox->isChecked())
        return u"sandbox"_s;
    if (m_custom->isChecked())
        return u"custom"_s;
    return u"local"_s;
}

KeySlot ConnectionSettingsDialog::selectedSlot() const
{
    // A URL the window would refuse gets no slot: no key is ever filed under it.
    QString error;
    if (m_custom->isChecked() && !customUrlIsValid(&error))
        return KeySlot{};
    return keySlot(choice());
}

bool ConnectionSettingsDialog::customUrlIsValid(QString *error) const
{
    if (m_customUrl->text().trimmed().isEmpty()) {
        *error = tr("Enter the server's URL, for example https://api.example.com.");
        return false;
    }
    return Endpoint::checkBaseUrl(parsedUrl(m_customUrl->text()), error);
}

void ConnectionSettingsDialog::accept()
{
    QString error;
    if (m_custom->isChecked() && !customUrlIsValid(&error)) {
        updateCustomUrlError();
        m_customUrl->setFocus();
        return;
    }
    // A key typed but not yet saved is what the user means to use: save it, then close.
    if (m_keyGroup->isEnabled() && !m_keyEdit->text().trimmed().isEmpty()) {
        m_acceptAfterSave = true;
        saveKey();
        return;
    }
    QDialog::accept();
}

void ConnectionSettingsDialog::onEnvironmentChanged()
{
    m_productionWarning->setVisible(selectedEnvironment() == u"production"_s);
    updateCustomUrlError();
    showKeySlot(selectedSlot());
    readKey();
}

void ConnectionSettingsDialog::onCustomUrlEdited()
{
    updateCustomUrlError();
    const KeySlot slot = selectedSlot();
    // The same origin ("https://a.example" → "https://a.example/") is the same key.
    if (slot.id == m_keySlot.id)
        return;
    showKeySlot(slot);
    if (m_keySlot.isValid())
        m_readDelay->start();
}

void ConnectionSettingsDialog::showKeySlot(const KeySlot &slot)
{
    // A key typed for one origin must not be saved under another.
    m_keyEdit->clear();
    m_acceptAfterSave = false;
    m_readDelay->stop();
    m_keySlot = slot;
    m_keyGroup->setTitle(slot.isValid() ? tr("API key for %1").arg(slot.name) : tr("API key"));
    m_keyGroup->setEnabled(slot.isValid() && m_secrets);
    if (!slot.isValid())
        setKeyState(KeyState::None);
    else if (!m_secrets)
        setKeyState(KeyState::Failed, tr("No key storage is available."));
    else
        setKeyState(KeyState::Checking);
}

void ConnectionSettingsDialog::readKey()
{
    m_readDelay->stop();
    if (m_keySlot.isValid() && m_secrets)
        m_secrets->readKey(m_keySlot.id);
}

void ConnectionSettingsDialog::updateCustomUrlError()
{
    QString error;
    const bool invalid = m_custom->isChecked() && !customUrlIsValid(&error);
    m_customUrlError->setText(invalid ? tr("This URL cannot be used: %1").arg(error) : QString());
    m_customUrlError->setVisible(invalid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!invalid && m_keyState != KeyState::Busy);
    growToFit();
}

void ConnectionSettingsDialog::growToFit()
{
    growToFitContents(this);
}

void ConnectionSettingsDialog::setKeyState(KeyState state, const QString &detail)
{
    // Without a slot there is no key to be in any state, and no name to put in a sentence.
    m_keyState = m_keySlot.isValid() ? state : KeyState::None;
    const QString name = m_keySlot.name;
    switch (m_keyState) {
    case KeyState::Checking:
        m_keyStatus->setText(tr("Checking the system keychain for %1…").arg(name));
        break;
    case KeyState::None:
        if (m_local->isChecked())
            m_keyStatus->setText(tr("The local sandbox uses its built-in demo key; no key is "
                                    "needed."));
        else if (!m_keySlot.isValid())
            m_keyStatus->setText(tr("Enter the API address first: keys are kept per address."));
        else
            m_keyStatus->setText(tr("No key is stored for %1.").arg(name));
        break;
    case KeyState::Stored:
        m_keyStatus->setText(tr("A key is stored in the system keychain for %1.").arg(name));
        break;
    case KeyState::SessionOnly:
        m_keyStatus->setText(tr("A key for %1 is kept for this session only.").arg(name));
        break;
    case KeyState::Busy:
    case KeyState::Failed:
        m_keyStatus->setText(detail);
        break;
    }
    m_keyStatus->setStyleSheet(QString());
    if (m_keyState == KeyState::Failed)
        styleNote(m_keyStatus, NoteKind::Error);
    updateKeyWidgets();
}

void ConnectionSettingsDialog::updateKeyWidgets()
{
    const bool busy = m_keyState == KeyState::Busy;
    const bool keyed = m_keySlot.isValid();
    m_keychainUnavailable->setVisible(keyed && m_serviceUnavailable);
    m_keyHint->setVisible(!m_serviceUnavailable);
    m_saveKey->setText(m_serviceUnavailable ? tr("Keep for this session only") : tr("Save key"));
    m_saveKey->setEnabled(keyed && !busy && !m_keyEdit->text().trimmed().isEmpty());
    m_removeKey->setEnabled(
        keyed && !busy && (m_keyState == KeyState::Stored || m_keyState == KeyState::SessionOnly));
    // The buttons stay short; which key they act on is said in full where it is read out.
    const QString name = m_keySlot.name;
    const QString save = !keyed ? QString()
                         : m_serviceUnavailable
                             ? tr("Keep the key for %1 for this session only").arg(name)
                             : tr("Save the key for %1").arg(name);
    m_saveKey->setToolTip(save);
    m_saveKey->setAccessibleName(save);
    const QString remove = keyed ? tr("Remove the key for %1").arg(name) : QString();
    m_removeKey->setToolTip(remove);
    m_removeKey->setAccessibleName(remove);
    // Neither the environment nor the address may change under a key being saved.
    for (QAbstractButton *button : m_environments->buttons())
        button->setEnabled(!busy);
    m_customUrl->setEnabled(m_custom->isChecked() && !busy);
    updateCustomUrlError();
}

void ConnectionSettingsDialog::saveKey()
{
    const QString key = m_keyEdit->text().trimmed();
    if (key.isEmpty() || !m_keySlot.isValid() || !m_secrets)
        return;
    setKeyState(KeyState::Busy, m_serviceUnavailable ? tr("Keeping the key for this session…")
                                                     : tr("Saving the key in the system "
                                                          "keychain…"));
    m_secrets->writeKey(m_keySlot.id, key);
}

void ConnectionSettingsDialog::removeKey()
{
    if (!m_keySlot.isValid() || !m_secrets)
        return;
    m_acceptAfterSave = false;
    setKeyState(KeyState::Busy, tr("Removing the key…"));
    m_secrets->removeKey(m_keySlot.id);
}

void ConnectionSettingsDialog::onKeyRead(const QString &slot, const QString &key)
{
    if (!m_keySlot.isValid() || slot != m_keySlot.id)
        return;
    // Only whether there is a key matters here; the key itself is not kept.
    if (key.isEmpty())
        setKeyState(KeyState::None);
    else
        setKeyState(m_secrets->isSessionOnly(slot) ? KeyState::SessionOnly : KeyState::Stored);
}

void ConnectionSettingsDialog::onKeyWritten(const QString &slot)
{
    if (!m_keySlot.isValid() || slot != m_keySlot.id)
        return;
    m_keyEdit->clear();
    setKeyState(m_secrets->isSessionOnly(slot) ? KeyState::SessionOnly : KeyState::Stored);
    if (m_acceptAfterSave) {
        m_acceptAfterSave = false;
        QDialog::accept();
    }
}

void ConnectionSettingsDialog::onFailed(const QString &slot, const QString &message,
                                        bool serviceUnavailable)
{
    if (!m_keySlot.isValid() || slot != m_keySlot.id)
        return;
    m_acceptAfterSave = false;
    if (serviceUnavailable) {
        m_serviceUnavailable = true;
        setKeyState(KeyState::None);
    } else {
        setKeyState(KeyState::Failed, message);
    }
}
