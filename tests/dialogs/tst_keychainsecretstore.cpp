// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The QtKeychain store on whatever this machine offers (headless CI usually has no secret
// service): a read answers asynchronously and never hangs, with either a key (or none) or
// "service unavailable"; when unavailable, a key can be kept for the session. Failure
// messages are classified as QtKeychain 0.13 words them.
#include "keychainsecretstore.h"
#include "keyslot.h"

#include <qt6keychain/keychain.h>

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readAnswersAsynchronously()
    {
        KeychainSecretStore store;
        QSignalSpy read(&store, &SecretStore::keyRead);
        QSignalSpy failed(&store, &SecretStore::failed);
        // An environment that no real keychain holds.
        const QString environment = u"test-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces);
        store.readKey(environment);
        QVERIFY(read.isEmpty() && failed.isEmpty()); // never answered from inside the call
        QTRY_VERIFY_WITH_TIMEOUT(read.size() + failed.size() == 1, 10000);

        if (!read.isEmpty()) {
            QCOMPARE(read.first().at(0).toString(), environment);
            QVERIFY(read.first().at(1).toString().isEmpty());
            QSKIP("A keychain service answered; the session-only path is not reachable here.");
        }
        const QList<QVariant> failure = failed.first();
        QCOMPARE(failure.at(0).toString(), environment);
        QVERIFY2(failure.at(2).toBool(), qPrintable(failure.at(1).toString()));
        qInfo("keychain: %s", qPrintable(failure.at(1).toString()));

        // Told that no service is available, the caller may keep a key for this session.
        QSignalSpy written(&store, &SecretStore::keyWritten);
        store.writeKey(environment, u"ic_session_only_key"_s);
        QVERIFY(written.isEmpty());
        QVERIFY(written.wait(5000));
        QVERIFY(store.isSessionOnly(environment));
        read.clear();
        store.readKey(environment);
        QVERIFY(read.wait(5000));
        QCOMPARE(read.first().at(1).toString(), u"ic_session_only_key"_s);

        read.clear();
        failed.clear();
        store.removeKey(environment);
        QTRY_VERIFY_WITH_TIMEOUT(read.size() + failed.size() == 1, 10000);
        QCOMPARE(read.size(), 1);
        QVERIFY(read.first().at(1).toString().isEmpty());
        QVERIFY(!store.isSessionOnly(environment));
    }

    // What each slot is filed under in the keychain; no keychain service is needed.
    void entryNames_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("entry");
        // The entries earlier versions wrote, unchanged: stored keys keep working.
        QTest::newRow("production") << u"production"_s << QString() << u"api-key/production"_s;
        QTest::newRow("sandbox") << u"sandbox"_s << QString() << u"api-key/sandbox"_s;
        // One entry per custom origin, never the old "api-key/custom" they all shared.
        QTest::newRow("custom") << u"custom"_s << u"https://A.example/"_s
                                << u"api-key/custom:https://a.example:443"_s;
        QTest::newRow("custom, other port") << u"custom"_s << u"https://a.example:8443"_s
                                            << u"api-key/custom:https://a.example:8443"_s;
        QTest::newRow("loopback") << u"custom"_s << u"http://127.0.0.1:4010"_s
                                  << u"api-key/custom:http://127.0.0.1:4010"_s;
    }

    void entryNames()
    {
        QFETCH(QString, environment);
        QFETCH(QString, url);
        QFETCH(QString, entry);
        QCOMPARE(KeychainSecretStore::entryName(keySlot({environment, QUrl(url)}).id), entry);
    }

    void classifiesUnavailableService_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("unavailable");
        const int other = QKeychain::OtherError;
        QTest::newRow("no session bus")
            << other << u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s << true;
        QTest::newRow("no secret service")
            << other << u"The name org.freedesktop.secrets was not provided by any .service files"_s
            << true;
        QTest::newRow("kwallet not running") << other << u"D-Bus is not running"_s << true;
        QTest::newRow("no library") << other << u"Unknown error"_s << true;
        QTest::newRow("no backend")
            << int(QKeychain::NoBackendAvailable) << u"No keychain service available"_s << true;
        QTest::newRow("locked collection")
            << other << u"Cannot create an item in a locked collection"_s << false;
        QTest::newRow("denied") << int(QKeychain::AccessDenied) << u"Access to keychain denied"_s
                                << false;
        QTest::newRow("missing entry")
            << int(QKeychain::EntryNotFound) << u"Entry not found"_s << false;
    }

    void classifiesUnavailableService()
    {
        QFETCH(int, error);
        QFETCH(QString, message);
        QFETCH(bool, unavailable);
        QCOMPARE(KeychainSecretStore::isServiceUnavailable(error, message), unavailable);
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
