// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionchoice.h"
#include "keyslot.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTimer;
class SecretStore;

// Chooses the environment (production, Increase sandbox, local sandbox, custom URL) and
// manages its API key in the SecretStore, in the choice's key slot (keyslot.h: one per
// origin), which it names. The key field is never pre-filled: the dialog only learns
// whether a key is stored. A key typed and confirmed with OK is saved first; the dialog
// closes once the store has it. Open it with open(), never exec().
class ConnectionSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionSettingsDialog(SecretStore *secrets, const ConnectionChoice &current,
                             QWidget *parent = nullptr);

    ConnectionChoice choice() const;

    void accept() override;

private:
    enum class KeyState { Checking, None, Stored, SessionOnly, Busy, Failed };

    QGroupBox *buildEnvironmentGroup();
    QGroupBox *buildKeyGroup();
    QString selectedEnvironment() const;
    KeySlot selectedSlot() const;
    bool customUrlIsValid(QString *error) const;
    void onEnvironmentChanged();
    void onCustomUrlEdited();
    void showKeySlot(const KeySlot &slot);
    void readKey();
    void updateCustomUrlError();
    void growToFit();
    void updateKeyWidgets();
    void setKeyState(KeyState state, const QString &detail = {});
    void saveKey();
    void removeKey();
    void onKeyRead(const QString &slot, const QString &key);
    void onKeyWritten(const QString &slot);
    void onFailed(const QString &slot, const QString &message, bool serviceUnavailable);

    QPointer<SecretStore> m_secrets;
    QButtonGroup *m_environments = nullptr;
    QRadioButton *m_production = nullptr;
    QRadioButton *m_sandbox = nullptr;
    QRadioButton *m_local = nullptr;
    QRadioButton *m_custom = nullptr;
    QLineEdit *m_customUrl = nullptr;
    QLabel *m_customUrlError = nullptr;
    QLabel *m_productionWarning = nullptr;
    QGroupBox *m_keyGroup = nullptr;
    QLabel *m_keyStatus = nullptr;
    QLabel *m_keychainUnavailable = nullptr;
    QLabel *m_keyHint = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QPushButton *m_saveKey = nullptr;
    QPushButton *m_removeKey = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_readDelay = nullptr; // reads the keychain once the URL stops changing

    KeyState m_keyState = KeyState::Checking;
    KeySlot m_keySlot; // the slot whose key the key group shows; invalid: none
    bool m_serviceUnavailable = false;
    bool m_acceptAfterSave = false;
};
