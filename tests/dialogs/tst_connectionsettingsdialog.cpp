// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The connection settings dialog driven through its widgets with QTest, over the in-memory
// secret store: environments, custom URL rules, saving and removing a key (which never
// reaches a settings file), and the session-only path when no keychain is available.
#include "connectionsettingsdialog.h"
#include "memorysecretstore.h"
#include "widgetdriver.h"

#include <QDirIterator>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kKey = u"ic_live_SECRET_settings_4242"_s;

using WidgetDriver::child;
using WidgetDriver::click;

void type(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
}

QPushButton *okButton(const QWidget *dialog)
{
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        if (button->text().remove(u'&') == u"OK"_s)
            return button;
    }
    return nullptr;
}

QString keyStatus(const QWidget *dialog)
{
    return child<QLabel>(dialog, "keyStatus")->text();
}

} // namespace

class TestConnectionSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Every QSettings the code might create lands in this folder, which is searched for
        // the key afterwards.
        QVERIFY(m_settingsDir.isValid());
        QCoreApplication::setOrganizationName(u"Increase Connections"_s);
        QCoreApplication::setApplicationName(u"tst_connectionsettingsdialog"_s);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void opensOnTheCurrentChoice()
    {
        MemorySecretStore store;
        ConnectionSettingsDialog dialog(
            &store, {u"custom"_s, QUrl(u"https://increase.internal.example:8443"_s)});
        show(dialog);
        QVERIFY(child<QRadioButton>(&dialog, "custom")->isChecked());
        QCOMPARE(child<QLineEdit>(&dialog, "customUrl")->text(),
                 u"https://increase.internal.example:8443"_s);
        QCOMPARE(dialog.choice().environment, u"custom"_s);
        QCOMPARE(dialog.choice().customUrl, QUrl(u"https://increase.internal.example:8443"_s));
    }

    void choosesEachEnvironment()
    {
        MemorySecretStore store;
        ConnectionSettingsDialog dialog(&store, {u"local"_s, {}});
        show(dialog);
        auto *warning = child<QLabel>(&dialog, "productionWarning");
        auto *keyGroup = child<QLineEdit>(&dialog, "keyEdit");
        QVERIFY(!keyGroup->isEnabled()); // the local sandbox has its own demo key
        QVERIFY(!warning->isVisible());

        click(child<QRadioButton>(&dialog, "production"));
        QCOMPARE(dialog.choice().environment, u"production"_s);
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(u"real customer data"_s));
        QTRY_VERIFY(keyStatus(&dialog).startsWith(u"No key is stored"_s));
        QVERIFY(keyGroup->isEnabled());

        click(child<QRadioButton>(&dialog, "sandbox"));
        QCOMPARE(dialog.choice().environment, u"sandbox"_s);
        QVERIFY(!warning->isVisible());

        click(child<QRadioButton>(&dialog, "local"));
        QCOMPARE(dialog.choice().environment, u"local"_s);
        QVERIFY(!keyGroup->isEnabled());

        click(child<QRadioButton>(&dialog, "production"));
        click(okButton(&dialog));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice().environment, u"production"_s);
        QVERIFY(dialog.choice().customUrl.isEmpty());
    }

    void customUrlIsCheckedInline_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("usable");
        QTest::newRow("plain http to a remote host") << u"http://example.com"_s << false;
        QTest::newRow("no scheme") << u"example.com"_s << false;
        QTest::newRow("a path") << u"https://example.com/v1"_s << false;
        QTest::newRow("https") << u"https://api.example.com"_s << true;
        QTest::newRow("http to loopback") << u"http://127.0.0.1:4010"_s << true;
        QTest::newRow("localhost") << u"http://localhost:4010/"_s << true;
    }

    void customUrlIsCheckedInline()
    {
        QFETCH(QString, url);
        QFETCH(bool, usable);
        MemorySecretStore store;
        ConnectionSettingsDialog dialog(&store, {u"sandbox"_s, {}});
        show(dialog);
        click(child<QRadioButton>(&dialog, "custom"));
        type(child<QLineEdit>(&dialog, "customUrl"), url);
        auto *error = child<QLabel>(&dialog, "customUrlError");
        QCOMPARE(error->isVisible(), !usable);
        QCOMPARE(okButton(&dialog)->isEnabled(), usable);
        if (!usable) {
            // Enter, which would press OK, is refused too.
            QTest::keyClick(child<QLineEdit>(&dialog, "customUrl"), Qt::Key_Return);
            QVERIFY(dialog.isVisible());
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            return;
        }
        click(okButton(&dialog));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice().customUrl.host(), QUrl(url).host());
        QVERIFY(dialog.choice().customUrl.path().isEmpty());
    }

    void savesAndRemovesAKeyThatNeverReachesSettings()
    {
        MemorySecretStore store;
        ConnectionSettingsDialog dialog(&store, {u"sandbox"_s, {}});
        show(dialog);
        QTRY_VERIFY(keyStatus(&dialog).startsWith(u"No key is stored"_s));
        auto *keyEdit = child<QLineEdit>(&dialog, "keyEdit");
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
        QVERIFY(!child<QPushButton>(&dialog, "removeKey")->isEnabled());

        type(keyEdit, kKey);
        QSignalSpy written(&store, &SecretStore::keyWritten);
        click(child<QPushButton>(&dialog, "saveKey"));
        QVERIFY(written.wait(5000));
        QCOMPARE(store.storedKey(u"sandbox"_s), kKey);
        QVERIFY(!store.isSessionOnly(u"sandbox"_s));
        QVERIFY(keyEdit->text().isEmpty());
        QVERIFY2(keyStatus(&dialog).contains(u"stored in the system keychain"_s),
                 qPrintable(keyStatus(&dialog)));

        // What the window does with the choice: remember it in QSettings.
        click(okButton(&dialog));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        {
            QSettings settings;
            settings.setValue(u"connection/environment"_s, dialog.choice().environment);
            settings.setValue(u"connection/customUrl"_s, dialog.choice().customUrl);
        }
        QVERIFY(!anySettingsFileContains(kKey));
        QVERIFY(!anySettingsFileContains(kKey.right(8)));

        // A second dialog shows that a key is stored, but never the key itself.
        ConnectionSettingsDialog second(&store, dialog.choice());
        show(second);
        QTRY_VERIFY(keyStatus(&second).contains(u"stored in the system keychain"_s));
        QVERIFY(child<QLineEdit>(&second, "keyEdit")->text().isEmpty());
        click(child<QPushButton>(&second, "removeKey"));
        QTRY_VERIFY(keyStatus(&second).startsWith(u"No key is stored"_s));
        QVERIFY(!store.hasKey(u"sandbox"_s));
    }

    void okSavesATypedKeyBeforeClosing()
    {
        MemorySecretStore store;
        ConnectionSettingsDialog dialog(&store, {u"local"_s, {}});
        show(dialog);
        click(child<QRadioButton>(&dialog, "production"));
        QTRY_VERIFY(keyStatus(&dialog).startsWith(u"No key is stored"_s));
        type(child<QLineEdit>(&dialog, "keyEdit"), kKey);
        click(okButton(&dialog));
        // Closes only once the store confirms.
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(store.storedKey(u"production"_s), kKey);
        QVERIFY(!store.hasKey(u"sandbox"_s));
    }

    void aKeyIsNotCarriedToAnotherEnvironment()
    {
        MemorySecretStore store;
        ConnectionSettingsDialog dialog(&store, {u"sandbox"_s, {}});
        show(dialog);
        type(child<QLineEdit>(&dialog, "keyEdit"), kKey);
        click(child<QRadioButton>(&dialog, "production"));
        QVERIFY(child<QLineEdit>(&dialog, "keyEdit")->text().isEmpty());
    }

    void aCustomUrlsKeyIsKeptForItsOrigin()
    {
        MemorySecretStore store;
        ConnectionSettingsDialog dialog(&store, {u"sandbox"_s, {}});
        show(dialog);
        auto *keyEdit = child<QLineEdit>(&dialog, "keyEdit");
        auto *save = child<QPushButton>(&dialog, "saveKey");

        // No address yet: no key line with an empty name, and nothing to type a key into.
        click(child<QRadioButton>(&dialog, "custom"));
        QCOMPARE(keyStatus(&dialog), u"Enter the API address first: keys are kept per address."_s);
        QVERIFY(!keyEdit->isEnabled());

        // An address: the key line names its origin.
        type(child<QLineEdit>(&dialog, "customUrl"), u"https://A.example/"_s);
        QTRY_COMPARE(keyStatus(&dialog), u"No key is stored for https://a.example."_s);
        QCOMPARE(child<QGroupBox>(&dialog, "keyGroup")->title(),
                 u"API key for https://a.example"_s);
        QCOMPARE(save->accessibleName(), u"Save the key for https://a.example"_s);
        QCOMPARE(child<QPushButton>(&dialog, "removeKey")->accessibleName(),
                 u"Remove the key for https://a.example"_s);

        // Saved under the origin's slot, never the old one shared by every custom URL.
        type(keyEdit, kKey);
        click(save);
        QTRY_VERIFY(store.hasKey(u"custom:https://a.example:443"_s));
        QCOMPARE(store.storedKey(u"custom:https://a.example:443"_s), kKey);
        QVERIFY(!store.hasKey(u"custom"_s));
        QTRY_COMPARE(keyStatus(&dialog),
                     u"A key is stored in the system keychain for https://a.example."_s);

        // Another origin has no key, and a key typed for the first is not carried over.
        type(keyEdit, u"ic_typed_for_a_example"_s);
        type(child<QLineEdit>(&dialog, "customUrl"), u"https://a.example:8443"_s);
        QVERIFY(keyEdit->text().isEmpty());
        QTRY_COMPARE(keyStatus(&dialog), u"No key is stored for https://a.example:8443."_s);
        QVERIFY(!child<QPushButton>(&dialog, "removeKey")->isEnabled());

        // The first origin's key is still there, under whatever spelling of its URL.
        type(child<QLineEdit>(&dialog, "customUrl"), u"https://a.example:443"_s);
        QTRY_COMPARE(keyStatus(&dialog),
                     u"A key is stored in the system keychain for https://a.example."_s);
    }

    void unavailableKeychainKeepsTheKeyForTheSession()
    {
        MemorySecretStore store;
        store.setServiceUnavailable(true);
        ConnectionSettingsDialog dialog(&store, {u"sandbox"_s, {}});
        show(dialog);
        auto *unavailable = child<QLabel>(&dialog, "keychainUnavailable");
        QTRY_VERIFY(unavailable->isVisible());
        QVERIFY(unavailable->text().contains(u"No keychain service is available"_s));
        QVERIFY(unavailable->text().contains(u"session only"_s));
        auto *save = child<QPushButton>(&dialog, "saveKey");
        QCOMPARE(save->text(), u"Keep for this session only"_s);

        type(child<QLineEdit>(&dialog, "keyEdit"), kKey);
        click(save);
        QTRY_VERIFY(store.hasKey(u"sandbox"_s));
        QVERIFY(store.isSessionOnly(u"sandbox"_s));
        QTRY_VERIFY2(keyStatus(&dialog).contains(u"session only"_s),
                     qPrintable(keyStatus(&dialog)));
        QVERIFY(!anySettingsFileContains(kKey));
    }

private:
    static void show(QDialog &dialog)
    {
        dialog.open();
        if (!QTest::qWaitForWindowExposed(&dialog))
            qWarning("the dialog was not exposed");
    }

    bool anySettingsFileContains(const QString &text) const
    {
        {
            // At least one file to search, even where the window wrote nothing yet.
            QSettings settings;
            settings.setValue(u"test/searched"_s, true);
        }
        QDirIterator it(m_settingsDir.path(), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            ++files;
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8()))
                return true;
        }
        if (files == 0)
            qWarning("no settings file was written; the search proves nothing");
        return files == 0; // nothing searched counts as a failure
    }

    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestConnectionSettingsDialog)
#include "tst_connectionsettingsdialog.moc"
