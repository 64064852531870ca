// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Which stored key a connection uses: production and the Increase sandbox keep the slots
// earlier versions wrote; every custom origin (scheme, host, port) has one of its own, and
// nothing maps to the old shared "custom" slot.
#include "keyslot.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestKeySlot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slots_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");
        QTest::newRow("production")
            << u"production"_s << QString() << u"production"_s << u"Production"_s;
        QTest::newRow("sandbox") << u"sandbox"_s << QString() << u"sandbox"_s
                                 << u"Increase sandbox"_s;
        QTest::newRow("local: a key made up per run")
            << u"local"_s << QString() << QString() << QString();
        QTest::newRow("https, default port written out")
            << u"custom"_s << u"https://a.example"_s << u"custom:https://a.example:443"_s
            << u"https://a.example"_s;
        QTest::newRow("case, explicit default port, trailing slash")
            << u"custom"_s << u"HTTPS://A.Example:443/"_s << u"custom:https://a.example:443"_s
            << u"https://a.example"_s;
        QTest::newRow("another port is another origin")
            << u"custom"_s << u"https://a.example:8443"_s << u"custom:https://a.example:8443"_s
            << u"https://a.example:8443"_s;
        QTest::newRow("another host")
            << u"custom"_s << u"https://b.example"_s << u"custom:https://b.example:443"_s
            << u"https://b.example"_s;
        QTest::newRow("http loopback")
            << u"custom"_s << u"http://127.0.0.1:4010"_s << u"custom:http://127.0.0.1:4010"_s
            << u"http://127.0.0.1:4010"_s;
        QTest::newRow("http default port")
            << u"custom"_s << u"http://localhost"_s << u"custom:http://localhost:80"_s
            << u"http://localhost"_s;
        QTest::newRow("IPv6 bracketed") << u"custom"_s << u"http://[::1]:4010"_s
                                        << u"custom:http://[::1]:4010"_s << u"http://[::1]:4010"_s;
        QTest::newRow("user info is no part of the origin")
            << u"custom"_s << u"https://user@a.example"_s << u"custom:https://a.example:443"_s
            << u"https://a.example"_s;
        QTest::newRow("production's origin is production's key")
            << u"custom"_s << u"https://API.increase.com:443/"_s << u"production"_s
            << u"Production"_s;
        QTest::newRow("the Increase sandbox's origin")
            << u"custom"_s << u"https://sandbox.increase.com"_s << u"sandbox"_s
            << u"Increase sandbox"_s;
        QTest::newRow("production's host on another port is not production")
            << u"custom"_s << u"https://api.increase.com:8443"_s
            << u"custom:https://api.increase.com:8443"_s << u"https://api.increase.com:8443"_s;
        QTest::newRow("no URL yet") << u"custom"_s << QString() << QString() << QString();
        QTest::newRow("no scheme") << u"custom"_s << u"a.example"_s << QString() << QString();
        QTest::newRow("another scheme")
            << u"custom"_s << u"ftp://a.example"_s << QString() << QString();
        QTest::newRow("no host") << u"custom"_s << u"https://"_s << QString() << QString();
    }

    void slots()
    {
        QFETCH(QString, environment);
        QFETCH(QString, url);
        QFETCH(QString, id);
        QFETCH(QString, name);
        const KeySlot slot = keySlot(ConnectionChoice{environment, QUrl(url)});
        QCOMPARE(slot.id, id);
        QCOMPARE(slot.name, name);
        QCOMPARE(slot.isValid(), !id.isEmpty());
        // Earlier versions' one key for every custom URL belongs to no origin.
        QVERIFY(slot.id != u"custom"_s);
    }
};

QTEST_GUILESS_MAIN(TestKeySlot)
#include "tst_keyslot.moc"
